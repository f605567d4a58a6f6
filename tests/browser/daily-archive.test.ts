/**
 * A real archive, end to end, as docs/new-story.md takes a newsroom through it: a year of made-up
 * daily files (tests/fixtures/daily-archive.ts: no properties, a crs member, 7 decimals, the date
 * only in the name) and a story folder with Cyrillic names. The test reads the commands of the
 * guide's "In five commands" block and runs them as they stand, with only the example paths
 * (archive/, stories/steppe-war, dist) pointed at a temporary folder and a copy of the built site;
 * the two set-up commands (npm ci, npm run build) are what the browser tests already need. Then the
 * site draws the story, steps (each date drawn from the date stack as its file draws it), compares,
 * names its places in Ukrainian with the bundled Cyrillic font (and no other script's), and its file
 * check refuses a swapped file with data:add's words.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { area, difference, featureCollection } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { ARCHIVE_PLACES, ARCHIVE_SIDE, writeArchiveStory, writeDailyArchive } from '../fixtures/daily-archive.ts';
import { foreignFiles } from '../fixtures/foreign-files.ts';
import { checkDrawnText, storyArea } from '../../src/data/drawn-file.ts';
import { formatProblem } from '../../src/data/result.ts';
import type { Snapshot } from '../../src/data/contract.ts';
import { differing, legendKm2, mapPicture, missingSides, openWatched, waitForSnapshot, PageLog, sharedBrowser } from './helpers.ts';

const ROOT = join(import.meta.dirname, '../..');
const distDir = inject('distDir');
const DAYS = 365;
/** A year of dates makes the page's first view and comparisons slower than the bundled story's; on a busy two-core machine a comparison took 31 s. */
const SLOW = 150_000;

/** The commands of docs/new-story.md's quick path, one per line, as a reader would copy them. */
function quickPath(): string[] {
  const doc = readFileSync(join(ROOT, 'docs/new-story.md'), 'utf8');
  const block = /<!-- quick-path[^>]*-->\s*```sh\n([\s\S]*?)```\s*<!-- \/quick-path -->/.exec(doc);
  if (!block) throw new Error('docs/new-story.md has no quick-path block');
  return block[1]!.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

const EVENTS = [
  { id: 'offensive', date: '2025-03-10', title: { en: 'Spring offensive begins', nl: 'Voorjaarsoffensief begint' }, place: ARCHIVE_PLACES[0]!.id, status: 'confirmed', sources: ['Made up for the tests'] },
  { id: 'losses', date: '2025-06', title: { en: 'Army says 1,000 killed', nl: 'Leger: 1000 doden' }, status: 'claimed', sources: ['Made up for the tests'] },
  { id: 'truce', date: '2025-12-31', title: { en: 'Truce talks', nl: 'Bestandsoverleg' }, status: 'confirmed', sources: ['Made up for the tests'] },
];

let browser: Browser;
let server: StaticServer;
let work = '';
let site = '';
let story = '';
let archive = '';
const ran: { command: string; status: number | null; stdout: string; stderr: string }[] = [];
const log = new PageLog();
const factions = [{ id: ARCHIVE_SIDE, color: '#b8322a' }];
const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'frontlines-archive-'));
  archive = join(work, 'archive');
  story = join(work, 'stories', 'steppe-war');
  site = join(work, 'dist');
  writeDailyArchive(archive, { days: DAYS, startIso: '2025-01-01' });
  writeArchiveStory(story);
  // A few dated events, as a newsroom adds them beside its places (docs/new-story.md): a day, a
  // month-only claim, and a place of the story.
  writeFileSync(join(story, 'events.json'), JSON.stringify({ about: 'made up for the tests', events: EVENTS }));
  cpSync(distDir, site, { recursive: true, filter: (src) => src !== join(distDir, 'data') });
  const commands = quickPath();
  // The set-up the browser tests already stand on (dependencies installed, dist/ built).
  expect(commands.slice(0, 2)).toEqual(['npm ci', 'npm run build']);
  for (const command of commands.slice(2)) {
    const local = command.replace(/(?<=\s)(archive\/|stories\/steppe-war|dist)(?=\s|$)/g, (m) => ({ 'archive/': `${archive}/`, 'stories/steppe-war': story, dist: site })[m]!);
    const r = spawnSync('bash', ['-c', local], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    ran.push({ command, status: r.status, stdout: r.stdout, stderr: r.stderr });
  }
  server = await serveStatic(site);
  browser = await sharedBrowser();
}, 400_000);

afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
}));

describe('an archive folder, by the guide\'s commands', () => {
  it('takes at most five commands, which import the whole year in one run, check it, and publish it', () => {
    const commands = quickPath();
    expect(commands.length).toBeLessThanOrEqual(5);
    expect(ran.map((r) => r.command)).toEqual(commands.slice(2));
    for (const r of ran) expect(r.status, `${r.command}\n${r.stderr}`).toBe(0);
    const [add, check] = ran;
    expect(add!.command).toMatch(/^npm run data:add -- archive\/ --faction /);
    expect(add!.stdout).toMatch(new RegExp(`data:add: wrote ${DAYS} snapshots, 2025-01-01 to 2025-12-31 `));
    expect(check!.stdout + check!.stderr).toContain(`data:check: ${DAYS} snapshots, ${ARCHIVE_PLACES.length} places, 1 faction: no problems`);
    expect(readJson<{ snapshots: unknown[] }>(join(site, 'data/snapshots/index.json')).snapshots).toHaveLength(DAYS);
  });
});

describe('the archive in the browser', () => {
  /** The file data:add wrote for a date, as the site serves it. */
  const snapshot = (dateIso: string) => readJson<Snapshot>(join(site, 'data/snapshots', `${dateIso}.geojson`));
  /** The archive's own file for a date, as downloaded (7 decimals, a crs, no properties). */
  const source = (dateIso: string) => readJson<{ features: Feature<MultiPolygon>[] }>(join(archive, `occupied_${dateIso.replace(/-/g, '')}.geojson`)).features[0]!;

  it('opens on the last day, whose area in the legend is the source file\'s, and draws it', async () => {
    const { page } = log.add(await openWatched(browser, server.url));
    expect(await waitForSnapshot(page, undefined, 60_000)).toBe('2025-12-31');
    expect(await page.locator('#title').textContent()).toBe('The steppe war');
    // Turf on the file as downloaded, before data:add rounded it to 4 decimals: within 0.1%.
    const sourceKm2 = area(source('2025-12-31')) / 1e6;
    expect(Math.abs(await legendKm2(page, ARCHIVE_SIDE) - sourceKm2) / sourceKm2).toBeLessThan(0.001);
    await page.waitForSelector('#map[data-complete="true"]');
    expect(missingSides(PNG.sync.read(await page.locator('#map').screenshot()), snapshot('2025-12-31'), factions)).toEqual([]);
  }, SLOW);

  it('steps back a day by keyboard, and compares the first day with the last', async () => {
    const { page } = log.add(await openWatched(browser, server.url));
    await waitForSnapshot(page, '2025-12-31', 60_000);
    await page.focus('#date-slider');
    await page.keyboard.press('ArrowLeft');
    await waitForSnapshot(page, '2025-12-30');
    await page.waitForFunction(() => location.search.includes('date=2025-12-30'));

    const compared = log.add(await openWatched(browser, `${server.url}?date=2025-12-31&compare=2025-01-01`)).page;
    await waitForSnapshot(compared, '2025-12-31', 60_000);
    const row = compared.locator(`.compare-table tr[data-faction="${ARCHIVE_SIDE}"]`);
    await row.waitFor({ timeout: 60_000 });
    // What the front gained and lost over the year, by Turf's overlay of the two files (not our change code).
    const [first, last] = [snapshot('2025-01-01').features[0]!, snapshot('2025-12-31').features[0]!] as Feature<Polygon | MultiPolygon>[];
    const km2 = (f: Feature | null) => (f ? area(f) / 1e6 : 0);
    const gained = km2(difference(featureCollection([last!, first!])));
    const lost = km2(difference(featureCollection([first!, last!])));
    expect(gained).toBeGreaterThan(lost); // the front advanced
    expect(Math.abs(Number(await row.getAttribute('data-gained-km2')) - gained)).toBeLessThan(Math.max(5, gained * 0.01));
    expect(Math.abs(Number(await row.getAttribute('data-lost-km2')) - lost)).toBeLessThan(Math.max(5, lost * 0.01));
  }, SLOW);

  it('marks its events on the slider and lists the shown day\'s, with the claim labelled as one', async () => {
    const { page } = log.add(await openWatched(browser, `${server.url}?date=2025-06-30`));
    await waitForSnapshot(page, '2025-06-30', 60_000);
    await expect.poll(() => page.locator('#timeline .timeline-event').count(), { timeout: 60_000 }).toBe(EVENTS.length);
    // A month-only event is listed on the day by which it had certainly happened: the month's last.
    const listed = page.locator('#events .events-body > .events-list:first-child > .event');
    await expect.poll(() => listed.evaluateAll((li) => li.map((e) => e.getAttribute('data-event-id'))), { timeout: 30_000 }).toEqual(['losses']);
    expect(await listed.first().textContent()).toMatch(/Claim/);
  }, SLOW);

  it('draws each date stepped to from the date stack exactly as its file draws it', async () => {
    // The same site without the stack (files.json lists no manifest): every date drawn from its file.
    const bare = join(work, 'no-stack');
    cpSync(site, bare, { recursive: true });
    const files = readJson<{ files: string[] }>(join(bare, 'data/files.json'));
    writeFileSync(join(bare, 'data/files.json'), JSON.stringify({ ...files, files: files.files.filter((f) => f !== 'stack/index.json') }));
    const plain = await serveStatic(bare);
    try {
      // Zoomed in on the western front (zoom 10, beyond the stack's deepest tiles), where the dates differ.
      const view = '#10/48.5/59.45';
      const { page } = log.add(await openWatched(browser, `${server.url}?date=2025-07-04${view}`));
      await waitForSnapshot(page, '2025-07-04', 60_000);
      // The stack takes over the opening date once its manifest is in.
      await page.waitForSelector('#map[data-territory-from="stack"]', { timeout: 60_000 });
      const pictures: { stack: PNG; file: PNG }[] = [];
      for (const date of ['2025-07-03', '2025-07-02', '2025-07-01']) {
        await page.focus('#date-slider');
        await page.keyboard.press('ArrowLeft');
        await waitForSnapshot(page, date);
        expect(await page.getAttribute('#map', 'data-territory-from')).toBe('stack');
        const stack = await mapPicture(page);
        const other = log.add(await openWatched(browser, `${plain.url}?date=${date}${view}`)).page;
        await waitForSnapshot(other, date, 60_000);
        const file = await mapPicture(other);
        expect(await other.getAttribute('#map', 'data-territory-from')).toBe('file');
        expect(differing(stack, file), `${date}: from the stack vs from its file`).toBeLessThan(0.002);
        pictures.push({ stack, file });
        await other.close();
      }
      // The pictures tell the dates apart: a day earlier, the front is elsewhere (measured: 1.3% of the pixels differ).
      expect(differing(pictures[0]!.stack, pictures[1]!.file)).toBeGreaterThan(0.005);
    } finally {
      await plain.close();
    }
  }, SLOW);

  it('names its places in Ukrainian, marked up as such, and in English where it has no Dutch name', async () => {
    const { page } = log.add(await openWatched(browser, `${server.url}?place=stepove`));
    await waitForSnapshot(page, undefined, 60_000);
    const local = page.locator('.place-card[data-place-id="stepove"] .place-local');
    await local.waitFor();
    expect(await local.textContent()).toBe('Степове');
    expect(await local.getAttribute('lang')).toBe('uk');
    expect(await local.getAttribute('dir')).toBe('ltr');
    expect(await page.getAttribute('button[data-place-id="dibrivka"]', 'aria-label')).toBe('Dibrivka (Дібрівка)');
    await page.click('[data-lang="nl"]');
    await page.waitForFunction(() => document.querySelector('button[data-place-id="zelenyi-hai"]')?.getAttribute('aria-label') === 'Zelenyi Hai (Зелений Гай)');
    expect(await page.getAttribute('button[data-place-id="dibrivka"]', 'aria-label')).toBe('Eikenveld (Дібрівка)');
  }, SLOW);

  it('draws the names with the bundled Cyrillic font, and asks for no other script\'s font', async () => {
    const w = log.add(await openWatched(browser, server.url));
    const { page } = w;
    await waitForSnapshot(page, undefined, 60_000);
    await page.waitForSelector('#map[data-complete="true"]');
    // MapLibre asks for a font-faces file only when it draws a letter in the file's range
    // (maplibre-gl src/render/font_face_manager.ts), and no popup is open: this request is the labels'.
    await expect.poll(() => w.requests.filter((u) => /noto-sans-cyrillic-400-normal/.test(u)).length).toBeGreaterThan(0);
    const fonts = w.requests.filter((u) => /\.woff2$/.test(u)).map((u) => u.split('/').pop()!);
    expect(fonts.filter((f) => /arabic|hebrew|greek|cyrillic-ext/.test(f))).toEqual([]);
    // The file MapLibre loaded has the names' letters: measured with two different fallback fonts,
    // a name has one width only when no letter falls back.
    const cyrillic = ARCHIVE_PLACES.map((p) => p.name_local.replace(/[^\u0400-\u04ff]/g, ''));
    const covering = await page.evaluate((names) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      const width = (family: string, fallback: string, text: string) => { ctx.font = `40px "${family}", ${fallback}`; return ctx.measureText(text).width; };
      return [...document.fonts].filter((f) => f.status === 'loaded' && f.family.replace(/"/g, '').startsWith('maplibre-gl-font-face'))
        .map((f) => f.family.replace(/"/g, ''))
        .filter((family) => names.every((n) => width(family, 'serif', n) > 0 && Math.abs(width(family, 'serif', n) - width(family, 'monospace', n)) < 0.01));
    }, cyrillic);
    expect(covering).toHaveLength(1);
  }, SLOW);

  it('checks a file in the page with data:add\'s rules: a swapped one refused in the same words, a bare MultiPolygon drawn with its side', async () => {
    const { page } = log.add(await openWatched(browser, server.url));
    await waitForSnapshot(page, undefined, 60_000);
    await page.locator('.preview-file summary').click();
    await page.locator('#preview-side').selectOption(ARCHIVE_SIDE);
    const f = foreignFiles();
    await page.locator('#preview-file').setInputFiles({ name: f.swapped.name, mimeType: 'application/geo+json', buffer: Buffer.from(f.swapped.text) });
    const { bounds } = readJson<{ bounds: [[number, number], [number, number]] }>(join(story, 'story.json'));
    const expected = checkDrawnText(f.swapped.text, f.swapped.name, { factions: [ARCHIVE_SIDE], fallback: ARCHIVE_SIDE, area: storyArea(bounds) });
    expect(expected.ok).toBe(false);
    const line = formatProblem(expected.ok ? { file: '', message: '' } : expected.problems[0]!);
    expect(line).toContain('with latitude and longitude swapped');
    await page.waitForFunction((l) => document.querySelector('[role="alert"] .message')?.textContent?.includes(l), line);
    expect(await page.getAttribute('#map', 'data-preview')).toBeNull();

    await page.locator('#preview-file').setInputFiles({ name: f.bareMultiPolygon.name, mimeType: 'application/geo+json', buffer: Buffer.from(f.bareMultiPolygon.text) });
    await page.waitForFunction((n) => document.querySelector('#map')?.getAttribute('data-preview') === n, f.bareMultiPolygon.name);
    const km2 = area(JSON.parse(f.bareMultiPolygon.text) as MultiPolygon) / 1e6;
    await expect.poll(() => legendKm2(page, ARCHIVE_SIDE)).toBe(Math.round(km2));
  }, SLOW);
});

describe('the bundled story, after its names moved to name_local', () => {
  it('names its places in Arabic, right to left, with the Arabic font and no other script\'s', async () => {
    const w = log.add(await openWatched(browser, `${inject('siteUrl')}?place=mayadeen`));
    await waitForSnapshot(w.page, undefined, 60_000);
    const local = w.page.locator('.place-card[data-place-id="mayadeen"] .place-local');
    await local.waitFor();
    expect([await local.textContent(), await local.getAttribute('lang'), await local.getAttribute('dir')]).toEqual(['الميادين', 'ar', 'rtl']);
    await w.page.waitForSelector('#map[data-complete="true"]');
    await expect.poll(() => w.requests.filter((u) => /noto-sans-arabic-arabic-400-normal/.test(u)).length).toBeGreaterThan(0);
    expect(w.requests.filter((u) => /\.woff2$/.test(u) && /cyrillic|greek|hebrew/.test(u))).toEqual([]);
  }, SLOW);
});
