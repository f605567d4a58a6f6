import { expect, inject } from 'vitest';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
/** Shared steps for browser tests: the shared browser, open a page, watch its console and requests, wait for the map. */
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { areasKm2 } from '../../src/analysis/area.ts';
import type { Faction, Snapshot } from '../../src/data/contract.ts';
import { countSidePixels, sideLooks, type PixelRect } from '../../src/map/side-pixels.ts';

/**
 * The Chromium that tests/browser/global-setup.ts runs for all test files. Closing what this returns
 * closes the file's contexts and disconnects; the browser itself stays for the next file.
 */
export function sharedBrowser(): Promise<Browser> {
  return chromium.connect(inject('browserWsEndpoint'));
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Every URL the page requested. */
  requests: string[];
  /** Requests sent and not yet finished or failed. */
  inflight: Set<unknown>;
}

export interface OpenOptions { width?: number; height?: number; reducedMotion?: boolean; deviceScaleFactor?: number; forcedColors?: boolean }

export async function openWatched(browser: Browser, url: string, options: OpenOptions = {}): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1200, height: options.height ?? 800 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
    forcedColors: options.forcedColors ? 'active' : 'none',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const inflight = new Set<unknown>();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { requests.push(r.url()); inflight.add(r); });
  page.on('requestfinished', (r) => inflight.delete(r));
  page.on('requestfailed', (r) => inflight.delete(r));
  await page.goto(url);
  return { context, page, errors, requests, inflight };
}

/**
 * Waits until MapLibre itself says the map is done: its style and every tile loaded, nothing
 * moving, and a frame drawn since (checked on animation frames). For a picture of the map.
 */
export async function waitForMapIdle(page: Page | Frame, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => {
    const el = document.querySelector('#map') as (HTMLElement & { maplibre?: { loaded(): boolean; isMoving(): boolean; areTilesLoaded(): boolean } }) | null;
    const m = el?.maplibre;
    return !!m && el!.getAttribute('aria-busy') === 'false' && m.loaded() && !m.isMoving() && m.areTilesLoaded();
  }, null, { timeout, polling: 'raf' });
}

/**
 * For a check that something does NOT happen (a late file, a second announcement): waits until the
 * page has nothing left that could make it happen: no request in flight, the map done, and the
 * main thread free for `quietMs` with no new request meanwhile.
 */
export async function waitForSettled(w: Pick<Watched, 'page' | 'inflight' | 'requests'>, quietMs = 400, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    await expect.poll(() => w.inflight.size, { timeout: Math.max(1, end - Date.now()) }).toBe(0);
    await waitForMapIdle(w.page, Math.max(1, end - Date.now()));
    const asked = w.requests.length;
    await waitForQuietPage(w.page, quietMs, Math.max(1, end - Date.now()));
    if (w.requests.length === asked && w.inflight.size === 0) return;
  }
}

/** Waits until the map says it has drawn `dateIso` (or any date) and is no longer busy. */
export async function waitForSnapshot(page: Page, dateIso?: string, timeout = 30_000): Promise<string> {
  await page.waitForFunction(
    (want) => {
      const m = document.querySelector('#map');
      return m?.getAttribute('aria-busy') === 'false' && !!m.getAttribute('data-snapshot') && (!want || m.getAttribute('data-snapshot') === want);
    },
    dateIso,
    { timeout },
  );
  return (await page.getAttribute('#map', 'data-snapshot'))!;
}

/**
 * The legend's figure for one side, once the legend has figures: they come after the first drawn map
 * (from stats.json once it and the date stack's manifest are in, else worked out from the file).
 * `attribute` is data-area-km2 (held), data-desert-km2 or data-contested-km2.
 */
export async function legendKm2(page: Page | Frame, faction: string, attribute = 'data-area-km2'): Promise<number> {
  const li = page.locator(`#legend li[data-faction="${faction}"][data-area-km2]`);
  await li.waitFor({ state: 'attached' });
  return Number(await li.getAttribute(attribute));
}

/** Pixel of [lon, lat] in a Web Mercator view of 512-px tiles (MapLibre's), independent of our code. */
/**
 * Waits until the page's main thread has been free for a while: timers run back to back for
 * `quietMs` with no gap over 50 ms (the page's own clock). The lazy modules and the other date
 * slots load after the first view; a test that measures the main thread waits for them.
 */
export async function waitForQuietPage(page: Page, quietMs = 400, timeout = 20_000): Promise<void> {
  await page.waitForSelector('#map[data-complete="true"]', { timeout });
  const quiet = await page.evaluate(([q, limit]) => new Promise<boolean>((ok) => {
    const start = performance.now();
    let last = start, since = start;
    const tick = () => {
      const now = performance.now();
      if (now - last > 50) since = now;
      last = now;
      if (now - since >= q) ok(true);
      else if (now - start > limit) ok(false);
      else setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
  }), [quietMs, timeout] as const);
  if (!quiet) throw new Error(`the page's main thread was not free for ${quietMs} ms within ${timeout} ms`);
}

export function project(lonLat: [number, number], view: { zoom: number; center: [number, number] }, size: { width: number; height: number }): [number, number] {
  const scale = 512 * 2 ** view.zoom;
  const mx = (lon: number) => ((lon + 180) / 360) * scale;
  const my = (lat: number) => {
    const s = Math.sin((lat * Math.PI) / 180);
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale;
  };
  return [size.width / 2 + mx(lonLat[0]) - mx(view.center[0]), size.height / 2 + my(lonLat[1]) - my(view.center[1])];
}

export const isLocal = (url: string) => /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:|about:)/.test(url);

/**
 * Keeps every page a test file opens, so that its afterAll can check them all at once: no request
 * left 127.0.0.1, and nothing was logged as an error (CSP violations and uncaught errors included).
 */
export class PageLog {
  readonly #pages: Watched[] = [];
  add(w: Watched): Watched { this.#pages.push(w); return w; }
  external(): string[] { return this.#pages.flatMap((w) => w.requests.filter((u) => !isLocal(u))); }
  errors(): string[] { return this.#pages.flatMap((w) => w.errors); }
  /**
   * For afterAll: reads what the pages did, runs `cleanup` (closing the browser and servers), then
   * fails if a request left 127.0.0.1 or an error was logged, other than those `expected` names.
   */
  async closeAndCheck(cleanup: () => Promise<void>, expected: (error: string) => boolean = () => false): Promise<void> {
    const external = this.external();
    const errors = this.errors().filter((e) => !expected(e));
    await cleanup();
    expect(external, 'requests that left localhost').toEqual([]);
    expect(errors, 'console errors (CSP violations included)').toEqual([]);
  }
}

/**
 * What a picture of the map shows, checked against the data: every side that held at least
 * `minShare` of all held ground on the date must have at least `minPixels` pixels of its colour
 * (src/map/side-pixels.ts). Returns the sides that fall short, with their counts, so a test's
 * failure says what was missing; [] when the picture shows them all.
 */
export function missingSides(png: { data: Uint8Array; width: number; height: number }, snapshot: Snapshot, factions: readonly Pick<Faction, 'id' | 'color'>[], options: { theme?: 'light' | 'dark'; rect?: PixelRect; minShare?: number; minPixels?: number } = {}): string[] {
  const held = areasKm2(snapshot);
  const total = [...held.values()].reduce((a, b) => a + b, 0);
  const counts = countSidePixels(png, sideLooks(factions, options.theme ?? 'light'), options.rect);
  return [...held].filter(([, km2]) => km2 >= (options.minShare ?? 0.01) * total)
    .map(([id]) => ({ id, px: counts.get(id) ?? 0 }))
    .filter((s) => s.px < (options.minPixels ?? 200))
    .map((s) => `${s.id}: ${s.px} px`);
}

/**
 * Posts `message` from the page to the embed frame `#f`, and waits until the frame has received it:
 * a listener the test adds after the app's own has seen it, so the app has handled it by then (one
 * event runs its listeners in the order they were added, in one task).
 */
export async function postToFrame(page: Page, frame: Frame, message: unknown): Promise<void> {
  const tag = `probe-${Math.random().toString(36).slice(2)}`;
  await frame.evaluate((t) => {
    const w = window as unknown as { __seen?: Set<string> };
    w.__seen ??= new Set();
    addEventListener('message', (e) => { if ((e.data as { __probe?: string })?.__probe === t || JSON.stringify(e.data)?.includes(t)) w.__seen!.add(t); });
  }, tag);
  // The message itself, then a marker: messages from one window arrive in the order they were sent.
  await page.evaluate(([m, t]) => {
    const f = (document.getElementById('f') as HTMLIFrameElement).contentWindow!;
    f.postMessage(m, '*');
    f.postMessage({ __probe: t }, '*');
  }, [message, tag] as const);
  await frame.waitForFunction((t) => (window as unknown as { __seen?: Set<string> }).__seen?.has(t), tag);
}

/** The map once everything (the sides' names too) is on it. */
export async function mapPicture(page: Page): Promise<PNG> {
  await page.waitForSelector('#map[data-complete="true"]');
  await waitForMapIdle(page);
  return PNG.sync.read(await page.locator('#map canvas').screenshot());
}
/** Share of pixels that differ clearly between two pictures of the same size. */
export function differing(a: PNG, b: PNG): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!) > 30) n++;
  }
  return n / (a.width * a.height);
}
