/**
 * Overlaps between the features of different factions in one snapshot, in km², with a cache so a
 * folder check measures each pair of polygons once across snapshots.
 */
import { area, bboxClip, featureCollection, intersect, polygon } from '@turf/turf';
import type { BBox, Feature, Polygon, Position } from 'geojson';
import type { TerritoryFeature } from './contract.ts';
import type { Problem } from './result.ts';
import { textHash } from './content-hash.ts';
import { polygonsOf } from './ring-checks.ts';

/** Overlaps between factions up to this area are tolerated (shared borders drawn twice). */
export const DEFAULT_OVERLAP_TOLERANCE_KM2 = 0.5;

function bboxOf(rings: Position[][]): BBox {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const p of rings[0]!) {
    w = Math.min(w, p[0]!); e = Math.max(e, p[0]!); s = Math.min(s, p[1]!); n = Math.max(n, p[1]!);
  }
  return [w, s, e, n];
}
const shared = (a: BBox, b: BBox): BBox => [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
const bboxesMeet = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
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
function overlapKm2(p: Position[][], q: Position[][], box: BBox, depth = 0): number {
  if (box[0] >= box[2] || box[1] >= box[3]) return 0;
  const pc = clip(p, box), qc = clip(q, box);
  if (!pc.length || !qc.length) return 0;
  const boxArea = (box[2] - box[0]) * (box[3] - box[1]);
  if (planarArea(pc) >= boxArea * (1 - 1e-9)) return area(polygon(qc)) / 1e6;
  if (planarArea(qc) >= boxArea * (1 - 1e-9)) return area(polygon(pc)) / 1e6;
  const vertices = [...pc, ...qc].reduce((n, r) => n + r.length, 0);
  if (vertices <= OVERLAY_MAX_VERTICES || depth >= 12) {
    const both = intersect(featureCollection([polygon(pc), polygon(qc)]));
    return both ? area(both) / 1e6 : 0;
  }
  const [w, s, e, n] = box;
  const halves: [BBox, BBox] = e - w >= n - s
    ? [[w, s, (w + e) / 2, n], [(w + e) / 2, s, e, n]]
    : [[w, s, e, (s + n) / 2], [w, (s + n) / 2, e, n]];
  return overlapKm2(pc, qc, halves[0], depth + 1) + overlapKm2(pc, qc, halves[1], depth + 1);
}
const describe = (f: TerritoryFeature) => [f.properties.faction, f.properties.tier, f.properties.id].filter(Boolean).join(' ');

/**
 * Remembers overlap areas between polygons across snapshots: consecutive snapshots share most of
 * their polygons, so a folder check measures each pair once. Create one per run with `new OverlapCache()`.
 * It keeps a 53-bit fingerprint of each polygon, not its coordinates, so a run over thousands of
 * files holds a few bytes per polygon.
 */
export class OverlapCache {
  private readonly ids = new Map<string, number>();
  private readonly areas = new Map<string, number>();
  /** A small id for a polygon's coordinates, the same for equal coordinates (all but surely different otherwise). */
  id(rings: Position[][]): number {
    const key = `${textHash(JSON.stringify(rings))}:${rings.length}:${rings[0]?.length ?? 0}`;
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }
  areaKm2(a: number, b: number, measure: () => number): number {
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    let km2 = this.areas.get(key);
    if (km2 === undefined) this.areas.set(key, (km2 = measure()));
    return km2;
  }
}

/**
 * Overlaps between features of different factions (a desert tier counts as its faction's ground)
 * larger than `toleranceKm2`, one problem per pair of features. Only polygons whose bounding boxes
 * meet are intersected. Structurally valid features only (after parseSnapshot); a self-crossing
 * ring is measured as Turf's intersection reads it.
 */
export function overlapProblems(features: ReadonlyArray<{ index: number; feature: TerritoryFeature }>, file: string, toleranceKm2 = DEFAULT_OVERLAP_TOLERANCE_KM2, cache = new OverlapCache()): Problem[] {
  const shapes = features.map(({ index, feature }) => {
    // Ids (a pass over the coordinates) only for polygons that meet another side's: most never do.
    const parts = polygonsOf(feature).map((rings) => ({ rings, bbox: bboxOf(rings), id: -1 }));
    // Seeded with an empty box: a feature with no polygons must not throw (it meets nothing).
    const bbox = parts.map((p) => p.bbox).reduce<BBox>((u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])], [Infinity, Infinity, -Infinity, -Infinity]);
    return { index, feature, parts, bbox };
  });
  const problems: Problem[] = [];
  for (let i = 0; i < shapes.length; i++) {
    for (let j = i + 1; j < shapes.length; j++) {
      const a = shapes[i]!, b = shapes[j]!;
      if (a.feature.properties.faction === b.feature.properties.faction || !bboxesMeet(a.bbox, b.bbox)) continue;
      let areaKm2 = 0;
      try {
        for (const p of a.parts) {
          if (!bboxesMeet(p.bbox, b.bbox)) continue;
          for (const q of b.parts) {
            if (!bboxesMeet(p.bbox, q.bbox)) continue;
            if (p.id < 0) p.id = cache.id(p.rings);
            if (q.id < 0) q.id = cache.id(q.rings);
            areaKm2 += cache.areaKm2(p.id, q.id, () => overlapKm2(p.rings, q.rings, shared(p.bbox, q.bbox)));
          }
        }
      } catch (err) {
        // Turf's intersection gives up on some broken rings; the ring checks name the cause.
        problems.push({ file, feature: a.index, message: `could not measure its overlap with feature ${b.index}: ${err instanceof Error ? err.message : String(err)}` });
        continue;
      }
      if (areaKm2 > toleranceKm2) {
        problems.push({ file, feature: a.index, message: `${describe(a.feature)} overlaps feature ${b.index} (${describe(b.feature)}) by ${areaKm2.toFixed(2)} km²; different factions must not overlap` });
      }
    }
  }
  return problems;
}
