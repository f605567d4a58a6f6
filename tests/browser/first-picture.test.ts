/**
 * A picture at once (issue 20): on the story's opening view the map shows the build's still picture
 * as soon as the page is parsed, lined up with the live map, and the live map replaces it with no
 * jump, no layout shift and no empty frame; a URL that asks for anything else gets no picture and
 * downloads none. Against the built site (with its stills: `npm run build`), in real Chromium.
 *
 * Every frame of a page is watched from an init script (requestAnimationFrame): whether the still is
 * drawn, whether the live canvas is shown, whether the map says it is complete, and where the still
 * sits in the map. Layout shifts are watched by a PerformanceObserver ('layout-shift'): none may be of
 * the map, of what is in it or of what holds it, nor of the date control or the legend once the
 * player and the event marks join it.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { openWatched, PageLog, sharedBrowser, waitForQuietPage, waitForSnapshot, type Watched } from './helpers.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;
const log = new PageLog();
beforeAll(async () => { browser = await sharedBrowser(); });
afterAll(() => log.closeAndCheck(async () => { await browser?.close(); }));

const WATCH = `(() => {
  window.__name = window.__name || ((f) => f);
  const w = window.__still = { frames: [], firstBox: null, lastBox: null, everStill: false, cls: 0, mapShifts: [], panelShifts: [] };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      if (e.hadRecentInput) continue;
      w.cls += e.value;
      // A shift of the map itself, of something in it, or of something that holds it (which moves it).
      const m = document.getElementById('map');
      for (const s of e.sources || []) {
        const n = s.node;
        if (m && n && (n === m || n.contains(m) || m.contains(n))) w.mapShifts.push((n.tagName || n.nodeName) + '.' + (n.className || '') + ' by ' + e.value);
        // A shift of the date control's parts or of the legend below it.
        const t = document.getElementById('timeline'), g = document.getElementById('legend');
        if (n && ((t && t.contains(n)) || n === g)) w.panelShifts.push((n.tagName || n.nodeName) + '.' + (n.className || '') + ' by ' + e.value);
      }
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const tick = () => {
    const m = document.getElementById('map');
    const img = m && m.querySelector('img.map-still');
    const canvas = m && m.querySelector('canvas.maplibregl-canvas');
    const f = {
      still: !!(img && img.complete && img.naturalWidth > 0),
      canvas: !!canvas && getComputedStyle(canvas).opacity === '1',
      complete: !!m && m.dataset.complete === 'true',
      drawn: !!m && !!m.dataset.snapshot,
      at: m ? JSON.stringify(m.getBoundingClientRect()) : '',
    };
    if (img) {
      w.everStill = true;
      const r = img.getBoundingClientRect(), mr = m.getBoundingClientRect();
      w.lastBox = [r.left - mr.left, r.top - mr.top, r.width, r.height];
    }
    if (m && m.classList.contains('has-still')) w.everStill = true;
    w.frames.push(f);
    if (!(f.complete && !img)) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  // Where the page's first script puts the still, before MapLibre exists.
  new MutationObserver((records, obs) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1 || !n.classList.contains('map-still')) continue;
      const m = document.getElementById('map'), b = n.getBoundingClientRect(), mb = m.getBoundingClientRect();
      w.firstBox = [b.left - mb.left, b.top - mb.top, b.width, b.height];
      w.mapBefore = !!m.querySelector('canvas');
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

interface Watch { frames: { still: boolean; canvas: boolean; complete: boolean; drawn: boolean; at: string }[]; firstBox: number[] | null; mapBefore: boolean; lastBox: number[] | null; everStill: boolean; cls: number; mapShifts: string[]; panelShifts: string[] }
const watched = (page: Page) => page.evaluate('window.__still') as Promise<Watch>;

/** Opens `path` with the frame watcher, holding the map's fonts until `release()` so the live map cannot complete before the test has looked. */
async function openHeld(path: string, width: number, height: number, opts: { locale?: string } = {}): Promise<{ w: Watched; release: () => void }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: opts.locale ?? 'en-GB' });
  await context.addInitScript(WATCH);
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  await context.route('**/*.woff2', async (route) => { await held; await route.continue(); });
  const w: Watched = { context, page: await context.newPage(), errors: [], requests: [], inflight: new Set() };
  w.page.on('console', (m) => { if (m.type() === 'error') w.errors.push(m.text()); });
  w.page.on('pageerror', (e) => w.errors.push(String(e)));
  w.page.on('request', (r) => w.requests.push(r.url()));
  log.add(w);
  await w.page.goto(siteUrl + path);
  return { w, release };
}

/** Mean colour difference of two same-size pictures, `b` shifted by (dx, dy), over the middle of the map. */
function meanDiff(a: PNG, b: PNG, dx: number, dy: number): number {
  let sum = 0, n = 0;
  for (let y = 40; y < a.height - 40; y += 2) {
    for (let x = 40; x < a.width - 40; x += 2) {
      const i = (y * a.width + x) * 4, j = ((y + dy) * b.width + x + dx) * 4;
      sum += Math.abs(a.data[i]! - b.data[j]!) + Math.abs(a.data[i + 1]! - b.data[j + 1]!) + Math.abs(a.data[i + 2]! - b.data[j + 2]!);
      n++;
    }
  }
  return sum / n / 3;
}

const stills = (w: Watched) => w.requests.filter((u) => /\/fallback\/map-[\w-]+\.webp$/.test(u)).map((u) => u.slice(u.lastIndexOf('/') + 1));

/** The pages and window sizes the build draws stills for (scripts/stills.ts STILL_VIEWPORTS). */
const VIEWS = [
  { path: '', width: 1280, height: 800 },
  { path: '', width: 390, height: 844 },
  { path: 'embed.html', width: 375, height: 560 },
  { path: 'embed.html', width: 800, height: 600 },
  { path: 'embed.html', width: 1280, height: 800 },
];

describe('the opening view shows the still picture at once, and the live map takes over without a jump', () => {
  for (const v of VIEWS) {
    it(`${v.path || 'explorer'} at ${v.width}×${v.height}`, async () => {
      const { w, release } = await openHeld(v.path, v.width, v.height);
      const { page } = w;
      // The still is drawn before the live map (the fonts are held, so it stays).
      await page.waitForFunction(() => (window as unknown as { __still: Watch }).__still.frames.some((f) => f.still));
      await waitForSnapshot(page);
      const early = await watched(page);
      expect(early.frames.findIndex((f) => f.still), 'the still is drawn before the live map').toBeLessThan(early.frames.findIndex((f) => f.drawn));
      // One still, in English, drawn for this map's size: it is shown at its own size (scale 1).
      const files = stills(w);
      expect(files).toHaveLength(1);
      const [, lang, sw, sh] = /^map-(\w+)-(\d+)x(\d+)\.webp$/.exec(files[0]!)!;
      expect(lang).toBe('en');
      // The picture itself lines up with the live map: the still (now) against the live map
      // (complete), compared shifted by up to 2 px each way: no shift matches better than none.
      const map = page.locator('#map');
      const before = PNG.sync.read(await map.screenshot());
      release();
      await page.waitForSelector('#map[data-complete="true"]');
      await page.waitForFunction(() => !document.querySelector('#map img.map-still'));
      const after = PNG.sync.read(await map.screenshot());
      const diffs: [number, number, number][] = [];
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) diffs.push([dx, dy, meanDiff(before, after, dx, dy)]);
      const best = diffs.reduce((a, b) => (b[2] < a[2] ? b : a));
      expect(best.slice(0, 2), `best match at a shift of ${best.slice(0, 2).join(', ')} px (mean difference ${best[2].toFixed(2)})`).toEqual([0, 0]);
      // Besides the WebP's softened edges, the same picture (a blank or another date differs by 20 and more).
      expect(best[2]).toBeLessThan(6);
      const seen = await watched(page);
      // The still's box as the first script set it, before MapLibre existed, is where the live camera keeps it.
      expect(seen.firstBox, 'the first script placed the still').not.toBeNull();
      expect(seen.mapBefore, 'before MapLibre made its canvas').toBe(false);
      for (let k = 0; k < 4; k++) expect(Math.abs(seen.firstBox![k]! - seen.lastBox![k]!), `box ${seen.firstBox} then ${seen.lastBox}`).toBeLessThan(0.5);
      expect([seen.firstBox![2], seen.firstBox![3]]).toEqual([Number(sw), Number(sh)]);
      // No empty frame: from the still's first frame on, every frame shows the still or the complete live map.
      const from = seen.frames.findIndex((f) => f.still);
      const bad = seen.frames.slice(from).filter((f) => !f.still && !(f.canvas && f.complete));
      expect(bad, 'frames with neither the still nor the complete live map').toEqual([]);
      expect(seen.frames.at(-1)!.canvas).toBe(true);
      // No layout shift moves the map or anything in it (the still, the canvas), and the map stays
      // where it was from the still's first frame. (Shifts of the panels beside or below the map, as
      // their words arrive, are the page's and are counted in npm run bench.)
      expect(seen.mapShifts, 'layout shifts of the map').toEqual([]);
      expect(new Set(seen.frames.slice(from).map((f) => f.at)).size, 'the map\'s place on the page').toBe(1);
      // The player and the event marks join the date control after the first map, into room kept
      // for them from the first view: nothing of the date control, nor the legend below it, moves.
      await page.locator('#timeline .play-button').waitFor();
      await page.locator('#timeline .timeline-events').waitFor({ state: 'attached' });
      await page.locator('#legend li[data-area-km2]').first().waitFor({ state: 'attached' });
      await waitForQuietPage(page);
      expect((await watched(page)).panelShifts, 'layout shifts of the date control or the legend').toEqual([]);
    });
  }

  it('in Dutch, and on the view the explorer writes in its own URL (a reload)', async () => {
    const nl = await openHeld('?lang=nl', 1280, 800);
    await nl.w.page.waitForFunction(() => (window as unknown as { __still: Watch }).__still.frames.some((f) => f.still));
    expect(stills(nl.w)).toHaveLength(1);
    expect(stills(nl.w)[0]).toMatch(/^map-nl-/);
    nl.release();
    // The URL the explorer writes once its live map is complete (the date and the camera).
    await nl.w.page.waitForSelector('#map[data-complete="true"]');
    await nl.w.page.waitForFunction(() => /^#[\d.]+\/[-\d.]+\/[-\d.]+$/.test(location.hash));
    const written = new URL(nl.w.page.url());
    written.searchParams.delete('lang');
    const again = await openHeld(written.search + written.hash, 1280, 800);
    await again.w.page.waitForFunction(() => (window as unknown as { __still: Watch }).__still.frames.some((f) => f.still));
    expect(stills(again.w)).toHaveLength(1);
    expect(stills(again.w)[0]).toMatch(/^map-en-/);
    again.release();
  });

  it('gives way at once when the reader moves the map before the live map is complete', async () => {
    const { w, release } = await openHeld('', 1280, 800);
    await waitForSnapshot(w.page);
    await w.page.waitForFunction(() => !!document.querySelector('#map img.map-still'));
    const box = (await w.page.locator('#map').boundingBox())!;
    await w.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await w.page.mouse.down();
    await w.page.mouse.move(box.x + box.width / 2 - 80, box.y + box.height / 2 - 30, { steps: 5 });
    await w.page.mouse.up();
    await w.page.waitForFunction(() => !document.querySelector('#map img.map-still') && !document.querySelector('#map.has-still'));
    expect(await w.page.evaluate(() => getComputedStyle(document.querySelector('#map canvas')!).opacity)).toBe('1');
    release();
  });
});

describe('a URL that asks for another date, view, language or theme gets no picture, and downloads none', () => {
  const others = [
    { path: '?date=2016-01-01', why: 'another date' },
    { path: '#6/35/40.5', why: 'another view' },
    { path: '?place=raqqa', why: 'a place' },
    { path: '?compare=2016-01-01', why: 'a comparison' },
    { path: 'embed.html?theme=dark', why: 'the dark theme' },
    { path: 'embed.html?view=6/35/40.5', why: 'another view' },
    { path: 'embed.html?date=2016-01-01', why: 'another date' },
  ];
  for (const o of others) {
    it(`${o.path} (${o.why})`, async () => {
      // A window that has a still on the opening view (the tests above), and a small one: the
      // default view here would show a picture, so none shown is this URL's doing.
      const [width, height] = o.path.startsWith('embed.html') ? [375, 560] : [390, 844];
      const { w, release } = await openHeld(o.path, width, height);
      release();
      await waitForSnapshot(w.page);
      await w.page.waitForSelector('#map[data-complete="true"]');
      expect((await watched(w.page)).everStill).toBe(false);
      expect(stills(w)).toEqual([]);
    });
  }

  it('a window much larger than any still\'s map: no picture rather than one drawn too large', async () => {
    const w = log.add(await openWatched(browser, siteUrl, { width: 1920, height: 1200 }));
    await waitForSnapshot(w.page);
    await w.page.waitForSelector('#map[data-complete="true"]');
    expect(stills(w)).toEqual([]);
    expect(await w.page.locator('#map img.map-still').count()).toBe(0);
  });
});
