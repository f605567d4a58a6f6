/**
 * Planar geometry for the snapshot generator. Shapes are moved into a local equirectangular
 * projection measured in km (x scaled by the cosine of a middle latitude), where buffers and
 * distances are plain Euclidean; boolean operations use polygon-clipping. Across 10° of latitude the
 * east–west scale error stays under 8%, far below the precision of the data (see docs/data.md).
 */
import polyclip from 'polygon-clipping';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Geom } from 'polygon-clipping';

/** A set of polygons: [polygon][ring][position]. */
export type Polys = Position[][][];

export interface Projection {
  toKm: (p: Position) => Position;
  toLonLat: (p: Position) => Position;
}

const KM_PER_DEG_LAT = 110.57;

/** A local projection in km around latitude `lat0`. */
export function projection(lat0: number): Projection {
  const kx = Math.cos((lat0 * Math.PI) / 180) * 111.32;
  return {
    toKm: (p) => [p[0]! * kx, p[1]! * KM_PER_DEG_LAT],
    toLonLat: (p) => [p[0]! / kx, p[1]! / KM_PER_DEG_LAT],
  };
}

export const mapPolys = (g: Polys, fn: (p: Position) => Position): Polys => g.map((poly) => poly.map((r) => r.map(fn)));
export const polysOf = (g: Polygon | MultiPolygon): Polys => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
export const geometryOf = (g: Polys): Polygon | MultiPolygon | null =>
  g.length === 0 ? null : g.length === 1 ? { type: 'Polygon', coordinates: g[0]! } : { type: 'MultiPolygon', coordinates: g };

const clip = (g: Polys) => g as unknown as Geom;
const snap = (g: Polys, step: number): Polys => mapPolys(g, (p) => [Math.round(p[0]! / step) * step, Math.round(p[1]! / step) * step]);

/**
 * Runs a polygon-clipping operation. Its sweep can fail on nearly coincident edges ("Unable to
 * complete output ring"); the inputs are then snapped to a 1 m, then a 10 m grid (km units) and
 * the operation tried again, far below the precision of the data.
 */
export function robust(op: (...gs: Geom[]) => Polys, gs: Polys[], steps: readonly number[] = [0, 1e-3, 1e-2]): Polys {
  let last: unknown;
  for (const step of steps) {
    try {
      return op(...gs.map((g) => clip(step ? snap(g, step) : g)));
    } catch (err) {
      last = err;
    }
  }
  throw last;
}
export const union = (...gs: Polys[]): Polys => {
  const xs = gs.filter((g) => g.length);
  if (xs.length <= 1) return xs[0] ?? [];
  return robust((a, ...rest) => polyclip.union(a!, ...rest) as Polys, xs);
};
export const intersection = (a: Polys, b: Polys): Polys => (a.length && b.length ? robust((x, y) => polyclip.intersection(x!, y!) as Polys, [a, b]) : []);
export const difference = (a: Polys, b: Polys): Polys => (a.length && b.length ? robust((x, y) => polyclip.difference(x!, y!) as Polys, [a, b]) : a);

/** Union of many shapes, pairwise in a balanced tree: much faster than adding them one by one. */
export function unionAll(list: readonly Polys[]): Polys {
  let xs = list.filter((g) => g.length);
  while (xs.length > 1) {
    const next: Polys[] = [];
    for (let i = 0; i < xs.length; i += 2) next.push(i + 1 < xs.length ? union(xs[i]!, xs[i + 1]!) : xs[i]!);
    xs = next;
  }
  return xs[0] ?? [];
}

/** A disc of radius `r` around `c`, as a polygon of `n` vertices. */
export function disc(c: Position, r: number, n = 16): Polys {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push([c[0]! + r * Math.cos(a), c[1]! + r * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return [[ring]];
}

/** Everything within `r` of the segment a–b (a "stadium"), `n` vertices per rounded end. */
export function stadium(a: Position, b: Position, r: number, n = 8): Polys {
  const dx = b[0]! - a[0]!, dy = b[1]! - a[1]!;
  if (Math.hypot(dx, dy) < 1e-9) return disc(a, r, 2 * n);
  const ang = Math.atan2(dy, dx);
  const ring: Position[] = [];
  for (let i = 0; i <= n; i++) { const t = ang + Math.PI / 2 + (Math.PI * i) / n; ring.push([a[0]! + r * Math.cos(t), a[1]! + r * Math.sin(t)]); }
  for (let i = 0; i <= n; i++) { const t = ang - Math.PI / 2 + (Math.PI * i) / n; ring.push([b[0]! + r * Math.cos(t), b[1]! + r * Math.sin(t)]); }
  ring.push(ring[0]!);
  return [[ring]];
}

/** Everything within `r` of any of the polylines. */
export function bufferLines(lines: readonly Position[][], r: number, n = 8): Polys {
  const parts: Polys[] = [];
  for (const l of lines) for (let i = 1; i < l.length; i++) parts.push(stadium(l[i - 1]!, l[i]!, r, n));
  return unionAll(parts);
}

/** Everything within `r` of the shape (its Minkowski sum with a disc). */
export function bufferPolys(g: Polys, r: number, n = 8): Polys {
  return union(g, bufferLines(g.flat(), r, n));
}

/** The shape without everything within `r` of its edge (erosion by a disc). */
export function erode(g: Polys, r: number, n = 8): Polys {
  return difference(g, bufferLines(g.flat(), r, n));
}

/**
 * Closing: grow by `r`, then shrink by `r`. Fills gaps and bays narrower than 2r and smooths the
 * scallops between neighbouring discs, without growing the shape elsewhere.
 */
export function close(g: Polys, r: number, n = 8): Polys {
  return erode(bufferPolys(g, r, n), r, n);
}

/** Douglas–Peucker with tolerance `tol` on every ring; rings that collapse are dropped. */
export function simplifyPolys(g: Polys, tol: number): Polys {
  const dp = (pts: Position[]): Position[] => {
    if (pts.length <= 2) return pts;
    const keep = new Uint8Array(pts.length);
    keep[0] = 1;
    keep[pts.length - 1] = 1;
    const stack: [number, number][] = [[0, pts.length - 1]];
    while (stack.length) {
      const [s, e] = stack.pop()!;
      const [ax, ay] = pts[s] as [number, number], [bx, by] = pts[e] as [number, number];
      const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy) || 1e-12;
      let best = -1, at = -1;
      for (let i = s + 1; i < e; i++) {
        const d = Math.abs(dy * (pts[i]![0]! - ax) - dx * (pts[i]![1]! - ay)) / len;
        if (d > best) { best = d; at = i; }
      }
      if (best > tol) { keep[at] = 1; stack.push([s, at], [at, e]); }
    }
    return pts.filter((_, i) => keep[i]);
  };
  // A closed ring starts and ends on one point: split it at the vertex farthest from that point.
  const ring = (r: Position[]): Position[] => {
    let far = 0, best = -1;
    r.forEach((p, i) => { const d = Math.hypot(p[0]! - r[0]![0]!, p[1]! - r[0]![1]!); if (d > best) { best = d; far = i; } });
    return [...dp(r.slice(0, far + 1)).slice(0, -1), ...dp(r.slice(far))];
  };
  return g.map((poly) => poly.map(ring).filter((r) => r.length >= 4)).filter((p) => p.length && p[0]!.length >= 4);
}

const ringArea = (r: Position[]): number => {
  let a = 0;
  for (let i = 1; i < r.length; i++) a += r[i - 1]![0]! * r[i]![1]! - r[i]![0]! * r[i - 1]![1]!;
  return Math.abs(a / 2);
};

/** Area of one polygon (outer ring minus holes), in the square of the projection's unit. */
export const polygonArea = (poly: Position[][]): number => poly.reduce((s, r, k) => s + (k === 0 ? 1 : -1) * ringArea(r), 0);
export const area = (g: Polys): number => g.reduce((s, poly) => s + polygonArea(poly), 0);

/** True when `p` lies inside the polygon (even–odd rule over all its rings). */
export function pointInPolygon(p: Position, poly: Position[][]): boolean {
  let inside = false;
  const [x, y] = p as [number, number];
  for (const r of poly) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i] as [number, number], [xj, yj] = r[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
