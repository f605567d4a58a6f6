/**
 * Change over time in real Chromium against the built site: play and pause, comparing two dates,
 * the side-by-side divider by keyboard and pointer, charts and the generated summary.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openWatched, waitForSettled, waitForSnapshot, PageLog, sharedBrowser } from './helpers.ts';
import { SPEEDS_MS } from '../../src/ui/player.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const index = JSON.parse(readFileSync(join(distDir, 'data/snapshots/index.json'), 'utf8')) as { snapshots: { date: string; article?: boolean }[] };
const dates = index.snapshots.map((s) => s.date);
const articleDate = index.snapshots.find((s) => s.article)!.date;
const wordsOf = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const stats = JSON.parse(readFileSync(join(distDir, 'data/stats.json'), 'utf8')) as { snapshots: { date: string; areaKm2: { held: Record<string, number> } }[] };

let browser: Browser;
const log = new PageLog();
const open = async (path: string, opts?: Parameters<typeof openWatched>[2]) => {
  return log.add(await openWatched(browser, siteUrl + path, opts));
};

beforeAll(async () => { browser = await sharedBrowser(); });
afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
}));

describe('play', () => {
  it('plays through the dates from the keyboard, the URL following, and pauses', async () => {
    const start = dates[dates.length - 6]!;
    const w = await open(`?date=${start}`);
    const { page } = w;
    await waitForSnapshot(page, start);
    await page.locator('#play-speed').selectOption('fast');
    await page.locator('.play-button').focus();
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('.play-button', 'aria-pressed')).toBe('true');
    await waitForSnapshot(page, dates[dates.length - 4]);
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('.play-button', 'aria-pressed')).toBe('false');
    // A step already under way may still land; once the page has nothing left to do, the map and
    // the URL stay on one date.
    await waitForSettled(w);
    const stopped = (await page.getAttribute('#map', 'data-snapshot'))!;
    expect(stopped >= dates[dates.length - 4]! && stopped < dates[dates.length - 1]!).toBe(true);
    await page.waitForFunction((d) => location.search.includes(`date=${d}`), stopped);
    // Time is what is under test here: a player that had not stopped would take its next step
    // within one interval of its speed, so the map is looked at again after three of them.
    await page.waitForTimeout(3 * SPEEDS_MS.fast);
    await waitForSettled(w);
    expect(await page.getAttribute('#map', 'data-snapshot')).toBe(stopped);
  });

  it('stops by itself at the last date, and starts slow for readers who prefer reduced motion', async () => {
    const { page } = await open(`?date=${dates[dates.length - 2]}`, { reducedMotion: true });
    await waitForSnapshot(page);
    expect(await page.locator('#play-speed').inputValue()).toBe('slow');
    await page.locator('#play-speed').selectOption('fast');
    await page.click('.play-button');
    await waitForSnapshot(page, dates[dates.length - 1]);
    await page.waitForFunction(() => document.querySelector('.play-button')?.getAttribute('aria-pressed') === 'false');
  });
});

describe('compare', () => {
  it('shows what changed between two dates from a shared URL', async () => {
    const { page } = await open(`?date=${articleDate}&compare=2017-01-01`);
    await waitForSnapshot(page, articleDate);
    const isRow = page.locator('.compare-table tr[data-faction="islamic-state"]');
    await isRow.waitFor({ timeout: 30_000 });
    expect(Number(await isRow.getAttribute('data-lost-km2'))).toBeGreaterThan(1000);
    expect(await page.locator('.compare-sentence').textContent()).toMatch(/^Of the [\d,]+ km² the Islamic State lost between 1 January 2017 and 15 July 2017, [\d,]+ km² went to the /);
    expect(await page.locator('#compare-date').inputValue()).toBe(String(dates.indexOf('2017-01-01')));
  });

  it('is chosen from the panel, and the URL follows', async () => {
    const { page } = await open('');
    await waitForSnapshot(page);
    await page.locator('#compare-date').selectOption(String(dates.indexOf('2016-01-01')));
    await page.locator('.compare-table').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => location.search.includes('compare=2016-01-01'));
    await page.locator('#compare-date').selectOption('');
    await page.waitForFunction(() => !location.search.includes('compare='));
    expect(await page.locator('.compare-table').count()).toBe(0);
  });
});

describe('side by side', () => {
  it('moves the divider by keyboard and by pointer', async () => {
    const { page } = await open(`?date=${articleDate}&compare=2015-06-01&swipe=1`);
    await waitForSnapshot(page, articleDate);
    const handle = page.locator('.swipe-handle');
    await handle.waitFor();
    expect(await handle.getAttribute('aria-valuenow')).toBe('50');
    expect(await handle.getAttribute('aria-valuetext')).toBe('1 June 2015 | 15 July 2017');
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await handle.getAttribute('aria-valuenow')).toBe('40');
    expect(await page.locator('.swipe-map').evaluate((e) => (e as HTMLElement).style.clipPath)).toBe('inset(0px 60% 0px 0px)');
    await page.keyboard.press('End');
    expect(await handle.getAttribute('aria-valuenow')).toBe('100');
    const box = (await page.locator('.map-wrap').boundingBox())!;
    const grip = (await page.locator('.swipe-grip').boundingBox())!;
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.25, grip.y + grip.height / 2, { steps: 5 });
    await page.mouse.up();
    expect(Number(await handle.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(23);
    expect(Number(await handle.getAttribute('aria-valuenow'))).toBeLessThanOrEqual(27);
    await page.waitForFunction(() => location.search.includes('swipe=1'));
  });
});

describe('charts', () => {
  it('select a date by keyboard and by pointer, and follow the map’s date', async () => {
    const { page } = await open('');
    await waitForSnapshot(page, articleDate);
    const chart = page.locator('.line-chart-plot').first();
    await chart.waitFor({ timeout: 30_000 });
    expect(await chart.getAttribute('aria-valuetext')).toContain('15 July 2017');
    await chart.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const i = dates.indexOf(articleDate);
    await waitForSnapshot(page, dates[i - 2]);
    // A click near the left edge of the plot picks one of the first dates.
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.12, box.y + box.height / 2);
    await page.waitForFunction(() => {
      const m = document.querySelector('#map');
      return m?.getAttribute('aria-busy') === 'false' && (m.getAttribute('data-snapshot') ?? '9') < '2016-01-01';
    });
    const picked = (await page.getAttribute('#map', 'data-snapshot'))!;
    expect(dates.indexOf(picked)).toBeGreaterThanOrEqual(0);
    // The chart follows the map: its selection is the picked date.
    await page.waitForFunction((words) => document.querySelector('.line-chart-plot')?.getAttribute('aria-valuetext')?.includes(words), wordsOf(picked));
    // The distance chart is there for Mayadeen, with its table alternative.
    expect(await page.locator('.line-chart-title').nth(1).textContent()).toContain('Mayadeen');
    expect(await page.locator('.line-chart-table table').nth(1).locator('tbody tr').count()).toBe(dates.length);
  });
});

describe('the summary in words', () => {
  it('describes the shown date in English and Dutch and is the map’s description', async () => {
    const { page } = await open('');
    await waitForSnapshot(page, articleDate);
    await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').length > 100);
    const en = (await page.locator('#summary').textContent())!;
    // Which sides lead the sentence depends on what moved since the date before; either way it opens
    // on the shown date and gives the Islamic State's area as stats.json has it, rounded.
    expect(en).toMatch(/^On 15 July 2017 /);
    const isHeld = stats.snapshots.find((x) => x.date === articleDate)!.areaKm2.held['islamic-state']!;
    const rounded = Math.round(isHeld / 100) * 100;
    expect(en).toMatch(new RegExp(`the Islamic State (held )?about ${rounded.toLocaleString('en-GB')} km²`));
    expect(en).toContain('from Mayadeen it was');
    expect(await page.getAttribute('#map', 'aria-describedby')).toBe('summary');
    await page.click('button[data-lang="nl"]');
    await page.waitForFunction(() => document.querySelector('#summary')?.textContent?.startsWith('Op 15 juli 2017'));
    await page.focus('#date-slider');
    await page.keyboard.press('ArrowLeft');
    const prev = dates[dates.indexOf(articleDate) - 1]!;
    await waitForSnapshot(page, prev);
    await page.waitForFunction(() => document.querySelector('#summary')?.textContent?.startsWith('Op 1 juli 2017'));
  });

  it('is the embed’s alternative text', async () => {
    const { page } = await open('embed.html?date=2016-06-01');
    await waitForSnapshot(page, '2016-06-01');
    await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').startsWith('On 1 June 2016'));
    expect(await page.getAttribute('#map', 'aria-describedby')).toBe('summary');
  });
});
