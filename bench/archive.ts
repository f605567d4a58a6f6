/**
 * The archive bench (issue 21): daily archives made by tests/fixtures/daily-archive.ts (a front that
 * moves a little each day, coast-like detail, about 80 kB a file) at several lengths, imported with
 * data:add, then put into a copy of the built site by scripts/site-data.ts as a whole process under
 * /usr/bin/time -v (seconds, peak memory), and measured: the raw archive's bytes, what the site adds
 * under data/ beyond the snapshot files, and in headless Chromium the first draw (alternating with
 * a 30-date archive), a step of the date slider, Play at the fastest speed, and the bytes fetched
 * for the first view and ten steps. Writes dist-bench/archive.json and prints a table.
 *
 * BENCH_ARCHIVE_DAYS (default "365,769,1825,3650"; 769 is the real-archive-like case of issue 17),
 * BENCH_ARCHIVE_LOADS (5) cold loads per site, BENCH_ARCHIVE_STEPS (10), BENCH_PAUSE (700) ms between
 * steps, BENCH_ARCHIVE_BROWSER=0 for the build-side figures only, BENCH_SITE a built site other than dist/,
 * BENCH_ARCHIVE_CODE a checkout whose scripts/site-data.ts to run (another version's, to compare),
 * BENCH_ARCHIVE_TAG a name for the sites it writes in the cache (to keep both versions'). Imported archives are kept in
 * BENCH_ARCHIVE_CACHE (default: a folder in the system's temporary folder) for the next run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.ts';
import { serveStatic } from '../scripts/static-server.ts';
import { ARCHIVE_SIDE, writeArchiveStory, writeDailyArchive } from '../tests/fixtures/daily-archive.ts';
import { describe, spread, type Spread } from './figures.ts';
import { probe, PROBE_SCRIPT, waitDrawn } from './probe.ts';
import { keySwap, pause, VIEWPORT } from './scenarios.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const BASELINE_DAYS = 30;
/** First date of every archive: ten years of dailies end before data:add's limit (a year after today). */
const START = '2015-01-01';

const uptime = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** Bytes of every file under `dir`, by path relative to it. */
function sizes(dir: string, base = dir, out = new Map<string, number>()): Map<string, number> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) sizes(p, base, out); else out.set(p.slice(base.length + 1), s.size);
  }
  return out;
}
const total = (m: Map<string, number>, keep: (path: string) => boolean = () => true) => [...m].reduce((n, [p, b]) => n + (keep(p) ? b : 0), 0);

/** An archive of `days` daily files and its imported story folder, made once and kept in the cache. */
function prepared(cache: string, days: number): { archive: string; story: string } {
  const dir = join(cache, `from-${START}-days-${days}`), archive = join(dir, 'archive'), story = join(dir, 'story');
  if (existsSync(join(dir, 'done'))) return { archive, story };
  rmSync(dir, { recursive: true, force: true });
  writeDailyArchive(archive, { days, startIso: START });
  writeArchiveStory(story);
  const r = spawnSync(TSX, ['scripts/data-add.ts', archive, '--faction', ARCHIVE_SIDE, '--source', 'Made-up daily archive (bench)', '--data', story], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`data:add failed for ${days} days:\n${r.stderr}`);
  writeFileSync(join(dir, 'done'), '');
  return { archive, story };
}

interface SiteData { seconds: number; peakMiB: number; load: [string, string] }

/** scripts/site-data.ts as the guide runs it, into a copy of the built site, under /usr/bin/time -v. */
function siteData(dist: string, story: string, site: string, code: string): SiteData {
  rmSync(site, { recursive: true, force: true });
  cpSync(dist, site, { recursive: true, filter: (src) => src !== join(dist, 'data') });
  const before = uptime();
  const r = spawnSync('/usr/bin/time', ['-v', TSX, 'scripts/site-data.ts', story, site], { cwd: code, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`site-data failed:\n${r.stderr.slice(-3000)}`);
  const field = (name: string) => new RegExp(`${name}: (.+)`).exec(r.stderr)?.[1] ?? '';
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)').split(':').map(Number);
  const seconds = wall.reduce((s, x) => s * 60 + x, 0);
  return { seconds, peakMiB: Math.round(Number(field('Maximum resident set size \\(kbytes\\)')) / 1024), load: [before, uptime()] };
}

interface Opened { page: Page; drawnMs: number; date: string; bytes: () => { raw: number; gzip: number; requests: number }; close: () => Promise<void> }

/** Opens `url` in a fresh context and waits for the first drawn snapshot; counts every response body from the start. */
async function open(browser: Browser, url: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
  const page = await context.newPage();
  await page.addInitScript(PROBE_SCRIPT);
  let raw = 0, gzip = 0, requests = 0;
  page.on('requestfinished', (req) => {
    void req.response().then((res) => res?.body()).then((body) => {
      if (!body) return;
      raw += body.length; gzip += gzipSync(body).length; requests++;
    }).catch(() => undefined);
  });
  await page.goto(url);
  const first = await waitDrawn(page, 1, 120_000);
  return { page, drawnMs: first.at, date: first.date, bytes: () => ({ raw, gzip, requests }), close: () => context.close() };
}

/** Waits until no request is in flight for a moment (so the byte counts are complete). */
async function quiet(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => {
    let last = performance.getEntriesByType('resource').length;
    const check = () => { const n = performance.getEntriesByType('resource').length; if (n === last) resolve(); else { last = n; setTimeout(check, 300); } };
    setTimeout(check, 300);
  }));
}

interface Reader {
  firstDrawnMs: Spread; baselineFirstDrawnMs: Spread; firstDrawRatio: number;
  stepMs: Spread; baselineStepMs: Spread; playDates: string[]; playEveryDate: boolean; playStepMs: Spread;
  fetched: { firstView: { raw: number; gzip: number; requests: number }; tenSteps: { raw: number; gzip: number; requests: number } };
}

async function reader(browser: Browser, url: string, baseline: string, days: number, o: { loads: number; steps: number; pauseMs: number }): Promise<Reader> {
  const drawn: number[] = [], base: number[] = [];
  for (let i = 0; i < o.loads; i++) {
    for (const [k, u] of (i % 2 ? [['n', url], ['b', baseline]] : [['b', baseline], ['n', url]]) as ['n' | 'b', string][]) {
      const l = await open(browser, u);
      (k === 'n' ? drawn : base).push(l.drawnMs);
      await l.close();
    }
  }
  // Steps back from the last date, as a reader looks at each (the pause), key press to drawn; the
  // 30-date archive steps in turn, so that both meet the same load.
  const l = await open(browser, url), lb = await open(browser, baseline);
  await quiet(l.page);
  await quiet(lb.page);
  const firstView = l.bytes();
  const steps: number[] = [], baseSteps: number[] = [];
  for (let i = 0; i < o.steps; i++) {
    await pause(l.page, o.pauseMs);
    steps.push((await keySwap(l.page, 'ArrowLeft')).ms);
    await pause(lb.page, o.pauseMs);
    baseSteps.push((await keySwap(lb.page, 'ArrowLeft')).ms);
  }
  await quiet(l.page);
  const after = l.bytes();
  await l.close();
  await lb.close();
  // Play at the fastest speed from 15 dates before the end: every date in turn, none skipped.
  const p = await open(browser, `${url}?date=${isoPlus(START, days - 15)}`);
  const speed = p.page.locator('#play-speed');
  await speed.selectOption(await speed.evaluate((s: HTMLSelectElement) => [...s.options].map((x) => x.value).at(-1)!));
  const start = (await probe(p.page)).drawn.length;
  await p.page.click('.play-button');
  await waitDrawn(p.page, start + 12, 120_000);
  await p.page.click('.play-button');
  const played = (await probe(p.page)).drawn.slice(start - 1, start + 12);
  await p.close();
  const playDates = played.map((d) => d.date);
  const every = playDates.every((d, i) => i === 0 || d === isoPlus(playDates[0]!, i));
  const first = spread(drawn), b = spread(base);
  return {
    firstDrawnMs: first, baselineFirstDrawnMs: b, firstDrawRatio: Math.round((first.median / b.median) * 100) / 100,
    stepMs: spread(steps), baselineStepMs: spread(baseSteps), playDates, playEveryDate: every, playStepMs: spread(played.slice(1).map((d, i) => d.at - played[i]!.at)),
    fetched: { firstView, tenSteps: { raw: after.raw - firstView.raw, gzip: after.gzip - firstView.gzip, requests: after.requests - firstView.requests } },
  };
}

const isoPlus = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function runArchiveBench(o: { tag?: string; code: string; dist: string; out: string; cache: string; days: number[]; loads: number; steps: number; pauseMs: number; browser: boolean; log: (l: string) => void }) {
  mkdirSync(o.cache, { recursive: true });
  mkdirSync(o.out, { recursive: true });
  const rows: Record<string, unknown>[] = [];
  const sites: Record<number, string> = {};
  for (const days of [BASELINE_DAYS, ...o.days]) {
    o.log(`${days} days: archive and data:add (cached after the first run)`);
    const { archive, story } = prepared(o.cache, days);
    const site = join(o.cache, `site-${days}${o.tag ? `-${o.tag}` : ''}`);
    o.log(`${days} days: site-data (load ${uptime()})`);
    const sd = siteData(o.dist, story, site, o.code);
    sites[days] = site;
    const data = sizes(join(site, 'data'));
    const snapshotFiles = new Set((JSON.parse(readFileSync(join(story, 'snapshots/index.json'), 'utf8')) as { snapshots: { file: string }[] }).snapshots.map((s) => `snapshots/${s.file}`));
    const rawBytes = total(sizes(archive));
    const shipped = total(data, (p) => !snapshotFiles.has(p));
    const byFolder: Record<string, number> = {};
    for (const [p, b] of data) if (!snapshotFiles.has(p)) byFolder[p.includes('/') ? p.split('/')[0]! : '(top)'] = (byFolder[p.includes('/') ? p.split('/')[0]! : '(top)'] ?? 0) + b;
    rows.push({ days, rawBytes, snapshotBytes: total(data, (p) => snapshotFiles.has(p)), shippedBytes: shipped, shippedRatio: Math.round((shipped / rawBytes) * 1000) / 1000, files: data.size, byFolder, siteData: { ...sd, secondsPer1000: Math.round((sd.seconds / days) * 1000 * 10) / 10 } });
    o.log(`  raw ${(rawBytes / 1e6).toFixed(1)} MB, shipped beyond snapshots ${(shipped / 1e6).toFixed(2)} MB (${(shipped / rawBytes).toFixed(3)}×), site-data ${sd.seconds.toFixed(1)} s, ${sd.peakMiB} MiB`);
  }
  if (o.browser) {
    const browser = await launchChromium();
    const servers = await Promise.all([BASELINE_DAYS, ...o.days].map((d) => serveStatic(sites[d]!)));
    try {
      for (const [i, days] of o.days.entries()) {
        o.log(`${days} days: reader (load ${uptime()})`);
        const r = await reader(browser, servers[i + 1]!.url, servers[0]!.url, days, o);
        Object.assign(rows.find((x) => x.days === days)!, { reader: { ...r, load: uptime() } });
        o.log(`  first draw ${describe(r.firstDrawnMs)} vs ${describe(r.baselineFirstDrawnMs)} (${r.firstDrawRatio}×); step ${describe(r.stepMs)} (30 dates: ${describe(r.baselineStepMs)}); play every date: ${r.playEveryDate}`);
      }
    } finally {
      await browser.close();
      for (const s of servers) await s.close();
    }
  }
  const results = { started: new Date().toISOString(), load: uptime(), rows };
  writeFileSync(join(o.out, 'archive.json'), `${JSON.stringify(results, null, 1)}\n`);
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const env = (k: string, d: string) => process.env[k] ?? d;
  const r = await runArchiveBench({
    tag: process.env.BENCH_ARCHIVE_TAG, code: resolve(env('BENCH_ARCHIVE_CODE', ROOT)), dist: resolve(env('BENCH_SITE', join(ROOT, 'dist'))), out: join(ROOT, 'dist-bench'), cache: env('BENCH_ARCHIVE_CACHE', join(tmpdir(), 'frontlines-archive-bench')),
    days: env('BENCH_ARCHIVE_DAYS', '365,769,1825,3650').split(',').map(Number), loads: Number(env('BENCH_ARCHIVE_LOADS', '5')),
    steps: Number(env('BENCH_ARCHIVE_STEPS', '10')), pauseMs: Number(env('BENCH_PAUSE', '700')), browser: env('BENCH_ARCHIVE_BROWSER', '1') !== '0',
    log: (l) => console.log(l),
  });
  console.table(r.rows.map((x) => {
    const rd = (x as { reader?: Reader }).reader;
    const sd = x.siteData as SiteData & { secondsPer1000: number };
    return {
      N: x.days, 'raw MB': ((x.rawBytes as number) / 1e6).toFixed(1), 'shipped MB': ((x.shippedBytes as number) / 1e6).toFixed(2), 'shipped/raw': x.shippedRatio,
      's': sd.seconds, 's/1000': sd.secondsPer1000, 'peak MiB': sd.peakMiB,
      'first draw ms': rd ? `${rd.firstDrawnMs.median.toFixed(0)} (${rd.firstDrawRatio}×)` : '', 'step ms': rd ? `${rd.stepMs.median} (30: ${rd.baselineStepMs.median})` : '', 'play all': rd ? rd.playEveryDate : '',
      'kB view+10': rd ? `${(rd.fetched.firstView.raw / 1024).toFixed(0)}+${(rd.fetched.tenSteps.raw / 1024).toFixed(0)}` : '',
    };
  }));
  console.log('All figures: dist-bench/archive.json');
}
