/**
 * Polygon pieces for src/analysis/change.ts: a side's ground as parts with bounding boxes, the
 * windows where two dates differ, and Turf overlays restricted to the parts that can meet, with a
 * retry on a finer grid when polyclip-ts fails. Pure TypeScript over GeoJSON.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export type Piece = Feature<Polygon | MultiPolygon>;
export type BBox = [number, number, number, number];
/** One polygon of a faction's ground, with its bbox for cheap overlap tests. */
export interface Part { coords: Position[][]; bbox: BBox }

export const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Splits off the polygons that appear, coordinate for coordinate, on both dates; returns the rest and the km² in common. */
export function splitUnchanged(was: Position[][][], now: Position[][][]): [Position[][][], Position[][][], number] {
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

export const part = (coords: Position[][]): Part => ({ coords, bbox: turf.bbox(turf.polygon(coords)) as BBox });
export const sumKm2 = (parts: Part[]) => parts.reduce((s, p) => s + turf.area(turf.polygon(p.coords)) / 1e6, 0);

/**
 * Rectangles, apart from one another, that hold every place where the two sets of polygons differ.
 * With rings oriented alike, the coverage of `was` and `now` can only differ across a directed
 * edge that one has and the other lacks; each connected run of such edges (grown by MARGIN_DEG)
 * lies in one rectangle. Elsewhere both sides agree, so overlays need only see these rectangles.
 */
export function changedWindows(was: Part[], now: Part[]): BBox[] {
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
export const MARGIN_DEG = 0.01;

/**
 * The parts cut to a window (Sutherland–Hodgman, via turf.bboxClip). Only edges the two dates
 * share cross a window's border, so both dates are cut alike there and an overlay of the cut parts
 * equals the overlay of the whole within the window.
 */
export function within(parts: Part[], box: BBox): Part[] {
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
export function oriented(coords: Position[][]): Position[][] {
  return coords.map((ring, i) => ((signedArea(ring) > 0) === (i === 0) ? ring : [...ring].reverse()));
}

export function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return s;
}

export const meets = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
export const multi = (parts: Part[]): Piece => turf.multiPolygon(parts.map((p) => p.coords));

/** The parts of `a` and of `b` whose bboxes meet a part of the other side. */
export function overlapping(a: Part[], b: Part[]): [Part[], Part[]] {
  const inA = new Set<Part>(), inB = new Set<Part>();
  for (const p of a) for (const q of b) if (meets(p.bbox, q.bbox)) { inA.add(p); inB.add(q); }
  return [[...inA], [...inB]];
}

/** `parts` minus `clips`; parts that no clip's bbox meets pass through without an overlay. */
export function minus(parts: Part[], clips: Part[], what: string): Part[] {
  const [touched, near] = overlapping(parts, clips);
  if (touched.length === 0) return parts;
  const cut = clip('difference', [multi(touched), ...near.map((q) => turf.polygon(q.coords))], what);
  return [...parts.filter((p) => !touched.includes(p)), ...(cut ? polygonsOf(cut.geometry).map(part) : [])];
}

/** `parts` minus `clips` as one feature, neighbouring parts merged so no outline runs between them. */
export function cut(parts: Part[], clips: Part[], what: string): Piece | null {
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
export function clip(op: 'union' | 'intersection' | 'difference', pieces: Piece[], what: string): Piece | null {
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

export function snap(piece: Piece): Piece {
  const r = (v: number) => Math.round(v * 1e7) / 1e7;
  const ring = (ps: Position[]) => ps.map((p) => [r(p[0]!), r(p[1]!)]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
  const polys = polygonsOf(piece.geometry).map((poly) => poly.map(ring)).filter((poly) => poly[0]!.length >= 4).map((poly) => poly.filter((rg) => rg.length >= 4));
  return turf.multiPolygon(polys);
}
