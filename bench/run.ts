/**
 * `npm run bench`: measures the built site (dist/, or the folder in BENCH_SITE) against a bare
 * MapLibre page drawing the same data (bench/bare), in headless Chromium (SwiftShader) on
 * 127.0.0.1, and writes every figure to dist-bench/results.json. The goals of issue 10 are
 * ratios against the bare page measured in the same run (bench/goals.ts). Loads alternate between
 * the pages so that a busy machine slows all of them alike; every figure has its spread.
 *
 * BENCH_LOADS (default 7) cold loads per page, BENCH_SWAPS (16) swaps per kind, BENCH_PLAY (12)
 * steps of Play, BENCH_BIG (1000) snapshots in the scale case, BENCH_PAUSE (700) ms between two
 * swaps (a reader looking at the map; both pages wait, then until idle). Swaps with no pause at
 * all (a reader tapping the key as fast as the map follows) are reported too.
 */
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from '../scripts/chromium.ts';
import { serveStatic, type StaticServer } from '../scripts/static-server.ts';
import { spread, type Spread } from './figures.ts';
import { longestTask, probe } from './probe.ts';
import { afterFirstDraw, bareSwap, coldLoad, compare, keySwap, pause, play, VIEWPORT, type Download, type Load } from './scenarios.ts';
import { bareSite, bigSite } from './sites.ts';
import { goals, printReport } from './goals.ts';

export interface BenchOptions {
  root: string;
  site: string;
  out: string;
  loads: number;
  swaps: number;
  playSteps: number;
  bigCount: number;
  /** Ms after the first drawn snapshot whose long tasks count (the issue: 5 s). */
  settleMs: number;
  /** Ms between two swaps, as a reader looks at the map (then until the page is idle). */
  pauseMs: number;
  log?: (line: string) => void;
}

interface PageFigures {
  drawnMs: Spread; gzipBytes: Spread; jsGzipBytes: Spread; requests: number; afterFirstDrawLongestTaskMs: Spread; downloads: Download[];
  /** The page's largest contentful paint (its last entry 5 s after the first draw) and what it was, per load. */
  lcpMs: Spread; lcpWhat: string[];
  /** When the still picture of the map was painted (Element Timing), per load that showed one. */
  stillPaintMs: Spread;
  /** When the map was complete (names and places drawn) and its still picture gone; the largest layout shift sum of the loads. */
  completeMs: Spread; stillGoneMs: Spread; clsMax: number; mapClsMax: number; shifted: string[];
  /** What the still picture weighed (gzip), when one was downloaded before the first draw. */
  stillGzipBytes: number;
}

const sum = (ds: Download[], kind?: Download['kind']) => ds.filter((d) => !kind || d.kind === kind).reduce((n, d) => n + d.gzipBytes, 0);

async function firstViews(browser: Browser, urls: Record<string, string>, o: BenchOptions): Promise<Record<string, PageFigures>> {
  const raw: Record<string, { drawn: number[]; gzip: number[]; js: number[]; tasks: number[]; downloads: Download[]; lcp: number[]; lcpWhat: string[]; stillPaint: number[]; complete: number[]; stillGone: number[]; cls: number[]; mapCls: number[]; shifted: Set<string> }> = {};
  const names = Object.keys(urls);
  for (const n of names) raw[n] = { drawn: [], gzip: [], js: [], tasks: [], downloads: [], lcp: [], lcpWhat: [], stillPaint: [], complete: [], stillGone: [], cls: [], mapCls: [], shifted: new Set() };
  for (let i = 0; i < o.loads; i++) {
    // A different page goes first each round.
    for (const name of [...names.slice(i % names.length), ...names.slice(0, i % names.length)]) {
      const load = await coldLoad(browser, urls[name]!);
      const r = raw[name]!;
      r.drawn.push(load.drawnMs);
      r.gzip.push(sum(load.firstView));
      r.js.push(sum(load.firstView, 'js'));
      r.downloads = load.firstView;
      if (name !== 'bare' && o.settleMs > 0) {
        r.tasks.push(await afterFirstDraw(load, o.settleMs));
        const p = await probe(load.page);
        const last = p.lcp.at(-1);
        if (last) { r.lcp.push(last.at); r.lcpWhat.push(last.what); }
        const still = p.elements.find((e) => e.id === 'map-still');
        if (still) r.stillPaint.push(still.at);
        if (p.complete !== null) r.complete.push(p.complete);
        if (p.stillGone !== null) r.stillGone.push(p.stillGone);
        r.cls.push(p.cls);
        r.mapCls.push(p.mapCls);
        for (const x of p.shifted) r.shifted.add(x);
      }
      await load.close();
      o.log?.(`  ${name} load ${i + 1}/${o.loads}: ${load.drawnMs.toFixed(0)} ms`);
    }
  }
  return Object.fromEntries(names.map((n) => {
    const r = raw[n]!;
    return [n, {
      drawnMs: spread(r.drawn), gzipBytes: spread(r.gzip), jsGzipBytes: spread(r.js), requests: r.downloads.length, afterFirstDrawLongestTaskMs: spread(r.tasks), downloads: r.downloads,
      lcpMs: spread(r.lcp), lcpWhat: r.lcpWhat, stillPaintMs: spread(r.stillPaint), completeMs: spread(r.complete), stillGoneMs: spread(r.stillGone), clsMax: Math.max(0, ...r.cls), mapClsMax: Math.max(0, ...r.mapCls), shifted: [...r.shifted],
      stillGzipBytes: sum(r.downloads.filter((d) => /\/fallback\/map-[\w-]+\.webp$/.test(d.url))),
    }];
  }));
}

/** A page opened and left alone until `settleMs` after its first draw. */
async function settled(browser: Browser, url: string, o: BenchOptions): Promise<Load> {
  const load = await coldLoad(browser, url);
  await afterFirstDraw(load, o.settleMs);
  return load;
}

async function swaps(browser: Browser, site: string, bare: string, o: BenchOptions) {
  const ours = await settled(browser, site, o);
  const b = await coldLoad(browser, bare);
  const files = (JSON.parse(readFileSync(join(o.site, 'data/snapshots/index.json'), 'utf8')) as { snapshots: { file: string; date: string }[] }).snapshots;
  const start = files.findIndex((f) => f.date === ours.date);
  const out = { fresh: [] as number[], revisit: [] as number[], bare: [] as number[], bareRevisit: [] as number[], tasks: [] as number[], bareTasks: [] as number[], dates: [] as string[] };
  const n = Math.min(o.swaps, start);
  const from = await ours.page.evaluate(() => performance.now());
  // Alternating: the bare page swaps to the same dates the explorer steps to.
  for (let i = 1; i <= n; i++) {
    await pause(b.page, o.pauseMs);
    const bs = await bareSwap(b.page, files[start - i]!.file);
    out.bare.push(bs.ms); out.bareTasks.push(bs.longestTaskMs);
    await pause(ours.page, o.pauseMs);
    const s = await keySwap(ours.page, 'ArrowLeft');
    out.fresh.push(s.ms); out.tasks.push(s.longestTaskMs); out.dates.push(s.date);
  }
  for (let i = n - 1; i >= 0; i--) {
    await pause(b.page, o.pauseMs);
    const bs = await bareSwap(b.page, files[start - i]!.file);
    out.bareRevisit.push(bs.ms);
    await pause(ours.page, o.pauseMs);
    const s = await keySwap(ours.page, 'ArrowRight');
    out.revisit.push(s.ms); out.tasks.push(s.longestTaskMs); out.dates.push(s.date);
  }
  // No pause: each key as soon as the last date is drawn (new dates, further back).
  const rapid: number[] = [];
  for (let i = 0; i < n && start - n - i > 0; i++) rapid.push((await keySwap(ours.page, 'ArrowLeft')).ms);
  // Long tasks over the whole run of swaps and a second after the last: the panels redraw after the map.
  await ours.page.waitForTimeout(1000);
  const longest = longestTask((await probe(ours.page)).longTasks, from, await ours.page.evaluate(() => performance.now()));
  await ours.close();
  await b.close();
  return {
    newDateMs: spread(out.fresh), revisitedMs: spread(out.revisit), bareMs: spread(out.bare), bareRevisitedMs: spread(out.bareRevisit), rapidMs: spread(rapid), pauseMs: o.pauseMs,
    longestTaskMs: longest, longestTaskPerSwapMs: spread(out.tasks), bareLongestTaskMs: spread(out.bareTasks), dates: out.dates,
  };
}

async function playAndCompare(browser: Browser, site: string, firstDate: string, o: BenchOptions) {
  const p = await settled(browser, `${site}?date=${firstDate}`, o);
  const played = await play(p.page, o.playSteps);
  await p.close();
  const c = await settled(browser, site, o);
  const first = await compare(c.page, '2017-01-01');
  await compare(c.page, null);
  const cached = await compare(c.page, '2017-01-01');
  const others = [await compare(c.page, '2014-06-01'), await compare(c.page, '2016-01-01')];
  await c.close();
  return { play: { stepMs: spread(played.stepMs), longestTaskMs: played.longestTaskMs, dates: played.dates }, compare: { first, cached, others } };
}

async function scale(browser: Browser, small: string, big: string, o: BenchOptions) {
  const drawn = { small: [] as number[], big: [] as number[] };
  for (let i = 0; i < o.loads; i++) {
    for (const [k, url] of (i % 2 ? [['big', big], ['small', small]] : [['small', small], ['big', big]]) as ['small' | 'big', string][]) {
      const l = await coldLoad(browser, url);
      drawn[k].push(l.drawnMs);
      await l.close();
    }
  }
  const steps = { small: [] as number[], big: [] as number[] };
  const pages = { small: await settled(browser, small, o), big: await settled(browser, big, o) };
  for (let i = 0; i < o.swaps; i++) {
    for (const k of ['small', 'big'] as const) {
      await pause(pages[k].page, o.pauseMs);
      steps[k].push((await keySwap(pages[k].page, 'ArrowLeft')).ms);
    }
  }
  await pages.small.close();
  await pages.big.close();
  return { firstDrawnMs: { small: spread(drawn.small), big: spread(drawn.big) }, stepMs: { small: spread(steps.small), big: spread(steps.big) } };
}

export async function runBench(o: BenchOptions) {
  const bareDir = join(o.out, 'bare'), bigDir = join(o.out, `site-${o.bigCount}`);
  mkdirSync(o.out, { recursive: true });
  await bareSite(o.root, o.site, bareDir);
  const big = bigSite(o.site, bigDir, o.bigCount);
  const servers: StaticServer[] = [await serveStatic(o.site), await serveStatic(bareDir), await serveStatic(bigDir)];
  const [ours, bare, bigServer] = servers.map((s) => s.url) as [string, string, string];
  const browser = await launchChromium();
  const started = { at: new Date().toISOString(), loadavg: loadavg() };
  try {
    o.log?.('first view');
    const first = await firstViews(browser, { bare, explorer: ours, embed: `${ours}embed.html` }, o);
    o.log?.('swaps');
    const sw = await swaps(browser, ours, bare, o);
    o.log?.('play and compare');
    const firstDate = (JSON.parse(readFileSync(join(o.site, 'data/snapshots/index.json'), 'utf8')) as { snapshots: { date: string }[] }).snapshots[0]!.date;
    const pc = await playAndCompare(browser, ours, firstDate, o);
    o.log?.(`scale (${big.dates.length} snapshots)`);
    const sc = await scale(browser, ours, bigServer, o);
    const results = {
      machine: { cpus: cpus().length, loadavgAtStart: started.loadavg, loadavgAtEnd: loadavg(), chromium: `${browser.version()} (${basename(chromiumPath())})`, node: process.version },
      started: started.at, site: o.site, viewport: VIEWPORT,
      options: { loads: o.loads, swaps: o.swaps, playSteps: o.playSteps, bigCount: o.bigCount, settleMs: o.settleMs, pauseMs: o.pauseMs },
      firstView: first, swaps: sw, ...pc, scale: { ...sc, snapshots: big.dates.length, dataStepMs: Math.round(big.dataStepMs) },
    };
    const withGoals = { ...results, goals: goals(results) };
    writeFileSync(join(o.out, 'results.json'), `${JSON.stringify(withGoals, null, 1)}\n`);
    return withGoals;
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
}

export type BenchResults = Awaited<ReturnType<typeof runBench>>;

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, '..');
  const env = (k: string, d: number) => Number(process.env[k] ?? d);
  const results = await runBench({
    root, site: resolve(root, process.env.BENCH_SITE ?? 'dist'), out: join(root, 'dist-bench'),
    loads: env('BENCH_LOADS', 7), swaps: env('BENCH_SWAPS', 16), playSteps: env('BENCH_PLAY', 12), bigCount: env('BENCH_BIG', 1000), settleMs: 5000, pauseMs: env('BENCH_PAUSE', 700),
    log: (l) => console.log(l),
  });
  printReport(results);
}
