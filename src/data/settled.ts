/**
 * Settled ground: where people live and move, which a side holds wherever it dominates. It is the
 * same on every date: ground within `settlementRadiusKm` of a settlement, `riverCorridorKm` of a
 * river, or `linkCorridorKm` of the link between two neighbouring settlements (standing for the
 * local roads; the Delaunay triangulation gives each settlement its natural neighbours), then
 * closed by `smoothKm` so that neighbouring discs merge into one smooth area. Computed on the
 * generator's grid (raster.ts) in the planar km projection.
 */
import Delaunator from 'delaunator';
import type { Position } from 'geojson';
import { burnLines, burnPoints, contour, distanceKm, type Grid } from './raster.ts';
import type { Polys } from './planar.ts';

export interface SettledOptions {
  settlementRadiusKm: number;
  riverCorridorKm: number;
  linkCorridorKm: number;
  linkMaxKm: number;
  /** Gaps and bays narrower than twice this are filled and outlines smoothed (a closing), km. */
  smoothKm: number;
}

/** Pairs of settlements (indices) that are Delaunay neighbours no more than `maxKm` apart. */
export function links(towns: readonly Position[], maxKm: number): [number, number][] {
  if (towns.length < 2) return [];
  const d = Delaunator.from(towns as Position[], (p) => p[0]!, (p) => p[1]!);
  const out: [number, number][] = [];
  const near = (a: number, b: number) => Math.hypot(towns[a]![0]! - towns[b]![0]!, towns[a]![1]! - towns[b]![1]!) <= maxKm;
  if (d.triangles.length === 0) {
    // All settlements on one line: no triangles, but the hull lists them in order along it.
    for (let i = 1; i < d.hull.length; i++) if (near(d.hull[i - 1]!, d.hull[i]!)) out.push([d.hull[i - 1]!, d.hull[i]!]);
    return out;
  }
  for (let e = 0; e < d.triangles.length; e++) {
    // Each undirected edge once: from the half-edge whose twin is absent or has a larger index.
    if (d.halfedges[e]! > e) continue;
    const a = d.triangles[e]!, b = d.triangles[e % 3 === 2 ? e - 2 : e + 1]!;
    if (near(a, b)) out.push([a, b]);
  }
  return out;
}

/** The settled ground on the grid (km space), from settlements and river lines (km space). */
export function settledGround(grid: Grid, towns: readonly Position[], rivers: readonly Position[][], o: SettledOptions): Polys {
  const size = grid.w * grid.h;
  const layer = (burn: (mask: Uint8Array) => void) => { const m = new Uint8Array(size); burn(m); return distanceKm(grid, m); };
  const fromTowns = layer((m) => burnPoints(grid, m, towns));
  const fromRivers = layer((m) => burnLines(grid, m, rivers));
  const fromLinks = layer((m) => burnLines(grid, m, links(towns, o.linkMaxKm).map(([a, b]) => [towns[a]!, towns[b]!])));
  // How far inside the settled ground a cell lies (≥ 0 inside): the largest margin over the three kinds.
  const inside = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    inside[i] = Math.max(o.settlementRadiusKm - fromTowns[i]!, o.riverCorridorKm > 0 ? o.riverCorridorKm - fromRivers[i]! : -Infinity, o.linkCorridorKm > 0 ? o.linkCorridorKm - fromLinks[i]! : -Infinity);
  }
  if (!(o.smoothKm > 0)) return contour(grid, inside, 0);
  // Closing: grow by smoothKm, then keep what lies more than smoothKm inside the grown shape.
  const toSettled = layer((m) => { for (let i = 0; i < size; i++) m[i] = inside[i]! >= 0 ? 1 : 0; });
  const toOutside = layer((m) => { for (let i = 0; i < size; i++) m[i] = toSettled[i]! > o.smoothKm ? 1 : 0; });
  const closed = new Float32Array(size);
  for (let i = 0; i < size; i++) closed[i] = toOutside[i]! - o.smoothKm;
  return contour(grid, closed, 0);
}
