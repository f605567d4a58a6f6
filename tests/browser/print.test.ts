/**
 * Printing, in real Chromium against the built site: the explorer and the embed print a picture of
 * the story's whole opening view (or of the reader's own view once they moved the map), drawn for
 * the page rather than cut from the screen's map, at three screen sizes and on three dates. The
 * picture shows every side of its date (counted by colour, src/map/side-pixels.ts), and every rank-1
 * place lies inside the region it says it shows, its dot drawn there.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { readData } from '../../scripts/render-page.ts';
import { regionSizePx } from '../../src/map/print.ts';
import type { Bounds } from '../../src/data/story.ts';
import { missingSides, openWatched, PageLog, waitForSnapshot, sharedBrowser } from './helpers.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const log = new PageLog();
let browser: Browser;

const DATES = ['2014-06-01', '2016-06-01', '2018-06-01'];
const SIZES = [{ width: 1280, height: 720 }, { width: 800, height: 1000 }, { width: 375, height: 667 }];
const story = JSON.parse(readFileSync(join(distDir, 'data/story.json'), 'utf8')) as { bounds: Bounds };
const rankOne = (JSON.parse(readFileSync(join(distDir, 'data/places.geojson'), 'utf8')) as { features: { geometry: { coordinates: [number, number] }; properties: { id: string; rank: number } }[] })
  .features.filter((f) => f.properties.rank === 1);
const dates = (JSON.parse(readFileSync(join(distDir, 'data/snapshots/index.json'), 'utf8')) as { snapshots: { date: string }[] }).snapshots.map((s) => s.date);

beforeAll(async () => { browser = await sharedBrowser(); });
afterAll(() => log.closeAndCheck(async () => { await browser?.close(); }));

interface Printed { png: PNG; bounds: Bounds; width: number; height: number }

/**
 * Prints as a browser does: `beforeprint`, then the print layout. With `mediaFirst` the print
 * layout comes first (as the old test did), which must not change the picture.
 */
async function print(page: Page, mediaFirst = false): Promise<Printed> {
  if (mediaFirst) await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  if (!mediaFirst) await page.emulateMedia({ media: 'print' });
  const img = page.locator('img.print-map');
  expect(await img.isVisible()).toBe(true);
  expect(await page.locator('.maplibregl-canvas').isVisible()).toBe(false);
  const got = await img.evaluate((e) => {
    const i = e as HTMLImageElement;
    // The picture's own size (its attributes), not the size the print layout gives it.
    return { src: i.src, bounds: i.dataset.bounds!, width: Number(i.getAttribute('width')), height: Number(i.getAttribute('height')) };
  });
  expect(got.src.startsWith('data:image/png')).toBe(true);
  const v = got.bounds.split(',').map(Number);
  return { png: PNG.sync.read(Buffer.from(got.src.split(',')[1]!, 'base64')), bounds: [[v[0]!, v[1]!], [v[2]!, v[3]!]], width: got.width, height: got.height };
}

async function endPrint(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  expect(await page.locator('img.print-map').count()).toBe(0);
}

/**
 * The rank-1 places whose dot the printed picture lacks: the dots are drawn by the map now
 * (src/map/place-symbols.ts), so they print. A rank-1 dot is white in a dark ring (radius 4 to 7
 * CSS px); its centre is found by projecting the place into the picture's region (Web Mercator).
 * Two rank-1 dots closer than a dot's 24-px box cannot both be drawn (a pair gives way): of such
 * two, one must be there.
 */
function dotsMissing(p: Printed, places: typeof rankOne): string[] {
  const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const [[w, s], [e, n]] = p.bounds;
  const ratio = p.png.width / p.width;
  const rgb = (x: number, y: number) => { const i = (Math.round(y) * p.png.width + Math.round(x)) * 4; return [p.png.data[i]!, p.png.data[i + 1]!, p.png.data[i + 2]!]; };
  const at = places.map((f) => {
    const [lon, lat] = f.geometry.coordinates;
    return { id: f.properties.id, x: ((lon - w) / (e - w)) * p.png.width, y: ((merc(n) - merc(lat)) / (merc(n) - merc(s))) * p.png.height };
  });
  const drawn = (d: { x: number; y: number }) => rgb(d.x, d.y).every((v) => v > 225)
    && [[1, 0], [-1, 0], [0, 1], [0, -1]].filter(([dx, dy]) => rgb(d.x + dx! * 5.5 * ratio, d.y + dy! * 5.5 * ratio).every((v) => v < 100)).length >= 3;
  const near = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < 24 * ratio && Math.abs(a.y - b.y) < 24 * ratio;
  return at.filter((d) => !drawn(d) && !at.some((o) => o !== d && near(o, d) && drawn(o))).map((d) => d.id);
}

const inside = (b: Bounds, [lon, lat]: [number, number]) => lon >= b[0][0] && lon <= b[1][0] && lat >= b[0][1] && lat <= b[1][1];

/** Checks a printed picture of `dateIso` that should show `region`. */
function checkPicture(p: Printed, dateIso: string, region: Bounds, what: string): void {
  for (let k = 0; k < 2; k++) for (let j = 0; j < 2; j++) expect(p.bounds[k]![j]!, `${what}: the printed region`).toBeCloseTo(region[k]![j]!, 2);
  // The picture is the region, not a strip of it: its shape is the region's on the map.
  const size = regionSizePx(p.bounds, 0);
  expect(p.png.width / p.png.height, `${what}: the picture's shape`).toBeCloseTo(size.width / size.height, 1);
  expect(p.width / p.height).toBeCloseTo(size.width / size.height, 1);
  expect(Math.max(p.png.width, p.png.height), `${what}: sharp enough for paper`).toBeGreaterThanOrEqual(1000);
  const { factions, snapshot } = readData(distDir, dateIso);
  expect(missingSides(p.png, snapshot, factions), `${what}: every side of ${dateIso} in the picture`).toEqual([]);
}

// Every screen size on every date, each (size, date) once, and each page at every size: the
// explorer prints the three dates at one size and one date at each other size, the embed the rest.
const PLAN: { pageName: 'explorer' | 'embed'; size: (typeof SIZES)[number]; dates: string[] }[] = [
  { pageName: 'explorer', size: SIZES[0]!, dates: DATES },
  { pageName: 'explorer', size: SIZES[1]!, dates: [DATES[0]!] },
  { pageName: 'explorer', size: SIZES[2]!, dates: [DATES[1]!] },
  { pageName: 'embed', size: SIZES[0]!, dates: [DATES[0]!] },
  { pageName: 'embed', size: SIZES[1]!, dates: [DATES[1]!, DATES[2]!] },
  { pageName: 'embed', size: SIZES[2]!, dates: [DATES[0]!, DATES[2]!] },
];

describe('printing', () => {
  for (const { pageName, size, dates: when } of PLAN) {
    it(`the ${pageName} at ${size.width}×${size.height} shows the story's whole opening view on ${when.join(', ')}, with the date, the legend and the sources`, async () => {
      const path = pageName === 'explorer' ? `?date=${when[0]}` : `embed.html?date=${when[0]}`;
      const { page } = log.add(await openWatched(browser, siteUrl + path, size));
      for (const [k, dateIso] of when.entries()) {
        if (k > 0) {
          await page.focus('#date-slider');
          for (let n = dates.indexOf(when[k - 1]!); n < dates.indexOf(dateIso); n++) await page.keyboard.press('ArrowRight');
        }
        await waitForSnapshot(page, dateIso);
        // The places are drawn once the first map is complete (after-first-map.ts).
        if (k === 0) await page.waitForSelector('#map[data-complete="true"]');
        // The second print of a page lays the page out for print first, as the old test did.
        const printed = await print(page, k === 1);
        const what = `${pageName} ${size.width}×${size.height} ${dateIso}`;
        checkPicture(printed, dateIso, story.bounds, what);
        for (const p of rankOne) expect(inside(printed.bounds, p.geometry.coordinates), `${what}: ${p.properties.id} inside the picture`).toBe(true);
        expect(dotsMissing(printed, rankOne), `${what}: the rank-1 places' dots in the picture`).toEqual([]);
        // The printed page says which date it shows (the slider's heading, kept in print).
        expect(await page.locator('.timeline-date').isVisible(), `${what}: the date is printed`).toBe(true);
        // The controls are not: the slider's row, and the player (on interactive pages) that has no use on paper.
        expect(await page.locator('.timeline-row').isVisible(), `${what}: the slider left out`).toBe(false);
        if (pageName === 'explorer') expect(await page.locator('.player .play-button').count(), `${what}: the page has its player`).toBe(1);
        expect(await page.locator('.player').first().isVisible(), `${what}: the player left out`).toBe(false);
        expect(await page.locator('.timeline-date').textContent()).toBe(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${dateIso}T00:00:00Z`)));
        expect(await page.locator('#legend li').count()).toBeGreaterThan(3);
        expect(await page.locator('details.sources').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
        await endPrint(page);
      }
    }, 120_000);
  }
});

describe('printing after the reader moved the map', () => {
  it('shows the reader’s own view instead of the story', async () => {
    const { page } = log.add(await openWatched(browser, `${siteUrl}?date=${DATES[1]}`, SIZES[0]));
    await waitForSnapshot(page, DATES[1]);
    await page.waitForSelector('#map[data-complete="true"]');
    // Two steps in with the keyboard, as a reader would.
    await page.locator('#map canvas').focus();
    for (const _ of [1, 2]) {
      const zoom = await page.evaluate(() => location.hash);
      await page.keyboard.press('=');
      await page.waitForFunction((h) => location.hash !== h, zoom);
    }
    await page.waitForFunction(() => document.querySelector('#map')?.getAttribute('aria-busy') === 'false');
    const view = await page.evaluate(() => location.hash.slice(1).split('/').map(Number));
    const printed = await print(page);
    // The region is smaller than the story and holds the view's centre.
    expect(printed.bounds[1][0] - printed.bounds[0][0]).toBeLessThan((story.bounds[1][0] - story.bounds[0][0]) / 2);
    expect(inside(printed.bounds, [view[2]!, view[1]!])).toBe(true);
    await endPrint(page);
  });
});
