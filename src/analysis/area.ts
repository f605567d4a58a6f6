import * as turf from '@turf/turf';
import type { FactionId, Snapshot } from '../data/contract.ts';

export type Tier = 'held' | 'desert' | 'all';

/**
 * Area of each faction's ground in km² (Turf's spherical area, mean earth radius 6371.0088 km):
 * held ground by default, or the desert it dominated, or both. Factions with none are absent.
 * @example areasKm2(snapshot).get('islamic-state') // ≈ 38 000 for July 2017
 */
export function areasKm2(snapshot: Snapshot, tier: Tier = 'held'): Map<FactionId, number> {
  const out = new Map<FactionId, number>();
  for (const f of snapshot.features) {
    if (tier !== 'all' && (f.properties.tier ?? 'held') !== tier) continue;
    const km2 = turf.area(f) / 1e6;
    out.set(f.properties.faction, (out.get(f.properties.faction) ?? 0) + km2);
  }
  return out;
}
