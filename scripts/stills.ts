/**
 * The still pictures of the opening view that the pages show at once, before the live map is drawn
 * (src/app/first-picture.ts): the map alone (its canvas: no controls, no page around it), as WebP,
 * per language and per map size of the pages' usual layouts (STILL_VIEWPORTS), each drawn for the
 * camera the live map opens on at that size (the story's bounds fitted, src/map/opening-view.ts)
 * with a margin of ground round it, so that a map of a somewhat other size is still covered.
 *
 * Drawn from the built site in one static embed per language: its map is sized and moved to each
 * still's camera in turn (through `#map.maplibre`, the page's handle for tests and this tool), and
 * the picture is taken from a frame drawn complete at that size, then checked against the data
 * (picture-check.ts). Run by fallbacks.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { Lang } from '../src/i18n/lang.ts';
import { fitCamera, FIT_PADDING_PX, type Size } from '../src/map/opening-view.ts';
import type { StillList, StillTag } from './fallback-html.ts';
import { checkPicture, type BBox } from './picture-check.ts';
import { readData } from './render-page.ts';

/** The pages and window sizes whose map sizes get a still: the explorer on a laptop and a phone, the embed in a phone's and a desktop's article column, and full width. */
export const STILL_VIEWPORTS = [
  { page: 'index.html', width: 1280, height: 800 },
  { page: 'index.html', width: 390, height: 844 },
  { page: 'embed.html', width: 375, height: 560 },
  { page: 'embed.html', width: 800, height: 600 },
  { page: 'embed.html', width: 1280, height: 800 },
] as const;
/** Ground drawn round the map on each side, as a share of its size. */
const MARGIN = 0.06;
/** WebP quality: the map's flat colours and names stay clean; 0.75 is 41 kB for a 1128 × 780 still, 0.85 is 56 kB, a PNG 258 kB. */
const QUALITY = 0.75;

/** The map's size in each of STILL_VIEWPORTS, as the page lays it out before any script has run. */
async function mapSizes(browser: Browser, siteUrl: string): Promise<Size[]> {
  const sizes: Size[] = [];
  for (const v of STILL_VIEWPORTS) {
    const context = await browser.newContext({ viewport: { width: v.width, height: v.height }, locale: 'en-GB' });
    try {
      // The layout the pages' first script sees: HTML and CSS, nothing run or fetched yet.
      await context.route('**/*', (r) => (['document', 'stylesheet'].includes(r.request().resourceType()) ? r.continue() : r.abort()));
      const page = await context.newPage();
      await page.goto(`${siteUrl}${v.page}`, { waitUntil: 'load' });
      const s = await page.evaluate(() => { const m = document.querySelector<HTMLElement>('#map')!; return { width: m.clientWidth, height: m.clientHeight }; });
      if (!sizes.some((x) => x.width === s.width && x.height === s.height)) sizes.push(s);
    } finally {
      await context.close();
    }
  }
  return sizes;
}

/** Draws the stills of `dateIso` into `dir` (fallback/), returns them for the pages' template. */
export async function renderStills(browser: Browser, siteUrl: string, distDir: string, dir: string, dateIso: string, langs: readonly Lang[], log: (line: string) => void): Promise<StillList> {
  const sizes = await mapSizes(browser, siteUrl);
  const stills: StillTag[] = [];
  let bounds: StillList['bounds'] | null = null;
  for (const lang of langs) {
    const started = Date.now();
    const context = await browser.newContext({ viewport: { width: 1600, height: 1200 }, deviceScaleFactor: 1, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${siteUrl}embed.html?${new URLSearchParams({ static: '1', controls: 'none', lang, date: dateIso })}`);
      await page.waitForSelector('#map[data-complete="true"][data-fit]', { timeout: 60_000 });
      if (errors.length) throw new Error(errors.join('; '));
      const fit = (await page.getAttribute('#map', 'data-fit'))!.split(',').map(Number) as StillList['bounds'];
      bounds = fit;
      for (const size of sizes) {
        const camera = fitCamera([[fit[0], fit[1]], [fit[2], fit[3]]], size, FIT_PADDING_PX);
        if (!camera) continue;
        const width = size.width + 2 * Math.round(MARGIN * size.width), height = size.height + 2 * Math.round(MARGIN * size.height);
        const shot = await drawAt(page, { width, height }, camera);
        const { factions, snapshot } = readData(distDir, dateIso);
        const report = checkPicture({ img: PNG.sync.read(shot.png), mapRect: { x: 0, y: 0, width, height }, factions, snapshot, bbox: shot.bbox, theme: 'light' });
        if (!report.ok) throw new Error(`the still of ${dateIso} (${lang}, ${width}×${height}) failed its check: ${report.message}`);
        const file = `map-${lang}-${width}x${height}.webp`;
        writeFileSync(join(dir, file), shot.webp);
        stills.push({ src: `fallback/${file}`, lang, width, height, zoom: shot.zoom, center: shot.center });
        log(`fallback/${file}: ${Math.round(shot.webp.length / 1024)} kB, for a ${size.width}×${size.height} map`);
      }
    } finally {
      await context.close();
    }
    log(`the ${lang} stills in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!bounds) throw new Error('no still was drawn');
  return { dateIso, bounds, stills };
}

/** Sizes the page's map to `size`, moves it to `camera`, waits for a complete frame, and takes it. */
async function drawAt(page: Page, size: Size, camera: { center: [number, number]; zoom: number }) {
  // No helper functions inside: tsx would wrap them in a `__name` that the page does not have.
  const r = await page.evaluate(async ({ size, camera, quality }) => {
    const el = document.querySelector<HTMLElement>('#map')!;
    const map = (el as HTMLElement & { maplibre: import('maplibre-gl').Map }).maplibre;
    const wrap = el.parentElement!;
    Object.assign(wrap.style, { position: 'fixed', left: '0', top: '0', width: `${size.width}px`, height: `${size.height}px`, aspectRatio: 'auto' });
    map.resize();
    map.jumpTo({ center: camera.center, zoom: camera.zoom });
    // Idle: every tile and label of this view placed and drawn, with nothing left to do.
    await new Promise<void>((resolve) => { map.once('idle', () => resolve()); map.triggerRepaint(); });
    const canvas = map.getCanvas();
    if (canvas.width !== size.width || canvas.height !== size.height) throw new Error(`the map drew ${canvas.width}×${canvas.height}, not ${size.width}×${size.height}`);
    const b = map.getBounds(), c = map.getCenter();
    return { webp: canvas.toDataURL('image/webp', quality), png: canvas.toDataURL('image/png'), bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: map.getZoom(), center: [c.lng, c.lat] };
  }, { size, camera, quality: QUALITY });
  const bytes = (url: string) => Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
  if (!r.webp.startsWith('data:image/webp')) throw new Error('this Chromium cannot write WebP');
  return { webp: bytes(r.webp), png: bytes(r.png), bbox: r.bbox as BBox, zoom: r.zoom, center: r.center as [number, number] };
}
