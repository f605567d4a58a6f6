/**
 * data/files.json, written by the build (vite.config.ts) and the dev server: the files of the data
 * folder, so that the page asks only for optional files that exist (a request that ends in 404 is
 * an error in the browser's console). Someone adding an optional file to a built site by hand adds
 * its name here too (docs/data.md). A folder without it (copied in by hand) is asked file by file
 * (`probeFiles`).
 */
import { fail, ok, type Result } from './result.ts';

/** Files a story may do without: the page hides or works out what they would give. */
export const OPTIONAL_FILES = ['story.json', 'claims.json', 'stats.json', 'place-distances.json', 'events.json'] as const;
export type OptionalFile = (typeof OPTIONAL_FILES)[number];
/** Files the build makes for a site (scripts/site-data.ts), which the page does without too. */
export const BASEMAP_FILE = 'basemap/basemap.geojson';
export const DOWNLOADS_INDEX = 'downloads/index.json';
/** Everything the page would ask for only if it is there (the date stack's manifest is date-stack.ts STACK_MANIFEST). */
export const PROBED_FILES = (stackManifest: string): string[] => [...OPTIONAL_FILES, BASEMAP_FILE, DOWNLOADS_INDEX, stackManifest];

/**
 * Which of `names` (paths relative to `dataBase`) the server has, asked with HEAD requests (no
 * bodies), all at once: a file is absent when the server answers 404 or 410, there otherwise (a
 * server that does not answer HEAD is then asked by the request that loads the file, which says
 * what is wrong). The browser notes every 404 in its console as a failed load: a network message,
 * not the page's, and the reason a built site has files.json.
 */
export async function probeFiles(dataBase: string, names: readonly string[]): Promise<Set<string>> {
  const there = await Promise.all(names.map(async (name) => {
    try {
      const res = await fetch(new URL(name, dataBase).href, { method: 'HEAD', credentials: 'same-origin' });
      return res.status !== 404 && res.status !== 410;
    } catch {
      return true;
    }
  }));
  return new Set(names.filter((_, i) => there[i]));
}

export function parseFileList(data: unknown, file: string): Result<ReadonlySet<string>> {
  const files = typeof data === 'object' && data !== null ? (data as { files?: unknown }).files : undefined;
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) return fail({ file, message: 'expected an object {"files": ["factions.json", …]}' });
  return ok(new Set(files as string[]));
}

/** The file list for a folder's top-level file names, as the build writes it. */
export const fileList = (names: readonly string[]): { files: string[] } => ({ files: [...names].filter((n) => /\.(geo)?json$/.test(n) && n !== 'files.json').sort() });
