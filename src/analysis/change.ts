/**
 * What changed between two dates: which side's ground passed to which, in km² and as polygons to
 * draw. Pure TypeScript over GeoJSON (Turf overlays); runs in Node, a worker or a page.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { FactionId, Snapshot } from '../data/contract.ts';

/** Who holds a piece of ground: a faction, or 'none' where no side holds it. */
export type Holder = FactionId | 'none';

/** One side's balance: gainedKm2 + keptKm2 = afterKm2 and lostKm2 + keptKm2 = beforeKm2. */
export interface ChangeTotals { beforeKm2: number; afterKm2: number; keptKm2: number; gainedKm2: number; lostKm2: number }

/** In `gained`, `faction` is the new holder and `other` the previous one; in `lost`, the reverse. */
export interface ChangeProps { faction: FactionId; other: Holder; areaKm2: number }
export type ChangeFeature = Feature<Polygon | MultiPolygon, ChangeProps>;

export interface ChangeResult {
  /** km² that passed from one holder to another (from ≠ to), as `transfersKm2[from][to]`. */
  transfersKm2: Record<Holder, Record<Holder, number>>;
  /** km² each faction held on both dates. */
  keptKm2: Record<FactionId, number>;
  /** Per faction that holds ground on either date. */
  totals: Record<FactionId, ChangeTotals>;
  /** Ground that changed hands, one feature per (new holder, previous holder) pair; none for 'none'. */
  gained: FeatureCollection<Polygon | MultiPolygon, ChangeProps>;
  /** The same ground seen from the previous holder, plus what it lost to nobody (`other: 'none'`). */
  lost: FeatureCollection<Polygon | MultiPolygon, ChangeProps>;
}

/** Polygons under this many km² are left out of `gained` and `lost` (not of the areas). */
export const MIN_DRAWN_KM2 = 1;
/** Remainders computed by subtracting areas that are below this are floating-point noise. */
const NOISE_KM2 = 1e-3;

/**
 * What changed between two snapshots. A faction's ground is all of its features: held, desert and
 * pockets. Areas are Turf's spherical areas (R = 6371.0088 km), summed over a side's polygons as
 * `areasKm2(snapshot, 'all')` sums them, and count every piece however small, so the totals
 * balance (to within a couple of km² on real data, where neighbouring features overlap or leave gaps
 * of a few metres from rounding). The drawn features leave out polygons under 1 km²
 * (MIN_DRAWN_KM2): those are slivers where an approximate front line moved a little, not news;
 * a feature's `areaKm2` is the area drawn. Assumes one date's features do not overlap (beyond
 * such slivers), as `npm run data:check` requires.
 *
 * Fast for nearby dates: polygons that are the same on both dates are skipped, and overlays only
 * see the rectangles where a side's outline changed (see `changedWindows`).
 * @example computeChange(jan2017, jul2017).transfersKm2['islamic-state']?.['syrian-regime'] // ≈ 32 000
 */
export function computeChange(before: Snapshot, after: Snapshot): ChangeResult {
  const steps = changeSteps(before, after);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `computeChange` as a generator that yields after each polygon overlay (under 200 ms on real data
 * in Node, usually a few ms), so that a caller on the main thread can let the page breathe.
 */
export function* changeSteps(before: Snapshot, after: Snapshot): Generator<void, ChangeResult, void> {
  // Polygons that appear on both dates with the same faction and coordinates are kept ground and
  // take no part in any overlay: features of one snapshot do not overlap, so no other side's ground
  // can meet them. Between nearby dates most polygons are unchanged.
  const kept: ChangeResult['keptKm2'] = {};
  const beforeKm2 = new Map<FactionId, number>(), afterKm2 = new Map<FactionId, number>();
  const lostBy = new Map<FactionId, Part[]>(), wonBy = new Map<FactionId, Part[]>();
  const b = polygonsByFaction(before), a = polygonsByFaction(after);
  for (const faction of new Set([...b.keys(), ...a.keys()])) {
    const [wasCoords, nowCoords, sameKm2] = splitUnchanged(b.get(faction) ?? [], a.get(faction) ?? []);
    const was = wasCoords.map(oriented).map(part), now = nowCoords.map(oriented).map(part);
    const wasKm2 = sumKm2(was);
    if (b.has(faction)) beforeKm2.set(faction, sameKm2 + wasKm2);
    if (a.has(faction)) afterKm2.set(faction, sameKm2 + sumKm2(now));
    // What the side lost (before minus after) and won (after minus before), window by window: pieces
    // far smaller than its ground, so that the overlays between sides below are cheap.
    const lostParts: Part[] = [], wonParts: Part[] = [];
    for (const window of changedWindows(was, now)) {
      const [g, h] = [within(was, window), within(now, window)];
      lostParts.push(...minus(g, h, `${faction}, before minus after`));
      wonParts.push(...minus(h, g, `${faction}, after minus before`));
      yield;
    }
    lostBy.set(faction, lostParts);
    wonBy.set(faction, wonParts);
    // Kept is the rest of what it held: G ∩ H = G − (G − H).
    if (b.has(faction) && a.has(faction)) kept[faction] = Math.max(0, sameKm2 + wasKm2 - sumKm2(lostParts));
  }

  const transfers: ChangeResult['transfersKm2'] = {};
  const gained: ChangeFeature[] = [];
  const lost: ChangeFeature[] = [];
  const record = (from: Holder, to: Holder, piece: Piece | null) => {
    if (!piece) return;
    const km2 = turf.area(piece) / 1e6;
    if (km2 <= 0) return;
    (transfers[from] ??= {})[to] = (transfers[from]?.[to] ?? 0) + km2;
    const drawn = dropSlivers(piece.geometry);
    if (!drawn) return;
    if (to !== 'none') gained.push({ type: 'Feature', properties: { faction: to, other: from, areaKm2: drawn.km2 }, geometry: drawn.geometry });
    if (from !== 'none') lost.push({ type: 'Feature', properties: { faction: from, other: to, areaKm2: drawn.km2 }, geometry: drawn.geometry });
  };

  // What f lost and g won is what passed from f to g, since one date's sides do not overlap.
  const passedFrom = new Map<FactionId, Part[]>(), passedTo = new Map<FactionId, Part[]>();
  for (const [from, l] of lostBy) {
    for (const [to, w] of wonBy) {
      if (from === to) continue;
      const [p, q] = overlapping(l, w);
      if (p.length === 0) continue;
      const piece = clip('intersection', [multi(p), multi(q)], `${from} → ${to}`);
      record(from, to, piece);
      const parts = piece ? polygonsOf(piece.geometry).map(part) : [];
      passedFrom.set(from, [...(passedFrom.get(from) ?? []), ...parts]);
      passedTo.set(to, [...(passedTo.get(to) ?? []), ...parts]);
      yield;
    }
  }
  // Lost to nobody: what a side lost that passed to no side; won from nobody: the reverse. Most
  // of it is slivers between features (boundaries are rounded to 1e-4°), so the overlay only runs
  // when the remainder by area could hold a drawn piece; otherwise the remainder is recorded as is.
  for (const [faction, l] of lostBy) {
    const restKm2 = sumKm2(l) - Object.values(transfers[faction] ?? {}).reduce((s, v) => s + v, 0);
    if (restKm2 >= MIN_DRAWN_KM2) { record(faction, 'none', cut(l, passedFrom.get(faction) ?? [], `${faction} → none`)); yield; }
    else if (restKm2 > NOISE_KM2) (transfers[faction] ??= {}).none = restKm2;
  }
  for (const [faction, w] of wonBy) {
    const restKm2 = sumKm2(w) - Object.values(transfers).reduce((s, m) => s + (m[faction] ?? 0), 0);
    if (restKm2 >= MIN_DRAWN_KM2) { record('none', faction, cut(w, passedTo.get(faction) ?? [], `none → ${faction}`)); yield; }
    else if (restKm2 > NOISE_KM2) (transfers.none ??= {})[faction] = restKm2;
  }

  const totals: ChangeResult['totals'] = {};
  for (const faction of new Set([...beforeKm2.keys(), ...afterKm2.keys()])) {
    const gainedKm2 = Object.values(transfers).reduce((s, m) => s + (m[faction] ?? 0), 0);
    const lostKm2 = Object.values(transfers[faction] ?? {}).reduce((s, v) => s + v, 0);
    totals[faction] = { beforeKm2: beforeKm2.get(faction) ?? 0, afterKm2: afterKm2.get(faction) ?? 0, keptKm2: kept[faction] ?? 0, gainedKm2, lostKm2 };
  }
  return {
    transfersKm2: transfers, keptKm2: kept, totals,
    gained: { type: 'FeatureCollection', features: gained },
    lost: { type: 'FeatureCollection', features: lost },
  };
}

type Piece = Feature<Polygon | MultiPolygon>;
type BBox = [number, number, number, number];
/** One polygon of a faction's ground, with its bbox for cheap overlap tests. */
interface Part { coords: Position[][]; bbox: BBox }

function polygonsByFaction(snapshot: Snapshot): Map<FactionId, Position[][][]> {
  const out = new Map<FactionId, Position[][][]>();
  for (const f of snapshot.features) {
    const list = out.get(f.properties.faction) ?? [];
    list.push(...polygonsOf(f.geometry));
    out.set(f.properties.faction, list);
  }
  return out;
}

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Splits off the polygons that appear, coordinate for coordinate, on both dates; returns the rest and the km² in common. */
function splitUnchanged(was: Position[][][], now: Position[][][]): [Position[][][], Position[][][], number] {
  const unmatched = new Map<string, number>();
  for (const c of now) { const k = JSON.stringify(c); unmatched.set(k, (unmatched.get(k) ?? 0) + 1); }
  const same = new Map<string, number>();
  let km2 = 0;
  const wasLeft = was.filter((c) => {
    const k = JSON.stringify(c), n = unmatched.get(k) ?? 0;
    if (n === 0) return true;
    unmatched.set(k, n - 1);
    same.set(k, (same.get(k) ?? 0) + 1);
    km2 += turf.area(turf.polygon(c)) / 1e6;
    return false;
  });
  const nowLeft = now.filter((c) => {
    const k = JSON.stringify(c), n = same.get(k) ?? 0;
    if (n === 0) return true;
    same.set(k, n - 1);
    return false;
  });
  return [wasLeft, nowLeft, km2];
}

const part = (coords: Position[][]): Part => ({ coords, bbox: turf.bbox(turf.polygon(coords)) as BBox });
const sumKm2 = (parts: Part[]) => parts.reduce((s, p) => s + turf.area(turf.polygon(p.coords)) / 1e6, 0);

/**
 * Rectangles, apart from one another, that hold every place where the two sets of polygons differ.
 * With rings oriented alike, the coverage of `was` and `now` can only differ across a directed
 * edge that one has and the other lacks; each connected run of such edges (grown by MARGIN_DEG)
 * lies in one rectangle. Elsewhere both sides agree, so overlays need only see these rectangles.
 */
function changedWindows(was: Part[], now: Part[]): BBox[] {
  const edges = new Map<string, { n: number; a: Position; b: Position }>();
  const tally = (parts: Part[], d: number) => {
    for (const { coords } of parts) for (const ring of coords) for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1]!, b = ring[i]!;
      const key = `${a[0]},${a[1]},${b[0]},${b[1]}`;
      const e = edges.get(key);
      if (e) e.n += d; else edges.set(key, { n: d, a, b });
    }
  };
  tally(was, 1);
  tally(now, -1);
  let boxes: BBox[] = [];
  for (const { n, a, b } of edges.values()) {
    if (n === 0) continue;
    boxes.push([Math.min(a[0]!, b[0]!) - MARGIN_DEG, Math.min(a[1]!, b[1]!) - MARGIN_DEG, Math.max(a[0]!, b[0]!) + MARGIN_DEG, Math.max(a[1]!, b[1]!) + MARGIN_DEG]);
  }
  for (let merging = true; merging;) {
    merging = false;
    const out: BBox[] = [];
    for (const box of boxes) {
      const into = out.find((o) => meets(o, box));
      if (!into) { out.push(box); continue; }
      into[0] = Math.min(into[0], box[0]); into[1] = Math.min(into[1], box[1]);
      into[2] = Math.max(into[2], box[2]); into[3] = Math.max(into[3], box[3]);
      merging = true;
    }
    boxes = out;
  }
  return boxes;
}

/** How far a window reaches beyond the edges that differ, in degrees (about 1 km). */
const MARGIN_DEG = 0.01;

/**
 * The parts cut to a window (Sutherland–Hodgman, via turf.bboxClip). Only edges the two dates
 * share cross a window's border, so both dates are cut alike there and an overlay of the cut parts
 * equals the overlay of the whole within the window.
 */
function within(parts: Part[], box: BBox): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    if (!meets(p.bbox, box)) continue;
    if (p.bbox[0] >= box[0] && p.bbox[1] >= box[1] && p.bbox[2] <= box[2] && p.bbox[3] <= box[3]) { out.push(p); continue; }
    const rings = p.coords.map((ring) => (turf.bboxClip(turf.polygon([ring]), box).geometry as Polygon).coordinates[0]);
    if (!rings[0]) continue;
    out.push(part([rings[0], ...rings.slice(1).filter((r): r is Position[] => r !== undefined)]));
  }
  return out;
}

/** Outer ring counter-clockwise, holes clockwise (RFC 7946), so that equal edges have equal keys. */
function oriented(coords: Position[][]): Position[][] {
  return coords.map((ring, i) => ((signedArea(ring) > 0) === (i === 0) ? ring : [...ring].reverse()));
}

function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return s;
}

const meets = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const multi = (parts: Part[]): Piece => turf.multiPolygon(parts.map((p) => p.coords));

/** The parts of `a` and of `b` whose bboxes meet a part of the other side. */
function overlapping(a: Part[], b: Part[]): [Part[], Part[]] {
  const inA = new Set<Part>(), inB = new Set<Part>();
  for (const p of a) for (const q of b) if (meets(p.bbox, q.bbox)) { inA.add(p); inB.add(q); }
  return [[...inA], [...inB]];
}

/** `parts` minus `clips`; parts that no clip's bbox meets pass through without an overlay. */
function minus(parts: Part[], clips: Part[], what: string): Part[] {
  const [touched, near] = overlapping(parts, clips);
  if (touched.length === 0) return parts;
  const cut = clip('difference', [multi(touched), ...near.map((q) => turf.polygon(q.coords))], what);
  return [...parts.filter((p) => !touched.includes(p)), ...(cut ? polygonsOf(cut.geometry).map(part) : [])];
}

/** `parts` minus `clips` as one feature, neighbouring parts merged so no outline runs between them. */
function cut(parts: Part[], clips: Part[], what: string): Piece | null {
  const near = clips.filter((q) => parts.some((p) => meets(p.bbox, q.bbox)));
  if (near.length) return clip('difference', [multi(parts), ...near.map((q) => turf.polygon(q.coords))], what);
  if (parts.length <= 1) return parts[0] ? turf.polygon(parts[0].coords) : null;
  return clip('union', parts.map((p) => turf.polygon(p.coords)), what);
}

/**
 * A Turf overlay that retries once with coordinates snapped to a 1e-7° grid (about 1 cm) when
 * polyclip-ts fails on nearly coincident edges (e.g. "Unable to complete output ring"); `what`
 * names the step in the error if the retry fails too.
 */
function clip(op: 'union' | 'intersection' | 'difference', pieces: Piece[], what: string): Piece | null {
  const run = (ps: Piece[]) => {
    const fc = turf.featureCollection(ps);
    return op === 'union' ? turf.union(fc) : op === 'intersection' ? turf.intersect(fc) : turf.difference(fc);
  };
  try {
    return run(pieces);
  } catch (first) {
    try {
      return run(pieces.map(snap));
    } catch (err) {
      const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
      throw new Error(`computeChange: the polygon ${op} for ${what} failed, also with coordinates snapped to 1e-7°: ${message(err)} (first try: ${message(first)})`);
    }
  }
}

function snap(piece: Piece): Piece {
  const r = (v: number) => Math.round(v * 1e7) / 1e7;
  const ring = (ps: Position[]) => ps.map((p) => [r(p[0]!), r(p[1]!)]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
  const polys = polygonsOf(piece.geometry).map((poly) => poly.map(ring)).filter((poly) => poly[0]!.length >= 4).map((poly) => poly.filter((rg) => rg.length >= 4));
  return turf.multiPolygon(polys);
}

/** Drops polygons under MIN_DRAWN_KM2; null when nothing is left. */
function dropSlivers(g: Polygon | MultiPolygon): { geometry: Polygon | MultiPolygon; km2: number } | null {
  let km2 = 0;
  const kept = polygonsOf(g).filter((coords) => {
    const a = turf.area(turf.polygon(coords)) / 1e6;
    if (a < MIN_DRAWN_KM2) return false;
    km2 += a;
    return true;
  });
  if (kept.length === 0) return null;
  return { geometry: kept.length === 1 ? { type: 'Polygon', coordinates: kept[0]! } : { type: 'MultiPolygon', coordinates: kept }, km2 };
}
