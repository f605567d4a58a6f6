import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, runDataAdd, type AddOptions } from './data-add.ts';
import { failingFiles, nodeFiles } from './files.ts';
import { overlapBomb } from '../tests/fixtures/hostile.ts';
import { rectAreaKm2 } from '../tests/fixtures/load.ts';

const root = join(import.meta.dirname, '..');
const IDS = 'islamic-state, syrian-kurds, syrian-regime, syrian-rebels, iraqi-government, iraqi-kurds';
const INPUT = 'tests/fixtures/add/controller-property.geojson';
const MAPPED = ['--faction-property', 'controller', '--map', 'ISIS=islamic-state', '--map', 'SAA=syrian-regime'];

/** Runs a CLI with at most 300 MB of heap, so a run whose memory grows with its input fails. */
function run(script: string, ...args: string[]) {
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=300` };
  const r = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], { cwd: root, encoding: 'utf8', env });
  const out = (s: string) => s.split('\n').filter((l) => l && !l.startsWith('npm warn'));
  return { status: r.status, stdout: out(r.stdout), stderr: out(r.stderr) };
}

/** Every file under `dir` with its bytes, to prove a failed run changed nothing. */
function files(dir: string, under = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(dir, under)).sort()) {
    const rel = under ? `${under}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) Object.assign(out, files(dir, rel));
    else out[rel] = readFileSync(join(dir, rel)).toString('base64');
  }
  return out;
}

describe('npm run data:add', () => {
  let dir = '';
  let before: Record<string, string> = {};
  beforeEach(() => {
    // A temporary copy of the small fixture folder: the real data/ is never touched.
    dir = mkdtempSync(join(tmpdir(), 'frontlines-add-'));
    cpSync(join(root, 'tests/fixtures/small-data'), dir, { recursive: true });
    before = files(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const index = () => JSON.parse(readFileSync(join(dir, 'snapshots/index.json'), 'utf8')) as { snapshots: Record<string, unknown>[] };

  it('adds a good file, normalised, with its entry in date order', () => {
    const r = run('data-add', INPUT, '--date', '2015-02-01', '--source', 'Fixture map, 2015-02-01', '--precision', 'Hand-made squares.', ...MAPPED, '--data', dir);
    expect(r.stderr).toEqual([]);
    expect(r.status).toBe(0);
    expect(index().snapshots.map((s) => s.date)).toEqual(['2015-01-01', '2015-02-01', '2015-03-01']);
    expect(index().snapshots[1]).toEqual({ date: '2015-02-01', file: '2015-02-01.geojson', precision: 'Hand-made squares.', sources: ['Fixture map, 2015-02-01'] });
    const added = JSON.parse(readFileSync(join(dir, 'snapshots/2015-02-01.geojson'), 'utf8')) as { features: { properties: unknown }[] };
    expect(added.features.map((f) => f.properties)).toEqual([
      { faction: 'islamic-state' }, { faction: 'syrian-regime' }, { faction: 'syrian-regime', id: 'deir-ez-zor-enclave' }, { faction: 'islamic-state', tier: 'desert' },
    ]);
    // Only the new snapshot and the index changed, and the folder still passes data:check.
    const after = files(dir);
    expect(Object.keys(after)).toEqual(Object.keys({ ...before, 'snapshots/2015-02-01.geojson': '' }).sort());
    for (const f of Object.keys(before)) if (f !== 'snapshots/index.json') expect(after[f], f).toBe(before[f]);
    expect(run('data-check', dir).status).toBe(0);
  }, 60_000);

  it('leaves every file byte-identical when the input is invalid', () => {
    const bad = 'tests/fixtures/broken/snapshots/self-intersecting-ring.geojson';
    const r = run('data-add', bad, '--date', '2015-02-01', '--source', 'x', '--data', dir);
    expect(r.stderr).toEqual([`${bad}: feature 0: polygon ring 0 crosses itself at [38.25, 35.25]`, 'data:add: nothing was changed']);
    expect(r.status).toBe(1);
    expect(files(dir)).toEqual(before);
  }, 60_000);

  it('names values the map does not cover, and changes nothing', () => {
    const r = run('data-add', INPUT, '--date', '2015-02-01', '--source', 'x', '--faction-property', 'controller', '--map', 'ISIS=islamic-state', '--data', dir);
    expect(r.stderr).toEqual([
      `${INPUT}: feature 2: "controller" is "SAA"; expected one of ISIS (mapped) or a faction id of factions.json (${IDS})`,
      `${INPUT}: feature 3: "controller" is "SAA"; expected one of ISIS (mapped) or a faction id of factions.json (${IDS})`,
      'data:add: nothing was changed',
    ]);
    expect(r.status).toBe(1);
    expect(files(dir)).toEqual(before);
  }, 60_000);

  it('refuses a date already listed unless --replace, which keeps the article flag', () => {
    const args = [INPUT, '--date', '2015-03-01', '--source', 'x', ...MAPPED, '--data', dir];
    const r = run('data-add', ...args);
    expect(r.stderr).toEqual([`${dir}/snapshots/index.json: date 2015-03-01 is already listed; pass --replace to replace it`, 'data:add: nothing was changed']);
    expect(r.status).toBe(1);
    expect(files(dir)).toEqual(before);

    expect(run('data-add', ...args, '--replace').status).toBe(0);
    expect(index().snapshots.map((s) => s.date)).toEqual(['2015-01-01', '2015-03-01']);
    // The old precision stays: --replace changes only what it is given.
    expect(index().snapshots[1]).toEqual({ date: '2015-03-01', file: '2015-03-01.geojson', article: true, precision: 'Fixture: hand-made squares.', sources: ['x'] });
  }, 60_000);

  it('refuses the overlap bombs of issue 23 in a few lines, in under 20 s each, and changes nothing', () => {
    // 600 and 12,800 identical squares whose sides alternate (tests/fixtures/hostile.ts).
    for (const [count, more] of [[600, 'and 89,990 more overlaps between factions, not listed'], [12_800, /^and at least [\d,]+ more overlaps between factions, not listed: the check stopped counting there, as measuring every pair of polygons of different factions that lie close together would take too long$/]] as const) {
      const input = join(dir, `bomb-${count}.geojson`);
      writeFileSync(input, overlapBomb(count));
      const t0 = performance.now();
      const r = run('data-add', input, '--date', '2015-02-01', '--source', 'x', '--data', dir);
      const ms = performance.now() - t0;
      expect(r.stderr.slice(0, 10)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19].map((b) => `${input}: feature 0: islamic-state overlaps feature ${b} (syrian-kurds) by ${rectAreaKm2(38, 35, 38.1, 35.1).toFixed(2)} km²; different factions must not overlap`));
      expect(r.stderr[10]!.slice(input.length + 2)).toMatch(more);
      expect(r.stderr.slice(11)).toEqual(['data:add: nothing was changed']);
      expect(r.stderr.join('\n')).not.toMatch(/bug|internal error|RangeError|heap/i);
      expect(r.status).toBe(1);
      rmSync(input);
      expect(files(dir)).toEqual(before);
      expect(ms, `${count} squares`).toBeLessThan(20_000);
    }
  }, 90_000);

  it('refuses bad arguments, and changes nothing', () => {
    const r = run('data-add', INPUT, '--date', '2015-02-30', '--map', 'SAA=regime', '--data', dir);
    expect(r.stderr.slice(0, 3)).toEqual([
      'data:add: --date must be a date written YYYY-MM-DD, got "2015-02-30"',
      'data:add: --source "who, when" is required',
      `data:add: --map SAA=regime: expected VALUE=faction-id with a faction id of ${dir}/factions.json (${IDS})`,
    ]);
    expect(r.status).toBe(1);
    expect(files(dir)).toEqual(before);
  }, 60_000);
});

describe('data:add in process: dates, transactions and the lock', () => {
  let dir = '';
  let before: Record<string, string> = {};
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'frontlines-add-'));
    cpSync(join(root, 'tests/fixtures/small-data'), dir, { recursive: true });
    before = files(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs data:add in this process, collecting what it prints. */
  function add(args: string[], options: AddOptions = {}) {
    const out: string[] = [], err: string[] = [];
    const status = runDataAdd([join(root, INPUT), ...MAPPED, '--source', 'x', '--data', dir, ...args], { out: (l) => out.push(l), err: (l) => err.push(l), ...options });
    return { status, out, err };
  }
  const snap = (date: string) => `${dir}/snapshots/${date}.geojson`;

  it('reads an input saved with a byte-order mark and CRLF line ends', () => {
    const input = join(dir, 'bom.geojson');
    writeFileSync(input, '\uFEFF' + readFileSync(join(root, INPUT), 'utf8').replace(/\n/g, '\r\n'));
    const out: string[] = [], err: string[] = [];
    expect(runDataAdd([input, ...MAPPED, '--source', 'x', '--data', dir, '--date', '2015-02-01'], { out: (l) => out.push(l), err: (l) => err.push(l) })).toBe(0);
    expect(err).toEqual([]);
  });

  it('refuses dates before 1900 or more than a year ahead', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    expect(add(['--date', '0001-01-01'], { now }).err.slice(0, 1)).toEqual(['data:add: --date 0001-01-01 is outside the accepted range 1900-01-01 to 2027-11-20 (a year after today)']);
    expect(add(['--date', '2107-07-15'], { now }).status).toBe(1);
    expect(files(dir)).toEqual(before);
    expect(add(['--date', '1900-01-01'], { now }).status).toBe(0);
  });

  it('puts every file back when a write fails between the two renames, and says so truthfully', () => {
    // Renames: snapshot into place (1), index into place (2): the second fails.
    const r = add(['--date', '2015-03-01', '--replace'], { files: failingFiles(nodeFiles, 'rename', 2) });
    expect(r.err).toEqual([
      `${snap('2015-03-01')}: could not be written (ENOSPC: no space left on device (simulated)); every file was put back as it was`,
      'data:add: nothing was changed',
    ]);
    expect(r.status).toBe(1);
    expect(files(dir)).toEqual(before);
    // A new date: the snapshot that was moved into place is removed again.
    expect(add(['--date', '2015-02-01'], { files: failingFiles(nodeFiles, 'rename', 2) }).status).toBe(1);
    expect(files(dir)).toEqual(before);
  });

  it('never claims "nothing was changed" when the old files could not be put back', () => {
    // Rename 2 (the index) fails, and so does rename 3 (the snapshot's copy back into place).
    let calls = 0;
    const broken = { ...nodeFiles, rename: (a: string, b: string) => { if (++calls >= 2) throw new Error('EIO: i/o error (simulated)'); nodeFiles.rename(a, b); } };
    const r = add(['--date', '2015-03-01', '--replace'], { files: broken });
    expect(r.err).toEqual([
      `${snap('2015-03-01')}: could not be written (EIO: i/o error (simulated)), and putting the old files back failed too`,
      `${snap('2015-03-01')}: may now hold the new or a partial version; run npm run data:check on the folder`,
      `${snap('2015-03-01')}.bak-${process.pid}: holds the old version: rename it back by hand`,
      'data:add: the data folder may be damaged; see the lines above',
    ]);
    expect(r.err).not.toContain('data:add: nothing was changed');
    expect(readFileSync(`${snap('2015-03-01')}.bak-${process.pid}`, 'utf8')).toBe(Buffer.from(before['snapshots/2015-03-01.geojson']!, 'base64').toString('utf8'));
  });

  it('refuses to run while another run holds the lock, and takes over a stale one', () => {
    const lock = join(dir, 'snapshots', LOCK_FILE);
    const holder = { pid: 4242, host: 'desk-1', startedAtIso: '2026-11-20T10:00:00.000Z' };
    writeFileSync(lock, JSON.stringify(holder));
    const now = new Date('2026-11-20T10:05:00Z');
    const busy = add(['--date', '2015-02-01'], { now, lock: { host: 'desk-1', isAlive: () => true } });
    expect(busy.err).toEqual([
      `${lock}: another data:add is writing to this folder (process 4242 on desk-1, since 2026-11-20T10:00:00.000Z); wait for it to finish, or delete this file if no such run is going on`,
      'data:add: nothing was changed',
    ]);
    expect(busy.status).toBe(1);
    // Same host, process gone: stale. The run takes the lock over, adds, and removes the lock.
    const r = add(['--date', '2015-02-01'], { now, lock: { host: 'desk-1', isAlive: () => false } });
    expect(r.err).toEqual(['data:add: took over a stale lock left by process 4242 on desk-1']);
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, 'snapshots'))).not.toContain(LOCK_FILE);
  });

  it('holds the lock while it works, so a second run started meanwhile is refused', () => {
    let second: ReturnType<typeof add> | null = null;
    const first = add(['--date', '2015-02-01'], { whileLocked: () => { second = add(['--date', '2015-04-01']); } });
    expect(first.status).toBe(0);
    expect(second!.status).toBe(1);
    expect(second!.err[0]).toMatch(/another data:add is writing to this folder \(process \d+ on /);
    // An owner on another host is trusted for an hour, then taken over.
    writeFileSync(join(dir, 'snapshots', LOCK_FILE), JSON.stringify({ pid: 1, host: 'elsewhere', startedAtIso: '2026-11-20T10:00:00.000Z' }));
    expect(add(['--date', '2015-04-01'], { now: new Date('2026-11-20T10:59:00Z') }).status).toBe(1);
    expect(add(['--date', '2015-04-01'], { now: new Date('2026-11-20T11:01:00Z') }).status).toBe(0);
  });
});
