/**
 * `npm run render -- --date 2017-07-15 --out map.png [--width 1200] [--height 900] [--lang nl]
 *  [--place mayadeen] [--view 6/35/40.5] [--title "…"] [--source "…"] [--theme dark] [--scale 2]`
 * renders a still picture of an embed view (embed.html?static=1) with headless Chromium, for
 * print, social cards and AMP. Needs a built site (npm run build) and a Chromium (see README).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';
import { isIsoDate } from '../src/data/contract.ts';

const { values } = parseArgs({
  options: {
    date: { type: 'string' }, out: { type: 'string' }, width: { type: 'string', default: '1200' }, height: { type: 'string' },
    lang: { type: 'string' }, place: { type: 'string' }, view: { type: 'string' }, title: { type: 'string' }, source: { type: 'string' },
    theme: { type: 'string' }, scale: { type: 'string', default: '1' }, dist: { type: 'string', default: 'dist' },
  },
});

function fail(message: string): never {
  console.error(`render: ${message}`);
  process.exit(1);
}

if (!values.out || !/\.png$/i.test(values.out)) fail('--out FILE.png is required');
if (values.date !== undefined && !isIsoDate(values.date)) fail(`--date must be a date written YYYY-MM-DD, got "${values.date}"`);
const width = Number(values.width), scale = Number(values.scale);
if (!(width >= 280 && width <= 4000)) fail(`--width must be between 280 and 4000 px, got "${values.width}"`);
if (!(scale >= 1 && scale <= 4)) fail(`--scale must be between 1 and 4, got "${values.scale}"`);
const dist = resolve(values.dist!);
if (!existsSync(resolve(dist, 'embed.html'))) fail(`${dist}/embed.html not found: run npm run build first`);

const params = new URLSearchParams({ static: '1', controls: 'legend' });
for (const k of ['date', 'lang', 'place', 'view', 'title', 'source', 'theme'] as const) if (values[k]) params.set(k, values[k]!);

const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width, height: values.height ? Number(values.height) : 800 }, deviceScaleFactor: scale });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(`${server.url}embed.html?${params}`);
  // data-complete: places and their names are on the map too, and it has gone idle.
  await page.waitForFunction(() => document.querySelector('#map')?.getAttribute('aria-busy') === 'false' && document.querySelector('#map')?.getAttribute('data-complete') === 'true', null, { timeout: 60_000 });
  const alerts = await page.locator('[role="alert"] .message, [role="status"] .message').allTextContents();
  // A picture of something other than what was asked for is worse than none.
  if (alerts.length) fail(`the page says: ${alerts.map((a) => a.replace(/×$/, '')).join(' | ')}`);
  if (problems.length) fail(problems.join('; '));
  const shown = await page.getAttribute('#map', 'data-snapshot');
  await page.screenshot({ path: values.out, fullPage: !values.height });
  console.log(`render: ${values.out} (${shown}, ${width}px wide, scale ${scale})`);
} finally {
  await browser.close();
  await server.close();
}
