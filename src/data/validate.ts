/**
 * Validation of the files in data/, beyond the structure the parsers in contract.ts check: ring
 * geometry (OGC simple-feature validity), overlaps between factions, the index against the files,
 * and file sizes. Pure: callers pass file text, sizes and a folder reader, so `npm run data:check`,
 * `npm run data:add` and the page share these checks and their messages word for word.
 */
import { area, bboxClip, intersect, kinks, lineIntersect, booleanPointInPolygon, featureCollection, lineString, polygon } from '@turf/turf';
import type { BBox, Feature, Polygon, Position } from 'geojson';
import { parseFactions, parseJson, parsePlaces, parseSnapshot, parseSnapshotIndex, type Snapshot, type SnapshotEntry, type TerritoryFeature } from './contract.ts';
import { fail, formatProblem, ok, type Problem, type Result } from './result.ts';
import { paletteWarnings } from './colour-vision.ts';
import { parseStory } from './story.ts';

export interface ValidateOptions {
  /** Overlaps between factions up to this area are tolerated (shared borders drawn twice). Default 0.5 km². */
  overlapToleranceKm2?: number;
  /** Largest snapshot file, in bytes: the app fetches one on every date change. Default 2 MB (2,000,000). */
  maxSnapshotBytes?: number;
  /** Shared across the snapshots of one check, so unchanged polygons are measured once. */
  cache?: OverlapCache;
  /** The faction ids of factions.json; when given, every feature's `faction` must be one of them. */
  factions?: readonly string[];
}
export const DEFAULT_OVERLAP_TOLERANCE_KM2 = 0.5;
export const DEFAULT_MAX_SNAPSHOT_BYTES = 2_000_000;

/** Below this a ring counts as having zero area: collinear points (1 m² is far under 4-decimal precision, ~10 m). */
const ZERO_AREA_M2 = 1;

const pos = (p: Position) => `[${p[0]}, ${p[1]}]`;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** The first problem of one ring on its own: repeated points, a self-crossing, zero area. */
function ringProblem(ring: Position[], label: string): string | null {
  for (let i = 1; i < ring.length; i++) {
    if (same(ring[i - 1]!, ring[i]!)) return `${label} repeats the point ${pos(ring[i]!)} at positions ${i - 1} and ${i}`;
  }
  const crossing = kinks(lineString(ring)).features[0];
  if (crossing) {
    const [x, y] = crossing.geometry.coordinates as [number, number];
    return `${label} crosses itself at [${round6(x)}, ${round6(y)}]`;
  }
  // After the crossing test: a bow-tie's two lobes cancel to zero signed area.
  return area(polygon([ring])) < ZERO_AREA_M2 ? `${label} has zero area` : null;
}

/**
 * A hole must lie inside its shell and may touch it at one point, no more (OGC simple features:
 * the interior stays connected). Meeting points are named west to east, so messages are stable.
 */
function holeProblem(shell: Position[], hole: Position[], label: string): string | null {
  const meets = lineIntersect(lineString(shell), lineString(hole)).features
    .map((f) => f.geometry.coordinates)
    .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)
    .filter((p, i, all) => i === 0 || !same(p, all[i - 1]!));
  if (meets.length > 1) return `${label} (a hole) meets its shell at more than one point, first at [${round6(meets[0]![0]!)}, ${round6(meets[0]![1]!)}]`;
  const probe = hole.find((p) => !meets[0] || !same(p, meets[0]))!;
  if (!booleanPointInPolygon(probe, polygon([shell]), { ignoreBoundary: true })) return `${label} (a hole) lies outside its shell`;
  return null;
}

const polygonsOf = (f: TerritoryFeature): Position[][][] => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);

/** Ring problems of one structurally valid feature, labelled as contract.ts labels rings. */
function geometryProblems(f: TerritoryFeature): string[] {
  const problems: string[] = [];
  polygonsOf(f).forEach((rings, k) => {
    const label = f.geometry.type === 'Polygon' ? 'polygon' : `polygon ${k}`;
    const bad = rings.map((ring, r) => ringProblem(ring, `${label} ring ${r}`));
    for (let r = 1; r < rings.length; r++) {
      if (!bad[0] && !bad[r]) bad[r] = holeProblem(rings[0]!, rings[r]!, `${label} ring ${r}`);
    }
    problems.push(...bad.filter((m): m is string => m !== null));
  });
  return problems;
}

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
 */
export class OverlapCache {
  private readonly ids = new Map<string, number>();
  private readonly areas = new Map<string, number>();
  /** A small id for a polygon's coordinates, the same for equal coordinates. */
  id(rings: Position[][]): number {
    const key = JSON.stringify(rings);
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
    const parts = polygonsOf(feature).map((rings) => ({ rings, bbox: bboxOf(rings), id: cache.id(rings) }));
    const bbox = parts.map((p) => p.bbox).reduce((u, b) => [Math.min(u[0], b[0]), Math.min(u[1], b[1]), Math.max(u[2], b[2]), Math.max(u[3], b[3])]);
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
            if (bboxesMeet(p.bbox, q.bbox)) areaKm2 += cache.areaKm2(p.id, q.id, () => overlapKm2(p.rings, q.rings, shared(p.bbox, q.bbox)));
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

const byFeature = (a: Problem, b: Problem) => (a.feature ?? -1) - (b.feature ?? -1);

/**
 * Checks a parsed snapshot: structure (parseSnapshot), then the rings of every well-formed feature,
 * then overlaps between the well-formed features. Problems are in feature order.
 * @example validateSnapshot(JSON.parse(text), 'data/snapshots/2017-07-15.geojson')
 */
export function validateSnapshot(data: unknown, file: string, options: ValidateOptions = {}): Result<Snapshot> {
  const parsed = parseSnapshot(data, file, options.factions);
  const problems = parsed.ok ? [] : [...parsed.problems];
  if (problems.some((p) => p.feature === undefined)) return fail(...problems);
  // parseSnapshot reports at most one problem per feature; the rest are well-formed.
  const broken = new Set(problems.map((p) => p.feature));
  const features = (data as Snapshot).features;
  const wellFormed: { index: number; feature: TerritoryFeature }[] = [];
  features.forEach((feature, index) => {
    if (broken.has(index)) return;
    for (const message of geometryProblems(feature)) problems.push({ file, feature: index, message });
    wellFormed.push({ index, feature });
  });
  problems.push(...overlapProblems(wellFormed, file, options.overlapToleranceKm2, options.cache));
  return problems.length ? fail(...problems.sort(byFeature)) : ok(data as Snapshot);
}

/** The size limit, then JSON syntax, then `validateSnapshot`. `sizeBytes` is the file's size on disk. */
export function validateSnapshotText(text: string, file: string, sizeBytes: number, options: ValidateOptions = {}): Result<Snapshot> {
  const maxBytes = options.maxSnapshotBytes ?? DEFAULT_MAX_SNAPSHOT_BYTES;
  const tooBig: Problem[] = sizeBytes > maxBytes
    ? [{ file, message: `is ${sizeBytes.toLocaleString('en')} bytes; a snapshot may be at most ${maxBytes.toLocaleString('en')} (simplify its polygons)` }]
    : [];
  const json = parseJson(text, file);
  const r = json.ok ? validateSnapshot(json.value, file, options) : json;
  if (!tooBig.length) return r;
  return fail(...tooBig, ...(r.ok ? [] : r.problems));
}

/**
 * Checks the index: structure, sorted unique dates (parseSnapshotIndex), and that every listed file
 * exists. Returns the entries whose files exist, even when other entries are bad, so their snapshots
 * can still be checked.
 */
export function validateIndex(data: unknown, file: string, exists: (snapshotFile: string) => boolean): { entries: SnapshotEntry[]; problems: Problem[] } {
  const parsed = parseSnapshotIndex(data, file);
  const problems = parsed.ok ? [] : [...parsed.problems];
  const raw = typeof data === 'object' && data !== null ? (data as { snapshots?: unknown }).snapshots : undefined;
  if (!Array.isArray(raw)) return { entries: [], problems };
  const entries: SnapshotEntry[] = [];
  raw.forEach((s: unknown, i) => {
    // Each entry through the same parser on its own, so one bad entry does not hide the others' files.
    const one = parseSnapshotIndex({ snapshots: [s] }, file);
    if (!one.ok) return;
    const entry = one.value[0]!;
    if (exists(entry.file)) entries.push(entry);
    else problems.push({ file, message: `snapshots[${i}] (${entry.dateIso}): file ${entry.file} does not exist` });
  });
  return { entries, problems };
}

const GEOMETRY_DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/** The first fault in nested coordinates of the given depth (0 = one position). */
function coordinateFault(c: unknown, depth: number): string | null {
  if (!Array.isArray(c)) return 'coordinates are not nested as the geometry type requires';
  if (depth > 0) {
    for (const inner of c) { const m = coordinateFault(inner, depth - 1); if (m) return m; }
    return null;
  }
  if (c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number' || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) {
    return 'a position must be [longitude, latitude] numbers';
  }
  return c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90 ? `coordinate [${c[0]}, ${c[1]}] is out of range` : null;
}

/** Generic GeoJSON (RFC 7946) check of a FeatureCollection, for files without a stricter parser (rivers). */
export function validateGeoJson(data: unknown, file: string): Problem[] {
  const d = data as { type?: unknown; features?: unknown };
  if (typeof data !== 'object' || data === null || d.type !== 'FeatureCollection' || !Array.isArray(d.features)) {
    return [{ file, message: 'expected a GeoJSON FeatureCollection' }];
  }
  const problems: Problem[] = [];
  d.features.forEach((f: { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown } } | null, feature) => {
    const g = f?.geometry;
    const depth = typeof g?.type === 'string' ? GEOMETRY_DEPTH[g.type] : undefined;
    if (f?.type !== 'Feature' || !g || depth === undefined) {
      return problems.push({ file, feature, message: `expected a Feature with a geometry of type ${Object.keys(GEOMETRY_DEPTH).join(', ')}` });
    }
    const bad = coordinateFault(g.coordinates, depth)
      ?? (g.type === 'LineString' && (g.coordinates as unknown[]).length < 2 ? 'a LineString needs at least 2 positions' : null);
    if (bad) problems.push({ file, feature, message: bad });
  });
  return problems;
}

/** A data folder seen through its files; paths are relative to the folder, with forward slashes. */
export interface DataFolder {
  /** The file's text, or null when it does not exist. */
  readFile(path: string): string | null;
  /** The file's size in bytes, or null when it does not exist. */
  sizeOf(path: string): number | null;
  /** File names in a subfolder ('' for the folder itself; not recursive), or [] when it does not exist. */
  list(path: string): string[];
}

export interface FolderReport {
  problems: Problem[];
  /** Problems that do not break the app (a snapshot the index does not list). */
  warnings: Problem[];
  checked: { snapshots: number; places: number; factions: number; files: number };
}

/** A warning as one line, in the same shape as `formatProblem`. */
export const formatWarning = (p: Problem) => formatProblem({ ...p, message: `warning: ${p.message}` });

/**
 * Checks every file of a data folder: factions.json (a palette hard to tell apart is a warning),
 * places.geojson, story.json, basemap/rivers.geojson (optional), claims.json (only that it is a
 * JSON object; its format is defined elsewhere), snapshots/index.json and each snapshot it lists,
 * against the factions; any other .json or .geojson in the folder or basemap/ only has to parse. `prefix` is put before every path in the messages (e.g. "data/").
 */
export function validateDataFolder(folder: DataFolder, prefix = 'data/', options: ValidateOptions = {}): FolderReport {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const checked = { snapshots: 0, places: 0, factions: 0, files: 0 };
  const load = (path: string, required: boolean): unknown => {
    const text = folder.readFile(path);
    if (text === null) {
      if (required) problems.push({ file: prefix + path, message: 'file not found' });
      return undefined;
    }
    checked.files++;
    const json = parseJson(text, prefix + path);
    if (json.ok) return json.value;
    problems.push(...json.problems);
    return undefined;
  };
  const take = <T>(r: Result<T>): T | null => (r.ok ? r.value : (problems.push(...r.problems), null));

  const factions = load('factions.json', true);
  const factionList = factions === undefined ? null : take(parseFactions(factions, `${prefix}factions.json`));
  checked.factions = factionList?.length ?? 0;
  for (const message of paletteWarnings(factionList ?? [])) warnings.push({ file: `${prefix}factions.json`, message });
  const places = load('places.geojson', true);
  const placeList = places === undefined ? null : take(parsePlaces(places, `${prefix}places.geojson`));
  checked.places = placeList?.length ?? 0;
  const story = load('story.json', false);
  if (story !== undefined) take(parseStory(story, `${prefix}story.json`, { places: placeList?.map((p) => p.properties.id) }));
  const rivers = load('basemap/rivers.geojson', false);
  if (rivers !== undefined) problems.push(...validateGeoJson(rivers, `${prefix}basemap/rivers.geojson`));
  const claims = load('claims.json', false);
  if (claims !== undefined && (typeof claims !== 'object' || claims === null || Array.isArray(claims))) {
    problems.push({ file: `${prefix}claims.json`, message: 'expected a JSON object at the top' });
  }

  // Other JSON files (formats defined elsewhere, e.g. stats.json) must at least parse.
  const known = new Set(['factions.json', 'places.geojson', 'story.json', 'basemap/rivers.geojson', 'claims.json']);
  for (const path of [...folder.list(''), ...folder.list('basemap').map((n) => `basemap/${n}`)].sort()) {
    if (/\.(geo)?json$/.test(path) && !known.has(path)) load(path, false);
  }

  const withCache = { ...options, cache: options.cache ?? new OverlapCache(), ...(factionList ? { factions: factionList.map((f) => f.id) } : {}) };
  const index = load('snapshots/index.json', true);
  const listed = new Set<string>();
  if (index !== undefined) {
    const r = validateIndex(index, `${prefix}snapshots/index.json`, (f) => folder.sizeOf(`snapshots/${f}`) !== null);
    problems.push(...r.problems);
    // Names the index lists, even in entries too broken to check, so they are not called unlisted.
    const raw: unknown = typeof index === 'object' && index !== null ? (index as { snapshots?: unknown }).snapshots : undefined;
    for (const s of Array.isArray(raw) ? raw : []) if (typeof s?.file === 'string') listed.add(s.file);
    const seen = new Set<string>();
    for (const entry of r.entries) {
      if (seen.has(entry.file)) continue;
      seen.add(entry.file);
      const path = `snapshots/${entry.file}`;
      const text = folder.readFile(path);
      if (text === null) continue;
      checked.files++;
      checked.snapshots++;
      const s = validateSnapshotText(text, prefix + path, folder.sizeOf(path) ?? 0, withCache);
      if (!s.ok) problems.push(...s.problems);
    }
  }
  for (const name of folder.list('snapshots').filter((n) => n.endsWith('.geojson')).sort()) {
    if (!listed.has(name)) warnings.push({ file: `${prefix}snapshots/${name}`, message: 'not listed in snapshots/index.json, so the app never shows it' });
  }
  return { problems, warnings, checked };
}
