import type { Feature, Position } from 'geojson';
import type { Bounds } from '../data/story.ts';

/** Every position of a geometry's coordinates, however deeply nested. */
function eachPosition(c: unknown, fn: (p: Position) => void): void {
  if (!Array.isArray(c)) return;
  if (typeof c[0] === 'number') fn(c as Position);
  else for (const x of c) eachPosition(x, fn);
}

/**
 * The bounds of some features (places, a snapshot's territory), [[west, south], [east, north]], or
 * null when there are none: the view a story opens on when story.json names no bounds. A single
 * point is widened to half a degree each way, so the map does not zoom in to its limit. (A plain
 * loop, not Turf's bbox: this runs before the first map, whose script carries no Turf.)
 * @example boundsOf([...places, ...snapshot.features]) // [[35.7, 29.6], [48.3, 37.2]]
 */
export function boundsOf(features: readonly Feature[]): Bounds | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    if (!f.geometry || f.geometry.type === 'GeometryCollection') continue;
    eachPosition(f.geometry.coordinates, ([x, y]) => { w = Math.min(w, x!); e = Math.max(e, x!); s = Math.min(s, y!); n = Math.max(n, y!); });
  }
  if (![w, s, e, n].every(Number.isFinite)) return null;
  const pad = (lo: number, hi: number) => (hi - lo < 0.1 ? 0.5 : 0);
  return [[w - pad(w, e), s - pad(s, n)], [e + pad(w, e), n + pad(s, n)]];
}
