import * as turf from '@turf/turf';
import { TIERS, tierOf, type FactionId, type Snapshot, type Tier } from '../data/contract.ts';

/**
 * Area of each faction's ground in km² (Turf's spherical area, mean earth radius 6371.0088 km):
 * held ground by default, or one other tier (e.g. the desert it dominated), or all of it.
 * Factions with none are absent.
 * @example areasKm2(snapshot).get('side-a') // km² side-a held
 */
export function areasKm2(snapshot: Snapshot, tier: Tier | 'all' = 'held'): Map<FactionId, number> {
  const out = new Map<FactionId, number>();
  for (const f of snapshot.features) {
    if (tier !== 'all' && tierOf(f) !== tier) continue;
    const km2 = turf.area(f) / 1e6;
    out.set(f.properties.faction, (out.get(f.properties.faction) ?? 0) + km2);
  }
  return out;
}

/** `areasKm2` for every tier at once (src/data/contract.ts TIERS), as the legend shows them. */
export function areasByTier(snapshot: Snapshot): Map<Tier, Map<FactionId, number>> {
  return new Map(TIERS.map((t) => [t, areasKm2(snapshot, t)]));
}
