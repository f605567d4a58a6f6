/**
 * Distances on a grid, for the generator's masks (settled ground, the depth behind a front). Shapes
 * are burnt into a grid of square cells in the planar km projection, a Euclidean distance transform
 * gives every cell its distance to the nearest burnt cell, and marching squares (d3-contour) turn a
 * threshold of that distance back into polygons. At 1 km cells the outlines are good to about half
 * a km, far finer than the data (docs/data.md).
 */
import { contours } from 'd3-contour';
import type { Position } from 'geojson';
import type { Polys } from './planar.ts';

export interface Grid {
  /** Lower-left corner, km. */
  x0: number;
  y0: number;
  /** Cell size, km. */
  cell: number;
  w: number;
  h: number;
}

/** A grid covering the box [minX, minY, maxX, maxY] (km) with a margin, at `cell` km. */
export function gridFor(box: [number, number, number, number], cell: number, marginKm: number): Grid {
  const x0 = box[0] - marginKm, y0 = box[1] - marginKm;
  return { x0, y0, cell, w: Math.ceil((box[2] + marginKm - x0) / cell), h: Math.ceil((box[3] + marginKm - y0) / cell) };
}

const INF = 1e20;

/** 1-D squared distance transform of f (Felzenszwalb & Huttenlocher, "Distance Transforms of Sampled Functions", 2012). */
function dt1(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -INF;
  z[1] = INF;
  for (let q = 1; q < n; q++) {
    let s = ((f[q]! + q * q) - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    while (s <= z[k]!) {
      k--;
      s = ((f[q]! + q * q) - (f[v[k]!]! + v[k]! * v[k]!)) / (2 * q - 2 * v[k]!);
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = INF;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    d[q] = (q - v[k]!) ** 2 + f[v[k]!]!;
  }
}

/** Distance (km) from every cell's centre to the nearest cell set in `mask`; Infinity when none is set. */
export function distanceKm(grid: Grid, mask: Uint8Array): Float32Array {
  const { w, h } = grid;
  const n = Math.max(w, h);
  const f = new Float64Array(n), d = new Float64Array(n), z = new Float64Array(n + 1);
  const v = new Int32Array(n);
  const sq = new Float64Array(w * h);
  for (let i = 0; i < w * h; i++) sq[i] = mask[i] ? 0 : INF;
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) f[y] = sq[y * w + x]!;
    dt1(f, h, d, v, z);
    for (let y = 0; y < h; y++) sq[y * w + x] = d[y]!;
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) f[x] = sq[y * w + x]!;
    dt1(f, w, d, v, z);
    for (let x = 0; x < w; x++) out[y * w + x] = d[x]! >= INF / 2 ? Infinity : Math.sqrt(d[x]!) * grid.cell;
  }
  return out;
}

const cellOf = (g: Grid, p: Position): [number, number] => [Math.floor((p[0]! - g.x0) / g.cell), Math.floor((p[1]! - g.y0) / g.cell)];

/** Sets the cells under each point. */
export function burnPoints(grid: Grid, mask: Uint8Array, points: readonly Position[]): void {
  for (const p of points) {
    const [x, y] = cellOf(grid, p);
    if (x >= 0 && y >= 0 && x < grid.w && y < grid.h) mask[y * grid.w + x] = 1;
  }
}

/** Sets the cells under each polyline, sampled at a quarter of a cell. */
export function burnLines(grid: Grid, mask: Uint8Array, lines: readonly Position[][]): void {
  for (const l of lines) {
    for (let i = 1; i < l.length; i++) {
      const a = l[i - 1]!, b = l[i]!;
      const steps = Math.max(1, Math.ceil((Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!) / grid.cell) * 4));
      const pts: Position[] = [];
      for (let s = 0; s <= steps; s++) pts.push([a[0]! + ((b[0]! - a[0]!) * s) / steps, a[1]! + ((b[1]! - a[1]!) * s) / steps]);
      burnPoints(grid, mask, pts);
    }
  }
}

/** Sets the cells whose centre lies inside the polygons (even–odd over all rings), row by row. */
export function burnPolys(grid: Grid, mask: Uint8Array, g: Polys, value = 1): void {
  const edges = g.flatMap((poly) => poly.flatMap((r) => r.slice(1).map((p, i) => [r[i]!, p] as const)));
  for (let y = 0; y < grid.h; y++) {
    const cy = grid.y0 + (y + 0.5) * grid.cell;
    const xs: number[] = [];
    for (const [a, b] of edges) {
      if ((a[1]! > cy) !== (b[1]! > cy)) xs.push(a[0]! + ((cy - a[1]!) * (b[0]! - a[0]!)) / (b[1]! - a[1]!));
    }
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil((xs[k]! - grid.x0) / grid.cell - 0.5));
      const to = Math.min(grid.w - 1, Math.floor((xs[k + 1]! - grid.x0) / grid.cell - 0.5));
      for (let x = from; x <= to; x++) mask[y * grid.w + x] = value;
    }
  }
}

/** Polygons (km) around the cells where `field` ≥ `threshold`, interpolated between cell centres. */
export function contour(grid: Grid, field: ArrayLike<number>, threshold: number): Polys {
  // d3-contour wants finite values; the margin of the grid keeps every shape closed.
  const values = Array.from(field, (x) => (Number.isFinite(x) ? x : x > 0 ? 1e9 : -1e9));
  const [mp] = contours().size([grid.w, grid.h]).thresholds([threshold])(values);
  const toKm = (p: Position): Position => [grid.x0 + p[0]! * grid.cell, grid.y0 + p[1]! * grid.cell];
  return (mp?.coordinates ?? []).map((poly) => poly.map((r) => r.map(toKm)));
}
