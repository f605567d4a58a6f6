/**
 * The embed in real Chromium, inside iframes on a host page of another origin (a second local
 * port): sizing messages and the loader, flags, the host API, a sandboxed frame, a strict CSP,
 * a 280 px frame, wheel scrolling passing to the article, and privacy.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { openWatched, PageLog, postToFrame, sharedBrowser } from './helpers.ts';
import { cspString, EMBED_HEADER_POLICY } from '../../scripts/csp.ts';

const distDir = inject('distDir');
const index = JSON.parse(readFileSync(join(distDir, 'data/snapshots/index.json'), 'utf8')) as { snapshots: { date: string; article?: boolean }[] };
const articleDate = index.snapshots.find((s) => s.article)!.date;

// The policy the embed documentation gives hosts (scripts/csp.ts), sent as a header.
const STRICT_CSP = cspString(EMBED_HEADER_POLICY);

let browser: Browser;
let site: StaticServer; // the embed's origin, with CORS for sandboxed frames and a strict CSP header
let host: StaticServer; // the article's origin
let hostDir: string;
const log = new PageLog();

beforeAll(async () => {
  browser = await sharedBrowser();
  site = await serveStatic(distDir, { cors: true, headers: { 'Content-Security-Policy': STRICT_CSP } });
  hostDir = mkdtempSync(join(tmpdir(), 'frontlines-host-'));
  const page = (frames: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Article</title><link rel="icon" href="data:,">
<style>body{margin:0;font-family:sans-serif} .text{height:1400px;background:linear-gradient(#fff,#eee)} iframe{display:block;border:0;width:100%}</style></head>
<body><h1>An article</h1>${frames}<div class="text">More article text.</div>
<script>window.__msgs=[];addEventListener('message',e=>window.__msgs.push({data:e.data,origin:e.origin}));</script>
<script src="${site.url}embed-loader.js" async></script></body></html>`;
  writeFileSync(join(hostDir, 'plain.html'), page(`<iframe id="f" data-frontlines style="height:150px" src="${site.url}embed.html?id=t1&controls=timeline,legend,claims&title=Test%20map"></iframe>`));
  writeFileSync(join(hostDir, 'sandboxed.html'), page(`<iframe id="f" data-frontlines sandbox="allow-scripts" style="height:150px" src="${site.url}embed.html?id=sb"></iframe>`));
  writeFileSync(join(hostDir, 'narrow.html'), page(`<div style="width:280px"><iframe id="f" data-frontlines style="height:150px" src="${site.url}embed.html?id=n"></iframe></div>`));
  writeFileSync(join(hostDir, 'flags.html'), page(`<iframe id="f" data-frontlines style="height:150px" src="${site.url}embed.html?controls=legend&theme=dark&lang=nl&title=Kaart&source=NRC&view=6/35/40.5&theme2=x&static=maybe"></iframe>`));
  host = await serveStatic(hostDir);
});

afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
  rmSync(hostDir, { recursive: true, force: true });
}));

async function openHost(name: string, width = 900): Promise<{ page: Page; frame: Frame }> {
  const w = await openWatched(browser, `${host.url}${name}`, { width, height: 800 });
  log.add(w);
  const handle = await w.page.waitForSelector('#f');
  const frame = (await handle.contentFrame())!;
  await frame.waitForFunction(() => document.querySelector('#map')?.getAttribute('aria-busy') === 'false' && !!document.querySelector('#map')?.getAttribute('data-snapshot'), null, { timeout: 30_000 });
  return { page: w.page, frame };
}

const frameHeight = (page: Page) => page.evaluate(() => document.getElementById('f')!.getBoundingClientRect().height);

/** Waits until the loader has given the frame its content's height, and returns it. */
async function settled(page: Page, frame: Frame): Promise<number> {
  const sizes = async () => ({ content: await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)), frame: await frameHeight(page) });
  await expect.poll(async () => { const s = await sizes(); return Math.abs(s.frame - s.content) < 1; }, { timeout: 10_000, message: 'the frame takes its content’s height' }).toBe(true);
  return (await sizes()).content;
}

describe('the embed on another origin', () => {
  it('reports its height in every format and the loader sizes the frame', async () => {
    const { page, frame } = await openHost('plain.html');
    await frame.locator('#claims [data-claim-id]').first().waitFor();
    const content = await settled(page, frame);
    const msgs = await page.evaluate(() => (window as unknown as { __msgs: { data: unknown; origin: string }[] }).__msgs);
    const last = <T>(pred: (d: unknown) => boolean) => msgs.filter((m) => pred(m.data)).at(-1)?.data as T;
    expect(last<Record<string, Record<string, number>>>((d) => typeof d === 'object' && d !== null && 'datawrapper-height' in d)['datawrapper-height']).toEqual({ t1: content });
    expect(last<string>((d) => typeof d === 'string' && d.startsWith('pymxPYMx'))).toBe(`pymxPYMxt1xPYMxheightxPYMx${content}`);
    expect(last<Record<string, unknown>>((d) => (d as { sentinel?: string })?.sentinel === 'amp')).toEqual({ sentinel: 'amp', type: 'embed-size', height: content });
    expect(last<Record<string, unknown>>((d) => (d as { context?: string })?.context === 'iframe.resize')).toMatchObject({ context: 'iframe.resize', height: content });
    expect(msgs.every((m) => m.origin === site.url.replace(/\/$/, ''))).toBe(true);
    expect(content).toBeGreaterThan(400);
    // The frame grows with its content: the title and all three controls fit without scrolling.
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(true);
    // The versioned API: ready on load, set-date from the host, a date event back.
    expect(msgs.some((m) => JSON.stringify(m.data) === JSON.stringify({ frontlines: 1, event: 'ready', date: articleDate }))).toBe(true);
    await page.evaluate(() => (document.getElementById('f') as HTMLIFrameElement).contentWindow!.postMessage({ frontlines: 1, action: 'set-date', date: '2016-01-15' }, '*'));
    await frame.waitForFunction(() => document.querySelector('#map')?.getAttribute('data-snapshot') === '2016-01-01');
    await page.waitForFunction(() => (window as unknown as { __msgs: { data: { event?: string; date?: string } }[] }).__msgs.some((m) => m.data?.event === 'date' && m.data.date === '2016-01-01'));
    // Unknown shapes are ignored.
    const slider = await frame.inputValue('#date-slider');
    await postToFrame(page, frame, { action: 'set-date', date: '2015-01-01' });
    expect(await frame.getAttribute('#map', 'aria-busy')).toBe('false');
    expect(await frame.inputValue('#date-slider')).toBe(slider);
    expect(await frame.getAttribute('#map', 'data-snapshot')).toBe('2016-01-01');
    expect(await frame.locator('#title').textContent()).toBe('Test map');
    expect(await frame.locator('#claims [data-claim-id]').count()).toBeGreaterThan(0);
  });

  it('passes plain wheel scrolling to the article', async () => {
    const { page, frame } = await openHost('plain.html');
    await settled(page, frame);
    const box = (await page.locator('#f').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => window.scrollY > 100);
  });

  it('applies its flags and falls back from bad ones with a notice', async () => {
    const { frame } = await openHost('flags.html');
    expect(await frame.locator('#timeline').count()).toBe(0);
    expect(await frame.locator('#legend li').count()).toBeGreaterThan(0);
    expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('nl');
    expect(await frame.locator('#title').textContent()).toBe('Kaart');
    expect(await frame.locator('#source-line').textContent()).toBe('Bron: NRC');
    expect((await frame.locator('[role="status"] .message').allTextContents()).join(' ')).toContain('static=„maybe”');
  });

  it('renders in a sandboxed iframe (allow-scripts only) under a strict CSP', async () => {
    const { frame } = await openHost('sandboxed.html');
    expect(await frame.getAttribute('#map', 'data-snapshot')).toBe(articleDate);
    expect(await frame.locator('#legend li').count()).toBeGreaterThan(0);
    expect(await frame.evaluate(() => origin)).toBe('null');
  });

  it('is usable 280 px wide: no sideways scrolling, the date steps by keyboard', async () => {
    const { page, frame } = await openHost('narrow.html', 400);
    expect(await frame.evaluate(() => window.innerWidth)).toBe(280);
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await frame.focus('#date-slider');
    await page.keyboard.press('ArrowRight');
    const next = index.snapshots[index.snapshots.findIndex((s) => s.date === articleDate) + 1]!.date;
    await frame.waitForFunction((d) => document.querySelector('#map')?.getAttribute('data-snapshot') === d, next);
    expect(await frameHeight(page)).toBeGreaterThan(300);
  });
});
