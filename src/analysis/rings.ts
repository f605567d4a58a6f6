import * as turf from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';

/**
 * A geodesic circle of `radiusKm` around a point, as a polygon with `steps` vertices
 * (Turf circle: each vertex is `radiusKm` away along a great circle).
 * @example ringPolygon([40.45, 35.02], 60) // a ring 60 km around a place
 */
export function ringPolygon(center: Position, radiusKm: number, steps = 128): Feature<Polygon, { radiusKm: number }> {
  if (!(radiusKm > 0)) throw new RangeError(`radiusKm must be positive, got ${radiusKm}`);
  const c = turf.circle(center, radiusKm, { units: 'kilometers', steps });
  return { type: 'Feature', properties: { radiusKm }, geometry: c.geometry };
}
