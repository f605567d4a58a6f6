/**
 * Turns the sourced tables into a territory snapshot for one date (method: docs/data.md).
 *
 * 1. Each region (a country) is divided into Voronoi cells around its control points; a side's
 *    cells are the ground it dominates.
 * 2. Within that ground, the side *holds* the settled ground (settled.ts) and, unless its open
 *    country is a support zone, its rear: whatever lies farther than `frontDepthKm` from the
 *    ground of any side it was fighting. The rest is *desert* (tier 'desert').
 * 3. Small held pieces with none of the side's towns in them are folded into its desert.
 * 4. Contested ground (tier 'contested') and hand-drawn overrides are cut in on top.
 *
 * Pure: the caller reads and writes files (scripts/build-snapshots.ts). `prepare` does the work
 * that is the same on every date, once.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Snapshot, TerritoryFeature } from './contract.ts';
import { entryOn, type ControlPoint, type Override } from './control-points.ts';
import { fighting, type Contested, type Method, type Settlement } from './method.ts';
import {
  area, difference, geometryOf, intersection, mapPolys, pointInPolygon, polysOf, projection, simplifyPolys, union, unionAll,
  type Polys, type Projection,
} from './planar.ts';
import { burnPolys, contour, distanceKm, gridFor, type Grid } from './raster.ts';
import { roundValid } from './round.ts';
import { settledGround } from './settled.ts';

export type { ControlPoint, ControlFaction, HistoryEntry, Override, OverrideProps } from './control-points.ts';
export { entryOn, parseControlPoints, parseOverrides } from './control-points.ts';
export { roundValid } from './round.ts';

export type Regions = ReadonlyMap<string, Feature<Polygon | MultiPolygon>>;

export interface Sources {
  points: readonly ControlPoint[];
  overrides: readonly Override[];
  contested: readonly Contested[];
  regions: Regions;
  settlements: readonly Settlement[];
  /** River lines in longitude/latitude (only those the method names). */
  rivers: readonly Position[][];
  method: Method;
}

export interface Prepared {
  sources: Sources;
  proj: Projection;
  /** The grid for distances (raster.ts), covering every region with room for the front depth. */
  grid: Grid;
  /** Per region: its outline and its settled ground, in km. */
  regions: Map<string, { outline: Polys; settled: Polys }>;
}

/** Cells of 1 km for a region the size of Syria and Iraq; down to 0.5 km for a smaller story. */
const cellKm = (box: [number, number, number, number]) => Math.min(1, Math.max(0.5, Math.max(box[2] - box[0], box[3] - box[1]) / 1000));

export interface GenerateOptions {
  /** Coordinate precision of the output, in decimal digits (4 ≈ 10 m). */
  digits?: number;
  /** Pieces smaller than this are dropped (slivers left by clipping), in km². */
  minPieceKm2?: number;
}

/** Smallest and largest of a list of any length (Math.min(...xs) overflows the stack on long ones). */
const least = (xs: number[]) => xs.reduce((m, x) => Math.min(m, x), Infinity);
const most = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x), -Infinity);

/** The work that is the same on every date: the projection and each region's settled ground. */
export function prepare(sources: Sources): Prepared {
  const boxes = [...sources.regions.values()].map((r) => turf.bbox(r));
  const lat0 = boxes.length ? (least(boxes.map((b) => b[1])) + most(boxes.map((b) => b[3]))) / 2 : 0;
  const proj = projection(lat0);
  const rivers = sources.rivers.map((l) => l.map(proj.toKm));
  const outlines = new Map([...sources.regions].map(([id, f]) => [id, mapPolys(polysOf(f.geometry), proj.toKm)]));
  const xy = [...outlines.values()].flat(3);
  const box: [number, number, number, number] = xy.length
    ? [least(xy.map((p) => p[0]!)), least(xy.map((p) => p[1]!)), most(xy.map((p) => p[0]!)), most(xy.map((p) => p[1]!))]
    : [0, 0, 1, 1];
  const { method } = sources;
  const grid = gridFor(box, cellKm(box), Math.max(method.settlementRadiusKm, method.riverCorridorKm, method.linkCorridorKm, method.smoothKm) * 2 + 2);
  // Settlements on both sides of a border are one settled landscape; each region takes its part.
  const towns = [...sources.points.filter((p) => p.kind === 'town'), ...sources.settlements].map((p) => proj.toKm([p.lon, p.lat]));
  // Simplified to a quarter of a km: the contour has a vertex in every cell it crosses.
  const settled = simplifyPolys(settledGround(grid, towns, rivers, method), 0.25);
  const regions = new Map([...outlines].map(([id, outline]) => [id, { outline, settled: intersection(settled, outline) }]));
  return { sources, proj, grid, regions };
}

const active = <T extends { properties: { fromIso: string; toIso: string } }>(list: readonly T[], dateIso: string) =>
  list.filter((o) => o.properties.fromIso <= dateIso && dateIso < o.properties.toIso);

/** Each side's ground in each region on the date: the union of its points' Voronoi cells. */
function domains(prep: Prepared, dateIso: string, skip: (p: ControlPoint) => boolean): Map<string, Map<string, Polys>> {
  const { proj, sources } = prep;
  const out = new Map<string, Map<string, Polys>>();
  for (const [id, { outline }] of prep.regions) {
    const here = sources.points
      .filter((p) => (p.region ?? id) === id && !skip(p))
      .flatMap((p) => {
        const faction: string | undefined = entryOn(p, dateIso)?.faction;
        return faction === undefined ? [] : [{ at: proj.toKm([p.lon, p.lat]), faction }];
      });
    const bySide = new Map<string, Polys[]>();
    if (here.length) {
      const xs = outline.flat(2).map((p) => p[0]!), ys = outline.flat(2).map((p) => p[1]!);
      const pad = 100;
      const cells = turf.voronoi(turf.featureCollection(here.map((x) => turf.point(x.at))), {
        bbox: [least(xs) - pad, least(ys) - pad, most(xs) + pad, most(ys) + pad],
      });
      cells.features.forEach((cell, i) => {
        const side = here[i]!.faction;
        if (cell && side !== 'none') bySide.set(side, [...(bySide.get(side) ?? []), [cell.geometry.coordinates]]);
      });
    }
    out.set(id, new Map([...bySide].map(([side, cells]) => [side, intersection(unionAll(cells), outline)])));
  }
  return out;
}

/** Held pieces under `minKm2` with none of `towns` in them. */
function strays(held: Polys, towns: readonly Position[], minKm2: number): Polys {
  return held.filter((poly) => area([poly]) < minKm2 && !towns.some((t) => pointInPolygon(t, poly)));
}

/** The territory on `dateIso`: per side one held and one desert feature, then pockets and contested ground. */
export function generateSnapshot(prep: Prepared, dateIso: string, options: GenerateOptions = {}): Snapshot {
  const { digits = 4, minPieceKm2 = 1 } = options;
  const { sources, proj } = prep;
  const { method } = sources;
  const km = (g: Polygon | MultiPolygon) => mapPolys(polysOf(g), proj.toKm);
  const overrides = active(sources.overrides, dateIso).map((o) => ({ o, g: km(o.geometry) }));
  const contested = active(sources.contested, dateIso).map((c) => ({ c, g: km(c.geometry) }));
  // Points inside an active override are represented by it, not by a cell of their own.
  const inOverride = (p: ControlPoint) => overrides.some(({ g }) => g.some((poly) => pointInPolygon(proj.toKm([p.lon, p.lat]), poly)));
  const byRegion = domains(prep, dateIso, inOverride);

  const ground = new Map<string, Polys>();
  for (const sides of byRegion.values()) for (const [side, g] of sides) ground.set(side, union(ground.get(side) ?? [], g));
  const supportZone = new Set(method.supportZones.map((z) => z.side));
  // Who dominates each cell of the grid: the index of the side in `sideList`, plus one.
  const sideList = [...ground.keys()];
  const owner = new Uint8Array(prep.grid.w * prep.grid.h);
  sideList.forEach((side, i) => burnPolys(prep.grid, owner, ground.get(side)!, i + 1));
  /** Ground within frontDepthKm of any side this one was fighting. */
  const nearFront = (side: string): Polys => {
    if (!(method.frontDepthKm > 0)) return [];
    const hostile = new Uint8Array(sideList.map((other) => (fighting(method, side, other, dateIso) ? 1 : 0)));
    const mask = owner.map((o) => (o > 0 && hostile[o - 1] ? 1 : 0));
    const toFront = distanceKm(prep.grid, mask);
    // Simplified to 0.3 km: the contour has a vertex in every cell it crosses.
    return simplifyPolys(contour(prep.grid, toFront.map((d) => method.frontDepthKm - d), 0), 0.3);
  };

  const held = new Map<string, Polys[]>(), desert = new Map<string, Polys[]>();
  const push = (m: Map<string, Polys[]>, side: string, g: Polys) => m.set(side, [...(m.get(side) ?? []), g]);
  for (const side of ground.keys()) {
    const near = supportZone.has(side) ? null : nearFront(side);
    for (const [id, sides] of byRegion) {
      const dom = sides.get(side);
      if (!dom) continue;
      const settled = intersection(dom, prep.regions.get(id)!.settled);
      const h = near ? union(settled, difference(dom, near)) : settled;
      push(held, side, h);
      push(desert, side, difference(dom, h));
    }
  }

  const carve = unionAll([...overrides.map((x) => x.g), ...contested.map((x) => x.g)]);
  const features: TerritoryFeature[] = [];
  const emit = (faction: string, g: Polys, extra: Record<string, unknown>) => {
    const pieces = g.filter((poly) => area([poly]) >= minPieceKm2).map((poly) => poly.map((r) => r.map(proj.toLonLat)));
    const geometry = geometryOf(pieces);
    const rounded = geometry && roundValid(geometry, digits);
    if (rounded) features.push({ type: 'Feature', properties: { faction, ...extra } as TerritoryFeature['properties'], geometry: rounded });
  };
  for (const side of ground.keys()) {
    const towns = sources.points.filter((p) => p.kind === 'town' && entryOn(p, dateIso)?.faction === side).map((p) => proj.toKm([p.lon, p.lat]));
    let h = unionAll(held.get(side) ?? []);
    let d = unionAll(desert.get(side) ?? []);
    const stray = strays(h, towns, method.minHeldPieceKm2);
    if (stray.length) { h = difference(h, stray); d = union(d, stray); }
    emit(side, difference(h, carve), {});
    emit(side, difference(d, carve), { tier: 'desert' });
  }
  const everywhere = unionAll([...prep.regions.values()].map((r) => r.outline));
  const contestedAll = unionAll(contested.map((x) => x.g));
  for (const { o, g } of overrides) emit(o.properties.faction, difference(intersection(g, everywhere), contestedAll), { id: o.properties.id });
  // Fights that overlap keep apart: ground already drawn for an earlier one is not drawn again.
  let drawn: Polys = [];
  for (const { c, g } of contested) {
    const own = difference(intersection(g, everywhere), drawn);
    emit(c.properties.faction, own, { tier: 'contested', id: c.properties.id, against: c.properties.against });
    drawn = union(drawn, g);
  }
  return { type: 'FeatureCollection', features };
}
