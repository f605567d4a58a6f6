/**
 * The benchmark's scenarios, each in a fresh browser context: a cold load (time to the first drawn
 * snapshot, and what was downloaded by then), date swaps by keyboard, the bare page's swaps,
 * Play at the fastest speed, and comparisons of two dates. Each reports the longest main-thread
 * task of its window (bench/probe.ts).
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { longestTask, probe, PROBE_SCRIPT, waitDrawn } from './probe.ts';

export const VIEWPORT = { width: 1280, height: 800 };

export interface Download { url: string; kind: 'js' | 'json' | 'css' | 'font' | 'html' | 'other'; gzipBytes: number; endAt: number }
export interface Load {
  page: Page;
  context: BrowserContext;
  /** Navigation start → first drawn snapshot, ms. */
  drawnMs: number;
  date: string;
  /** Everything downloaded (gzip -9 of each body) until the first drawn snapshot. */
  firstView: Download[];
  close: () => Promise<void>;
}

const kindOf = (url: string, type: string | undefined): Download['kind'] => {
  const path = new URL(url).pathname;
  if (/\.m?js$/.test(path)) return 'js';
  if (/\.(geo)?json$/.test(path)) return 'json';
  if (path.endsWith('.css')) return 'css';
  if (/\.(woff2?|ttf)$/.test(path)) return 'font';
  if (path.endsWith('/') || path.endsWith('.html') || type === 'document') return 'html';
  return 'other';
};

/** Opens `url` in a fresh context and waits for its first drawn snapshot. */
export async function coldLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
  const page = await context.newPage();
  await page.addInitScript(PROBE_SCRIPT);
  // The requests are only noted during the load; their bodies are fetched and compressed once the
  // first view is drawn, so that this work of the benchmark's own (over the DevTools pipe, and gzip
  // in Node) does not take CPU from the page it times.
  const finished: Request[] = [];
  page.on('requestfinished', (req) => { finished.push(req); });
  await page.goto(url);
  const first = await waitDrawn(page, 1);
  const origin = await page.evaluate(() => performance.timeOrigin);
  const seen = finished.slice();
  const downloads = await Promise.all(seen.map(async (req): Promise<Download | null> => {
    // Requests still finishing when the page is closed (tiles loaded after the first view) are dropped.
    const res = await req.response().catch(() => null);
    if (!res) return null;
    const body = await res.body().catch(() => null);
    if (!body) return null;
    const t = req.timing();
    return { url: req.url(), kind: kindOf(req.url(), req.resourceType()), gzipBytes: gzipSync(body, { level: 9 }).length, endAt: t.startTime + t.responseEnd };
  }));
  const all = downloads.filter((d): d is Download => d !== null);
  const firstView = all.filter((d) => d.endAt <= origin + first.at).map((d) => ({ ...d, endAt: Math.round(d.endAt - origin) }));
  return { page, context, drawnMs: first.at, date: first.date, firstView, close: () => context.close() };
}

/** Waits until `ms` after the first drawn snapshot, and returns the longest task meanwhile. */
export async function afterFirstDraw(load: Load, ms: number): Promise<number> {
  const now = await load.page.evaluate(() => performance.now());
  const until = load.drawnMs + ms;
  if (now < until) await load.page.waitForTimeout(until - now);
  return longestTask((await probe(load.page)).longTasks, load.drawnMs, until);
}

export interface Swap { ms: number; longestTaskMs: number; date: string }

/**
 * Waits `ms`, as a reader looking at the map does, and until the page is idle (requestIdleCallback):
 * the state the bare page's swaps start from.
 */
export async function pause(page: Page, ms: number): Promise<void> {
  if (ms <= 0) return;
  await page.waitForTimeout(ms);
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })));
}

/** Presses `key` on the date slider and waits for the next drawn snapshot: key press → drawn. */
export async function keySwap(page: Page, key: string): Promise<Swap> {
  const before = await page.evaluate(() => (window as unknown as { __bench: { drawn: unknown[] } }).__bench.drawn.length);
  await page.focus('#date-slider');
  await page.keyboard.press(key);
  const drawn = await waitDrawn(page, before + 1, 30_000);
  const p = await probe(page);
  const keyAt = p.keys[p.keys.length - 1]!;
  return { ms: drawn.at - keyAt, longestTaskMs: longestTask(p.longTasks, keyAt, drawn.at), date: drawn.date };
}

/** The bare page's swap to `file`: fetch + setData + drawn (bench/bare/bare.ts). */
export async function bareSwap(page: Page, file: string): Promise<Swap> {
  const r = await page.evaluate(async (f) => {
    const t0 = performance.now();
    const ms = await (window as unknown as { __swap: (f: string) => Promise<number> }).__swap(f);
    return { ms, t0 };
  }, file);
  const p = await probe(page);
  return { ms: r.ms, longestTaskMs: longestTask(p.longTasks, r.t0, r.t0 + r.ms), date: file };
}

/** Plays `steps` dates at the fastest speed from the page's date; each step's time and the longest task. */
export async function play(page: Page, steps: number): Promise<{ stepMs: number[]; longestTaskMs: number; dates: string[] }> {
  const speed = page.locator('#play-speed');
  const fastest = await speed.evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value).at(-1)!);
  await speed.selectOption(fastest);
  const start = (await probe(page)).drawn.length;
  const t0 = await page.evaluate(() => performance.now());
  await page.click('.play-button');
  await waitDrawn(page, start + steps, 120_000);
  await page.click('.play-button'); // pause
  const p = await probe(page);
  const drawn = p.drawn.slice(start, start + steps);
  const t1 = drawn[drawn.length - 1]!.at;
  const stepMs = drawn.map((d, i) => d.at - (i === 0 ? t0 : drawn[i - 1]!.at));
  return { stepMs, longestTaskMs: longestTask(p.longTasks, t0, t1), dates: drawn.map((d) => d.date) };
}

const dateWords = (iso: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/**
 * Chooses `otherIso` in the comparison menu and waits until its table is shown: ms from the choice
 * to the table, and the longest main-thread task meanwhile and for `settleMs` after (the change
 * layers and panel are drawn then).
 */
export async function compare(page: Page, otherIso: string | null, settleMs = 500): Promise<{ ms: number; longestTaskMs: number }> {
  const label = otherIso === null ? null : dateWords(otherIso);
  const r = await page.evaluate(async (want) => {
    const select = document.querySelector<HTMLSelectElement>('#compare-date')!;
    const i = want === null ? 0 : [...select.options].findIndex((o) => o.textContent === want);
    if (i < 0) throw new Error(`no option ${want} in #compare-date`);
    const t0 = performance.now();
    select.selectedIndex = i;
    select.dispatchEvent(new Event('change'));
    if (want !== null) while (!document.querySelector('.compare-table')) await new Promise((res) => setTimeout(res, 5));
    return { t0, ms: performance.now() - t0 };
  }, label);
  await page.waitForTimeout(settleMs);
  const p = await probe(page);
  return { ms: r.ms, longestTaskMs: longestTask(p.longTasks, r.t0, r.t0 + r.ms + settleMs) };
}
