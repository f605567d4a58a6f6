/**
 * Booting: the core data files (the file list, the story, the sides, the places and the snapshot
 * index). The map is created by map-boot.ts once they are in and the first snapshot is asked for
 * (docs/performance.md). A missing story.json falls back to a neutral title, the bounds of the data
 * and the last date (see `storyBounds`, state.ts).
 */
// MapLibre's style sheet comes with the page's own (the map's module loads later, map-boot.ts).
import 'maplibre-gl/dist/maplibre-gl.css';
import { parseFactions, parsePlaces, parseSnapshotIndex, type Faction, type Place, type SnapshotEntry } from '../data/contract.ts';
import { parseFileList, probeFiles, PROBED_FILES } from '../data/files.ts';
import { STACK_MANIFEST } from '../data/date-stack.ts';
import { fetchOptional, fetchParsed } from '../data/load.ts';
import { fail, failAll, ok, type Problem, type Result } from '../data/result.ts';
import { NO_STORY, parseStory, type Story } from '../data/story.ts';
import { localLanguage } from '../data/local-names.ts';
import { placeOrder } from '../data/place-order.ts';

export interface Core {
  files: ReadonlySet<string>;
  story: Story;
  factions: Faction[];
  /** In `placeOrder`: by rank, then population, then English name. */
  places: Place[];
  placeById: ReadonlyMap<string, Place>;
  /** The language of the places' local names (local-names.ts), or null when not stated. */
  localLanguage: string | null;
  entries: SnapshotEntry[];
  datesIso: string[];
}

/** Fetches and parses a file of the data folder; messages name it `data/FILE`. */
export type Load = <T>(file: string, parse: (data: unknown, file: string) => Result<T>) => Promise<Result<T>>;
/** Loads `data/` files; with `ready`, each is downloaded at once but parsed only once `ready` settles. */
export const dataLoader = (dataBase: string, ready?: Promise<unknown>): Load => (file, parse) => fetchParsed(new URL(file, dataBase).href, `data/${file}`, parse, undefined, ready);

/**
 * The folder's files: files.json, or for a folder without it (copied into a site by hand) the
 * optional files the server has, asked one by one (data/files.ts `probeFiles`).
 */
export async function loadFileList(dataBase: string): Promise<Result<ReadonlySet<string>>> {
  const r = await fetchOptional(new URL('files.json', dataBase).href, 'data/files.json', parseFileList);
  if (!r.ok || r.value !== null) return r as Result<ReadonlySet<string>>;
  return ok(await probeFiles(dataBase, PROBED_FILES(STACK_MANIFEST)));
}

export async function loadCore(load: Load, dataBase: string): Promise<Result<Core>> {
  const filesP = loadFileList(dataBase);
  // story.json is asked for as soon as files.json says it is there, alongside the other files.
  const storyP = filesP.then((f) => (f.ok && f.value.has('story.json') ? load('story.json', parseStory) : ok(NO_STORY)));
  const [filesR, storyR, factionsR, placesR, indexR] = await Promise.all([
    filesP, storyP,
    load('factions.json', parseFactions),
    load('places.geojson', parsePlaces),
    load('snapshots/index.json', parseSnapshotIndex),
  ]);
  const problems: Problem[] = [filesR, storyR, factionsR, placesR, indexR].flatMap((r) => (r.ok ? [] : r.problems));
  if (!filesR.ok || !storyR.ok || !factionsR.ok || !placesR.ok || !indexR.ok) return failAll(problems);
  const places = [...placesR.value].sort(placeOrder);
  const placeById = new Map(places.map((p) => [p.properties.id, p]));
  const story = storyR.value;
  const place = story.article?.place;
  if (place && !placeById.has(place)) return fail({ file: 'data/story.json', message: `"article" "place": no place ${JSON.stringify(place)} in places.geojson` });
  const entries = indexR.value;
  return ok({ files: filesR.value, story, factions: factionsR.value, places, placeById, localLanguage: localLanguage(story, places), entries, datesIso: entries.map((e) => e.dateIso) });
}
