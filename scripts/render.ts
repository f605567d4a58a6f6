/**
 * `npm run render -- --date 2017-07-15 --out map.png [--width 1200] [--height 900] [--fit] [--lang nl]
 *  [--place mayadeen] [--view 6/35/40.5] [--title "…"] [--source "…"] [--theme dark] [--scale 2]`
 * renders a still picture of an embed view (embed.html?static=1) with headless Chromium, for
 * print, social cards and AMP. Needs a built site (npm run build) and a Chromium (see README).
 * The picture is checked before it is written (render-page.ts): a map that came out blank or
 * without the sides the data has in view is taken again once, then refused (exit code 1).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './chromium.ts';
import { renderEmbed, RenderRefused } from './render-page.ts';
import { serveStatic } from './static-server.ts';
import { isIsoDate } from '../src/data/contract.ts';

const { values } = parseArgs({
  options: {
    date: { type: 'string' }, out: { type: 'string' }, width: { type: 'string', default: '1200' }, height: { type: 'string' }, fit: { type: 'boolean', default: false },
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
const height = values.height === undefined ? undefined : Number(values.height);
if (!(width >= 280 && width <= 4000)) fail(`--width must be between 280 and 4000 px, got "${values.width}"`);
if (height !== undefined && !(height >= 200 && height <= 4000)) fail(`--height must be between 200 and 4000 px, got "${values.height}"`);
if (values.fit && height === undefined) fail('--fit needs --height: the map fills the height left under the title and date');
if (!(scale >= 1 && scale <= 4)) fail(`--scale must be between 1 and 4, got "${values.scale}"`);
const dist = resolve(values.dist!);
if (!existsSync(resolve(dist, 'embed.html'))) fail(`${dist}/embed.html not found: run npm run build first`);

const params = new URLSearchParams({ controls: values.fit ? 'none' : 'legend' });
for (const k of ['date', 'lang', 'place', 'view', 'title', 'source', 'theme'] as const) if (values[k]) params.set(k, values[k]!);

const server = await serveStatic(dist);
let browser;
try {
  browser = await launchChromium();
  const r = await renderEmbed(browser, server.url, dist, {
    params, width, height, scale, fit: values.fit,
    onRetry: (why) => console.error(`render: ${why}; trying once more`),
  });
  writeFileSync(values.out!, r.png);
  console.log(`render: ${values.out} (${r.dateIso}, ${width}px wide, scale ${scale}; ${r.report.message})`);
} catch (e) {
  process.exitCode = 1;
  console.error(`render: ${e instanceof RenderRefused ? '' : 'nothing written: '}${e instanceof Error ? e.message : String(e)}`);
} finally {
  await browser?.close();
  await server.close();
}
