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

/** Contested ground of one holder against one set of attackers. */
export interface ContestedArea { holder: FactionId; against: FactionId[]; areaKm2: number }

/**
 * Contested ground grouped by holder and attackers, the largest first.
 * @example contestedAreas(snapshot) // [{ holder: 'side-a', against: ['side-b'], areaKm2: 1234.5 }]
 */
export function contestedAreas(snapshot: Snapshot): ContestedArea[] {
  const out = new Map<string, ContestedArea>();
  for (const f of snapshot.features) {
    if (tierOf(f) !== 'contested') continue;
    const against = [...(f.properties.against ?? [])];
    const key = JSON.stringify([f.properties.faction, against]);
    const a = out.get(key) ?? { holder: f.properties.faction, against, areaKm2: 0 };
    a.areaKm2 += turf.area(f) / 1e6;
    out.set(key, a);
  }
  return [...out.values()].sort((a, b) => b.areaKm2 - a.areaKm2);
}
