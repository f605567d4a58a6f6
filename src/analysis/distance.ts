import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import type { FactionId, Snapshot, TerritoryFeature } from '../data/contract.ts';

export interface Nearest {
  /** Great-circle distance in km (Turf, haversine); 0 when the point lies inside the territory. */
  distanceKm: number;
  /** The nearest point of the territory, [lon, lat]. */
  nearest: Position;
}

/**
 * Distance from a point to the nearest territory among `features`, or null when there is none.
 * The nearest point lies on a polygon's boundary (Turf nearestPointOnLine over its rings).
 * @example nearestTerritory(snapshot.features.filter(f => f.properties.faction === 'side-a'), [40.45, 35.02])
 */
export function nearestTerritory(features: readonly TerritoryFeature[], lonLat: Position): Nearest | null {
  const pt = turf.point(lonLat);
  let best: Nearest | null = null;
  for (const f of features) {
    if (turf.booleanPointInPolygon(pt, f)) return { distanceKm: 0, nearest: lonLat };
    const lines = turf.polygonToLine(f);
    const list = lines.type === 'FeatureCollection' ? lines.features : [lines];
    for (const line of list) {
      const snapped = turf.nearestPointOnLine(line, pt, { units: 'kilometers' });
      const d = snapped.properties.pointDistance;
      if (best === null || d < best.distanceKm) best = { distanceKm: d, nearest: snapped.geometry.coordinates };
    }
  }
  return best;
}

/** The factions a snapshot's features name, in the order they first appear. */
export const factionsIn = (snapshot: Snapshot): FactionId[] => [...new Set(snapshot.features.map((f) => f.properties.faction))];

/**
 * For each faction present in the snapshot (of `factionIds` when given, in that order), the
 * distance from the point to its nearest territory.
 */
export function distancesToFactions(snapshot: Snapshot, lonLat: Position, factionIds: readonly FactionId[] = factionsIn(snapshot)): Map<FactionId, Nearest> {
  const out = new Map<FactionId, Nearest>();
  for (const faction of factionIds) {
    const features = snapshot.features.filter((f) => f.properties.faction === faction);
    const n = nearestTerritory(features, lonLat);
    if (n) out.set(faction, n);
  }
  return out;
}
