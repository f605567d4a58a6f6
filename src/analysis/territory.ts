import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import type { FactionId, Snapshot, TerritoryFeature } from '../data/contract.ts';
import { nearestTerritory } from './distance.ts';

/**
 * The feature of a snapshot that contains a point, or null where nobody holds it.
 * @example featureAt(snapshot, [40.45, 35.02])?.properties.faction // 'side-a'
 */
export function featureAt(snapshot: Snapshot, lonLat: Position): TerritoryFeature | null {
  const pt = turf.point(lonLat);
  for (const f of snapshot.features) {
    const [w, s, e, n] = f.bbox ?? turf.bbox(f);
    if (lonLat[0]! < w || lonLat[0]! > e || lonLat[1]! < s || lonLat[1]! > n) continue;
    if (turf.booleanPointInPolygon(pt, f)) return f;
  }
  return null;
}

/** The faction holding a point on the snapshot's date, or null. */
export function holderAt(snapshot: Snapshot, lonLat: Position): FactionId | null {
  return featureAt(snapshot, lonLat)?.properties.faction ?? null;
}

/**
 * Like `featureAt`, but a point just outside every territory (a border town that the simplified
 * country outline leaves on the wrong side, say) takes the nearest feature within `toleranceKm`.
 * @example featureNear(snapshot, [38.35, 36.89], 3) // a border town the simplified outline leaves just outside
 */
export function featureNear(snapshot: Snapshot, lonLat: Position, toleranceKm = 3): TerritoryFeature | null {
  const inside = featureAt(snapshot, lonLat);
  if (inside) return inside;
  let best: { f: TerritoryFeature; km: number } | null = null;
  for (const f of snapshot.features) {
    const n = nearestTerritory([f], lonLat);
    if (n && n.distanceKm <= toleranceKm && (!best || n.distanceKm < best.km)) best = { f, km: n.distanceKm };
  }
  return best?.f ?? null;
}
