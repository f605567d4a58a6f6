/**
 * Reads a file as text the way browsers decode fetched and dropped files (src/data/text.ts): a
 * leading UTF-8 byte-order mark dropped, invalid bytes replaced. For every script that reads data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson } from '../src/data/contract.ts';
import { formatProblem, type Result } from '../src/data/result.ts';
import { decodeUtf8 } from '../src/data/text.ts';

export const readText = (path: string): string => decodeUtf8(readFileSync(path));

/**
 * A reader of one data folder's JSON files: `read(file, parse)` parses and checks `dataDir/file`
 * and throws with every problem, named `data/file`; `has(file)` says whether an optional one is there.
 */
export function dataFolderReader(dataDir: string) {
  const read = <T>(file: string, parse: (d: unknown, f: string) => Result<T>): T => {
    const json = parseJson(readText(join(dataDir, file)), `data/${file}`);
    const r = json.ok ? parse(json.value, `data/${file}`) : json;
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    return r.value;
  };
  const has = (file: string) => existsSync(join(dataDir, file));
  return { read, has };
}
