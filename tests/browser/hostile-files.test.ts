/**
 * Hostile files dropped on the page's "Check a snapshot file", against the built site in real
 * Chromium (issue 23): 600 and 12,800 identical squares whose sides alternate (tests/fixtures/
 * hostile.ts). Before, the first was refused as "a bug in Frontlines" (the stack overflowed) and
 * the second grew the check's worker to 5.3 GB until the tab crashed. Each must now be refused
 * in under 20 s, in a few lines, with the page's memory under 500 MB.
 *
 * Memory: the peak resident set (VmHWM in /proc/PID/status, Linux) of each renderer process
 * Chromium started for the test's page. The check's worker runs in its page's renderer, so this
 * counts the page and the worker together, everything they hold, not just the JavaScript heap.
 * The processes are listed with the DevTools protocol's SystemInfo.getProcessInfo.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, CDPSession } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.ts';
import { overlapBomb } from '../fixtures/hostile.ts';
import { openWatched, waitForSnapshot, PageLog } from './helpers.ts';

const MAX_MS = 20_000;
const MAX_MB = 500;
let browser: Browser;
let cdp: CDPSession;
const log = new PageLog();

beforeAll(async () => {
  // A Chromium of its own, not the shared one: the memory measured is that of its renderers, and
  // another test file's pages must not be among them.
  browser = await launchChromium();
  cdp = await browser.newBrowserCDPSession();
});
afterAll(() => log.closeAndCheck(async () => { await browser?.close(); }));

const renderers = async () => ((await cdp.send('SystemInfo.getProcessInfo')).processInfo as { type: string; id: number }[])
  .filter((p) => p.type === 'renderer').map((p) => p.id);
/** Peak resident memory of a process in MB, from Linux's /proc. */
function peakMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (!kb) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(kb[1]) / 1024;
}

describe('the page refuses the overlap bombs of issue 23', () => {
  it.each([
    [600, 'and 89,990 more overlaps between factions, not listed'],
    [12_800, 'and at least'],
  ])('%i identical squares: refused in a few lines, in under 20 s, the page under 500 MB', async (count, more) => {
    const before = new Set(await renderers());
    const { page } = log.add(await openWatched(browser, inject('siteUrl')));
    await waitForSnapshot(page);
    const mine = (await renderers()).filter((pid) => !before.has(pid));
    expect(mine.length, 'a renderer process for the page').toBeGreaterThan(0);

    const name = `bomb-${count}.geojson`;
    const started = performance.now();
    await page.locator('#preview-file').setInputFiles({ name, mimeType: 'application/geo+json', buffer: Buffer.from(overlapBomb(count)) });
    await page.waitForFunction((n) => document.querySelector('[role="alert"] .message')?.textContent?.includes(`${n} has`), name, { timeout: MAX_MS });
    const seconds = (performance.now() - started) / 1000;
    const peak = mine.map(peakMb).reduce((a, b) => Math.max(a, b));
    console.log(`${name}: refused after ${seconds.toFixed(1)} s; peak resident memory of the page's renderer ${peak.toFixed(0)} MB`);

    const alert = (await page.locator('.message-error').allTextContents()).join('\n');
    expect(alert).toContain(`${name} has 11 problems (as npm run data:add reports them):`);
    expect(alert).toContain(`${name}: feature 0: islamic-state overlaps feature 1 (syrian-kurds) by`);
    expect(alert).toContain(`${name}: ${more}`);
    expect(alert).not.toMatch(/bug|RangeError|could not be checked/i);
    expect(await page.getAttribute('#map', 'data-checking')).toBeNull();
    expect(await page.getAttribute('#map', 'data-preview')).toBeNull();
    expect(peak).toBeLessThan(MAX_MB);
    await page.context().close();
  }, 90_000);
});
