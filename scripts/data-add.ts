/**
 * Adds a snapshot drawn elsewhere to a data folder: validates, normalises (src/data/normalize.ts),
 * writes DIR/snapshots/DATE.geojson and inserts its entry into DIR/snapshots/index.json.
 * Usage: npm run data:add -- FILE.geojson --date YYYY-MM-DD --source "who, when" [--source …]
 *          [--precision "one line"] [--faction-property NAME] [--map VALUE=faction-id …] [--data DIR] [--replace]
 * On any problem it prints the same lines as data:check, exits 1 and changes nothing on disk.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isIsoDate, parseFactions, parseJson, type FactionId } from '../src/data/contract.ts';
import { fail, formatProblem, type Problem } from '../src/data/result.ts';
import { validateIndex, validateSnapshot, validateSnapshotText } from '../src/data/validate.ts';
import { insertIndexEntry, mapFactions, normalizeSnapshot } from '../src/data/normalize.ts';

const USAGE = 'usage: npm run data:add -- FILE.geojson --date YYYY-MM-DD --source "who, when" [--precision "one line"] [--faction-property NAME] [--map VALUE=faction-id ...] [--data DIR] [--replace]';

/** Ends the run with problems; caught below, so output is flushed before exiting (stdout may be a pipe). */
class Stop { constructor(readonly problems: Problem[], readonly usage = false) {} }
function stop(problems: Problem[], usage = false): never {
  throw new Stop(problems, usage);
}

function main(): void {
  // Arguments: flags with one value each (--source and --map may repeat), one input file.
  const argv = process.argv.slice(2);
  const values = new Map<string, string[]>();
  const files: string[] = [];
  const argProblems: Problem[] = [];
  const WITH_VALUE = new Set(['--date', '--source', '--precision', '--faction-property', '--map', '--data']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--replace') values.set(a, ['']);
    else if (WITH_VALUE.has(a)) {
      const v = argv[++i];
      if (v === undefined) argProblems.push({ file: 'data:add', message: `${a} needs a value` });
      else values.set(a, [...(values.get(a) ?? []), v]);
    } else if (a.startsWith('--')) argProblems.push({ file: 'data:add', message: `unknown option ${a}` });
    else files.push(a);
  }
  const one = (flag: string) => values.get(flag)?.at(-1);
  const dateIso = one('--date') ?? '';
  const sources = (values.get('--source') ?? []).map((s) => s.trim()).filter(Boolean);
  const precision = one('--precision')?.trim();
  const mapArgs = values.get('--map') ?? [];
  if (files.length !== 1) argProblems.push({ file: 'data:add', message: `expected one input .geojson file, got ${files.length}` });
  if (!isIsoDate(dateIso)) argProblems.push({ file: 'data:add', message: `--date must be a date written YYYY-MM-DD, got ${JSON.stringify(dateIso)}` });
  if (!sources.length) argProblems.push({ file: 'data:add', message: '--source "who, when" is required' });
  if (precision !== undefined && /[\r\n]/.test(precision)) argProblems.push({ file: 'data:add', message: '--precision must be one line' });
  // Paths in messages as seen from the working directory, like data:check.
  const dir = resolve(one('--data') ?? join(import.meta.dirname, '..', 'data'));
  const shown = (abs: string) => {
    const rel = relative(process.cwd(), abs);
    return (rel.startsWith('..') || isAbsolute(rel) ? abs : rel).split(sep).join('/');
  };
  // The sides are the data folder's (factions.json): --map targets and the file's factions must be among them.
  const factionsPath = join(dir, 'factions.json');
  const factionsJson = existsSync(factionsPath) ? parseJson(readFileSync(factionsPath, 'utf8'), shown(factionsPath)) : null;
  const factionsR = !factionsJson ? fail({ file: shown(factionsPath), message: 'file not found; is --data the data folder?' })
    : factionsJson.ok ? parseFactions(factionsJson.value, shown(factionsPath)) : factionsJson;
  const factions = factionsR.ok ? factionsR.value.map((f) => f.id) : [];
  const map: Record<string, FactionId> = {};
  for (const m of mapArgs) {
    const eq = m.lastIndexOf('=');
    const target = m.slice(eq + 1);
    if (eq <= 0 || (factionsR.ok && !factions.includes(target))) {
      argProblems.push({ file: 'data:add', message: `--map ${m}: expected VALUE=faction-id with a faction id of ${shown(factionsPath)} (${factions.join(', ')})` });
    } else map[m.slice(0, eq)] = target;
  }
  if (argProblems.length) stop(argProblems, true);

  const input = resolve(files[0]!);
  const inputName = shown(input);
  const snapshotFile = `${dateIso}.geojson`;
  const target = join(dir, 'snapshots', snapshotFile);
  const indexPath = join(dir, 'snapshots', 'index.json');
  const replace = values.has('--replace');

  if (!existsSync(input) || !statSync(input).isFile()) stop([{ file: inputName, message: 'file not found' }]);
  if (!existsSync(indexPath)) stop([{ file: shown(indexPath), message: 'file not found; is --data the data folder?' }]);

  if (!factionsR.ok) stop(factionsR.problems);

  // 1. The input as drawn: JSON, factions, then the same checks as data:check.
  const json = parseJson(readFileSync(input, 'utf8'), inputName);
  if (!json.ok) stop(json.problems);
  const mapped = mapFactions(json.value, inputName, { property: one('--faction-property') ?? 'faction', map, factions });
  if (!mapped.ok) stop(mapped.problems);
  const drawn = validateSnapshot(mapped.value, inputName, { factions });
  if (!drawn.ok) stop(drawn.problems);

  // 2. Normalised, then checked again: rounding can make rings cross or collapse.
  const text = JSON.stringify(normalizeSnapshot(drawn.value));
  const written = validateSnapshotText(text, shown(target), Buffer.byteLength(text), { factions });
  if (!written.ok) stop(written.problems);

  // 3. The index with the new entry, checked against the files it will list.
  const indexName = shown(indexPath);
  const indexJson = parseJson(readFileSync(indexPath, 'utf8'), indexName);
  if (!indexJson.ok) stop(indexJson.problems);
  const inserted = insertIndexEntry(indexJson.value, { dateIso, file: snapshotFile, sources, ...(precision ? { precision } : {}) }, indexName, replace);
  if (!inserted.ok) stop(inserted.problems);
  if (existsSync(target) && !replace) stop([{ file: shown(target), message: 'already exists; pass --replace to replace it' }]);
  const checkedIndex = validateIndex(inserted.value, indexName, (f) => f === snapshotFile || existsSync(join(dir, 'snapshots', f)));
  if (checkedIndex.problems.length) stop(checkedIndex.problems);

  // 4. Only now touch the disk: temporary files beside the targets, then renames.
  const tmpSnapshot = `${target}.tmp-${process.pid}`;
  const tmpIndex = `${indexPath}.tmp-${process.pid}`;
  const isNew = !existsSync(target);
  let moved = false;
  try {
    writeFileSync(tmpSnapshot, text);
    writeFileSync(tmpIndex, JSON.stringify(inserted.value, null, 1) + '\n');
    renameSync(tmpSnapshot, target);
    moved = true;
    renameSync(tmpIndex, indexPath);
  } catch (err) {
    rmSync(tmpSnapshot, { force: true });
    rmSync(tmpIndex, { force: true });
    if (moved && isNew) rmSync(target, { force: true });
    stop([{ file: shown(target), message: `could not be written: ${err instanceof Error ? err.message : String(err)}` }]);
  }
  const features = written.value.features.length;
  console.log(`data:add: wrote ${shown(target)} (${features} feature${features === 1 ? '' : 's'}, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB) and ${replace ? 'updated' : 'added'} its entry in ${indexName}`);
}

try {
  main();
} catch (err) {
  if (!(err instanceof Stop)) throw err;
  for (const p of err.problems) console.error(formatProblem(p));
  if (err.usage) console.error(USAGE);
  console.error('data:add: nothing was changed');
  process.exitCode = 1;
}
