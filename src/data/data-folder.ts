/**
 * Walks a data folder and checks every file in it (validate.ts and contract.ts say how), for
 * `npm run data:check`. Pure: the folder comes in through a reader, so tests use one in memory.
 * Sizes are checked before a file is read, so a huge file cannot exhaust memory or time.
 */
import { parseFactions, parseJson, parsePlaces } from './contract.ts';
import { formatProblem, pushAll, type Problem, type Result } from './result.ts';
import { paletteWarnings } from './colour-vision.ts';
import { NO_STORY, parseStory } from './story.ts';
import { localLanguage } from './local-names.ts';
import { parseEvents, placeProblems } from './events.ts';
import { OverlapCache, snapshotSizeProblem, validateGeoJson, validateIndex, validateSnapshotText, type ValidateOptions } from './validate.ts';

/** A data folder seen through its files; paths are relative to the folder, with forward slashes. */
export interface DataFolder {
  /** The file's text (decoded by text.ts `decodeUtf8`), or null when it does not exist. */
  readFile(path: string): string | null;
  /** The file's size in bytes, or null when it does not exist. */
  sizeOf(path: string): number | null;
  /** File names in a subfolder ('' for the folder itself; not recursive), or [] when it does not exist. */
  list(path: string): string[];
}

export interface FolderOptions extends ValidateOptions {
  /** Largest file other than a snapshot that is read at all, in bytes. Default 20 MB (20,000,000): ours are under 200 kB. */
  maxFileBytes?: number;
  /** Today, for the range of snapshot dates (dates.ts). Default: now. */
  now?: Date;
}
export const DEFAULT_MAX_FILE_BYTES = 20_000_000;

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
 * JSON object; its format is defined elsewhere), events.json (optional; its places must be in
 * places.geojson), snapshots/index.json and each snapshot it lists,
 * against the factions; any other .json or .geojson in the folder or basemap/ only has to parse. `prefix` is put before every path in the messages (e.g. "data/").
 */
export function validateDataFolder(folder: DataFolder, prefix = 'data/', options: FolderOptions = {}): FolderReport {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const checked = { snapshots: 0, places: 0, factions: 0, files: 0 };
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const load = (path: string, required: boolean): unknown => {
    const size = folder.sizeOf(path);
    if (size !== null && size > maxFileBytes) {
      checked.files++;
      problems.push({ file: prefix + path, message: `is ${size.toLocaleString('en')} bytes; files over ${maxFileBytes.toLocaleString('en')} are not read` });
      return undefined;
    }
    const text = size === null ? null : folder.readFile(path);
    if (text === null) {
      if (required) problems.push({ file: prefix + path, message: 'file not found' });
      return undefined;
    }
    checked.files++;
    const json = parseJson(text, prefix + path);
    if (json.ok) return json.value;
    pushAll(problems, json.problems);
    return undefined;
  };
  const take = <T>(r: Result<T>): T | null => (r.ok ? r.value : (pushAll(problems, r.problems), null));

  const factions = load('factions.json', true);
  const factionList = factions === undefined ? null : take(parseFactions(factions, `${prefix}factions.json`));
  checked.factions = factionList?.length ?? 0;
  for (const message of paletteWarnings(factionList ?? [])) warnings.push({ file: `${prefix}factions.json`, message });
  const places = load('places.geojson', true);
  const placeList = places === undefined ? null : take(parsePlaces(places, `${prefix}places.geojson`));
  checked.places = placeList?.length ?? 0;
  const story = load('story.json', false);
  const storyR = story === undefined ? null : take(parseStory(story, `${prefix}story.json`, { places: placeList?.map((p) => p.properties.id) }));
  if (placeList?.some((p) => p.properties.name_local !== undefined) && !localLanguage(storyR ?? NO_STORY, placeList)) {
    warnings.push({ file: `${prefix}story.json`, message: 'names no "localLanguage", so the language of the places\' "name_local" is unknown to browsers and screen readers; add one, e.g. "localLanguage": "uk"' });
  }
  const rivers = load('basemap/rivers.geojson', false);
  if (rivers !== undefined) pushAll(problems, validateGeoJson(rivers, `${prefix}basemap/rivers.geojson`));
  const claims = load('claims.json', false);
  if (claims !== undefined && (typeof claims !== 'object' || claims === null || Array.isArray(claims))) {
    problems.push({ file: `${prefix}claims.json`, message: 'expected a JSON object at the top' });
  }

  const events = load('events.json', false);
  if (events !== undefined) {
    const r = parseEvents(events, `${prefix}events.json`, options.now);
    if (!r.ok) for (const p of r.problems) problems.push(p);
    else if (placeList) for (const p of placeProblems(r.value, new Set(placeList.map((x) => x.properties.id)), `${prefix}events.json`)) problems.push(p);
  }

  // Other JSON files (formats defined elsewhere, e.g. stats.json) must at least parse.
  const known = new Set(['factions.json', 'places.geojson', 'story.json', 'basemap/rivers.geojson', 'claims.json', 'events.json']);
  for (const path of [...folder.list(''), ...folder.list('basemap').map((n) => `basemap/${n}`)].sort()) {
    if (/\.(geo)?json$/.test(path) && !known.has(path)) load(path, false);
  }

  const withCache = { ...options, cache: options.cache ?? new OverlapCache(), ...(factionList ? { factions: factionList.map((f) => f.id) } : {}) };
  const index = load('snapshots/index.json', true);
  const listed = new Set<string>();
  if (index !== undefined) {
    const r = validateIndex(index, `${prefix}snapshots/index.json`, (f) => folder.sizeOf(`snapshots/${f}`) !== null, options.now);
    pushAll(problems, r.problems);
    // Names the index lists, even in entries too broken to check, so they are not called unlisted.
    const raw: unknown = typeof index === 'object' && index !== null ? (index as { snapshots?: unknown }).snapshots : undefined;
    for (const s of Array.isArray(raw) ? raw : []) if (typeof s?.file === 'string') listed.add(s.file);
    const seen = new Set<string>();
    for (const entry of r.entries) {
      if (seen.has(entry.file)) continue;
      seen.add(entry.file);
      const path = `snapshots/${entry.file}`;
      const size = folder.sizeOf(path);
      if (size === null) continue;
      checked.files++;
      checked.snapshots++;
      const tooBig = snapshotSizeProblem(prefix + path, size, options.maxSnapshotBytes);
      if (tooBig) { problems.push(tooBig); continue; }
      const text = folder.readFile(path);
      if (text === null) continue;
      const s = validateSnapshotText(text, prefix + path, size, withCache);
      if (!s.ok) pushAll(problems, s.problems);
    }
  }
  for (const name of folder.list('snapshots').filter((n) => n.endsWith('.geojson')).sort()) {
    if (!listed.has(name)) warnings.push({ file: `${prefix}snapshots/${name}`, message: 'not listed in snapshots/index.json, so the app never shows it' });
  }
  return { problems, warnings, checked };
}
