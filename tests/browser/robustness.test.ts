/**
 * The explorer when things go wrong, against a copy of the built site in real Chromium: the file
 * check in a worker (responsive, cancellable, never silent), a date that fails to load, a stalled
 * server, a snapshot that arrives after a file was dropped, a side-by-side date that fails, broken
 * optional files, and bad links (a junk view, a date past the last snapshot).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { legendKm2, openWatched, waitForSettled, waitForSnapshot, waitForQuietPage, PageLog, sharedBrowser } from './helpers.ts';

const distDir = inject('distDir');
const index = JSON.parse(readFileSync(join(distDir, 'data/snapshots/index.json'), 'utf8')) as { snapshots: { date: string; file: string; article?: boolean }[] };
const dates = index.snapshots.map((s) => s.date);
const articleDate = index.snapshots.find((s) => s.article)!.date;
const at = (offset: number) => dates[dates.indexOf(articleDate) + offset]!;
const words = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

let browser: Browser;
let dir: string;
let site: StaticServer;
/** What the server does with a path: set per test (undefined: serve the file). */
let intercept: (path: string) => string | undefined | Promise<string | undefined> = () => undefined;
const log = new PageLog();
const open = async (path: string, opts?: Parameters<typeof openWatched>[2]) => log.add(await openWatched(browser, site.url + path, opts));
const never = () => new Promise<never>(() => {});
/** `wait` resolves once `open()` is called. */
const gate = () => { let open!: () => void; const wait = new Promise<void>((r) => { open = r; }); return { wait, open }; };
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Failures these tests cause on purpose, which the browser logs as console errors. */
const expected = [/404 \(Not Found\)/, /snapshot-check/];

beforeAll(async () => {
  browser = await sharedBrowser();
  dir = mkdtempSync(join(tmpdir(), 'frontlines-robust-'));
  cpSync(distDir, dir, { recursive: true });
  site = await serveStatic(dir, { intercept: (p) => intercept(p) });
});
afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
}, (e) => expected.some((re) => re.test(e))));

/** A snapshot file of two overlapping 45,000-vertex rings (~1.6 MB), which the check refuses (their sides overlap). */
function slowFile(): Buffer {
  const ring = (cx: number) => Array.from({ length: 45_001 }, (_, i) => { const t = (2 * Math.PI * (i % 45_000)) / 45_000; return [+(cx + Math.cos(t)).toFixed(4), +(35 + Math.sin(t)).toFixed(4)]; });
  const feature = (faction: string, cx: number) => ({ type: 'Feature', properties: { faction }, geometry: { type: 'Polygon', coordinates: [ring(cx)] } });
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [feature('islamic-state', 39), feature('syrian-kurds', 39.3)] }));
}
const validFile = () => readFileSync(join(distDir, 'data/snapshots', index.snapshots[0]!.file));
const choose = (page: Page, name: string, buffer: Buffer) => page.locator('#preview-file').setInputFiles({ name, mimeType: 'application/geo+json', buffer });
const alerts = async (page: Page) => (await page.locator('.message-error').allTextContents()).join('\n');
const notices = async (page: Page) => (await page.locator('.message-notice').allTextContents()).join('\n');

describe('checking a file in the page', () => {
  it('runs in a worker: the page answers during a long check, whose problems then name the file', async () => {
    const { page } = await open('');
    await waitForSnapshot(page, articleDate);
    await waitForQuietPage(page);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    // While the worker checks, the main thread answers at once (on the main thread the check would
    // block it for its whole length). Measured by the page's own clock from before the file is
    // chosen, so no round trip can miss the check: timers run back to back, and the longest wait
    // between two of them from the check's start to its end is kept, with how long it lasted.
    await page.evaluate(() => {
      const mapEl = document.querySelector('#map')!;
      (window as unknown as { __check: Promise<unknown> }).__check = new Promise((ok) => {
        let last = performance.now(), start = -1, worst = 0, sawBanner = false;
        const tick = () => {
          const now = performance.now(), checking = mapEl.getAttribute('data-checking') === 'slow.geojson';
          if (start >= 0) worst = Math.max(worst, now - last);
          else if (checking) { start = now; sawBanner = !!document.querySelector('.preview-banner')?.textContent?.includes('Checking slow.geojson…'); }
          last = now;
          // Done when the check ends (or, never seen under way, when its report is already out).
          const reported = !!document.querySelector('[role="alert"] .message')?.textContent?.includes('slow.geojson');
          if ((start >= 0 && !checking) || (start < 0 && reported)) ok({ worst, span: start < 0 ? 0 : now - start, sawBanner });
          else setTimeout(tick, 0);
        };
        setTimeout(tick, 0);
      });
    });
    await choose(page, 'slow.geojson', slowFile());
    const m = await page.evaluate(() => (window as unknown as { __check: Promise<{ worst: number; span: number; sawBanner: boolean }> }).__check);
    expect(m.sawBanner, 'the banner says which file is being checked').toBe(true);
    expect(m.span, 'the check lasted long enough to be measured').toBeGreaterThan(150);
    expect(m.worst).toBeLessThan(m.span / 2);
    await page.waitForFunction(() => document.querySelector('[role="alert"] .message')?.textContent?.includes('slow.geojson: feature 0: islamic-state overlaps feature 1'), null, { timeout: 30_000 });
    expect(workers.some((u) => /snapshot-check/.test(u))).toBe(true);
    expect(await page.getAttribute('#map', 'data-checking')).toBeNull();
  });

  it('cancels a check when another file comes, or by Cancel: it is never drawn nor reported, and no worker is left', async () => {
    const w = await open('');
    const { page } = w;
    await waitForSnapshot(page, articleDate);
    const workers: { started: number; closed: number | null }[] = [];
    page.on('worker', (w) => { const rec = { started: Date.now(), closed: null as number | null }; workers.push(rec); w.on('close', () => { rec.closed = Date.now(); }); });
    // The checker's script is held until the test lets it through: a check stays under way however
    // fast the checker or the machine (routing turns the cache off, so every worker asks for it). A
    // request of a worker that was ended never ends for the test: it is not waited for.
    let hold = gate();
    await page.route(/snapshot-check/, async (route) => { await hold.wait; await route.continue().catch(() => {}); });
    const forgetEnded = () => { for (const r of w.inflight) if ((r as Request).url().includes('snapshot-check')) w.inflight.delete(r); };
    await choose(page, 'slow.geojson', slowFile());
    await page.waitForFunction(() => document.querySelector('#map')?.getAttribute('data-checking') === 'slow.geojson');
    await choose(page, 'mine.geojson', validFile());
    await page.waitForFunction(() => document.querySelector('#map')?.getAttribute('data-checking') === 'mine.geojson');
    hold.open();
    await page.waitForFunction(() => document.querySelector('#map')?.getAttribute('data-preview') === 'mine.geojson', null, { timeout: 30_000 });
    // The slow check stopped before its checker started (a worker stopped mid-check: snapshot-check.test.ts).
    // Once every worker seen has ended and the page is settled, its problems can no longer come.
    await expect.poll(() => workers.length > 0 && workers.every((r) => r.closed !== null), { timeout: 10_000 }).toBe(true);
    forgetEnded();
    await waitForSettled(w);
    expect(await page.getAttribute('#map', 'data-preview')).toBe('mine.geojson');
    expect(await alerts(page)).not.toContain('slow.geojson');
    // Cancel from the banner.
    const before = workers.length;
    hold = gate();
    await choose(page, 'slow.geojson', slowFile());
    await page.waitForFunction(() => document.querySelector('#map')?.getAttribute('data-checking') === 'slow.geojson');
    await page.locator('.preview-banner button', { hasText: 'Cancel' }).click();
    await page.waitForFunction(() => !document.querySelector('#map')?.hasAttribute('data-checking'));
    expect(await page.locator('.preview-banner').textContent()).toContain('Previewing mine.geojson');
    // Its worker, stopped while its script was held, may not have been seen; any that was has ended.
    await expect.poll(() => workers.slice(before).every((r) => r.closed !== null), { timeout: 10_000 }).toBe(true);
    hold.open();
    forgetEnded();
    await waitForSettled(w);
    expect(await alerts(page)).not.toContain('slow.geojson');
  });

  it('says so, naming the file, when the checker cannot run', async () => {
    const { page } = await open('');
    await waitForSnapshot(page, articleDate);
    const worker = readdirSync(join(dir, 'assets')).find((f) => f.startsWith('snapshot-check'));
    expect(worker, 'the checker is built as its own file').toBeTruthy();
    // The checker's script is missing (the server answers 404).
    intercept = (p) => (p.includes('snapshot-check') ? Promise.reject(new Error('gone')) : undefined);
    try {
      await choose(page, 'mine.geojson', validFile());
      await page.waitForFunction(() => document.querySelector('[role="alert"] .message')?.textContent?.includes('mine.geojson'), null, { timeout: 30_000 });
      expect(await alerts(page)).toMatch(/mine\.geojson: could not be checked: the checker (stopped|did not start)/);
      expect(await page.getAttribute('#map', 'data-checking')).toBeNull();
    } finally { intercept = () => undefined; }
  });
});

describe('a date that fails to load', () => {
  const failing = at(-1);
  const file = index.snapshots.find((s) => s.date === failing)!.file;

  it('is marked on the timeline; the URL and the embed code keep the date on the map; Try again loads it', async () => {
    let broken = true;
    intercept = (p) => (broken && p.endsWith(`/snapshots/${file}`) ? '{"type": "FeatureCollection", "features": [' : undefined);
    try {
      const { page } = await open('');
      await waitForSnapshot(page, articleDate);
      await page.focus('#date-slider');
      await page.keyboard.press('ArrowLeft');
      await page.locator('[role="alert"] .message').waitFor();
      expect(await alerts(page)).toContain(`data/snapshots/${file}`);
      expect(await page.getAttribute('#map', 'aria-busy')).toBe('false');
      expect(await page.getAttribute('#map', 'data-snapshot')).toBe(articleDate);
      expect(await page.locator('.timeline-date').textContent()).toBe(`${words(failing)}: not loaded; the map shows ${words(articleDate)}`);
      expect(await page.getAttribute('#date-slider', 'aria-valuetext')).toContain('not loaded');
      // The URL writer writes the whole state: once it has written a later change (the language),
      // the date it wrote with it is the one it keeps.
      await page.click('button[data-lang="nl"]');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'nl');
      expect(new URL(page.url()).searchParams.get('date')).toBe(articleDate);
      await page.click('button[data-lang="en"]');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'en');
      await page.click('#embed-open');
      expect(await page.inputValue('.embed-code')).toContain(`date=${articleDate}`);
      await page.keyboard.press('Escape');
      broken = false;
      await page.locator('.message-action', { hasText: 'Try again' }).click();
      await waitForSnapshot(page, failing);
      expect(await page.locator('.timeline-date').textContent()).toBe(words(failing));
      await page.waitForFunction((d) => location.search.includes(`date=${d}`), failing);
    } finally { intercept = () => undefined; }
  });

  it('gives up on a stalled server after 15 s, no longer busy, with Try again', async () => {
    let attempts = 0;
    intercept = (p) => (p.endsWith(`/snapshots/${file}`) && ++attempts === 1 ? never() : undefined);
    try {
      const { page } = await open('');
      await waitForSnapshot(page, articleDate);
      await page.focus('#date-slider');
      await page.keyboard.press('ArrowLeft');
      expect(await page.getAttribute('#map', 'aria-busy')).toBe('true');
      await page.locator('[role="alert"] .message').waitFor({ timeout: 30_000 });
      expect(await alerts(page)).toContain(`data/snapshots/${file}: no data arrived for 15 s`);
      expect(await page.getAttribute('#map', 'aria-busy')).toBe('false');
      await page.locator('.message-action').click();
      await waitForSnapshot(page, failing);
      expect(attempts).toBe(2);
    } finally { intercept = () => undefined; }
  });

  it('does not replace a file dropped while it was still loading', async () => {
    intercept = async (p) => { if (p.endsWith(`/snapshots/${file}`)) await sleep(3000); return undefined; };
    try {
      const w = await open('');
      const { page } = w;
      await waitForSnapshot(page, articleDate);
      await page.focus('#date-slider');
      await page.keyboard.press('ArrowLeft'); // its snapshot takes 3 s to come
      await choose(page, 'mine.geojson', validFile());
      await page.waitForFunction(() => document.querySelector('#map')?.getAttribute('data-preview') === 'mine.geojson', null, { timeout: 30_000 });
      const km2 = String(await legendKm2(page, 'islamic-state'));
      // The late snapshot has come (its request finished) and the page has done with it.
      await expect.poll(() => w.requests.some((u) => u.endsWith(`/snapshots/${file}`)), { timeout: 30_000 }).toBe(true);
      await waitForSettled(w);
      expect(await page.getAttribute('#map', 'data-preview')).toBe('mine.geojson');
      expect(await page.getAttribute('#legend li[data-faction="islamic-state"]', 'data-area-km2')).toBe(km2);
      expect(await page.getAttribute('#map', 'aria-busy')).toBe('false');
    } finally { intercept = () => undefined; }
  });

  it('side by side: says so when the other date fails, naming the file', async () => {
    const other = index.snapshots[3]!;
    intercept = (p) => (p.endsWith(`/snapshots/${other.file}`) ? 'not json' : undefined);
    try {
      const { page } = await open(`?compare=${other.date}&swipe=1`);
      await waitForSnapshot(page, articleDate);
      await page.locator('.swipe-handle').waitFor();
      await page.waitForFunction((f) => [...document.querySelectorAll('[role="alert"] .message')].some((m) => m.textContent?.includes(`Could not show data/snapshots/${f} side by side`)), other.file, { timeout: 30_000 });
    } finally { intercept = () => undefined; }
  });
});

describe('a broken optional file', () => {
  it('leaves out just its panel, with a notice naming the file, and dates still change', async () => {
    const stats = JSON.parse(readFileSync(join(distDir, 'data/stats.json'), 'utf8')) as { snapshots: { areaKm2: unknown }[] };
    stats.snapshots[0]!.areaKm2 = {};
    intercept = (p) => (p.endsWith('/data/stats.json') ? JSON.stringify(stats) : p.endsWith('/data/place-distances.json') ? '{"dates": 3}' : undefined);
    try {
      const { page } = await open('', { width: 1300, height: 900 });
      await waitForSnapshot(page, articleDate);
      await page.waitForFunction(() => [...document.querySelectorAll('.message')].some((m) => m.textContent?.includes('data/stats.json')));
      expect(await notices(page)).toMatch(/The summary and the area chart are left out: data\/stats\.json: /);
      expect(await page.locator('#summary').isHidden()).toBe(true);
      // The claims panel stays, with the article's claims and no values of ours for the date.
      await page.locator('#claims .claims-missing').waitFor();
      expect(await page.locator('#claims').isVisible()).toBe(true);
      // The distances load when the charts come near the view (and may have already).
      await page.evaluate(() => document.querySelector('#over-time')?.scrollIntoView());
      await page.waitForFunction(() => [...document.querySelectorAll('.message')].some((m) => m.textContent?.includes('data/place-distances.json')), null, { timeout: 30_000 });
      expect(await notices(page)).toContain('The distance chart is left out: data/place-distances.json');
      expect(await page.locator('#over-time').isHidden()).toBe(true);
      await page.focus('#date-slider');
      await page.keyboard.press('ArrowLeft');
      await waitForSnapshot(page, at(-1));
      expect(await alerts(page)).toBe('');
    } finally { intercept = () => undefined; }
  });

  it('claims.json: the claims panel is left out', async () => {
    intercept = (p) => (p.endsWith('/data/claims.json') ? '{"claims": [{"id": 1}]}' : undefined);
    try {
      const { page } = await open('');
      await waitForSnapshot(page, articleDate);
      await page.waitForFunction(() => [...document.querySelectorAll('.message')].some((m) => m.textContent?.includes('data/claims.json')));
      expect(await notices(page)).toContain('The article\'s claims are left out: data/claims.json');
      expect(await page.locator('#claims').isHidden()).toBe(true);
      await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').length > 50);
    } finally { intercept = () => undefined; }
  });
});

describe('bad links', () => {
  it('?place= with a junk view centres on the place, with a notice', async () => {
    const { page } = await open('?place=mayadeen#junk', { width: 1000, height: 700 });
    await waitForSnapshot(page, articleDate);
    await page.locator('.place-card[data-place-id="mayadeen"]').waitFor();
    expect(await notices(page)).toContain('The map view “#junk” in the link is not written #zoom/latitude/longitude');
    // MapLibre writes the view it shows into the hash: zoomed in on Mayadeen (40.45 E, 35.02 N).
    await page.waitForFunction(() => /^#[\d.]+\/[\d.-]+\/[\d.-]+/.test(location.hash));
    const [zoom, lat, lon] = new URL(page.url()).hash.slice(1).split('/').map(Number) as [number, number, number];
    expect(zoom).toBeGreaterThanOrEqual(6);
    expect(Math.abs(lat - 35.02)).toBeLessThan(0.2);
    expect(Math.abs(lon - 40.45)).toBeLessThan(0.2);
  });

  it('?date=9999-12-31 shows the last snapshot and says so', async () => {
    const { page } = await open('?date=9999-12-31');
    await waitForSnapshot(page, dates.at(-1));
    expect(await notices(page)).toContain(`There is no snapshot after ${words(dates.at(-1)!)}, so none for 9999-12-31`);
  });
});
