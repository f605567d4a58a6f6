/**
 * Overlaps between the features of different factions in one snapshot, in km², with a cache so a
 * folder check measures each pair of polygons once across snapshots. Bounded on hostile files
 * (issue 23: 12,800 identical squares made 41 million overlapping pairs): an R-tree per faction
 * finds the pairs whose bounding boxes meet, at most MAX_LISTED_OVERLAPS problems are listed and
 * the rest counted, and the work for one snapshot stops at OVERLAP_WORK_LIMIT (COUNT_LIMIT more
 * once the file is refused anyway).
 */
import { area, bboxClip, featureCollection, geojsonRbush, intersect, polygon } from '@turf/turf';
import type { BBox, Feature, Polygon, Position } from 'geojson';
import type { TerritoryFeature } from './contract.ts';
import type { Problem } from './result.ts';
import { textHash } from './content-hash.ts';
import { polygonsOf } from './ring-checks.ts';

/** Overlaps between factions up to this area are tolerated (shared borders drawn twice). */
export const DEFAULT_OVERLAP_TOLERANCE_KM2 = 0.5;
/** Overlap problems listed per snapshot; the rest are counted in one line ("and 12,790 more overlaps"). */
export const MAX_LISTED_OVERLAPS = 10;
/**
 * Work allowed for the overlaps of one snapshot, in units of roughly 0.05 µs of one core of the
 * 2-core test machine (issue 23, measured with process.cpuUsage on files that each stress one
 * cost): a pair of boxes the R-tree finds costs UNIT.hit, measuring a pair of polygons UNIT.measure
 * plus one per vertex clipped, and an exact intersection (Turf's, big-number arithmetic, about
 * 1 ms) UNIT.intersect. The bundled story's snapshots need at most 2.8 million units (0.13 s);
 * a hostile file stops after about 5 s.
 */
export const OVERLAP_WORK_LIMIT = 100_000_000;
/**
 * Once more overlaps are found than are listed, the file is refused whatever else it holds: the
 * rest are only counted, with at most this much more work (half a second or so).
 */
const COUNT_LIMIT = 10_000_000;
const UNIT = { hit: 3, measure: 30, intersect: 20_000 };

/** Thrown inside the check when the work limit is reached; never leaves overlapProblems. */
const STOP = Symbol('overlap work limit');
class Work {
  spent = 0;
  constructor(public limit: number) {}
  spend(units: number): void {
    this.spent += units;
    if (this.spent > this.limit) throw STOP;
  }
}

function bboxOf(rings: Position[][]): BBox {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const p of rings[0]!) {
    w = Math.min(w, p[0]!); e = Math.max(e, p[0]!); s = Math.min(s, p[1]!); n = Math.max(n, p[1]!);
  }
  return [w, s, e, n];
}
const union = (a: BBox, b: BBox): BBox => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
const shared = (a: BBox, b: BBox): BBox => [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
const bboxesMeet = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const vertexCount = (rings: Position[][]) => rings.reduce((n, r) => n + r.length, 0);
/** Planar area of clipped rings in degrees² (shell minus holes); only compared with the box's. */
const planarArea = (rings: Position[][]) => rings.reduce((sum, ring, r) => {
  let a = 0;
  for (let i = 1; i < ring.length; i++) a += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return sum + (r === 0 ? 1 : -1) * Math.abs(a / 2);
}, 0);
const clip = (rings: Position[][], box: BBox) => (bboxClip(polygon(rings), box) as Feature<Polygon>).geometry.coordinates;
const OVERLAY_MAX_VERTICES = 64;

/**
 * Area shared by two polygons within `box`, in km². Turf's exact intersection is slow (big-number
 * arithmetic), so both are first cut to the box with a cheap Sutherland–Hodgman clip, and the box
 * is halved until the pieces are small or one of them fills its box (then the other's area is the
 * answer). Neighbours that share a long border thus cost a few small intersections.
 */
function overlapKm2(p: Position[][], q: Position[][], box: BBox, work: Work, depth = 0): number {
  if (box[0] >= box[2] || box[1] >= box[3]) return 0;
  work.spend(vertexCount(p) + vertexCount(q));
  const pc = clip(p, box), qc = clip(q, box);
  if (!pc.length || !qc.length) return 0;
  const boxArea = (box[2] - box[0]) * (box[3] - box[1]);
  if (planarArea(pc) >= boxArea * (1 - 1e-9)) return area(polygon(qc)) / 1e6;
  if (planarArea(qc) >= boxArea * (1 - 1e-9)) return area(polygon(pc)) / 1e6;
  const vertices = vertexCount(pc) + vertexCount(qc);
  if (vertices <= OVERLAY_MAX_VERTICES || depth >= 12) {
    work.spend(UNIT.intersect);
    const both = intersect(featureCollection([polygon(pc), polygon(qc)]));
    return both ? area(both) / 1e6 : 0;
  }
  const [w, s, e, n] = box;
  const halves: [BBox, BBox] = e - w >= n - s
    ? [[w, s, (w + e) / 2, n], [(w + e) / 2, s, e, n]]
    : [[w, s, e, (s + n) / 2], [w, (s + n) / 2, e, n]];
  return overlapKm2(pc, qc, halves[0], work, depth + 1) + overlapKm2(pc, qc, halves[1], work, depth + 1);
}
const describe = (f: TerritoryFeature) => [f.properties.faction, f.properties.tier, f.properties.id].filter(Boolean).join(' ');

/** More remembered than this and the cache starts afresh, so a folder of hostile files cannot fill memory. */
const MAX_CACHED = 200_000;

/**
 * Remembers overlap areas between polygons across snapshots: consecutive snapshots share most of
 * their polygons, so a folder check measures each pair once. Create one per run with `new OverlapCache()`.
 * It keeps a 53-bit fingerprint of each polygon, not its coordinates, so a run over thousands of
 * files holds a few bytes per polygon.
 */
export class OverlapCache {
  private readonly ids = new Map<string, number>();
  /** Area by the smaller id, then the larger: number keys, so a look-up allocates nothing. */
  private readonly areas = new Map<number, Map<number, number>>();
  private areaCount = 0;
  /** Never reused, so ids handed out before the cache started afresh stay unique. */
  private nextId = 0;
  /** A small id for a polygon's coordinates, the same for equal coordinates. */
  id(rings: Position[][]): number {
    const key = `${textHash(JSON.stringify(rings))}:${rings.length}:${rings[0]?.length ?? 0}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      if (this.ids.size >= MAX_CACHED) this.ids.clear();
      this.ids.set(key, (id = this.nextId++));
    }
    return id;
  }
  /** The area remembered for two polygons' ids, or undefined. */
  get(a: number, b: number): number | undefined {
    return a < b ? this.areas.get(a)?.get(b) : this.areas.get(b)?.get(a);
  }
  set(a: number, b: number, km2: number): void {
    if (this.areaCount >= MAX_CACHED) { this.areas.clear(); this.areaCount = 0; }
    const [lo, hi] = a < b ? [a, b] : [b, a];
    let row = this.areas.get(lo);
    if (!row) this.areas.set(lo, (row = new Map()));
    if (!row.has(hi)) this.areaCount++;
    row.set(hi, km2);
  }
}

interface Part { rings: Position[][]; bbox: BBox; id: number }
type Tree = ReturnType<typeof geojsonRbush<Polygon, { shape: number; part: number }>>;
/** An overlap problem found, before its message is written (only the listed ones get one). */
interface Found { a: number; b: number; km2: number; why?: string }
const before = (x: Found, y: Found) => x.a - y.a || x.b - y.b;

/**
 * Overlaps between features of different factions (a desert tier counts as its faction's ground)
 * larger than `toleranceKm2`, one problem per pair of features. Only polygons whose bounding boxes
 * meet are measured. The MAX_LISTED_OVERLAPS problems first in feature order are returned, then,
 * when there were more or the work limit was reached, one last problem with no feature that counts
 * the rest. Structurally valid features only (after parseSnapshot); a self-crossing ring is
 * measured as Turf's intersection reads it.
 */
export function overlapProblems(features: ReadonlyArray<{ index: number; feature: TerritoryFeature }>, file: string, toleranceKm2 = DEFAULT_OVERLAP_TOLERANCE_KM2, cache = new OverlapCache(), workLimit = OVERLAP_WORK_LIMIT): Problem[] {
  const shapes = features.map(({ index, feature }) => ({
    index, feature, faction: feature.properties.faction,
    // Ids (a pass over the coordinates) only for polygons that meet another side's: most never do.
    parts: polygonsOf(feature).map((rings): Part => ({ rings, bbox: bboxOf(rings), id: -1 })),
  }));
  // One R-tree per faction, holding the features already passed: each pair is met once, from its
  // later feature, and pairs within a faction are never looked at.
  const trees = new Map<string, { tree: Tree; bbox: BBox }>();
  const work = new Work(workLimit);
  const first: Found[] = []; // the MAX_LISTED_OVERLAPS first in feature order, sorted
  let found = 0, stopped = false;
  const offer = (a: number, b: number, km2: number, why?: string) => {
    if (++found === MAX_LISTED_OVERLAPS + 1) work.limit = Math.min(work.limit, work.spent + COUNT_LIMIT);
    // Most pairs of a hostile file are only counted: no object for them.
    const last = first[MAX_LISTED_OVERLAPS - 1];
    if (last && (last.a < a || (last.a === a && last.b < b))) return;
    const f: Found = why === undefined ? { a, b, km2 } : { a, b, km2, why };
    const at = first.findIndex((g) => before(f, g) < 0);
    first.splice(at < 0 ? first.length : at, 0, f);
    if (first.length > MAX_LISTED_OVERLAPS) first.pop();
  };
  // Area per earlier feature, summed over the pairs of polygons (reset after each feature).
  const km2 = new Float64Array(shapes.length);
  const seen = new Uint8Array(shapes.length);
  const touched: number[] = [];
  try {
    shapes.forEach((b, i) => {
      const failed = new Map<number, string>();
      for (const q of b.parts) {
        for (const [faction, t] of trees) {
          if (faction === b.faction || !bboxesMeet(t.bbox, q.bbox)) continue;
          work.spend(UNIT.hit);
          for (const hit of t.tree.search(q.bbox).features) {
            work.spend(UNIT.hit);
            const j = hit.properties.shape;
            if (failed.size && failed.has(j)) continue;
            const p = shapes[j]!.parts[hit.properties.part]!;
            if (p.id < 0) p.id = cache.id(p.rings);
            if (q.id < 0) q.id = cache.id(q.rings);
            let add = cache.get(p.id, q.id);
            if (add === undefined) {
              work.spend(UNIT.measure);
              try {
                add = overlapKm2(p.rings, q.rings, shared(p.bbox, q.bbox), work);
              } catch (err) {
                if (err === STOP) throw err;
                // Turf's intersection gives up on some broken rings; the ring checks name the cause.
                failed.set(j, err instanceof Error ? err.message : String(err));
                if (!seen[j]) { seen[j] = 1; touched.push(j); }
                continue;
              }
              cache.set(p.id, q.id, add);
            }
            if (!seen[j]) { seen[j] = 1; touched.push(j); }
            km2[j] = km2[j]! + add;
          }
        }
      }
      for (const j of Int32Array.from(touched).sort()) {
        const why = failed.size ? failed.get(j) : undefined;
        if (why !== undefined || km2[j]! > toleranceKm2) offer(j, i, km2[j]!, why);
        km2[j] = 0;
        seen[j] = 0;
      }
      touched.length = 0;
      for (const [part, q] of b.parts.entries()) {
        let t = trees.get(b.faction);
        if (!t) trees.set(b.faction, (t = { tree: geojsonRbush<Polygon, { shape: number; part: number }>(), bbox: q.bbox }));
        t.tree.insert({ type: 'Feature', bbox: q.bbox, properties: { shape: i, part }, geometry: { type: 'Polygon', coordinates: q.rings } });
        t.bbox = union(t.bbox, q.bbox);
      }
    });
  } catch (err) {
    if (err !== STOP) throw err;
    stopped = true;
  }
  const listed = first.map(({ a, b, km2: area, why }): Problem => {
    const x = shapes[a]!, y = shapes[b]!;
    return why !== undefined
      ? { file, feature: x.index, message: `could not measure its overlap with feature ${y.index}: ${why}` }
      : { file, feature: x.index, message: `${describe(x.feature)} overlaps feature ${y.index} (${describe(y.feature)}) by ${area.toFixed(2)} km²; different factions must not overlap` };
  });
  const more = found - listed.length;
  const n = more.toLocaleString('en'), s = more === 1 ? '' : 's';
  const tooMuch = 'as measuring every pair of polygons of different factions that lie close together would take too long';
  if (stopped && more) listed.push({ file, message: `and at least ${n} more overlap${s} between factions, not listed: the check stopped counting there, ${tooMuch}` });
  else if (stopped) listed.push({ file, message: `the overlap check stopped before the end, ${tooMuch}; simplify the polygons or draw fewer of them` });
  else if (more) listed.push({ file, message: `and ${n} more overlap${s} between factions, not listed` });
  return listed;
}
