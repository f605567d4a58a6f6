/**
 * The embed's limits in real Chromium against the built site: the dialog pins the host origin
 * (the `origin` flag), and the loader caps how often and how much a frame may resize.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { RESIZE_LIMITS } from '../../src/embed/resize-limit.ts';
import { openWatched, waitForSnapshot, PageLog, sharedBrowser } from './helpers.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;
let host: StaticServer;
let tmp: string;
const log = new PageLog();

beforeAll(async () => {
  browser = await sharedBrowser();
  tmp = mkdtempSync(join(tmpdir(), 'frontlines-limits-'));
  // A frame that floods the page with size messages: 400 heights in about a second, then a huge one.
  const flood = `<script>let k=0;const t=setInterval(()=>{for(let j=0;j<4;j++){k++;parent.postMessage({sentinel:'amp',type:'embed-size',height:k<400?200+k:99999},'*')}if(k>=400)clearInterval(t)},10)</script>`;
  writeFileSync(join(tmp, 'flood.html'), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
<iframe id="f" data-frontlines style="width:400px;height:150px;border:0" srcdoc="${flood.replace(/"/g, '&quot;')}"></iframe>
<script>window.__heights=[];{const f=document.getElementById('f'),real=f.style,p=new Proxy(real,{set(t,k,v){if(k==='height')window.__heights.push([performance.now(),String(v)]);t[k]=v;return true},get(t,k){const v=t[k];return typeof v==='function'?v.bind(t):v}});Object.defineProperty(f,'style',{get:()=>p})}</script>
<script src="${siteUrl}embed-loader.js"></script></body></html>`);
  host = await serveStatic(tmp);
});
afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
  await host?.close();
  rmSync(tmp, { recursive: true, force: true });
}));

describe('the embed dialog', () => {
  it('pins the snippet to the article\'s origin, and says so when the address is not one', async () => {
    const w = log.add(await openWatched(browser, siteUrl));
    const { page } = w;
    await waitForSnapshot(page);
    await page.click('#embed-open');
    await page.locator('dialog.embed-dialog[open]').waitFor();
    await page.fill('input[name=origin]', 'https://news.example/2017/07/kalifaat.html');
    await page.waitForFunction(() => (document.querySelector('.embed-code') as HTMLTextAreaElement).value.includes('origin='));
    const src = new URL((await page.inputValue('.embed-code')).match(/<iframe src="([^"]+)"/)![1]!.replace(/&amp;/g, '&'));
    expect(src.searchParams.get('origin')).toBe('https://news.example');
    expect(await page.locator('#embed-origin-note').textContent()).toContain('Pinned to https://news.example');
    expect(await page.getAttribute('input[name=origin]', 'aria-invalid')).toBe('false');
    await page.fill('input[name=origin]', 'news.example');
    await page.waitForFunction(() => !(document.querySelector('.embed-code') as HTMLTextAreaElement).value.includes('origin='));
    expect(await page.getAttribute('input[name=origin]', 'aria-invalid')).toBe('true');
    expect(await page.locator('#embed-origin-note').textContent()).toContain('“news.example” is not a web address');
  });
});

describe('the loader', () => {
  it('resizes a frame at most once per interval, to at most the maximum height', async () => {
    const w = log.add(await openWatched(browser, `${host.url}flood.html`));
    const { page } = w;
    // The flood's last message is the huge height, so the frame at its maximum is the last change there is.
    await page.waitForFunction((max) => document.getElementById('f')!.style.height === `${max}px`, RESIZE_LIMITS.maxHeightPx, { timeout: 10_000 });
    const heights = await page.evaluate(() => (window as unknown as { __heights: [number, string][] }).__heights);
    // 401 messages over about a second: at most one change per interval. Each change is timed as the loader makes it (the
    // frame's style.height setter is wrapped; a MutationObserver's callback can come late and shorten the next gap).
    const spanMs = heights.at(-1)![0] - heights[0]![0];
    expect(heights.length).toBeLessThanOrEqual(Math.ceil(spanMs / RESIZE_LIMITS.intervalMs) + 2);
    expect(heights.length).toBeGreaterThan(2);
    for (let i = 1; i < heights.length; i++) expect(heights[i]![0] - heights[i - 1]![0]).toBeGreaterThanOrEqual(RESIZE_LIMITS.intervalMs - 5);
    expect(heights.at(-1)![1]).toBe(`${RESIZE_LIMITS.maxHeightPx}px`);
  });
});
