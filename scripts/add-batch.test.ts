import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { area } from '@turf/turf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_SIDE, dailyArchive, writeArchiveStory, writeDailyArchive } from '../tests/fixtures/daily-archive.ts';
import { foreignFiles } from '../tests/fixtures/foreign-files.ts';
import { validateDataFolder, type DataFolder } from '../src/data/data-folder.ts';
import type { Snapshot } from '../src/data/contract.ts';
import { progressLine, runDataAdd, STAGING_PREFIX, type AddOptions } from './data-add.ts';
import { failingFiles, nodeFiles } from './files.ts';

const root = join(import.meta.dirname, '..');

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
const folder = (dir: string): DataFolder => ({
  readFile: (p) => { try { return readFileSync(join(dir, p), 'utf8'); } catch { return null; } },
  sizeOf: (p) => { try { return statSync(join(dir, p)).isFile() ? statSync(join(dir, p)).size : null; } catch { return null; } },
  list: (p) => { try { return readdirSync(join(dir, p)); } catch { return []; } },
});

describe('the made-up daily archive (tests/fixtures/daily-archive.ts)', () => {
  it('is what a real archive looks like: one MultiPolygon of thousands of vertices, no properties, 7 decimals, a crs, the date only in the name', () => {
    const days = [...dailyArchive({ days: 3, startIso: '2025-12-31' })];
    expect(days.map((d) => d.name)).toEqual(['occupied_20251231.geojson', 'occupied_20260101.geojson', 'occupied_20260102.geojson']);
    const fc = JSON.parse(days[0]!.text) as { crs: unknown; features: { properties: unknown; geometry: { type: string; coordinates: number[][][][] } }[] };
    expect(fc.crs).toEqual({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } });
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0]!.properties).toEqual({});
    expect(fc.features[0]!.geometry.type).toBe('MultiPolygon');
    const vertices = fc.features[0]!.geometry.coordinates.flat(2);
    expect(vertices.length).toBeGreaterThan(3000);
    expect(days[0]!.text).toMatch(/\[\d+\.\d{7},\d+\.\d{7}\]/);
    expect(days[0]!.text).not.toContain('2025-12-31');
    expect(days[0]!.text.length).toBeGreaterThan(70_000);
  });

  it('is the same every time, and its front moves a little each day', () => {
    const a = [...dailyArchive({ days: 40 })], b = [...dailyArchive({ days: 40 })];
    expect(a.map((d) => d.text)).toEqual(b.map((d) => d.text));
    const km2 = a.map((d) => area(JSON.parse(d.text).features[0]) / 1e6);
    const steps = km2.slice(1).map((x, i) => Math.abs(x - km2[i]!));
    // Every day differs, by little: under 1% of the area.
    for (const s of steps) { expect(s).toBeGreaterThan(0); expect(s).toBeLessThan(km2[0]! * 0.01); }
  });
});

describe('data:add on a folder (a whole archive in one run)', () => {
  let work = '', story = '', archive = '';
  let before: Record<string, string> = {};
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'frontlines-batch-'));
    story = join(work, 'story');
    archive = join(work, 'archive');
    writeArchiveStory(story);
    writeDailyArchive(archive, { days: 20, startIso: '2025-01-01' });
    before = files(story);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  function add(args: string[], options: AddOptions = {}) {
    const out: string[] = [], err: string[] = [];
    const status = runDataAdd([...args, '--source', 'Made-up archive', '--data', story], { out: (l) => out.push(l), err: (l) => err.push(l), ...options });
    return { status, out, err };
  }
  const index = () => (JSON.parse(readFileSync(join(story, 'snapshots/index.json'), 'utf8')) as { snapshots: Record<string, unknown>[] }).snapshots;

  it('adds every file of the folder, dated from its name, given the side; the folder then passes data:check', () => {
    const progress: number[] = [];
    const r = add([archive, '--faction', ARCHIVE_SIDE], { progress: (done, total) => { expect(total).toBe(20); progress.push(done); } });
    expect(r.err).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.out).toEqual([expect.stringMatching(/^data:add: wrote 20 snapshots, 2025-01-01 to 2025-01-20 \([\d,]+ KiB\), to .*\/snapshots\/ and added 20 entries in .*index\.json$/)]);
    expect(progress).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(index().map((s) => s.date)).toEqual(Array.from({ length: 20 }, (_, i) => `2025-01-${String(i + 1).padStart(2, '0')}`));
    expect(index()[0]).toEqual({ date: '2025-01-01', file: '2025-01-01.geojson', sources: ['Made-up archive'] });
    const snap = JSON.parse(readFileSync(join(story, 'snapshots/2025-01-05.geojson'), 'utf8')) as Snapshot & { crs?: unknown };
    expect(snap.crs).toBeUndefined();
    expect(snap.features.map((f) => f.properties)).toEqual([{ faction: ARCHIVE_SIDE }]);
    expect(JSON.stringify(snap)).not.toMatch(/\d\.\d{5}/);
    expect(readdirSync(join(story, 'snapshots')).filter((n) => n.startsWith('.'))).toEqual([]);
    const report = validateDataFolder(folder(story), 'story/');
    expect(report.problems).toEqual([]);
    expect(report.checked.snapshots).toBe(20);
  });

  it('is all or nothing: one bad file among many lists every problem and changes nothing', () => {
    const f = foreignFiles();
    writeFileSync(join(archive, 'occupied_20250105.geojson'), f.swapped.text);
    writeFileSync(join(archive, 'occupied_20250111.geojson'), f.mercator.text);
    const r = add([archive, '--faction', ARCHIVE_SIDE]);
    expect(r.status).toBe(1);
    expect(r.err).toHaveLength(3);
    expect(r.err[0]).toMatch(/archive\/occupied_20250105\.geojson: lies wholly outside the story's area .* with latitude and longitude swapped/);
    expect(r.err[1]).toMatch(/archive\/occupied_20250111\.geojson: coordinates such as .* the file looks projected \(its "crs" is urn:ogc:def:crs:EPSG::3857\)\. Reproject it to WGS 84 longitude\/latitude: ogr2ogr -t_srs EPSG:4326 out\.geojson in\.geojson$/);
    expect(r.err[2]).toBe('data:add: nothing was changed');
    expect(files(story)).toEqual(before);
  });

  it('starts snapshots/ and its index in a new story, and leaves no empty folder when it fails', () => {
    rmSync(join(story, 'snapshots'), { recursive: true });
    const none = files(story);
    expect(add([archive]).status).toBe(1); // no --faction: every file's feature names no side
    expect(files(story)).toEqual(none);
    expect(readdirSync(story)).not.toContain('snapshots');
    expect(add([archive, '--faction', ARCHIVE_SIDE]).status).toBe(0);
    expect(index()).toHaveLength(20);
  });

  it('names files without a date in their name, and two files for one date', () => {
    writeFileSync(join(archive, 'occupied_latest.geojson'), f0());
    writeFileSync(join(archive, 'occupied_2025-01-03.geojson'), f0());
    const r = add([archive, '--faction', ARCHIVE_SIDE]);
    expect(r.status).toBe(1);
    expect(r.err.filter((l) => !l.startsWith('data:add:')).map((l) => l.replaceAll(`${archive}/`, ''))).toEqual([
      'occupied_20250103.geojson: has the date 2025-01-03, as occupied_2025-01-03.geojson has; keep one file for each date',
      'occupied_latest.geojson: has no date in its name (YYYY-MM-DD, YYYYMMDD or YYYY_MM_DD); rename it, or give a single file its date with --date',
    ]);
    expect(files(story)).toEqual(before);
  });

  it('asks for --replace per date already there, and with it replaces those and adds the rest', () => {
    expect(add([join(archive, 'occupied_20250102.geojson'), join(archive, 'occupied_20250104.geojson'), '--faction', ARCHIVE_SIDE]).status).toBe(0);
    const r = add([archive, '--faction', ARCHIVE_SIDE]);
    expect(r.err.slice(0, 2).map((l) => l.replace(/^.*index\.json: /, ''))).toEqual([
      'date 2025-01-02 is already listed; pass --replace to replace it', 'date 2025-01-04 is already listed; pass --replace to replace it',
    ]);
    expect(r.status).toBe(1);
    const again = add([archive, '--faction', ARCHIVE_SIDE, '--replace']);
    expect(again.status).toBe(0);
    expect(again.out[0]).toMatch(/added 18 and updated 2 entries/);
    expect(index()).toHaveLength(20);
  });

  it('refuses --date with more than one file, and a --faction that is no side', () => {
    const r = add([archive, '--date', '2025-01-01', '--faction', 'nobody']);
    expect(r.err[0]).toBe(`data:add: --faction nobody: expected a faction id of ${join(story, 'factions.json')} (${ARCHIVE_SIDE})`);
    const many = add([archive, '--date', '2025-01-01', '--faction', ARCHIVE_SIDE]);
    expect(many.err[0]).toBe('data:add: --date is for a single file; these 20 files take their dates from their names');
    expect(files(story)).toEqual(before);
  });

  it('puts every file back when a rename fails half way through the batch, and leaves no staging folder', () => {
    // Renames: the 20 snapshots, then the index; the 12th fails.
    const r = add([archive, '--faction', ARCHIVE_SIDE], { files: failingFiles(nodeFiles, 'rename', 12) });
    expect(r.err.at(-1)).toBe('data:add: nothing was changed');
    expect(r.err[0]).toMatch(/2025-01-01\.geojson: could not be written \(ENOSPC: no space left on device \(simulated\)\); every file was put back as it was$/);
    expect(files(story)).toEqual(before);
    // A staging folder left by a run that died is cleared by the next run.
    mkdirSync(join(story, 'snapshots', `${STAGING_PREFIX}999999`));
    writeFileSync(join(story, 'snapshots', `${STAGING_PREFIX}999999`, '2025-01-01.geojson'), '{}');
    expect(add([archive, '--faction', ARCHIVE_SIDE]).status).toBe(0);
    expect(readdirSync(join(story, 'snapshots')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('takes a single Feature, a bare MultiPolygon or a 3-D file, dated by --date or by its name', () => {
    const f = foreignFiles();
    for (const [i, file] of [f.feature, f.bareMultiPolygon, f.threeD].entries()) {
      const path = join(work, file.name);
      writeFileSync(path, file.text);
      const r = add([path, '--faction', ARCHIVE_SIDE, ...(i ? ['--date', `2025-02-0${i}`] : [])]);
      expect(r.err, file.name).toEqual([]);
    }
    expect(index().map((s) => s.date)).toEqual(['2025-01-01', '2025-02-01', '2025-02-02']);
  });

  it('shows progress on a terminal only: piped, it prints no progress line', () => {
    const lines: string[] = [];
    const p = progressLine((t) => lines.push(t), performance.now() - 2000);
    p(1, 4); p(4, 4);
    expect(lines[0]).toMatch(/^\r\x1b\[Kdata:add: 1\/4 files checked, about \d+ s left$/);
    expect(lines[1]).toBe('\r\x1b[Kdata:add: 4/4 files checked\n');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data-add.ts', archive, '--faction', ARCHIVE_SIDE, '--source', 'x', '--data', story], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('files checked');
  }, 60_000);
});

/** The archive's first day, as text. */
const f0 = () => dailyArchive({ days: 1 }).next().value!.text;
