import * as turf from '@turf/turf';
import type { FactionId, Snapshot } from '../data/contract.ts';

/**
 * Area held by each faction in km² (Turf's spherical area, WGS84 mean radius). Factions with no
 * territory are absent from the map.
 * @example areasKm2(snapshot).get('islamic-state') // ≈ 40 000 for July 2017
 */
export function areasKm2(snapshot: Snapshot): Map<FactionId, number> {
  const out = new Map<FactionId, number>();
  for (const f of snapshot.features) {
    const km2 = turf.area(f) / 1e6;
    out.set(f.properties.faction, (out.get(f.properties.faction) ?? 0) + km2);
  }
  return out;
}
