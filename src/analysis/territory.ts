import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import type { FactionId, Snapshot, TerritoryFeature } from '../data/contract.ts';

/**
 * The feature of a snapshot that contains a point, or null where nobody holds it.
 * @example featureAt(snapshot, [40.45, 35.02])?.properties.faction // 'islamic-state' in July 2017
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
