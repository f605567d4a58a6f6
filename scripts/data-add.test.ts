import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const IDS = 'islamic-state, syrian-kurds, syrian-regime, syrian-rebels, iraqi-government, iraqi-kurds';
const INPUT = 'tests/fixtures/add/controller-property.geojson';
const MAPPED = ['--faction-property', 'controller', '--map', 'ISIS=islamic-state', '--map', 'SAA=syrian-regime'];

function run(script: string, ...args: string[]) {
  const r = spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], { cwd: root, encoding: 'utf8' });
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
    expect(index().snapshots[1]).toEqual({ date: '2015-03-01', file: '2015-03-01.geojson', article: true, sources: ['x'] });
  }, 60_000);

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
