import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { overlapBomb } from '../tests/fixtures/hostile.ts';
import { rectAreaKm2 } from '../tests/fixtures/load.ts';

const root = join(import.meta.dirname, '..');
const dataCheck = (...args: string[]) => dataCheckIn(process.env, ...args);
/** With at most `mb` of heap, so a check whose memory grows with its input fails. */
const dataCheckWithHeap = (mb: number, ...args: string[]) => dataCheckIn({ ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${mb}` }, ...args);
function dataCheckIn(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data-check.ts', ...args], { cwd: root, encoding: 'utf8', env });
  const out = (s: string) => s.split('\n').filter((l) => l && !l.startsWith('npm warn'));
  return { status: r.status, stdout: out(r.stdout), stderr: out(r.stderr), raw: r.stdout };
}

const IDS = 'islamic-state, syrian-kurds, syrian-regime, syrian-rebels, iraqi-government, iraqi-kurds';
const B = 'tests/fixtures/broken';

describe('npm run data:check', () => {
  it('prints one line per problem in tests/fixtures/broken and exits 1', () => {
    // Worked out by hand: tests/fixtures/broken/README.md.
    const r = dataCheck(B);
    expect(r.stdout).toEqual([
      `${B}/claims.json: expected a JSON object at the top`,
      `${B}/snapshots/index.json: dates are not in order: 2015-04-01 comes before 2015-03-01`,
      `${B}/snapshots/index.json: date 2015-05-01 is listed twice`,
      `${B}/snapshots/index.json: snapshots[9] (2015-09-01): file missing-file.geojson does not exist`,
      `${B}/snapshots/json-syntax-error.geojson: invalid JSON at line 5, column 3: expected a comma or ], found "{"`,
      `${B}/snapshots/unknown-faction.geojson: feature 1: unknown faction "isis"; expected a faction id of factions.json (${IDS})`,
      `${B}/snapshots/self-intersecting-ring.geojson: feature 0: polygon ring 0 crosses itself at [38.25, 35.25]`,
      `${B}/snapshots/unclosed-ring.geojson: feature 0: polygon ring 0 is not closed (first and last positions differ)`,
      `${B}/snapshots/coordinates-out-of-range.geojson: feature 0: polygon 1 ring 0: coordinate [181, 35] is out of range`,
      `${B}/snapshots/factions-overlap.geojson: feature 0: islamic-state overlaps feature 1 (syrian-regime) by ${rectAreaKm2(38.4, 35, 38.5, 35.5).toFixed(2)} km²; different factions must not overlap`,
      `${B}/snapshots/factions-overlap.geojson: feature 1: syrian-regime overlaps feature 3 (islamic-state desert) by ${rectAreaKm2(38.8, 35.4, 38.9, 35.45).toFixed(2)} km²; different factions must not overlap`,
      `${B}/snapshots/hole-outside-shell.geojson: feature 0: polygon ring 1 (a hole) lies outside its shell`,
      `${B}/snapshots/repeated-point.geojson: feature 0: polygon ring 0 repeats the point [38.5, 35] at positions 1 and 2`,
      `${B}/snapshots/zero-area-ring.geojson: feature 0: polygon ring 0 has zero area`,
      `${B}/snapshots/not-in-index.geojson: warning: not listed in snapshots/index.json, so the app never shows it`,
    ]);
    expect(r.stderr).toEqual(['data:check: 9 snapshots, 1 place, 6 factions: 14 problems, 1 warning']);
    expect(r.status).toBe(1);
  }, 60_000);

  it('--json gives the same problems as objects', () => {
    const r = dataCheck(B, '--json');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.raw) as { problems: { file: string; feature?: number; message: string }[]; warnings: unknown[]; checked: Record<string, number> };
    expect(json.problems).toHaveLength(14);
    expect(json.problems).toContainEqual({ file: `${B}/snapshots/unknown-faction.geojson`, feature: 1, message: `unknown faction "isis"; expected a faction id of factions.json (${IDS})` });
    expect(json.problems[0]).toEqual({ file: `${B}/claims.json`, message: 'expected a JSON object at the top' });
    expect(json.warnings).toHaveLength(1);
    expect(json.checked).toEqual({ snapshots: 9, places: 1, factions: 6, files: 14 });
  }, 60_000);

  it('exits 0 with a one-line summary on a good folder', () => {
    const r = dataCheck('tests/fixtures/small-data');
    expect(r.stdout).toEqual(['data:check: 2 snapshots, 1 place, 6 factions: no problems']);
    expect(r.status).toBe(0);
  }, 60_000);

  it('passes another story with three sides of its own and no optional files', () => {
    const r = dataCheck('tests/fixtures/story-b');
    expect(r.stdout).toEqual(['data:check: 3 snapshots, 3 places, 3 factions: no problems']);
    expect(r.status).toBe(0);
  }, 60_000);

  it('refuses unknown arguments and missing folders', () => {
    expect(dataCheck('--fast').status).toBe(2);
    expect(dataCheck('no/such/folder').stderr).toEqual(['data:check: no/such/folder: no such folder']);
  }, 60_000);

  it('accepts files saved with a byte-order mark and CRLF line ends, as browsers do', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontlines-bom-'));
    try {
      cpSync(join(root, 'tests/fixtures/small-data'), dir, { recursive: true });
      const rewrite = (sub: string): void => {
        for (const name of readdirSync(join(dir, sub))) {
          const path = join(dir, sub, name);
          if (statSync(path).isDirectory()) rewrite(join(sub, name));
          else if (/\.(geo)?json$/.test(name)) writeFileSync(path, '\uFEFF' + readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
        }
      };
      rewrite('');
      const r = dataCheck(dir);
      expect(r.stdout).toEqual(['data:check: 2 snapshots, 1 place, 6 factions: no problems']);
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('reports hostile files as problems, never with a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontlines-hostile-'));
    try {
      cpSync(join(root, 'tests/fixtures/small-data'), dir, { recursive: true });
      const snapshot = (features: string) => `{"type": "FeatureCollection", "features": [${features}]}`;
      writeFileSync(join(dir, 'snapshots/2015-01-01.geojson'), snapshot('{"type": "Feature", "properties": {"faction": "syrian-kurds"}, "geometry": {"type": "MultiPolygon", "coordinates": []}}'));
      writeFileSync(join(dir, 'snapshots/2015-03-01.geojson'), snapshot(`{"type": "Feature", "properties": {"faction": ${'['.repeat(50_000)}${']'.repeat(50_000)}}}`));
      writeFileSync(join(dir, 'stats.json'), '{"a": '.repeat(30_000));
      const r = dataCheck(dir);
      expect(r.stdout).toEqual([
        `${dir}/stats.json: invalid JSON at line 1, column 180001: expected more text (the file ends too early), found the end`,
        `${dir}/snapshots/2015-01-01.geojson: feature 0: MultiPolygon coordinates must be a non-empty array of polygons`,
        `${dir}/snapshots/2015-03-01.geojson: feature 0: unknown faction ${'['.repeat(80)}…; expected a faction id of factions.json (${IDS})`,
      ]);
      expect(r.stderr).toEqual(['data:check: 2 snapshots, 1 place, 6 factions: 3 problems']);
      expect(r.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses the overlap bombs of issue 23 in a few lines, in under 20 s each and 300 MB of heap', () => {
    // 600 and 12,800 identical squares whose sides alternate (tests/fixtures/hostile.ts): 90,000 and
    // 41 million overlapping pairs. Before, the first printed 90,000 lines and the second ran out of memory.
    for (const [count, more] of [[600, 'and 89,990 more overlaps between factions, not listed'], [12_800, /^and at least [\d,]+ more overlaps between factions, not listed: the check stopped counting there, as measuring every pair of polygons of different factions that lie close together would take too long$/]] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'frontlines-bomb-'));
      try {
        cpSync(join(root, 'tests/fixtures/small-data'), dir, { recursive: true });
        const file = `${dir}/snapshots/2015-03-01.geojson`;
        writeFileSync(file, overlapBomb(count));
        const t0 = performance.now();
        const r = dataCheckWithHeap(300, dir);
        const ms = performance.now() - t0;
        expect(r.stderr.at(-1)).toBe('data:check: 2 snapshots, 1 place, 6 factions: 11 problems');
        expect(r.stdout.slice(0, 10)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19].map((b) => `${file}: feature 0: islamic-state overlaps feature ${b} (syrian-kurds) by ${rectAreaKm2(38, 35, 38.1, 35.1).toFixed(2)} km²; different factions must not overlap`));
        expect(r.stdout[10]!.slice(file.length + 2)).toMatch(more);
        expect(r.stdout).toHaveLength(11);
        expect([...r.stdout, ...r.stderr].join('\n')).not.toMatch(/bug|internal error|RangeError|heap/i);
        expect(r.status).toBe(1);
        expect(ms, `${count} squares`).toBeLessThan(20_000);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 90_000);

  it('passes the real data/', () => {
    const r = dataCheck();
    const index = JSON.parse(readFileSync(join(root, 'data/snapshots/index.json'), 'utf8')) as { snapshots: unknown[] };
    const places = JSON.parse(readFileSync(join(root, 'data/places.geojson'), 'utf8')) as { features: unknown[] };
    expect(r.stdout).toEqual([`data:check: ${index.snapshots.length} snapshots, ${places.features.length} places, 6 factions: no problems`]);
    expect(r.status).toBe(0);
  }, 120_000);
});
