/**
 * Adds snapshots drawn elsewhere to a data folder: one file, many, or a folder of them (a whole
 * archive in one run). Each is checked as drawn (src/data/drawn-file.ts: a single Feature or bare
 * geometry wrapped, projected or swapped files refused), given its sides, normalised
 * (src/data/normalize.ts) and written to DIR/snapshots/DATE.geojson with its entry in
 * DIR/snapshots/index.json.
 * Usage: npm run data:add -- FOLDER_OR_FILES… --source "who, when" [--source …] [--faction ID]
 *          [--faction-property NAME] [--map VALUE=faction-id …] [--date YYYY-MM-DD, one file only]
 *          [--precision "one line"] [--data DIR] [--replace]
 * Without --date a file's date is the first YYYY-MM-DD, YYYYMMDD or YYYY_MM_DD in its name.
 * --faction gives features that name no side that side. With --replace, a date already listed is
 * replaced and its old entry keeps its other fields (precision, the article flag, any field this
 * tool does not know); --precision sets a new precision and --precision "" removes it. Dates must
 * lie between 1900-01-01 and a year after today (src/data/dates.ts).
 * All or nothing: on any problem in any file it prints every problem as data:check does, exits 1
 * and changes nothing on disk. Files are checked one at a time into a staging folder
 * (scripts/add-batch.ts), then moved into place with the index as one transaction
 * (scripts/transaction.ts), under a lock file (scripts/lock.ts) so two runs on one folder cannot
 * interleave. On a terminal it shows how many files are done and about how long the rest takes.
 */
import { hostname } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isIsoDate, parseFactions, parseJson, type FactionId } from '../src/data/contract.ts';
import { dateRangeProblem } from '../src/data/dates.ts';
import { fail, formatProblem, ok, pushAll, type Problem } from '../src/data/result.ts';
import { decodeUtf8 } from '../src/data/text.ts';
import { validateIndex } from '../src/data/validate.ts';
import { insertIndexEntry } from '../src/data/normalize.ts';
import { planInputs, readStoryArea, stageFiles, type Staged } from './add-batch.ts';
import { runCli } from './cli.ts';
import { nodeFiles, type Files } from './files.ts';
import { acquireLock, type LockOptions } from './lock.ts';
import { commitFiles } from './transaction.ts';

export { MAX_INPUT_BYTES } from './add-batch.ts';
const USAGE = 'usage: npm run data:add -- FOLDER_OR_FILES... --source "who, when" [--faction ID] [--faction-property NAME --map VALUE=faction-id ...] [--date YYYY-MM-DD (one file)] [--precision "one line"] [--data DIR] [--replace]';
export const LOCK_FILE = '.data-add.lock';
/** The staging folder's name in snapshots/, with the process id after it. */
export const STAGING_PREFIX = '.data-add-staging-';

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
  /** Called after each file is checked (the CLI draws its progress line with it, on a terminal only). */
  progress?: (done: number, total: number) => void;
}

function add(argv: string[], o: Required<Pick<AddOptions, 'files' | 'now' | 'out'>> & AddOptions): void {
  const files = o.files;
  // Arguments: flags with one value each (--source and --map may repeat), then the inputs.
  const values = new Map<string, string[]>();
  const inputs: string[] = [];
  const argProblems: Problem[] = [];
  const WITH_VALUE = new Set(['--date', '--source', '--precision', '--faction', '--faction-property', '--map', '--data']);
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
  const dateIso = one('--date') ?? null;
  const sources = (values.get('--source') ?? []).map((s) => s.trim()).filter(Boolean);
  const precision = one('--precision')?.trim();
  if (!inputs.length) argProblems.push({ file: 'data:add', message: 'expected the .geojson files to add, or a folder of them' });
  if (dateIso !== null && !isIsoDate(dateIso)) argProblems.push({ file: 'data:add', message: `--date must be a date written YYYY-MM-DD, got ${JSON.stringify(dateIso)}` });
  else if (dateIso !== null) {
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
  // The sides are the data folder's (factions.json): --map and --faction targets and the file's factions must be among them.
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
  const fallback = one('--faction');
  if (fallback !== undefined && factionsR.ok && !factions.includes(fallback)) {
    argProblems.push({ file: 'data:add', message: `--faction ${fallback}: expected a faction id of ${shown(factionsPath)} (${factions.join(', ')})` });
  }
  if (argProblems.length) stop(argProblems, true);
  if (!factionsR.ok) stop(factionsR.problems);
  const indexPath = join(dir, 'snapshots', 'index.json');
  const indexName = shown(indexPath);
  const replace = values.has('--replace');
  // A new story has no snapshots yet: the folder and its index are started here (and the folder
  // removed again if the run fails before anything is in it).
  const newIndex = !files.exists(indexPath);
  const madeFolder = files.list(join(dir, 'snapshots')) === null;
  if (madeFolder) files.makeDir(join(dir, 'snapshots'));

  const lockPath = join(dir, 'snapshots', LOCK_FILE);
  const lock = acquireLock(lockPath, files, { now: o.now, ...o.lock });
  if (!lock.ok) {
    if (madeFolder) files.removeDir(join(dir, 'snapshots'));
    const { pid, host, startedAtIso } = lock.owner;
    stop([{ file: shown(lockPath), message: `another data:add is writing to this folder (process ${pid} on ${host}, since ${startedAtIso}); wait for it to finish, or delete this file if no such run is going on` }]);
  }
  const stagingDir = join(dir, 'snapshots', `${STAGING_PREFIX}${process.pid}`);
  try {
    if (lock.tookOverFrom) o.err?.(`data:add: took over a stale lock left by process ${lock.tookOverFrom.pid} on ${lock.tookOverFrom.host}`);
    o.whileLocked?.();
    // Staging folders left by runs that died: no other run is going on while this one holds the lock.
    for (const n of files.list(join(dir, 'snapshots')) ?? []) if (n.startsWith(STAGING_PREFIX)) files.removeDir(join(dir, 'snapshots', n));
    addLocked();
  } finally {
    files.removeDir(stagingDir);
    lock.release();
    if (madeFolder && !files.list(join(dir, 'snapshots'))?.length) files.removeDir(join(dir, 'snapshots'));
  }

  function addLocked(): void {
    // 1. Which files, for which dates; and none of those dates taken unless --replace.
    const plan = planInputs(inputs.map((i) => resolve(i)), dateIso, files, shown, o.now);
    const indexJson = newIndex ? ok({ snapshots: [] }) : parseJson(decodeUtf8(files.readFile(indexPath)), indexName);
    if (!indexJson.ok) stop(indexJson.problems);
    const raw = (indexJson.value as { snapshots?: unknown } | null)?.snapshots;
    const listed = new Set(Array.isArray(raw) ? raw.map((s: { date?: unknown } | null) => s?.date) : []);
    const problems = [...plan.problems];
    for (const p of plan.planned) {
      const target = join(dir, 'snapshots', `${p.dateIso}.geojson`);
      if (replace) continue;
      if (listed.has(p.dateIso)) problems.push({ file: indexName, message: `date ${p.dateIso} is already listed; pass --replace to replace it` });
      else if (files.exists(target)) problems.push({ file: shown(target), message: 'already exists; pass --replace to replace it' });
    }

    // 2. Every file checked, normalised and checked again, one at a time, into the staging folder.
    files.makeDir(stagingDir);
    const area = readStoryArea(dir, files, indexJson.value);
    const staging = stageFiles(plan.planned, {
      files, factions, property: one('--faction-property') ?? 'faction', map, fallback, area,
      snapshotsDir: join(dir, 'snapshots'), stagingDir, shown, progress: o.progress,
    });
    pushAll(problems, staging.problems);
    if (problems.length) stop(problems);

    // 3. The index with the new entries, checked against the files it will list.
    let index: unknown = indexJson.value;
    for (const s of staging.staged) {
      const inserted = insertIndexEntry(index, { dateIso: s.dateIso, file: s.file, sources, ...(precision !== undefined ? { precision } : {}) }, indexName, replace);
      if (!inserted.ok) stop(inserted.problems);
      index = inserted.value;
    }
    const stagedFiles = new Set(staging.staged.map((s) => s.file));
    const checkedIndex = validateIndex(index, indexName, (f) => stagedFiles.has(f) || files.exists(join(dir, 'snapshots', f)), o.now);
    if (checkedIndex.problems.length) stop(checkedIndex.problems);

    // 4. Only now touch the data folder, as one transaction: every file changes, or none.
    commit(staging.staged, `${JSON.stringify(index, null, 1)}\n`, listed);
  }

  function commit(staged: Staged[], indexText: string, listed: Set<unknown>): void {
    const target = (s: Staged) => join(dir, 'snapshots', s.file);
    const result = commitFiles([...staged.map((s) => ({ path: target(s), staged: join(stagingDir, s.file) })), { path: indexPath, text: indexText }], files, `${process.pid}`);
    if (!result.ok) {
      const why = result.error instanceof Error ? result.error.message : String(result.error);
      const first = shown(target(staged[0]!));
      if (result.restored) stop([{ file: first, message: `could not be written (${why}); every file was put back as it was` }]);
      throw new Stop([
        { file: first, message: `could not be written (${why}), and putting the old files back failed too` },
        ...result.damaged.map((p) => ({ file: shown(p), message: 'may now hold the new or a partial version; run npm run data:check on the folder' })),
        ...result.kept.map((p) => ({ file: shown(p), message: 'holds the old version: rename it back by hand' })),
      ], false, false);
    }
    for (const w of result.warnings) o.err?.(`data:add: ${w}`);
    const kib = (bytes: number) => Math.round(bytes / 1024).toLocaleString('en');
    const updated = staged.filter((s) => listed.has(s.dateIso)).length;
    if (staged.length === 1) {
      const s = staged[0]!;
      o.out(`data:add: wrote ${shown(target(s))} (${s.features} feature${s.features === 1 ? '' : 's'}, ${kib(s.bytes)} KiB) and ${updated ? 'updated' : 'added'} its entry in ${indexName}`);
    } else {
      const bytes = staged.reduce((n, s) => n + s.bytes, 0);
      const entries = [staged.length - updated ? `added ${staged.length - updated}` : '', updated ? `updated ${updated}` : ''].filter(Boolean).join(' and ');
      o.out(`data:add: wrote ${staged.length} snapshots, ${staged[0]!.dateIso} to ${staged.at(-1)!.dateIso} (${kib(bytes)} KiB), to ${shown(join(dir, 'snapshots'))}/ and ${entries} entries in ${indexName}`);
    }
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

/**
 * A progress line for a terminal: files done of all, and the time left at the pace so far. It
 * rewrites itself (carriage return), so it is only for a TTY; piped output gets none.
 */
export function progressLine(write: (text: string) => void, startedMs = performance.now()): (done: number, total: number) => void {
  let shownMs = -Infinity;
  return (done, total) => {
    // At most ten lines a second: a terminal need not redraw for each of 3,000 small files.
    if (total < 2 || (done < total && performance.now() - shownMs < 100)) return;
    shownMs = performance.now();
    const leftS = ((performance.now() - startedMs) / done) * (total - done) / 1000;
    const left = done === total ? '' : `, about ${leftS < 90 ? `${Math.ceil(leftS)} s` : `${Math.ceil(leftS / 60)} min`} left`;
    write(`\r\x1b[Kdata:add: ${done}/${total} files checked${left}${done === total ? '\n' : ''}`);
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const progress = process.stderr.isTTY ? progressLine((t) => process.stderr.write(t)) : undefined;
  runCli('data:add', () => { process.exitCode = runDataAdd(process.argv.slice(2), { lock: { host: hostname() }, progress }); });
}
