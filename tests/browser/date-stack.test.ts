/**
 * The date stack (docs/performance.md) draws exactly the chosen snapshot: a date stepped to by
 * keyboard looks the same as that date opened afresh, and a snapshot file a data editor replaced in
 * a built site (no rebuild, so the stack still holds the old one) is drawn from the new file, with
 * the legend's areas computed from it rather than taken from stats.json.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { readData } from '../../scripts/render-page.ts';
import { differing, legendKm2, mapPicture, missingSides, openWatched, PageLog, waitForSnapshot, sharedBrowser } from './helpers.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const index = JSON.parse(readFileSync(join(distDir, 'data/snapshots/index.json'), 'utf8')) as { snapshots: { date: string; file: string; article?: boolean }[] };
const articleDate = index.snapshots.find((s) => s.article)!.date;
const dates = index.snapshots.map((s) => s.date);
const VIEW = '#5.2/34.4/41.5';
const log = new PageLog();
let browser: Browser;
let tmp: string;
let copy: StaticServer | null = null;

beforeAll(async () => {
  browser = await sharedBrowser();
  tmp = mkdtempSync(join(tmpdir(), 'frontlines-stack-'));
});
afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
  await copy?.close();
  rmSync(tmp, { recursive: true, force: true });
}));

/**
 * The map's picture without its names: which labels MapLibre places depends on what it placed in the
 * frames before (a label keeps its previous position round its point while it fits, so a date
 * stepped to can keep a label where a fresh page places another one). The ground, the lines and the
 * rings are what the stack draws; the names are checked elsewhere (labels.test.ts, explorer.test.ts).
 */
async function groundPicture(page: Page): Promise<PNG> {
  await page.waitForSelector('#map[data-complete="true"]');
  await page.evaluate(() => {
    const map = (document.querySelector('#map') as HTMLElement & { maplibre: import('maplibre-gl').Map }).maplibre;
    for (const l of map.getStyle().layers) if (l.type === 'symbol') map.setLayoutProperty(l.id, 'visibility', 'none');
  });
  return mapPicture(page);
}

/** A page opened on `date` and its map's picture, which must show every side of that date's file in `dir`. */
async function fresh(base: string, date: string, dir = distDir, picture_ = mapPicture): Promise<{ page: Page; picture: PNG }> {
  const { page } = log.add(await openWatched(browser, `${base}?date=${date}${VIEW}`));
  await waitForSnapshot(page, date);
  const picture = await picture_(page);
  const { factions, snapshot } = readData(dir, date);
  expect(missingSides(picture, snapshot, factions), `the map of ${date} shows every side`).toEqual([]);
  return { page, picture };
}

describe('the date stack', () => {
  it('draws a date stepped to by keyboard exactly as that date opened afresh', async () => {
    const { page, picture: start } = await fresh(siteUrl, articleDate);
    const i = dates.indexOf(articleDate);
    for (const [key, date] of [['ArrowLeft', dates[i - 1]!], ['ArrowLeft', dates[i - 2]!], ['ArrowRight', dates[i - 1]!]] as const) {
      await page.focus('#date-slider');
      await page.keyboard.press(key);
      await waitForSnapshot(page, date);
      const stepped = await groundPicture(page);
      const other = await fresh(siteUrl, date, distDir, groundPicture);
      expect(differing(stepped, other.picture), `${date} stepped to vs opened`).toBeLessThan(0.002);
      await other.page.close();
    }
    // The pictures tell dates apart: the first and the last differ.
    expect(differing(start, (await fresh(siteUrl, dates[0]!)).picture)).toBeGreaterThan(0.02);
  }, 180_000); // seven fresh loads and pictures: about 40 s on an idle 2-core machine, over 60 s under load

  it('draws a snapshot replaced after the build from its new file, with areas computed from it', async () => {
    const site = join(tmp, 'site');
    cpSync(distDir, site, { recursive: true });
    const target = index.snapshots.find((s) => s.date === articleDate)!;
    const first = index.snapshots[0]!;
    // The data editor puts the first date's territory in the article date's file.
    writeFileSync(join(site, 'data/snapshots', target.file), readFileSync(join(site, 'data/snapshots', first.file)));
    copy = await serveStatic(site);
    const replaced = await fresh(copy.url, articleDate, site);
    const original = await fresh(copy.url, first.date, site);
    expect(differing(replaced.picture, original.picture), 'replaced file vs the file it was copied from').toBeLessThan(0.002);
    const km2 = (page: Page) => legendKm2(page, 'islamic-state');
    expect(await km2(replaced.page)).toBe(await km2(original.page));
    // Not the figures stats.json holds for the article date (those of the old file).
    const onSite = await fresh(siteUrl, articleDate);
    expect(await km2(replaced.page)).not.toBe(await km2(onSite.page));
  }, 120_000);
});
