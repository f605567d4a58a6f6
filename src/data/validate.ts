/**
 * Validation of the files in data/, beyond the structure the parsers in contract.ts check: one
 * snapshot (size, JSON, structure, ring geometry in ring-checks.ts, overlaps in overlaps.ts), the
 * index against the files, and generic GeoJSON. A whole folder is walked in data-folder.ts. Pure:
 * callers pass file text and sizes, so `npm run data:check`, `npm run data:add` and the page share
 * these checks and their messages word for word.
 */
import { parseJson, parseSnapshot, parseSnapshotIndex, type Snapshot, type SnapshotEntry, type TerritoryFeature } from './contract.ts';
import { dateRangeProblem } from './dates.ts';
import { DEFAULT_OVERLAP_TOLERANCE_KM2, OverlapCache, overlapProblems } from './overlaps.ts';
import { fail, failAll, ok, pushAll, type Problem, type Result } from './result.ts';
import { geometryProblems } from './ring-checks.ts';

export { DEFAULT_OVERLAP_TOLERANCE_KM2, OverlapCache, overlapProblems };

export interface ValidateOptions {
  /** Overlaps between factions up to this area are tolerated (shared borders drawn twice). Default 0.5 km². */
  overlapToleranceKm2?: number;
  /**
   * Largest snapshot file, in bytes: the app fetches one on every date change. A bigger file is a
   * problem and is not parsed at all, so a huge file cannot freeze the page or the CLI. Default 2 MB (2,000,000).
   */
  maxSnapshotBytes?: number;
  /** Shared across the snapshots of one check, so unchanged polygons are measured once. */
  cache?: OverlapCache;
  /** The faction ids of factions.json; when given, every feature's `faction` must be one of them. */
  factions?: readonly string[];
}
export const DEFAULT_MAX_SNAPSHOT_BYTES = 2_000_000;

/** The problem of a snapshot over the size limit, or null. Checked before the file is read or parsed. */
export function snapshotSizeProblem(file: string, sizeBytes: number, maxBytes = DEFAULT_MAX_SNAPSHOT_BYTES): Problem | null {
  return sizeBytes > maxBytes
    ? { file, message: `is ${sizeBytes.toLocaleString('en')} bytes; a snapshot may be at most ${maxBytes.toLocaleString('en')} (simplify its polygons); its content was not checked` }
    : null;
}

/** Feature order; a problem of no one feature (the overlap check's count of the rest) goes last. */
const rank = (p: Problem) => p.feature ?? Number.MAX_SAFE_INTEGER;
const byFeature = (a: Problem, b: Problem) => rank(a) - rank(b);

/**
 * Checks a parsed snapshot: structure (parseSnapshot), then the rings of every well-formed feature,
 * then overlaps between the well-formed features (overlaps.ts: at most MAX_LISTED_OVERLAPS listed, the
 * rest counted in a last line). Problems are in feature order.
 * @example validateSnapshot(JSON.parse(text), 'data/snapshots/2017-07-15.geojson')
 */
export function validateSnapshot(data: unknown, file: string, options: ValidateOptions = {}): Result<Snapshot> {
  const parsed = parseSnapshot(data, file, options.factions);
  const problems = parsed.ok ? [] : [...parsed.problems];
  if (problems.some((p) => p.feature === undefined)) return failAll(problems);
  // parseSnapshot reports at most one problem per feature; the rest are well-formed.
  const broken = new Set(problems.map((p) => p.feature));
  const features = (data as Snapshot).features;
  const wellFormed: { index: number; feature: TerritoryFeature }[] = [];
  features.forEach((feature, index) => {
    if (broken.has(index)) return;
    for (const message of geometryProblems(feature)) problems.push({ file, feature: index, message });
    wellFormed.push({ index, feature });
  });
  pushAll(problems, overlapProblems(wellFormed, file, options.overlapToleranceKm2, options.cache));
  return problems.length ? failAll(problems.sort(byFeature)) : ok(data as Snapshot);
}

/**
 * The size limit (before parsing), then JSON syntax, then `validateSnapshot`. `sizeBytes` is the
 * file's size in bytes; `text` as text.ts decodes it. The page's check (snapshot-check.ts) and the CLIs call this.
 */
export function validateSnapshotText(text: string, file: string, sizeBytes: number, options: ValidateOptions = {}): Result<Snapshot> {
  const tooBig = snapshotSizeProblem(file, sizeBytes, options.maxSnapshotBytes);
  if (tooBig) return fail(tooBig);
  const json = parseJson(text, file);
  return json.ok ? validateSnapshot(json.value, file, options) : json;
}

/**
 * Checks the index: structure, sorted unique dates (parseSnapshotIndex), dates within the accepted
 * range (dates.ts), and that every listed file exists. Returns the entries whose files exist, even
 * when other entries are bad, so their snapshots can still be checked.
 */
export function validateIndex(data: unknown, file: string, exists: (snapshotFile: string) => boolean, now = new Date()): { entries: SnapshotEntry[]; problems: Problem[] } {
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
    const outOfRange = dateRangeProblem(entry.dateIso, now);
    if (outOfRange) problems.push({ file, message: `snapshots[${i}]: "date" ${outOfRange}` });
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
    const depth = typeof g?.type === 'string' && Object.hasOwn(GEOMETRY_DEPTH, g.type) ? GEOMETRY_DEPTH[g.type] : undefined;
    if (f?.type !== 'Feature' || !g || depth === undefined) {
      return problems.push({ file, feature, message: `expected a Feature with a geometry of type ${Object.keys(GEOMETRY_DEPTH).join(', ')}` });
    }
    const bad = coordinateFault(g.coordinates, depth)
      ?? (g.type === 'LineString' && (g.coordinates as unknown[]).length < 2 ? 'a LineString needs at least 2 positions' : null);
    if (bad) problems.push({ file, feature, message: bad });
  });
  return problems;
}
