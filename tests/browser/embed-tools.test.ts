/**
 * The editor's side of embedding, in real Chromium against the built site: the "Embed this map"
 * dialog, the host-origin restriction of the message API, and `npm run render` (printing: print.test.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { openWatched, waitForSnapshot, missingSides, PageLog, postToFrame, sharedBrowser } from './helpers.ts';
import { readData } from '../../scripts/render-page.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
let browser: Browser;
let host: StaticServer;
let tmp: string;
const log = new PageLog();

beforeAll(async () => {
  browser = await sharedBrowser();
  tmp = mkdtempSync(join(tmpdir(), 'frontlines-tools-'));
  // The embed accepts commands only from https://news.example; this page is another origin.
  writeFileSync(join(tmp, 'other.html'), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<iframe id="f" style="width:600px;height:500px;border:0" src="${siteUrl}embed.html?origin=https://news.example&date=2017-07-15"></iframe></body></html>`);
  host = await serveStatic(tmp);
});
afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
  await host?.close();
  rmSync(tmp, { recursive: true, force: true });
}));

describe('the embed dialog', () => {
  it('builds the snippet for the current date, view and choices, copies it, and previews it', async () => {
    const w = await openWatched(browser, `${siteUrl}?date=2016-06-01#6/35/40.5`);
    log.add(w);
    const { page } = w;
    await waitForSnapshot(page, '2016-06-01');
    await page.click('#embed-open');
    await page.locator('dialog.embed-dialog[open]').waitFor();
    await page.fill('input[name=title]', 'IS in "2016" <test>');
    await page.check('input[name=control-claims]');
    await page.selectOption('select[name=theme]', 'dark');
    await page.waitForFunction(() => (document.querySelector('.embed-code') as HTMLTextAreaElement).value.includes('theme=dark'));
    const code = await page.inputValue('.embed-code');
    const src = new URL(code.match(/<iframe src="([^"]+)"/)![1]!.replace(/&amp;/g, '&'));
    expect(src.pathname).toMatch(/\/embed\.html$/);
    expect(src.searchParams.get('date')).toBe('2016-06-01');
    expect(src.searchParams.get('controls')).toBe('timeline,legend,claims,data');
    expect(src.searchParams.get('view')).toMatch(/^6\/35\/40\.5$/);
    expect(src.searchParams.get('title')).toBe('IS in "2016" <test>');
    expect(code).toContain('title="IS in &quot;2016&quot; &lt;test&gt;"');
    expect(code).toContain(`<script src="${siteUrl}embed-loader.js" async></script>`);
    // The live preview is that embed, and the loader sizes it to its content.
    const frame = (await (await page.waitForSelector('.embed-preview')).contentFrame())!;
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark' && document.querySelector('#map')?.getAttribute('data-snapshot') === '2016-06-01', null, { timeout: 30_000 });
    await page.waitForFunction(() => {
      const f = document.querySelector<HTMLIFrameElement>('.embed-preview')!;
      return Math.abs(f.getBoundingClientRect().height - f.contentDocument!.body.getBoundingClientRect().height) < 2;
    }, null, { timeout: 15_000 });
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('text=Copy code');
    await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent !== '');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog.embed-dialog[open]'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('embed-open');
  });
});

describe('the message API with a configured host origin', () => {
  it('ignores commands from any other origin', async () => {
    const w = await openWatched(browser, `${host.url}other.html`);
    log.add(w);
    const frame = (await (await w.page.waitForSelector('#f')).contentFrame())!;
    await frame.waitForFunction(() => document.querySelector('#map')?.getAttribute('data-snapshot') === '2017-07-15', null, { timeout: 30_000 });
    const slider = await frame.inputValue('#date-slider');
    await postToFrame(w.page, frame, { frontlines: 1, action: 'set-date', date: '2015-01-01' });
    expect(await frame.getAttribute('#map', 'aria-busy')).toBe('false');
    expect(await frame.inputValue('#date-slider')).toBe(slider);
    expect(await frame.getAttribute('#map', 'data-snapshot')).toBe('2017-07-15');
  });
});

describe('npm run render', () => {
  const render = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/render.ts', '--dist', distDir, ...args], { cwd: resolve(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 90_000 });
  it('writes a PNG of a still embed view that shows the sides of its date, with the CPUs kept busy', async () => {
    // Busy threads alongside, as on a shared machine: the map must still be drawn before the picture is taken.
    const busy = Array.from({ length: availableParallelism() }, () => new Worker('for (;;) {}', { eval: true }));
    const out = join(tmp, 'map.png');
    let r: { status: number | null; stdout: string; stderr: string };
    try {
      r = await new Promise((done) => {
        const p = spawn(process.execPath, ['--import', 'tsx', 'scripts/render.ts', '--dist', distDir, '--date', '2016-06-01', '--out', out, '--width', '640', '--lang', 'nl'], { cwd: resolve(import.meta.dirname, '../..') });
        let stdout = '', stderr = '';
        p.stdout.on('data', (d) => { stdout += d; });
        p.stderr.on('data', (d) => { stderr += d; });
        p.on('close', (status) => done({ status, stdout, stderr }));
      });
    } finally {
      await Promise.all(busy.map((w) => w.terminate()));
    }
    expect(r.stderr).not.toMatch(/render: (?!.*trying once more)/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2016-06-01');
    const png = PNG.sync.read(readFileSync(out));
    expect(png.width).toBe(640);
    expect(png.height).toBeGreaterThan(480);
    const { factions, snapshot } = readData(distDir, '2016-06-01');
    expect(missingSides(png, snapshot, factions)).toEqual([]);
  }, 240_000);
  it('refuses a picture whose map comes out blank, after trying once more, and writes nothing', () => {
    // A copy of the site whose own stylesheet hides the map's canvas: the page draws and says it is
    // done as usual, but the picture shows no map, as in the blank renders this check is for.
    const site = join(tmp, 'blank-site');
    cpSync(distDir, site, { recursive: true });
    for (const f of readdirSync(join(site, 'assets')).filter((n) => n.endsWith('.css'))) appendFileSync(join(site, 'assets', f), '\n.maplibregl-canvas { visibility: hidden; }\n');
    const out = join(tmp, 'blank.png');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/render.ts', '--dist', site, '--date', '2016-06-01', '--out', out, '--width', '400'], { cwd: resolve(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 150_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/render: the picture of 2016-06-01 failed its check: only [\d.]+% of the map area shows the map's colours .* it looks blank; trying once more/);
    expect(r.stderr).toMatch(/render: nothing written: no good picture after 2 attempts/);
    expect(existsSync(out)).toBe(false);
  }, 180_000);
  it('refuses a bad date and an unknown place, naming them', () => {
    const a = render('--date', '2016-02-30', '--out', join(tmp, 'x.png'));
    expect(a.status).toBe(1);
    expect(a.stderr).toContain('--date must be a date written YYYY-MM-DD, got "2016-02-30"');
    const b = render('--place', 'atlantis', '--out', join(tmp, 'y.png'));
    expect(b.status).toBe(1);
    expect(b.stderr).toContain('There is no place “atlantis” on this map');
  }, 120_000);
});
