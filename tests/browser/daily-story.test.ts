/**
 * A realistic second story: the generated daily archive of one side (tests/fixtures/daily-archive.ts,
 * 300 daily dates of a ~1,500-vertex coast whose front moves a little every day), imported as
 * data:add would and published by the build's own step (site-data, which makes its figures). Its
 * words, legend, layout at 320 to 1920 px, summary and charts, with the areas read back against
 * Turf on the snapshot files themselves.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { writeSiteData } from '../../scripts/site-data.ts';
import { formatDate } from '../../src/i18n/format.ts';
import { STRINGS } from '../../src/ui/strings.ts';
import { legendKm2, openWatched, PageLog, waitForSnapshot, sharedBrowser } from './helpers.ts';
import { overflows } from './layout.ts';
import { ARCHIVE_SIDE, writeDailyStory } from './daily-story.ts';

const distDir = inject('distDir');
const DAYS = 300;
const WIDTHS = [320, 375, 800, 1200, 1920];

let browser: Browser;
let server: StaticServer;
let siteDir: string, storyDir: string;
let url: string;
let dates: string[];
const log = new PageLog();

beforeAll(async () => {
  browser = await sharedBrowser();
  storyDir = mkdtempSync(join(tmpdir(), 'frontlines-daily-story-'));
  dates = writeDailyStory(storyDir, DAYS, { vertices: 1500 });
  siteDir = mkdtempSync(join(tmpdir(), 'frontlines-daily-site-'));
  cpSync(distDir, siteDir, { recursive: true, filter: (src) => src !== join(distDir, 'data') });
  writeSiteData(storyDir, join(siteDir, 'data'));
  server = await serveStatic(siteDir);
  url = server.url;
}, 240_000);
afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
  await server?.close();
  for (const d of [siteDir, storyDir]) if (d) rmSync(d, { recursive: true, force: true });
}));

/** The side's ground on a date, by Turf on the snapshot file itself (km², spherical). */
const areaKm2 = (dateIso: string) => turf.area(JSON.parse(readFileSync(join(storyDir, 'snapshots', `${dateIso}.geojson`), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>) / 1e6;
/** Rounded as a reporter rounds (hundreds from 1,000 km², tens from 100, else whole), written here again. */
const round = (x: number) => { const a = Math.abs(x), s = a >= 1000 ? 100 : a >= 100 ? 10 : 1; return Math.round(a / s) * s; };
const n = (x: number, lang: 'en' | 'nl') => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL').format(x);

async function openDaily(path: string, width = 1200): Promise<Page> {
  const { page } = log.add(await openWatched(browser, `${url}${path}`, { width, height: 800 }));
  return page;
}

describe('a daily archive of one side', () => {
  it('words the last date against the one before, in English and Dutch', async () => {
    const last = dates[dates.length - 1]!, before = dates[dates.length - 2]!;
    const change = areaKm2(last) - areaKm2(before);
    for (const lang of ['en', 'nl'] as const) {
      const page = await openDaily(`?lang=${lang}`);
      expect(await waitForSnapshot(page)).toBe(last);
      await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').includes('km²'));
      const d = formatDate(last, lang), p = formatDate(before, lang);
      const held = `${n(round(areaKm2(last)), lang)} km²`;
      const by = `${n(round(change), lang)} km²`;
      const want = lang === 'en'
        ? (round(change) ? `On ${d} the Eastern Army held about ${held} (${change < 0 ? 'down' : 'up'} ${by} since ${p}).` : `On ${d} the Eastern Army held about ${held}, as on ${p}.`)
        : (round(change) ? `Op ${d} had het Oostelijk Leger zo'n ${held} in handen (${by} ${change < 0 ? 'minder' : 'meer'} dan op ${p}).` : `Op ${d} had het Oostelijk Leger zo'n ${held} in handen, evenveel als op ${p}.`);
      expect(await page.locator('#summary').textContent()).toBe(want);
      // The charts: ground held over all dates, distances from the places.
      await page.locator('#over-time').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelectorAll('#over-time .line-chart').length === 2 && !document.querySelector('#over-time .chart-wait'));
      expect(await page.locator('#over-time .line-chart').first().locator('tbody tr').count()).toBe(DAYS);
    }
  });

  it('compares the first date with the last: what it gained and lost, as the table and Turf have it', async () => {
    const first = dates[0]!, last = dates[dates.length - 1]!;
    const page = await openDaily(`?compare=${first}`);
    await waitForSnapshot(page, last);
    const row = page.locator(`.compare-table tr[data-faction="${ARCHIVE_SIDE}"]`);
    await row.waitFor({ timeout: 60_000 });
    const gained = Number(await row.getAttribute('data-gained-km2')), lost = Number(await row.getAttribute('data-lost-km2'));
    // The table's balance against Turf on the two files: gained − lost is the change in area.
    expect(gained - lost).toBeCloseTo(areaKm2(last) - areaKm2(first), -1);
    const sentence = (await page.locator('.compare-sentence').textContent())!;
    const a = formatDate(first, 'en'), b = formatDate(last, 'en');
    const lead = round(Math.max(gained, lost));
    expect(lead).toBeGreaterThan(0);
    const other = round(Math.min(gained, lost));
    const [verb, otherVerb] = gained >= lost ? ['gained', 'lost'] : ['lost', 'gained'];
    expect(sentence).toBe(`Between ${a} and ${b} the Eastern Army ${verb} ${n(lead, 'en')} km²${other ? ` and ${otherVerb} ${n(other, 'en')} km²` : ''}.`);
    expect(sentence).not.toMatch(/(^|[^\d.,])0 km²/);
    await page.click('[data-lang="nl"]');
    await page.waitForFunction(() => document.querySelector('.compare-sentence')?.textContent?.startsWith('Tussen'));
    const [nlVerb, nlOther] = gained >= lost ? ['won', 'een verlies'] : ['verloor', 'een winst'];
    expect(await page.locator('.compare-sentence').textContent()).toBe(`Tussen ${formatDate(first, 'nl')} en ${formatDate(last, 'nl')} ${nlVerb} het Oostelijk Leger ${n(lead, 'nl')} km²${other ? `, bij ${nlOther} van ${n(other, 'nl')} km²` : ''}.`);
  });

  it('explains only held ground in the legend: no desert, no contested stripes, no blank ground', async () => {
    const page = await openDaily('?lang=nl');
    await waitForSnapshot(page);
    await legendKm2(page, ARCHIVE_SIDE);
    // stats.json is in (the summary needs it): the key is the whole story's, not just this date's.
    await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').includes('km²'));
    expect(await page.locator('#legend li').count()).toBe(1);
    expect((await page.locator('#legend .legend-key').textContent())!.trim()).toBe(STRINGS.nl.tierKey.held);
  });

  it('lays out at 320, 375, 800, 1200 and 1920 px with the comparison, charts and tables open', async () => {
    for (const width of WIDTHS) {
      const page = await openDaily(`?compare=${dates[0]}&lang=nl`, width);
      await waitForSnapshot(page);
      await page.locator('.compare-table').waitFor({ timeout: 60_000 });
      await page.locator('#over-time').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelectorAll('#over-time .line-chart').length === 2 && !document.querySelector('#over-time .chart-wait'));
      await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
      await page.locator('#data .data-list').waitFor();
      expect(await overflows(page), `${width} px`).toEqual([]);
      await page.context().close();
    }
  }, 180_000);
});
