import { launchChromium } from '../scripts/chromium.ts';
import { serveStatic } from '../scripts/static-server.ts';
import { PROBE_SCRIPT, waitDrawn } from './probe.ts';
import { keySwap, pause } from './scenarios.ts';
const site = process.argv[2]!;
const server = await serveStatic(site);
const browser = await launchChromium();
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
await page.addInitScript(PROBE_SCRIPT);
page.on('console', (m) => { if (m.text().startsWith('[probe]')) console.log(m.text()); });
await page.goto(server.url);
await waitDrawn(page, 1, 120_000);
await page.waitForTimeout(4000);
// Frame cost: a repaint forced each frame for 2 s.
const frames = await page.evaluate(async () => {
  const m = (document.querySelector('#map') as any).maplibre;
  const out: number[] = [];
  let last = performance.now();
  await new Promise<void>((res) => { const t0 = performance.now(); const f = () => { m.triggerRepaint(); m.once('render', () => { const now = performance.now(); out.push(now - last); last = now; if (now - t0 < 2000) requestAnimationFrame(f); else res(); }); }; f(); });
  return out.sort((a, b) => a - b);
});
console.log('frame ms median', frames[frames.length >> 1]?.toFixed(1), 'p90', frames[Math.floor(frames.length * 0.9)]?.toFixed(1), 'n', frames.length);
for (let i = 0; i < Number(process.argv[3] ?? 8); i++) { await pause(page, 700); const s = await keySwap(page, 'ArrowLeft'); console.log('step', s.ms.toFixed(0), 'longest task', s.longestTaskMs); }
await browser.close(); await server.close();
