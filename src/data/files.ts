/**
 * data/files.json, written by the build (vite.config.ts) and the dev server: the files of the data
 * folder, so that the page asks only for optional files that exist (a request that ends in 404 is
 * an error in the browser's console). Someone adding an optional file to a built site by hand adds
 * its name here too (docs/data.md).
 */
import { fail, ok, type Result } from './result.ts';

/** Files a story may do without: the page hides or works out what they would give. */
export const OPTIONAL_FILES = ['story.json', 'claims.json', 'stats.json', 'place-distances.json', 'events.json'] as const;
export type OptionalFile = (typeof OPTIONAL_FILES)[number];

export function parseFileList(data: unknown, file: string): Result<ReadonlySet<string>> {
  const files = typeof data === 'object' && data !== null ? (data as { files?: unknown }).files : undefined;
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) return fail({ file, message: 'expected an object {"files": ["factions.json", …]}' });
  return ok(new Set(files as string[]));
}

/** The file list for a folder's top-level file names, as the build writes it. */
export const fileList = (names: readonly string[]): { files: string[] } => ({ files: [...names].filter((n) => /\.(geo)?json$/.test(n) && n !== 'files.json').sort() });
