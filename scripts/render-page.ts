/**
 * A still picture of an embed view (embed.html?static=1), taken so that it cannot come out blank:
 * the page is given its final size before the map is created, the picture is taken only from a
 * frame MapLibre has drawn at that size (src/map/frame-marks.ts), and then the picture itself is
 * checked against the data (picture-check.ts). A bad picture is taken once more, then refused.
 * Shared by `npm run render` (render.ts) and `npm run render:fallbacks` (fallbacks.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { parseFactions, parseSnapshot, parseSnapshotIndex, type Faction, type Snapshot } from '../src/data/contract.ts';
import { formatProblem, type Result } from '../src/data/result.ts';
import type { PixelRect } from '../src/map/side-pixels.ts';
import { checkPicture, type BBox, type PictureReport } from './picture-check.ts';

export interface RenderOptions {
  /** embed.html's query (static=1 is added). */
  params: URLSearchParams;
  /** CSS px. */
  width: number;
  /** CSS px: a picture of exactly this height (the page is cut or the map fills it, see `fit`); default: the whole page. */
  height?: number;
  /** Device pixels per CSS px. */
  scale: number;
  /** With `height`: only the title, date and map, the map filling the rest (social cards). */
  fit?: boolean;
  /** Told of a failed attempt before the next one. */
  onRetry?: (why: string) => void;
}

export interface Rendered { png: Buffer; dateIso: string; report: PictureReport; attempts: number }

/** What the reader asked for cannot be drawn (a notice on the page, a missing build): not worth retrying. */
export class RenderRefused extends Error {}

const ATTEMPTS = 2;

export async function renderEmbed(browser: Browser, siteUrl: string, distDir: string, o: RenderOptions): Promise<Rendered> {
  const why: string[] = [];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const r = await attemptRender(browser, siteUrl, distDir, o);
      if (r.report.ok) return { ...r, attempts: attempt };
      why.push(`the picture of ${r.dateIso} failed its check: ${r.report.message}`);
    } catch (e) {
      if (e instanceof RenderRefused) throw e;
      why.push(e instanceof Error ? e.message.split('\n')[0]! : String(e));
    }
    if (attempt < ATTEMPTS) o.onRetry?.(why.at(-1)!);
  }
  throw new Error(`no good picture after ${ATTEMPTS} attempts (${why.map((w, i) => `${i + 1}: ${w}`).join('; ')})`);
}

/** The map's final height for a width: embed.css gives it 4:3 below 640 px, 16:10 above. */
const mapHeightFor = (width: number) => Math.ceil(width < 640 ? (width * 3) / 4 : (width * 10) / 16);

async function attemptRender(browser: Browser, siteUrl: string, distDir: string, o: RenderOptions): Promise<Omit<Rendered, 'attempts'>> {
  // Without a height, a viewport taller than the page: no scrollbar ever comes or goes, so the
  // map keeps the width it was created with.
  const viewport = { width: o.width, height: o.height ?? mapHeightFor(o.width) + 1200 };
  const context = await browser.newContext({ viewport, deviceScaleFactor: o.scale, locale: 'en-GB' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    if (o.fit) await page.addInitScript(fitLayout);
    const params = new URLSearchParams(o.params);
    params.set('static', '1');
    await page.goto(`${siteUrl}embed.html?${params}`);
    await waitForFrameAtFinalSize(page);
    // A picture of something other than what was asked for is worse than none.
    const alerts = await page.locator('[role="alert"] .message, [role="status"] .message').allTextContents();
    if (alerts.length) throw new RenderRefused(`the page says: ${alerts.map((a) => a.replace(/×$/, '')).join(' | ')}`);
    if (errors.length) throw new Error(errors.join('; '));
    let height = o.height ?? Math.ceil(await page.evaluate(() => document.body.getBoundingClientRect().height));
    if (height > viewport.height) {
      // Taller than foreseen: grow the page, and wait for the map to be drawn again at its size.
      await page.setViewportSize({ width: o.width, height });
      await waitForFrameAtFinalSize(page);
      height = Math.ceil(await page.evaluate(() => document.body.getBoundingClientRect().height));
    }
    // A clip inside the viewport: the browser takes the frame as it is, without resizing the page.
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: o.width, height: Math.min(height, viewport.height) } });
    const state = await page.evaluate(() => {
      const m = document.querySelector<HTMLElement>('#map')!;
      const r = m.getBoundingClientRect();
      return { dateIso: m.dataset.snapshot ?? '', bounds: m.dataset.bounds ?? '', theme: document.documentElement.dataset.theme, rect: { x: r.x, y: r.y, width: r.width, height: r.height } };
    });
    const img = PNG.sync.read(png);
    const full = scaleRect(state.rect, o.scale);
    const shown = intersect(full, { x: 0, y: 0, width: img.width, height: img.height });
    const bbox = visibleBBox(state.bounds.split(',').map(Number) as BBox, full, shown);
    const { factions, snapshot } = readData(distDir, state.dateIso);
    const report = checkPicture({ img, mapRect: shown, factions, snapshot, bbox, theme: state.theme === 'dark' ? 'dark' : 'light' });
    return { png, dateIso: state.dateIso, report };
  } finally {
    await context.close();
  }
}

/** Waits until the map is drawn, complete (places too), idle, and its last frame is as big as its element. */
async function waitForFrameAtFinalSize(page: Page): Promise<void> {
  // No helper functions inside: tsx would wrap them in a `__name` that the page does not have.
  await page.waitForFunction(() => {
    const m = document.querySelector<HTMLElement>('#map');
    const c = m?.querySelector('canvas');
    if (!m || !c || m.getAttribute('aria-busy') !== 'false' || m.dataset.complete !== 'true') return false;
    // MapLibre sizes its drawing buffer to floor(element size × pixel ratio).
    const w = Math.floor(m.clientWidth * devicePixelRatio), h = Math.floor(m.clientHeight * devicePixelRatio);
    const f = (m.dataset.frame ?? '').split('x').map(Number);
    return Math.abs(c.width - w) <= 1 && Math.abs(c.height - h) <= 1 && Math.abs(f[0]! - w) <= 1 && Math.abs(f[1]! - h) <= 1;
  }, null, { timeout: 60_000 });
}

/**
 * For social cards: before any script of the page runs, lay it out as title, date and a map that
 * fills the rest of the viewport, so the map is created at its final size. Runs in the page
 * (Playwright init script); style properties set from script are allowed by the page's CSP.
 */
function fitLayout(): void {
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    Object.assign(document.body.style, { height: '100vh', display: 'flex', flexDirection: 'column', overflow: 'hidden' });
    for (const el of document.body.children) (el as HTMLElement).style.flex = 'none';
    const wrap = document.querySelector<HTMLElement>('.map-wrap');
    if (wrap) Object.assign(wrap.style, { flex: '1 1 0', minHeight: '0', aspectRatio: 'auto' });
    // The date line is filled in later: its height is fixed now so that the map keeps its size.
    const date = document.querySelector<HTMLElement>('#date-line');
    if (date) Object.assign(date.style, { height: '1.5em', lineHeight: '1.5em', overflow: 'hidden', whiteSpace: 'nowrap' });
    for (const sel of ['.embed-panel', '.embed-foot']) document.querySelector<HTMLElement>(sel)?.style.setProperty('display', 'none');
  });
}

const scaleRect = (r: PixelRect, s: number): PixelRect => ({ x: Math.round(r.x * s), y: Math.round(r.y * s), width: Math.round(r.width * s), height: Math.round(r.height * s) });
function intersect(a: PixelRect, b: PixelRect): PixelRect {
  const x = Math.max(a.x, b.x), y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
}

/** The bounds of the part of the map in the picture (Web Mercator: x linear in longitude, y in mercator units). */
export function visibleBBox([w, s, e, n]: BBox, full: PixelRect, shown: PixelRect): BBox {
  const merc = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const lat = (m: number) => (360 / Math.PI) * Math.atan(Math.exp(m)) - 90;
  const fx = (px: number) => w + ((px - full.x) / full.width) * (e - w);
  const fy = (py: number) => lat(merc(n) - ((py - full.y) / full.height) * (merc(n) - merc(s)));
  return [fx(shown.x), fy(shown.y + shown.height), fx(shown.x + shown.width), fy(shown.y)];
}

/** factions.json and the shown date's snapshot, from the built site's data folder. */
export function readData(distDir: string, dateIso: string): { factions: Faction[]; snapshot: Snapshot } {
  const data = join(distDir, 'data');
  const read = (file: string) => JSON.parse(readFileSync(join(data, file), 'utf8')) as unknown;
  const take = <T>(r: Result<T>): T => { if (r.ok) return r.value; throw new RenderRefused(r.problems.map(formatProblem).join('; ')); };
  const factions = take(parseFactions(read('factions.json'), 'data/factions.json'));
  const entry = take(parseSnapshotIndex(read('snapshots/index.json'), 'data/snapshots/index.json')).find((e) => e.dateIso === dateIso);
  if (!entry) throw new Error(`the page shows ${dateIso || 'no date'}, which data/snapshots/index.json does not list`);
  const snapshot = take(parseSnapshot(read(`snapshots/${entry.file}`), `data/snapshots/${entry.file}`, factions.map((f) => f.id)));
  return { factions, snapshot };
}
