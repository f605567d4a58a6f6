/**
 * The Data control in real Chromium against the built site: reached and used by keyboard, it
 * downloads the shown date's map (its snapshot file itself, no second copy), every date's sources,
 * the areas CSV, the events CSV and the licence (files of data/downloads/); nothing of it loads before it is
 * opened; a snapshot a data editor added by hand is offered like any other; the embed shows it
 * unless `controls` leaves it out.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { openWatched, waitForSettled, waitForSnapshot, PageLog, sharedBrowser } from './helpers.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const log = new PageLog();
let browser: Browser;
let tmp: string;
let copy: StaticServer | null = null;
const index = JSON.parse(readFileSync(join(distDir, 'data/snapshots/index.json'), 'utf8')) as { snapshots: { date: string; file: string; sources: string[] }[] };
const snapshotOf = (date: string) => JSON.parse(readFileSync(join(distDir, 'data/snapshots', index.snapshots.find((s) => s.date === date)!.file), 'utf8'));

beforeAll(async () => {
  browser = await sharedBrowser();
  tmp = mkdtempSync(join(tmpdir(), 'frontlines-downloads-'));
});
afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
  await copy?.close();
  rmSync(tmp, { recursive: true, force: true });
}));

/** Presses Tab until `selector` has the focus (at most 80 times), as a keyboard user would reach it. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Presses Enter on the focused link and returns the saved file's name and text. */
async function enterDownload(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  // Read through the download's stream: the shared browser is connected to, so it has no local path.
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

describe('the Data control in the explorer', () => {
  it('is reached by keyboard, loads nothing until opened, and downloads the date\'s snapshot file, every date\'s sources, the CSV and the licence', async () => {
    const w = log.add(await openWatched(browser, `${siteUrl}?date=2016-06-01`));
    const { page } = w;
    await waitForSnapshot(page, '2016-06-01');
    // Everything the page loads by itself after the first view has come (the lazy modules, figures, other dates).
    await waitForSettled(w);
    expect(w.requests.filter((u) => /\/downloads\/|data-panel/.test(u)), 'requests before the control is opened').toEqual([]);
    expect(await page.locator('#data summary').textContent()).toBe('Data');
    await tabTo(page, '#data summary');
    await page.keyboard.press('Enter');
    const geo = page.locator('#data a[download="frontlines-2016-06-01.geojson"]');
    await geo.waitFor();
    expect(w.requests.filter((u) => u.includes('/downloads/')).map((u) => new URL(u).pathname)).toEqual(['/data/downloads/index.json']);
    expect(await geo.textContent()).toBe('Who held what on 1 June 2016 (GeoJSON)');
    expect(await page.locator('#data .data-licence').textContent()).toBe('Licence of the data: CC BY 4.0');

    expect(new URL((await geo.getAttribute('href'))!).pathname).toBe(`/data/snapshots/${index.snapshots.find((s) => s.date === '2016-06-01')!.file}`);

    await page.keyboard.press('Tab');
    const g = await enterDownload(page);
    expect(g.name).toBe('frontlines-2016-06-01.geojson');
    expect(JSON.parse(g.text)).toEqual(snapshotOf('2016-06-01'));

    await page.keyboard.press('Tab');
    const sources = await enterDownload(page);
    expect(sources.name).toBe('frontlines-sources.csv');
    const sourceRows = sources.text.trimEnd().split('\r\n');
    expect(sourceRows[0]).toBe('date,file,precision,source');
    expect(new Set(sourceRows.slice(1).map((r) => r.slice(0, 10))).size).toBe(index.snapshots.length);
    expect(sourceRows.filter((r) => r.startsWith('2016-06-01,')).length).toBe(index.snapshots.find((s) => s.date === '2016-06-01')!.sources.length);

    await page.keyboard.press('Tab');
    const csv = await enterDownload(page);
    expect(csv.name).toBe('frontlines-areas.csv');
    const rows = csv.text.trimEnd().split('\r\n');
    expect(rows[0]).toBe('date,side,side_name,tier,area_km2');
    expect(new Set(rows.slice(1).map((r) => r.slice(0, 10))).size).toBe(index.snapshots.length);

    await page.keyboard.press('Tab');
    const events = await enterDownload(page);
    expect(events.name).toBe('frontlines-events.csv');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Events, with their status and sources (CSV)');
    const eventRows = events.text.trimEnd().split('\r\n');
    expect(eventRows[0]).toBe('id,date,status,title_en,title_nl,text_en,text_nl,place,place_name,settled_date,settled_source,sources');
    expect(eventRows.slice(1).map((r) => r.slice(0, r.indexOf(',')))).toEqual(
      (JSON.parse(readFileSync(join(distDir, 'data/events.json'), 'utf8')).events as { id: string; date: string }[])
        // In date order, a month-only date (YYYY-MM) at its month's last day.
        .map((e) => [e.id, e.date.length === 7 ? new Date(Date.UTC(Number(e.date.slice(0, 4)), Number(e.date.slice(5)), 0)).toISOString().slice(0, 10) : e.date] as const).sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).map(([id]) => id));

    await page.keyboard.press('Tab');
    const licence = await enterDownload(page);
    expect(licence.name).toBe('frontlines-licence.txt');
    expect(licence.text).toMatch(/Licence of the data: CC BY 4\.0[\s\S]*GeoNames[\s\S]*Natural Earth/);

    // Another date: the link follows it, and the index is not asked for again.
    await page.evaluate(() => (document.querySelector('#timeline input[type=range]') as HTMLElement).focus());
    await page.keyboard.press('ArrowRight');
    const next = await waitForSnapshot(page, index.snapshots[index.snapshots.findIndex((s) => s.date === '2016-06-01') + 1]!.date);
    await page.locator(`#data a[download="frontlines-${next}.geojson"]`).waitFor();
    expect(w.requests.filter((u) => u.includes('/downloads/index.json'))).toHaveLength(1);
  });

  it('offers a snapshot a data editor added to the built site by hand, with no step after', async () => {
    const dir = join(tmp, 'site');
    cpSync(distDir, dir, { recursive: true });
    const last = index.snapshots.at(-1)!;
    const added = { ...last, date: '2019-05-01', file: 'added-by-hand.geojson' };
    writeFileSync(join(dir, 'data/snapshots', added.file), readFileSync(join(dir, 'data/snapshots', last.file)));
    writeFileSync(join(dir, 'data/snapshots/index.json'), JSON.stringify({ ...index, snapshots: [...index.snapshots, added] }));
    copy = await serveStatic(dir);
    const { page } = log.add(await openWatched(browser, `${copy.url}?date=2019-05-01`));
    await waitForSnapshot(page, '2019-05-01');
    await page.click('#data summary');
    const link = page.locator('#data a[download="frontlines-2019-05-01.geojson"]');
    await link.waitFor();
    expect(new URL((await link.getAttribute('href'))!).pathname).toBe('/data/snapshots/added-by-hand.geojson');
    expect(await page.locator('#data .data-note').count()).toBe(0);
  });
});

describe('the Data control in the embed', () => {
  it('is there by default, and not when controls leaves it out', async () => {
    const a = log.add(await openWatched(browser, `${siteUrl}embed.html?date=2017-07-15`, { width: 700, height: 900 }));
    await waitForSnapshot(a.page, '2017-07-15');
    await a.page.click('#data summary');
    const href = await a.page.locator('#data a[download="frontlines-2017-07-15.geojson"]').getAttribute('href');
    const res = await a.page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual(snapshotOf('2017-07-15'));
    const b = log.add(await openWatched(browser, `${siteUrl}embed.html?date=2017-07-15&controls=timeline,legend`, { width: 700, height: 900 }));
    await waitForSnapshot(b.page, '2017-07-15');
    expect(await b.page.locator('#data').count()).toBe(0);
  });
});
