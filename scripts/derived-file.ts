/**
 * Files derived from a story folder (stats.json, place-distances.json): they record the SHA-256 of
 * every input, so a test finds them stale by hashing instead of recomputing, and they are written
 * one line per item so that a change reads as a diff. Shared by scripts/build-stats.ts and
 * scripts/build-place-distances.ts. Inputs are named as the site serves them (`data/…`, whatever
 * folder the story is in) or by their path in the repository (`node_modules/…`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
/** The bundled story's folder, the data scripts' default. */
export const DATA_DIR = join(ROOT, 'data');

/** Where a named input lies: `data/x` in the story folder `dataDir`, anything else in the repository. */
export const inputPath = (name: string, dataDir = DATA_DIR): string => (name.startsWith('data/') ? join(dataDir, name.slice('data/'.length)) : join(ROOT, name));

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** name → SHA-256 of each input (see `inputPath`). */
export function hashInputs(files: readonly string[], dataDir = DATA_DIR): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, sha256(inputPath(f, dataDir))]));
}

/** The input files whose hash differs from the one stored (or that were added or removed), with why. */
export function staleInputs(stored: Record<string, string>, files: readonly string[], dataDir = DATA_DIR): string[] {
  const now = hashInputs(files, dataDir);
  const out = files.filter((f) => stored[f] !== now[f]).map((f) => (f in stored ? `${f} changed` : `${f} is new`));
  for (const f of Object.keys(stored)) if (!(f in now)) out.push(`${f} is gone`);
  return out;
}

export interface Generated { by: string; parameters?: Record<string, number>; sha256: Record<string, string> }

/**
 * The file's text: the `generated` block with one line per input hash, then each field; a field
 * given as lines is written one item per line (`[…]` for an array of lines, `{…}` for "key": value lines).
 */
export function serializeDerived(generated: Generated, fields: [name: string, value: unknown | { lines: string[]; brackets: '[]' | '{}' }][]): string {
  const hashes = Object.entries(generated.sha256).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  const out = ['{"generated": {', ` "by": ${JSON.stringify(generated.by)},`];
  if (generated.parameters) out.push(` "parameters": ${JSON.stringify(generated.parameters)},`);
  out.push(' "sha256": {', hashes, ' }},');
  fields.forEach(([name, value], i) => {
    const end = i === fields.length - 1 ? '' : ',';
    const lines = typeof value === 'object' && value !== null && 'lines' in value ? value as { lines: string[]; brackets: '[]' | '{}' } : null;
    if (lines) out.push(`${JSON.stringify(name)}: ${lines.brackets[0]}`, lines.lines.join(',\n'), `${lines.brackets[1]}${end}`);
    else out.push(`${JSON.stringify(name)}: ${JSON.stringify(value)}${end}`);
  });
  out[out.length - 1] += '}';
  return [...out, ''].join('\n');
}

/** The stored file (`data/…`) parsed, or null when it is missing or not JSON. */
export function readDerived<T>(file: string, dataDir = DATA_DIR): T | null {
  try {
    return JSON.parse(readFileSync(inputPath(file, dataDir), 'utf8')) as T;
  } catch {
    return null;
  }
}

/** Writes the file and says so on the console, with `what` (e.g. "60 snapshots"). */
export function writeDerived(file: string, text: string, what: string, startedMs: number, dataDir = DATA_DIR): void {
  writeFileSync(inputPath(file, dataDir), text);
  const rel = relative(process.cwd(), inputPath(file, dataDir)) || file;
  console.log(`wrote ${rel}: ${what} in ${((performance.now() - startedMs) / 1000).toFixed(1)} s`);
}

/** True when the module at `url` is the script node was started with. */
export const isMain = (url: string): boolean => !!process.argv[1] && resolve(process.argv[1]) === fileURLToPath(url);
