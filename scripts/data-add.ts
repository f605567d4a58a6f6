/**
 * Adds a snapshot drawn elsewhere to a data folder: validates, normalises (src/data/normalize.ts),
 * writes DIR/snapshots/DATE.geojson and inserts its entry into DIR/snapshots/index.json.
 * Usage: npm run data:add -- FILE.geojson --date YYYY-MM-DD --source "who, when" [--source …]
 *          [--precision "one line"] [--faction-property NAME] [--map VALUE=faction-id …] [--data DIR] [--replace]
 * With --replace, the old entry keeps its other fields (precision, the article flag, any field this
 * tool does not know); --precision sets a new precision and --precision "" removes it.
 * The date must lie between 1900-01-01 and a year after today (src/data/dates.ts).
 * On any problem it prints the same lines as data:check, exits 1 and changes nothing on disk. The
 * two files are written as one transaction (scripts/transaction.ts), under a lock file
 * (scripts/lock.ts) so two runs on one folder cannot interleave.
 */
import { hostname } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isIsoDate, parseFactions, parseJson, type FactionId } from '../src/data/contract.ts';
import { dateRangeProblem } from '../src/data/dates.ts';
import { fail, formatProblem, type Problem } from '../src/data/result.ts';
import { decodeUtf8 } from '../src/data/text.ts';
import { validateIndex, validateSnapshot, validateSnapshotText } from '../src/data/validate.ts';
import { insertIndexEntry, mapFactions, normalizeSnapshot } from '../src/data/normalize.ts';
import { runCli } from './cli.ts';
import { nodeFiles, type Files } from './files.ts';
import { acquireLock, type LockOptions } from './lock.ts';
import { commitFiles } from './transaction.ts';

const USAGE = 'usage: npm run data:add -- FILE.geojson --date YYYY-MM-DD --source "who, when" [--precision "one line"] [--faction-property NAME] [--map VALUE=faction-id ...] [--data DIR] [--replace]';
/** The largest input read at all: drawn files may be finer than a snapshot, but not without bound. */
export const MAX_INPUT_BYTES = 100_000_000;
export const LOCK_FILE = '.data-add.lock';

/** Ends the run with problems; `unchanged` is false only when a failed write could not be undone. */
class Stop { constructor(readonly problems: Problem[], readonly usage = false, readonly unchanged = true) {} }
function stop(problems: Problem[], usage = false): never {
  throw new Stop(problems, usage);
}

export interface AddOptions {
  files?: Files;
  now?: Date;
  lock?: LockOptions;
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Runs once the lock is held, before anything is read; for tests of concurrent runs. */
  whileLocked?: () => void;
}

function add(argv: string[], o: Required<Pick<AddOptions, 'files' | 'now' | 'out'>> & AddOptions): void {
  const files = o.files;
  // Arguments: flags with one value each (--source and --map may repeat), one input file.
  const values = new Map<string, string[]>();
  const inputs: string[] = [];
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
    else inputs.push(a);
  }
  const one = (flag: string) => values.get(flag)?.at(-1);
  const dateIso = one('--date') ?? '';
  const sources = (values.get('--source') ?? []).map((s) => s.trim()).filter(Boolean);
  const precision = one('--precision')?.trim();
  if (inputs.length !== 1) argProblems.push({ file: 'data:add', message: `expected one input .geojson file, got ${inputs.length}` });
  if (!isIsoDate(dateIso)) argProblems.push({ file: 'data:add', message: `--date must be a date written YYYY-MM-DD, got ${JSON.stringify(dateIso)}` });
  else {
    const outOfRange = dateRangeProblem(dateIso, o.now);
    if (outOfRange) argProblems.push({ file: 'data:add', message: `--date ${outOfRange}` });
  }
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
  const factionsJson = files.exists(factionsPath) ? parseJson(decodeUtf8(files.readFile(factionsPath)), shown(factionsPath)) : null;
  const factionsR = !factionsJson ? fail({ file: shown(factionsPath), message: 'file not found; is --data the data folder?' })
    : factionsJson.ok ? parseFactions(factionsJson.value, shown(factionsPath)) : factionsJson;
  const factions = factionsR.ok ? factionsR.value.map((f) => f.id) : [];
  const map: Record<string, FactionId> = {};
  for (const m of values.get('--map') ?? []) {
    const eq = m.lastIndexOf('=');
    const target = m.slice(eq + 1);
    if (eq <= 0 || (factionsR.ok && !factions.includes(target))) {
      argProblems.push({ file: 'data:add', message: `--map ${m}: expected VALUE=faction-id with a faction id of ${shown(factionsPath)} (${factions.join(', ')})` });
    } else map[m.slice(0, eq)] = target;
  }
  if (argProblems.length) stop(argProblems, true);
  if (!factionsR.ok) stop(factionsR.problems);
  const input = resolve(inputs[0]!);
  const inputName = shown(input);
  const snapshotFile = `${dateIso}.geojson`;
  const target = join(dir, 'snapshots', snapshotFile);
  const indexPath = join(dir, 'snapshots', 'index.json');
  const replace = values.has('--replace');

  const inputSize = files.sizeOf(input);
  if (inputSize === null) stop([{ file: inputName, message: 'file not found' }]);
  if (inputSize > MAX_INPUT_BYTES) stop([{ file: inputName, message: `is ${inputSize.toLocaleString('en')} bytes; data:add reads files of up to ${MAX_INPUT_BYTES.toLocaleString('en')}` }]);
  if (!files.exists(indexPath)) stop([{ file: shown(indexPath), message: 'file not found; is --data the data folder?' }]);

  const lockPath = join(dir, 'snapshots', LOCK_FILE);
  const lock = acquireLock(lockPath, files, { now: o.now, ...o.lock });
  if (!lock.ok) {
    const { pid, host, startedAtIso } = lock.owner;
    stop([{ file: shown(lockPath), message: `another data:add is writing to this folder (process ${pid} on ${host}, since ${startedAtIso}); wait for it to finish, or delete this file if no such run is going on` }]);
  }
  try {
    if (lock.tookOverFrom) o.err?.(`data:add: took over a stale lock left by process ${lock.tookOverFrom.pid} on ${lock.tookOverFrom.host}`);
    o.whileLocked?.();
    addLocked();
  } finally {
    lock.release();
  }

  function addLocked(): void {
    // 1. The input as drawn (its size was checked above): JSON, factions, then the same checks as data:check.
    const json = parseJson(decodeUtf8(files.readFile(input)), inputName);
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
    const indexJson = parseJson(decodeUtf8(files.readFile(indexPath)), indexName);
    if (!indexJson.ok) stop(indexJson.problems);
    const inserted = insertIndexEntry(indexJson.value, { dateIso, file: snapshotFile, sources, ...(precision !== undefined ? { precision } : {}) }, indexName, replace);
    if (!inserted.ok) stop(inserted.problems);
    if (files.exists(target) && !replace) stop([{ file: shown(target), message: 'already exists; pass --replace to replace it' }]);
    const checkedIndex = validateIndex(inserted.value, indexName, (f) => f === snapshotFile || files.exists(join(dir, 'snapshots', f)), o.now);
    if (checkedIndex.problems.length) stop(checkedIndex.problems);

    // 4. Only now touch the disk, as one transaction: both files change, or neither.
    const result = commitFiles([{ path: target, text }, { path: indexPath, text: JSON.stringify(inserted.value, null, 1) + '\n' }], files, `${process.pid}`);
    if (!result.ok) {
      const why = result.error instanceof Error ? result.error.message : String(result.error);
      if (result.restored) stop([{ file: shown(target), message: `could not be written (${why}); every file was put back as it was` }]);
      throw new Stop([
        { file: shown(target), message: `could not be written (${why}), and putting the old files back failed too` },
        ...result.damaged.map((p) => ({ file: shown(p), message: 'may now hold the new or a partial version; run npm run data:check on the folder' })),
        ...result.kept.map((p) => ({ file: shown(p), message: 'holds the old version: rename it back by hand' })),
      ], false, false);
    }
    for (const w of result.warnings) o.err?.(`data:add: ${w}`);
    const features = written.value.features.length;
    o.out(`data:add: wrote ${shown(target)} (${features} feature${features === 1 ? '' : 's'}, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB) and ${replace ? 'updated' : 'added'} its entry in ${indexName}`);
  }
}

/**
 * Runs data:add with `argv` (the arguments after the script name); returns the exit code: 0 done,
 * 1 problems (nothing changed, unless the last line says otherwise). Bugs throw.
 */
export function runDataAdd(argv: string[], options: AddOptions = {}): number {
  const out = options.out ?? ((l: string) => console.log(l));
  const err = options.err ?? ((l: string) => console.error(l));
  try {
    add(argv, { ...options, files: options.files ?? nodeFiles, now: options.now ?? new Date(), out, err });
    return 0;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    for (const p of e.problems) err(formatProblem(p));
    if (e.usage) err(USAGE);
    err(e.unchanged ? 'data:add: nothing was changed' : 'data:add: the data folder may be damaged; see the lines above');
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli('data:add', () => { process.exitCode = runDataAdd(process.argv.slice(2), { lock: { host: hostname() } }); });
}
