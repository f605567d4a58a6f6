/**
 * The work of `npm run data:add` on one or many files, once its arguments are checked: which files
 * and dates (folders expanded, dates from the names), the story's area, then each file checked
 * (src/data/drawn-file.ts), normalised (src/data/normalize.ts), checked again and written to a
 * staging folder beside the snapshots, one file at a time so that memory does not grow with the
 * archive. Nothing in the data folder changes here; data-add.ts commits the staged files.
 */
import { join } from 'node:path';
import { parseJson, type FactionId } from '../src/data/contract.ts';
import { dateRangeProblem } from '../src/data/dates.ts';
import { checkDrawnText, storyArea, type StoryArea } from '../src/data/drawn-file.ts';
import { dateFromName } from '../src/data/file-date.ts';
import { normalizeSnapshot } from '../src/data/normalize.ts';
import { pushAll, type Problem } from '../src/data/result.ts';
import { boundsProblem, type Bounds } from '../src/data/story.ts';
import { decodeUtf8 } from '../src/data/text.ts';
import { OverlapCache, validateSnapshotText } from '../src/data/validate.ts';
import type { Files } from './files.ts';

/** The largest input read at all: drawn files may be finer than a snapshot, but not without bound. */
export const MAX_INPUT_BYTES = 100_000_000;

/** One input file and the date it is for. */
export interface Planned { path: string; name: string; dateIso: string }

/**
 * The files named on the command line (a folder stands for the .geojson files in it, not in its
 * subfolders), each with its date: `dateIso` for a single file, else from its name. Problems name
 * the file: not found, an empty folder, no date in the name, a date out of range, two files for one date.
 */
export function planInputs(inputs: readonly string[], dateIso: string | null, files: Files, shown: (abs: string) => string, now: Date): { planned: Planned[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const paths: string[] = [];
  for (const input of inputs) {
    const names = files.list(input);
    if (names === null) {
      if (files.sizeOf(input) === null) problems.push({ file: shown(input), message: 'file not found' });
      else paths.push(input);
      continue;
    }
    const inFolder = names.filter((n) => /\.geojson$/i.test(n) && !n.startsWith('.')).sort().map((n) => join(input, n)).filter((p) => files.sizeOf(p) !== null);
    if (!inFolder.length) problems.push({ file: shown(input), message: 'is a folder with no .geojson file in it' });
    for (const p of inFolder) paths.push(p);
  }
  if (dateIso !== null && paths.length > 1) {
    problems.push({ file: 'data:add', message: `--date is for a single file; these ${paths.length} files take their dates from their names` });
  }
  const planned: Planned[] = [];
  const byDate = new Map<string, string>();
  for (const path of paths) {
    const name = shown(path);
    const date = dateIso !== null ? { ok: true as const, value: dateIso } : dateFromName(name);
    if (!date.ok) { pushAll(problems, date.problems); continue; }
    const outOfRange = dateIso === null ? dateRangeProblem(date.value, now) : null;
    if (outOfRange) { problems.push({ file: name, message: `the date in its name: ${outOfRange}` }); continue; }
    const other = byDate.get(date.value);
    if (other) { problems.push({ file: name, message: `has the date ${date.value}, as ${other} has; keep one file for each date` }); continue; }
    byDate.set(date.value, name);
    planned.push({ path, name, dateIso: date.value });
  }
  planned.sort((a, b) => (a.dateIso < b.dateIso ? -1 : 1));
  return { planned, problems };
}

/** A data folder's JSON file parsed, or undefined when it is missing or no JSON (data:check names those). */
function readJson(files: Files, path: string): unknown {
  if (!files.exists(path)) return undefined;
  const r = parseJson(decodeUtf8(files.readFile(path)), path);
  return r.ok ? r.value : undefined;
}

/**
 * The story's area for the swapped-coordinates check: story.json's bounds, else the bounds of its
 * places and of the snapshots its index lists (read one at a time).
 */
export function readStoryArea(dir: string, files: Files, index: unknown): StoryArea | null {
  const story = readJson(files, join(dir, 'story.json')) as { bounds?: unknown } | undefined;
  if (story && typeof story === 'object' && story.bounds !== undefined && !boundsProblem(story.bounds)) return storyArea(story.bounds as Bounds);
  const features: { geometry: unknown }[] = [];
  const take = (fc: unknown) => {
    const list = fc && typeof fc === 'object' ? (fc as { features?: unknown }).features : undefined;
    if (Array.isArray(list)) for (const f of list) if (f && typeof f === 'object') features.push({ geometry: (f as { geometry?: unknown }).geometry });
  };
  take(readJson(files, join(dir, 'places.geojson')));
  let area = storyArea(null, features);
  const entries = index && typeof index === 'object' ? (index as { snapshots?: unknown }).snapshots : undefined;
  for (const e of Array.isArray(entries) ? entries : []) {
    const file = (e as { file?: unknown } | null)?.file;
    if (typeof file !== 'string' || !/^[\w.-]+\.geojson$/.test(file)) continue;
    // One snapshot at a time, folded into the area so far: a long index is never held in memory.
    features.length = 0;
    if (area) features.push({ geometry: { type: 'MultiPoint', coordinates: area.bounds } });
    take(readJson(files, join(dir, 'snapshots', file)));
    area = storyArea(null, features) ?? area;
  }
  return area;
}

export interface StageOptions {
  files: Files;
  factions: readonly FactionId[];
  property: string;
  map: Record<string, FactionId>;
  fallback?: FactionId;
  area: StoryArea | null;
  /** The snapshots folder (for the names in messages) and the staging folder inside it. */
  snapshotsDir: string;
  stagingDir: string;
  shown: (abs: string) => string;
  progress?: (done: number, total: number) => void;
}

export interface Staged { dateIso: string; file: string; bytes: number; features: number }

/**
 * Checks, normalises and checks again every planned file, writing each good one to the staging
 * folder as DATE.geojson while no file so far has failed. Every problem of every file is listed.
 */
export function stageFiles(planned: readonly Planned[], o: StageOptions): { staged: Staged[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const staged: Staged[] = [];
  const cache = new OverlapCache();
  planned.forEach((p, i) => {
    const size = o.files.sizeOf(p.path) ?? 0;
    if (size > MAX_INPUT_BYTES) {
      problems.push({ file: p.name, message: `is ${size.toLocaleString('en')} bytes; data:add reads files of up to ${MAX_INPUT_BYTES.toLocaleString('en')}` });
    } else {
      const drawn = checkDrawnText(decodeUtf8(o.files.readFile(p.path)), p.name, { factions: o.factions, property: o.property, map: o.map, fallback: o.fallback, area: o.area, cache });
      // Normalised, then checked again: rounding can make rings cross or collapse.
      const file = `${p.dateIso}.geojson`;
      const text = drawn.ok ? JSON.stringify(normalizeSnapshot(drawn.value)) : '';
      const written = drawn.ok ? validateSnapshotText(text, o.shown(join(o.snapshotsDir, file)), Buffer.byteLength(text), { factions: o.factions, cache }) : drawn;
      if (!written.ok) pushAll(problems, written.problems);
      else if (!problems.length) {
        o.files.writeFile(join(o.stagingDir, file), text);
        staged.push({ dateIso: p.dateIso, file, bytes: Buffer.byteLength(text), features: written.value.features.length });
      }
    }
    o.progress?.(i + 1, planned.length);
  });
  return { staged, problems };
}
