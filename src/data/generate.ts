/**
 * Turns dated control points into a territory snapshot: Voronoi cells around the points held on a
 * date, merged per faction and clipped to the study area, with hand-drawn overrides cut in.
 * Pure: the caller reads and writes files (scripts/build-snapshots.ts).
 */
import * as turf from '@turf/turf';
import * as polyclip from 'polyclip-ts';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { factionIdCheck, isId, isIsoDate, type FactionId, type Snapshot, type TerritoryFeature } from './contract.ts';
import { fail, ok, type Problem, type Result } from './result.ts';

export type ControlFaction = FactionId | 'none';

export interface HistoryEntry { fromIso: string; faction: ControlFaction; source: string }
export interface ControlPoint {
  id: string; name: string; lon: number; lat: number; kind: 'town' | 'area'; history: HistoryEntry[];
  /** How far from the point its holder's control is assumed to reach; defaults by kind. */
  radiusKm?: number;
  /** The region (country) whose ground the point's cell may cover; see `generateSnapshot`. */
  region?: string;
}

export interface OverrideProps { id: string; faction: FactionId; fromIso: string; toIso: string; source: string }
export type Override = Feature<Polygon | MultiPolygon, OverrideProps>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isControlFaction = (v: unknown): v is ControlFaction => v === 'none' || isId(v);

/** Parses a control-point table (see data/sources/README.md); `factions`: the ids of data/factions.json. */
export function parseControlPoints(data: unknown, file: string, factions?: Iterable<string>): Result<ControlPoint[]> {
  const side = factionIdCheck(factions);
  const isSide = (v: unknown): v is ControlFaction => v === 'none' || side.ok(v);
  if (!isObj(data) || !Array.isArray(data.points)) return fail({ file, message: 'expected an object {"points": [...]}' });
  const problems: Problem[] = [];
  const points: ControlPoint[] = [];
  data.points.forEach((p: unknown, i) => {
    const where = `points[${i}]`;
    if (!isObj(p) || typeof p.id !== 'string') return problems.push({ file, message: `${where}: expected an object with an "id"` });
    const label = `${where} (${p.id})`;
    if (typeof p.lat !== 'number' || typeof p.lon !== 'number' || Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) {
      return problems.push({ file, message: `${label}: "lat" and "lon" must be numbers in range` });
    }
    if (!Array.isArray(p.history) || p.history.length === 0) return problems.push({ file, message: `${label}: "history" must be a non-empty array` });
    const history: HistoryEntry[] = [];
    for (const [k, h] of p.history.entries()) {
      if (!isObj(h) || !isIsoDate(h.from) || !isSide(h.faction)) {
        problems.push({ file, message: `${label}: history[${k}] needs "from" (YYYY-MM-DD) and "faction" (${side.expected}, or none)` });
        return;
      }
      const prev = history[history.length - 1];
      if (prev && prev.fromIso > h.from) {
        problems.push({ file, message: `${label}: history[${k}] (${h.from}) is earlier than the entry before it (${prev.fromIso})` });
        return;
      }
      history.push({ fromIso: h.from, faction: h.faction, source: typeof h.source === 'string' ? h.source : '' });
    }
    if (p.radiusKm !== undefined && !(typeof p.radiusKm === 'number' && p.radiusKm > 0)) {
      problems.push({ file, message: `${label}: "radiusKm" must be a positive number of km` });
      return;
    }
    points.push({
      id: p.id, name: typeof p.name === 'string' ? p.name : p.id, lon: p.lon, lat: p.lat, kind: p.kind === 'area' ? 'area' : 'town', history,
      ...(typeof p.radiusKm === 'number' ? { radiusKm: p.radiusKm } : {}),
    });
  });
  return problems.length ? fail(...problems) : ok(points);
}

/** Parses hand-drawn overrides: polygons with faction, from, to (exclusive) and source. */
export function parseOverrides(data: unknown, file: string): Result<Override[]> {
  if (!isObj(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    return fail({ file, message: 'expected a GeoJSON FeatureCollection' });
  }
  const problems: Problem[] = [];
  const out: Override[] = [];
  data.features.forEach((f: unknown, feature) => {
    if (!isObj(f) || !isObj(f.properties) || !isObj(f.geometry)) return problems.push({ file, feature, message: 'expected a Feature' });
    const p = f.properties;
    if (typeof p.id !== 'string' || !isControlFaction(p.faction) || p.faction === 'none' || !isIsoDate(p.from) || !isIsoDate(p.to)) {
      return problems.push({ file, feature, message: 'needs "id", "faction", "from" and "to" (YYYY-MM-DD)' });
    }
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') return problems.push({ file, feature, message: 'geometry must be a Polygon or MultiPolygon' });
    out.push({
      type: 'Feature',
      properties: { id: p.id, faction: p.faction, fromIso: p.from, toIso: p.to, source: typeof p.source === 'string' ? p.source : '' },
      geometry: f.geometry as unknown as Polygon | MultiPolygon,
    });
  });
  return problems.length ? fail(...problems) : ok(out);
}

/** The entry of a point's history in force on a date, or null before its first entry. */
export function entryOn(point: ControlPoint, dateIso: string): HistoryEntry | null {
  let found: HistoryEntry | null = null;
  for (const h of point.history) if (h.fromIso <= dateIso) found = h;
  return found;
}

// A local equirectangular projection: x scaled by cos(34°) so that Voronoi bisectors are close to
// equal-distance lines across the region (error under 5% between 29° and 38° N).
const LAT0 = 34;
const KX = Math.cos((LAT0 * Math.PI) / 180);
const project = (p: Position): Position => [p[0]! * KX, p[1]!];
const unproject = (p: Position): Position => [p[0]! / KX, p[1]!];
const mapCoords = (g: Polygon | MultiPolygon, fn: (p: Position) => Position): Polygon | MultiPolygon =>
  g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(fn)) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => r.map(fn))) };

function roundGeometry(g: Polygon | MultiPolygon, digits: number): Polygon | MultiPolygon {
  const f = 10 ** digits;
  const r = (p: Position): Position => [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f];
  return mapCoords(g, r);
}

const samePos = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Drops repeated consecutive positions (rounding can merge neighbours) and rings left too short. */
function dedupe(polys: Position[][][]): Position[][][] {
  return polys
    .map((rings) => rings.map((ring) => ring.filter((p, i) => i === 0 || !samePos(p, ring[i - 1]!))).filter((ring) => ring.length >= 4))
    .filter((rings) => rings.length > 0);
}

/**
 * Rounds to `digits` and keeps the result valid. Rounding moves vertices by up to half a unit,
 * which can make a ring cross itself where two edges run within metres of each other; polyclip's
 * union of the shape with itself re-nodes such spots, and that result is rounded again, until
 * rounding no longer changes it (in practice after one or two passes).
 */
export function roundValid(g: Polygon | MultiPolygon, digits: number): Polygon | MultiPolygon | null {
  let polys = dedupe(g.type === 'Polygon' ? [roundGeometry(g, digits).coordinates as Position[][]] : (roundGeometry(g, digits) as MultiPolygon).coordinates);
  for (let pass = 0; pass < 4 && polys.length; pass++) {
    const cleaned = polyclip.union(polys as polyclip.Geom) as Position[][][];
    const next = dedupe((roundGeometry({ type: 'MultiPolygon', coordinates: cleaned }, digits) as MultiPolygon).coordinates);
    if (JSON.stringify(next) === JSON.stringify(polys)) break;
    polys = next;
  }
  if (!polys.length) return null;
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
}

/** Drops polygon pieces under `minKm2` (slivers left by clipping). */
function dropSlivers(g: Polygon | MultiPolygon, minKm2: number): Polygon | MultiPolygon | null {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const kept = polys.filter((c) => turf.area(turf.polygon(c)) / 1e6 >= minKm2);
  if (kept.length === 0) return null;
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0]! } : { type: 'MultiPolygon', coordinates: kept };
}

export interface GenerateOptions {
  /** Coordinate precision of the output, in decimal digits (4 ≈ 10 m). */
  digits?: number;
  /** Pieces smaller than this are dropped, in km². */
  minPieceKm2?: number;
  /**
   * How far a holder's control reaches from a point without its own `radiusKm`, by kind. Within
   * it, ground is "held"; the rest of the point's cell is "desert" (tier: 'desert'): open country
   * the side dominated without holding, drawn lighter and counted apart, as IHS's "territorial
   * dominance" counts leave it out.
   */
  reachKm?: { town: number; area: number };
}

/** Default reach of control; data/sources/README.md says how it was chosen. */
export const DEFAULT_REACH_KM = { town: 25, area: 10 } as const;

export type Regions = ReadonlyMap<string, Feature<Polygon | MultiPolygon>>;
type Piece = Feature<Polygon | MultiPolygon>;

const unionAll = (list: Piece[]): Piece | null =>
  list.length === 0 ? null : list.length === 1 ? list[0]! : turf.union(turf.featureCollection(list));

const intersect2 = (a: Piece | null, b: Piece | null): Piece | null => (a && b ? turf.intersect(turf.featureCollection([a, b])) : null);
const minus = (a: Piece | null, b: Piece | null): Piece | null => (a && b ? turf.difference(turf.featureCollection([a, b])) : a);

/**
 * The territory on `dateIso`. Each region (a country) is divided into Voronoi cells around its own
 * points, so one country's towns never claim ground across the border. Per region and faction
 * there is one "held" feature and one "desert" feature (tier: 'desert'); each active override is
 * a feature of its own that keeps its `id` (e.g. the Deir ez-Zor enclave).
 */
export function generateSnapshot(
  points: readonly ControlPoint[],
  overrides: readonly Override[],
  regions: Regions,
  dateIso: string,
  options: GenerateOptions = {},
): Snapshot {
  const { digits = 4, minPieceKm2 = 1, reachKm = DEFAULT_REACH_KM } = options;
  const active = overrides.filter((o) => o.properties.fromIso <= dateIso && dateIso < o.properties.toIso);
  const inOverride = (p: ControlPoint) => active.some((o) => turf.booleanPointInPolygon([p.lon, p.lat], o));

  const add = (m: Map<FactionId, Piece[]>, f: FactionId, piece: Piece | null) => { if (piece) m.set(f, [...(m.get(f) ?? []), piece]); };
  const carve = unionAll(active.map((o) => turf.feature(o.geometry)));
  const features: TerritoryFeature[] = [];
  const emit = (faction: FactionId, piece: Piece | null, extra: Record<string, string>) => {
    const cut = minus(piece, carve);
    const rounded = cut && roundValid(cut.geometry, digits);
    const geometry = rounded && dropSlivers(rounded, minPieceKm2);
    if (geometry) features.push({ type: 'Feature', properties: { faction, ...extra }, geometry });
  };

  for (const [regionId, area] of regions) {
    // Points inside an active override are represented by it, not by a cell of their own.
    const here = points
      .filter((p) => (p.region ?? regionId) === regionId && !inOverride(p))
      .map((p) => ({ p, entry: entryOn(p, dateIso) }))
      .filter((x): x is { p: ControlPoint; entry: HistoryEntry } => x.entry !== null);
    if (here.length === 0) continue;
    const [w, s, e, n] = turf.bbox(area);
    const pts: FeatureCollection<Point> = turf.featureCollection(here.map((x) => turf.point(project([x.p.lon, x.p.lat]))));
    const box = [...project([w - 1, s - 1]), ...project([e + 1, n + 1])] as [number, number, number, number];
    const cells = turf.voronoi(pts, { bbox: box });
    const cellsBy = new Map<FactionId, Piece[]>();
    const circlesBy = new Map<FactionId, Piece[]>();
    cells.features.forEach((cell, i) => {
      const x = here[i];
      if (!cell || !x || x.entry.faction === 'none') return;
      add(cellsBy, x.entry.faction, turf.feature(mapCoords(cell.geometry, unproject)));
      const reach = x.p.radiusKm ?? reachKm[x.p.kind];
      if (Number.isFinite(reach)) add(circlesBy, x.entry.faction, turf.circle([x.p.lon, x.p.lat], reach, { units: 'kilometers', steps: 32 }));
    });
    // One feature per region, faction and tier: features of the same side meet at the border.
    for (const [faction, list] of cellsBy) {
      // Held: within reach of any point the side holds, inside the side's cells. Desert: the rest.
      const all = intersect2(unionAll(list), area);
      const circles = circlesBy.get(faction);
      const core = circles ? intersect2(all, unionAll(circles)) : all;
      emit(faction, core, {});
      emit(faction, minus(all, core), { tier: 'desert' });
    }
  }

  const everywhere = unionAll([...regions.values()]);
  for (const o of active) {
    const clipped = intersect2(turf.feature(o.geometry), everywhere);
    const rounded = clipped && roundValid(clipped.geometry, digits);
    const geometry = rounded && dropSlivers(rounded, 0);
    if (geometry) features.push({ type: 'Feature', properties: { faction: o.properties.faction, id: o.properties.id }, geometry });
  }
  return { type: 'FeatureCollection', features };
}
