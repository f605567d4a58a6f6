/**
 * `npm run bench`: measures the built explorer (dist/) against a bare MapLibre page drawing the same
 * data (bench/bare), in headless Chromium on 127.0.0.1:
 *  - time to the first drawn snapshot (navigation start → #map has data-snapshot and is not busy),
 *  - gzip size of everything the first view downloads,
 *  - time to swap to another snapshot by keyboard (median of many; new dates and revisited ones).
 * Figures are medians over cold loads; software WebGL (SwiftShader) makes them slower than a laptop.
 */
import { cpSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.ts';
import { serveStatic } from '../scripts/static-server.ts';

const root = resolve(import.meta.dirname, '..');
const LOADS = Number(process.env.BENCH_LOADS ?? 7);
const SWAPS = Number(process.env.BENCH_SWAPS ?? 20);
const VIEWPORT = { width: 1280, height: 800 };

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** Records, in the page, when #map first has data-snapshot set and aria-busy not "true". */
const DRAWN_PROBE = () => {
  const w = window as unknown as { __drawn: { date: string; at: number }[]; __keyAt: number };
  w.__drawn = [];
  w.__keyAt = 0;
  document.addEventListener('keydown', () => { w.__keyAt = performance.now(); }, true);
  new MutationObserver(() => {
    const m = document.getElementById('map');
    const date = m?.getAttribute('data-snapshot');
    if (!m || !date || m.getAttribute('aria-busy') === 'true') return;
    const last = w.__drawn[w.__drawn.length - 1];
    if (!last || last.date !== date) w.__drawn.push({ date, at: performance.now() });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-snapshot', 'aria-busy'] });
};

async function coldLoad(browser: Browser, url: string): Promise<{ ms: number; gzipBytes: number; requests: number; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(DRAWN_PROBE);
  const bodies: Promise<number>[] = [];
  page.on('response', (r) => { bodies.push(r.body().then((b) => gzipSync(b, { level: 9 }).length).catch(() => 0)); });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __drawn: unknown[] }).__drawn.length > 0, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => (window as unknown as { __drawn: { at: number }[] }).__drawn[0]!.at);
  const sizes = await Promise.all(bodies);
  return { ms, gzipBytes: sizes.reduce((a, b) => a + b, 0), requests: sizes.length, page, close: () => context.close() };
}

async function swaps(page: Page, count: number, key: 'ArrowLeft' | 'ArrowRight'): Promise<number[]> {
  const out: number[] = [];
  await page.focus('#date-slider');
  for (let i = 0; i < count; i++) {
    const before = await page.evaluate(() => (window as unknown as { __drawn: unknown[] }).__drawn.length);
    await page.keyboard.press(key);
    await page.waitForFunction((n) => (window as unknown as { __drawn: unknown[] }).__drawn.length > n, before, { timeout: 30_000 });
    out.push(await page.evaluate(() => { const w = window as unknown as { __drawn: { at: number }[]; __keyAt: number }; return w.__drawn[w.__drawn.length - 1]!.at - w.__keyAt; }));
  }
  return out;
}

async function main() {
  await build({ configFile: join(root, 'bench/vite.bare.config.ts') });
  const bareDir = join(root, 'dist-bench/bare');
  mkdirSync(join(bareDir, 'data'), { recursive: true });
  cpSync(join(root, 'dist/data'), join(bareDir, 'data'), { recursive: true });
  const ours = await serveStatic(join(root, 'dist'));
  const bare = await serveStatic(bareDir);
  const browser = await launchChromium();
  const results: Record<string, unknown> = {};
  try {
    const pages = { explorer: ours.url, embed: `${ours.url}embed.html`, bare: bare.url } as const;
    const load: Record<string, { ms: number[]; gzip: number[]; requests: number }> = {};
    for (const [name, url] of Object.entries(pages)) {
      load[name] = { ms: [], gzip: [], requests: 0 };
      for (let i = 0; i < LOADS; i++) {
        const r = await coldLoad(browser, url);
        load[name]!.ms.push(r.ms);
        load[name]!.gzip.push(r.gzipBytes);
        load[name]!.requests = r.requests;
        await r.close();
      }
    }
    // The bare page swapping the same snapshots (fetch + setData + drawn), for comparison.
    const bareSwap: number[] = [];
    {
      const b = await coldLoad(browser, bare.url);
      const files = (await b.page.evaluate(async () => (await (await fetch('data/snapshots/index.json')).json()) as { snapshots: { file: string }[] })).snapshots.map((s) => s.file);
      for (let i = 0; i < SWAPS; i++) bareSwap.push(await b.page.evaluate((f) => (window as unknown as { __swap: (f: string) => Promise<number> }).__swap(f), files[files.length - 2 - i]!));
      await b.close();
    }
    const first = await coldLoad(browser, ours.url);
    const fresh = await swaps(first.page, SWAPS, 'ArrowLeft');
    const revisit = await swaps(first.page, SWAPS, 'ArrowRight');
    await first.close();

    // Comparing two dates: time until the change is drawn and tabulated, and the longest task
    // on the main thread meanwhile (the computation runs in a worker).
    const compare: { ms: number; longestTaskMs: number }[] = [];
    for (const other of ['2017-01-01', '2014-06-01', '2016-01-01']) {
      const c = await coldLoad(browser, `${ours.url}?date=2017-07-15`);
      const r = await c.page.evaluate(async (otherIso) => {
        const longest = { ms: 0 };
        const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longest.ms = Math.max(longest.ms, e.duration); });
        obs.observe({ type: 'longtask', buffered: false });
        const select = document.querySelector<HTMLSelectElement>('#compare-date')!;
        const i = [...select.options].findIndex((o) => o.textContent === new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${otherIso}T00:00:00Z`)));
        const t0 = performance.now();
        select.selectedIndex = i;
        select.dispatchEvent(new Event('change'));
        while (!document.querySelector('.compare-table')) await new Promise((r) => setTimeout(r, 5));
        const ms = performance.now() - t0;
        obs.disconnect();
        return { ms, longestTaskMs: longest.ms };
      }, other);
      compare.push(r);
      await c.close();
    }

    const e = load.explorer!, em = load.embed!, b = load.bare!;
    const ratio = (x: number[], y: number[]) => (median(x) / median(y)).toFixed(2);
    console.log(`\nFirst view, ${LOADS} cold loads each, ${VIEWPORT.width}×${VIEWPORT.height} (ratios against the bare page):`);
    console.table([
      { what: 'first drawn snapshot (median ms)', explorer: median(e.ms).toFixed(0), embed: median(em.ms).toFixed(0), bare: median(b.ms).toFixed(0), explorer_ratio: ratio(e.ms, b.ms), embed_ratio: ratio(em.ms, b.ms) },
      { what: 'downloaded by then (gzip)', explorer: kb(median(e.gzip)), embed: kb(median(em.gzip)), bare: kb(median(b.gzip)), explorer_ratio: ratio(e.gzip, b.gzip), embed_ratio: ratio(em.gzip, b.gzip) },
      { what: 'requests', explorer: String(e.requests), embed: String(em.requests), bare: String(b.requests), explorer_ratio: '', embed_ratio: '' },
    ]);
    console.log(`Snapshot swap by keyboard (key press → drawn), ${SWAPS} each:`);
    console.table([
      { kind: 'new date (fetch + draw)', median_ms: median(fresh).toFixed(1), max_ms: Math.max(...fresh).toFixed(1) },
      { kind: 'revisited date (cached)', median_ms: median(revisit).toFixed(1), max_ms: Math.max(...revisit).toFixed(1) },
      { kind: 'bare page: fetch + setData + drawn', median_ms: median(bareSwap).toFixed(1), max_ms: Math.max(...bareSwap).toFixed(1) },
    ]);
    console.log('Compare 15 July 2017 with another date (change computed in a worker):');
    console.table(compare.map((c, i) => ({ with: ['2017-01-01', '2014-06-01', '2016-01-01'][i], ms_until_shown: c.ms.toFixed(0), longest_main_thread_task_ms: c.longestTaskMs.toFixed(0) })));
    Object.assign(results, { loads: LOADS, explorer: e, embed: em, bare: b, swapFreshMs: fresh, swapRevisitMs: revisit, bareSwapMs: bareSwap, compare });
    writeFileSync(join(root, 'dist-bench/results.json'), JSON.stringify(results, null, 1));
  } finally {
    await browser.close();
    await ours.close();
    await bare.close();
  }
}

await main();
