import * as turf from '@turf/turf';
import type { Feature } from 'geojson';
import type { Bounds } from '../data/story.ts';

/**
 * The bounds of some features (places, a snapshot's territory), [[west, south], [east, north]], or
 * null when there are none: the view a story opens on when story.json names no bounds. A single
 * point is widened to half a degree each way, so the map does not zoom in to its limit.
 * @example boundsOf([...places, ...snapshot.features]) // [[35.7, 29.6], [48.3, 37.2]]
 */
export function boundsOf(features: readonly Feature[]): Bounds | null {
  if (!features.length) return null;
  const [w, s, e, n] = turf.bbox(turf.featureCollection([...features]));
  if (![w, s, e, n].every(Number.isFinite)) return null;
  const pad = (lo: number, hi: number) => (hi - lo < 0.1 ? 0.5 : 0);
  return [[w - pad(w, e), s - pad(s, n)], [e + pad(w, e), n + pad(s, n)]];
}
