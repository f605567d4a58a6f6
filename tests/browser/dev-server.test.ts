/**
 * `npm start` serves the explorer from the Vite dev server: it must draw the bundled data with no
 * console errors (the strict page CSP and the dev server's injected styles must get along).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { openWatched, waitForSettled, waitForSnapshot, PageLog, sharedBrowser } from './helpers.ts';

let server: ViteDevServer;
let browser: Browser;
const log = new PageLog();

beforeAll(async () => {
  server = await createServer({ configFile: resolve(import.meta.dirname, '../../vite.config.ts'), server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
  await server.listen();
  browser = await sharedBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('draws the bundled data, styled, with no console errors', async () => {
  const url = server.resolvedUrls!.local[0]!;
  const w = log.add(await openWatched(browser, `${url}?date=2016-06-01`));
  expect(await waitForSnapshot(w.page, '2016-06-01', 60_000)).toBe('2016-06-01');
  // Styled: the panel sits beside the map, as style.css lays it out.
  expect(await w.page.locator('.panel').evaluate((e) => getComputedStyle(e).overflowY)).toBe('auto');
  // Errors are read once the page has done everything it does by itself (lazy modules, figures, labels).
  await waitForSettled(w, 400, 60_000);
  expect(log.errors()).toEqual([]);
  expect(log.external()).toEqual([]);
});
