/**
 * Any story, as a newsroom would publish it, in the built site: the twelve-side story with the
 * longest names of the fixtures (tests/fixtures/story-12) lays out at 320, 375, 800, 1200 and 1920
 * px in English and Dutch with nothing scrolling sideways and no cell cut off (a wide table scrolls
 * in its own labelled, focusable box); the legend explains only the tiers the story has; a folder
 * without figures gets them from the build (summary, charts, distances) while the claims panel stays
 * tied to claims.json; and a folder copied into a built site by hand, without files.json, the date
 * stack, the basemap or the downloads, starts and draws from its snapshot files.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SiteCopies } from './site-copies.ts';
import { writeSiteData } from '../../scripts/site-data.ts';
import { PROBED_FILES } from '../../src/data/files.ts';
import { STACK_MANIFEST } from '../../src/data/date-stack.ts';
import { STRINGS } from '../../src/ui/strings.ts';
import { legendKm2, openWatched, PageLog, waitForSnapshot, sharedBrowser } from './helpers.ts';
import { overflows } from './layout.ts';

const distDir = inject('distDir');
const FIXTURES = join(import.meta.dirname, '../fixtures');
const WIDTHS = [320, 375, 800, 1200, 1920];

let browser: Browser;
const sites = new SiteCopies(distDir, 'frontlines-any-');
const log = new PageLog();

/** A copy of the built site with `dataDir` as its data: by the build's own step (site-data), or copied by hand. */
async function siteWith(dataDir: string, how: 'site-data' | 'by hand' = 'site-data'): Promise<string> {
  return sites.serve((out) => { if (how === 'site-data') writeSiteData(dataDir, out); else cpSync(dataDir, out, { recursive: true }); });
}

beforeAll(async () => { browser = await sharedBrowser(); });
afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
  await sites.close();
}));

describe('twelve sides with long names', () => {
  const STORY = join(FIXTURES, 'story-12');
  it('lay out at 320, 375, 800, 1200 and 1920 px, in English and Dutch, with the comparison, charts and tables open', async () => {
    const url = await siteWith(STORY);
    for (const width of WIDTHS) {
      const { page } = log.add(await openWatched(browser, `${url}?date=2002-12-17&compare=1998-08-01&lang=en`, { width, height: 800 }));
      await waitForSnapshot(page, '2002-12-17');
      await page.locator('.compare-table').waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').includes('km²'));
      await page.locator('#over-time').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelectorAll('#over-time .line-chart').length === 2 && !document.querySelector('#over-time .chart-wait'));
      await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
      await page.locator('#data .data-list').waitFor();
      await legendKm2(page, 'fardc');
      expect(await overflows(page), `${width} px, English`).toEqual([]);
      await page.click('[data-lang="nl"]');
      await page.waitForFunction(() => document.querySelector('.compare-caption')?.textContent?.startsWith('Gebied') && document.querySelector('#legend .legend-name')?.textContent?.startsWith('Strijdkrachten'));
      expect(await overflows(page), `${width} px, Dutch`).toEqual([]);
      await page.context().close();
    }
  }, 240_000);
});

/** The legend's key, once stats.json is in (before, it explains the shown snapshot's tiers). */
async function legendKey(page: Page, lang: 'en' | 'nl', wantTiers: number): Promise<string> {
  await page.waitForFunction((n) => document.querySelectorAll('#legend .legend-key .legend-swatch').length >= n, wantTiers);
  return (await page.locator('#legend .legend-key').textContent())!.trim();
}

describe('the legend explains only what the story shows', () => {
  it('a story with desert on one date: held and desert on every date, no contested stripes, no blank ground', async () => {
    const url = await siteWith(join(FIXTURES, 'story-b'));
    const { page } = log.add(await openWatched(browser, `${url}?date=2024-07-01`));
    await waitForSnapshot(page, '2024-07-01');
    const t = STRINGS.en;
    // The date on the map has no desert; the story has (1 April 2024).
    expect(Number(await legendKm2(page, 'hill-militia', 'data-desert-km2'))).toBe(0);
    expect(await legendKey(page, 'en', 2)).toBe(`${t.tierKey.held} ${t.tierKey.desert}`);
  });

  it('the twelve-side story: every tier, and no blank ground (its story.json does not say what blank means)', async () => {
    const url = await siteWith(join(FIXTURES, 'story-12'));
    const { page } = log.add(await openWatched(browser, `${url}?date=1998-08-01&lang=nl`));
    await waitForSnapshot(page, '1998-08-01');
    const t = STRINGS.nl;
    expect(await legendKey(page, 'nl', 3)).toBe(`${t.tierKey.held} ${t.tierKey.desert} ${t.tierKey.contested}`);
  });

  it('the bundled story: every tier and blank ground, in the words it always had', async () => {
    const { page } = log.add(await openWatched(browser, `${inject('siteUrl')}?date=2019-04-01`));
    await waitForSnapshot(page, '2019-04-01');
    const t = STRINGS.en;
    expect(await legendKey(page, 'en', 4)).toBe(`${t.tierKey.held} ${t.tierKey.desert} ${t.tierKey.contested} Blank: no side held it in our data (open desert, or no reliable information).`);
  });
});

describe('figures for a folder without them', () => {
  it('the build makes the summary, the charts and the place distances; without claims.json there is no claims panel', async () => {
    const url = await siteWith(join(FIXTURES, 'story-b'));
    const w = log.add(await openWatched(browser, `${url}?date=2024-07-01`));
    const { page } = w;
    await waitForSnapshot(page, '2024-07-01');
    await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').includes('km²'));
    const summary = (await page.locator('#summary').textContent())!;
    expect(summary).toMatch(/^On 1 July 2024 the North Army held about [\d,]+ km²/);
    await page.locator('#over-time').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('#over-time .line-chart').length === 2);
    expect(await page.locator('#chart-place').count()).toBe(1);
    expect(await page.locator('#claims').isHidden()).toBe(true);
    expect(w.requests.filter((r) => r.includes('claims'))).toEqual([]);
    expect(w.requests.some((r) => r.endsWith('/data/stats.json'))).toBe(true);
  });
});

describe('a story folder copied into a built site by hand', () => {
  it('starts without files.json, the date stack, the basemap or the downloads: draws from the snapshot files and logs nothing of its own', async () => {
    const url = await siteWith(join(FIXTURES, 'story-b'), 'by hand');
    // Our own page, to see each console message with the address it is about, and each request's method.
    const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'en-GB' });
    const page = await context.newPage();
    const messages: { type: string; text: string; url: string }[] = [];
    const requests: string[] = [];
    page.on('console', (m) => messages.push({ type: m.type(), text: m.text(), url: m.location().url }));
    page.on('pageerror', (e) => messages.push({ type: 'error', text: String(e), url: '' }));
    page.on('request', (r) => requests.push(`${r.method()} ${r.url().slice(url.length)}`));
    try {
      await page.goto(url);
      expect(await waitForSnapshot(page)).toBe('2024-07-01');
      expect(await page.locator('#title').textContent()).toBe('The river war');
      await legendKm2(page, 'north-army');
      await page.focus('#date-slider');
      await page.keyboard.press('ArrowLeft');
      await waitForSnapshot(page, '2024-04-01');
      await page.locator('#data summary').click();
      await page.locator('#data .data-list a').first().waitFor();
      expect(await page.locator('#data .data-list a').first().getAttribute('href')).toBe(`${url}data/snapshots/2024-04-01.geojson`);
      // files.json was asked for, then each optional file with HEAD; none of the date stack's tiles.
      const probed = ['files.json', ...PROBED_FILES(STACK_MANIFEST)];
      expect(requests).toContain('GET data/files.json');
      for (const f of PROBED_FILES(STACK_MANIFEST)) expect(requests).toContain(`HEAD data/${f}`);
      expect(requests.filter((r) => /data\/(stack\/|downloads\/|basemap\/)/.test(r) && !r.startsWith('HEAD'))).toEqual([]);
      expect(requests).toContain('GET data/snapshots/2024-07-01.geojson');
      expect(requests).toContain('GET data/snapshots/2024-04-01.geojson');
      // The only console errors: the browser's own notes of the 404s for optional files it was asked about.
      const errors = messages.filter((m) => m.type === 'error');
      const browsers404 = (m: { text: string; url: string }) => m.text.startsWith('Failed to load resource: the server responded with a status of 404')
        && probed.some((f) => m.url === `${url}data/${f}`);
      expect(errors.filter((m) => !browsers404(m)), 'console errors other than the browser\'s 404 notes for optional files').toEqual([]);
      expect(messages.filter((m) => m.type === 'warning' && !m.text.includes('GPU stall')), 'console warnings').toEqual([]);
      expect(await page.locator('#messages .message').count(), 'notices on the map').toBe(0);
    } finally {
      await context.close();
    }
  });
});
