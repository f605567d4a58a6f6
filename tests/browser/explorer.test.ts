/**
 * The explorer against the built site (dist/) in real Chromium: rendering, keyboard, URL state,
 * notices, errors, privacy.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { legendKm2, openWatched, waitForMapIdle, waitForSettled, waitForSnapshot, project, PageLog, sharedBrowser } from './helpers.ts';
import * as turf from '@turf/turf';
import { areasKm2 } from '../../src/analysis/area.ts';
import type { Snapshot } from '../../src/data/contract.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
let browser: Browser;
const log = new PageLog();
const open = async (path: string, opts?: Parameters<typeof openWatched>[2]) => {
  return log.add(await openWatched(browser, siteUrl + path, opts));
};

const index = JSON.parse(readFileSync(join(distDir, 'data/snapshots/index.json'), 'utf8')) as { snapshots: { date: string; file: string; article?: boolean }[] };
const dates = index.snapshots.map((s) => s.date);
const articleDate = index.snapshots.find((s) => s.article)!.date;
const factions = (JSON.parse(readFileSync(join(distDir, 'data/factions.json'), 'utf8')) as { factions: { id: string; color: string }[] }).factions;

beforeAll(async () => { browser = await sharedBrowser(); });
afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
}, (e) => e.includes('snapshot-broken')));

const hex = (c: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
const over = (fg: number[], bg: number[], a: number) => fg.map((v, i) => v * a + bg[i]! * (1 - a));
/**
 * How a faction's ground looks over the focus-country land colour (src/map/style.ts,
 * src/map/territory-layers.ts): held at opacity 0.72; desert at 0.45, between and under its white hatch.
 */
const looks = (c: string) => {
  const land = hex('#f7f5f0'), white = [255, 255, 255];
  const desert = over(hex(c), land, 0.45);
  return [over(hex(c), land, 0.72), desert, over(white, desert, 0.55)];
};

async function classify(page: Page, view: { zoom: number; center: [number, number] }, lonLat: [number, number]): Promise<string> {
  const box = (await page.locator('#map').boundingBox())!;
  const png = PNG.sync.read(await page.locator('#map').screenshot());
  const [x0, y0] = project(lonLat, view, { width: box.width, height: box.height });
  const votes = new Map<string, number>();
  // Sample a ring left of and below the point: labels sit to the right of place dots.
  for (let a = 90; a <= 270; a += 10) {
    const x = Math.round(x0 + 22 * Math.cos((a * Math.PI) / 180)), y = Math.round(y0 + 22 * Math.sin((a * Math.PI) / 180));
    const i = (y * png.width + x) * 4;
    const px = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    let best = 'other', bestD = 30;
    for (const f of factions) {
      for (const look of looks(f.color)) {
        const d = Math.hypot(...look.map((v, k) => v - px[k]!));
        if (d < bestD) { best = f.id; bestD = d; }
      }
    }
    if (best !== 'other') votes.set(best, (votes.get(best) ?? 0) + 1);
  }
  // Lines and labels match no faction and do not vote; most of the rest must agree.
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  const total = ranked.reduce((n, [, v]) => n + v, 0);
  return total >= 6 && ranked[0]![1] >= total * 0.6 ? ranked[0]![0] : 'unclear';
}

describe('the explorer', () => {
  it('opens on the article’s date and draws faction colours where the facts say', async () => {
    const view = { zoom: 5.5, center: [40.5, 34.6] as [number, number] };
    const { page } = await open(`#${view.zoom}/${view.center[1]}/${view.center[0]}`, { width: 1300, height: 860 });
    expect(await waitForSnapshot(page)).toBe(articleDate);
    await waitForMapIdle(page);
    // July 2017, from ../shared/REFERENCE.md: IS holds Mayadeen and Raqqa, the regime Damascus,
    // the KRG Erbil, Baghdad's government Baghdad, the Syrian Kurds Hasakah.
    expect(await classify(page, view, [40.45, 35.02])).toBe('islamic-state');
    expect(await classify(page, view, [36.29, 33.51])).toBe('syrian-regime');
    expect(await classify(page, view, [44.01, 36.19])).toBe('iraqi-kurds');
    expect(await classify(page, view, [44.36, 33.31])).toBe('iraqi-government');
    expect(await classify(page, view, [40.75, 36.5])).toBe('syrian-kurds'); // Hasakah
    // The legend lists the factions drawn, with an area.
    await legendKm2(page, 'islamic-state');
    const legend = await page.locator('#legend li').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-faction'), Number(li.getAttribute('data-area-km2'))]));
    expect(legend.map(([id]) => id)).toContain('islamic-state');
    for (const [, km2] of legend) expect(km2).toBeGreaterThan(0);
  });

  it('steps through dates by keyboard; the URL and data-snapshot follow', async () => {
    const { page } = await open('');
    await waitForSnapshot(page, articleDate);
    const i = dates.indexOf(articleDate);
    await page.focus('#date-slider');
    await page.keyboard.press('ArrowLeft');
    await waitForSnapshot(page, dates[i - 1]);
    await page.waitForFunction((d) => location.search.includes(`date=${d}`), dates[i - 1]);
    expect(await page.locator('.timeline-date').textContent()).toMatch(/\d{1,2} \w+ \d{4}/);
    await page.keyboard.press('End');
    await waitForSnapshot(page, dates[dates.length - 1]);
    await page.keyboard.press('Home');
    await waitForSnapshot(page, dates[0]);
    await page.waitForFunction((d) => location.search.includes(`date=${d}`), dates[0]);
    // The view lives in the hash.
    expect(new URL(page.url()).hash).toMatch(/^#[\d.]+\/[\d.-]+\/[\d.-]+/);
  });

  it('shows only the last date chosen when a reader scrubs fast', async () => {
    const w = await open('');
    const { page } = w;
    await waitForSnapshot(page, articleDate);
    await page.focus('#date-slider');
    for (let k = 0; k < 12; k++) await page.keyboard.press('ArrowLeft');
    const want = dates[dates.indexOf(articleDate) - 12]!;
    await waitForSnapshot(page, want);
    // Every file asked for has come and the page has nothing left to do: an overtaken date never lands.
    await waitForSettled(w);
    expect(await page.getAttribute('#map', 'data-snapshot')).toBe(want);
  });

  it('opens a place’s popup by keyboard with its holder and distances', async () => {
    const { page } = await open('#6/35/40.5');
    await waitForSnapshot(page);
    // A place's button comes once MapLibre has placed its dot (src/map/place-markers.ts).
    await page.locator('button[data-place-id="raqqa"]:not([hidden])').focus();
    await page.keyboard.press('Enter');
    const card = page.locator('.place-card[data-place-id="raqqa"]');
    await card.waitFor();
    expect(await card.locator('.place-holder').getAttribute('data-holder')).toBe('islamic-state');
    // A distance to every other side with ground on the date, as Turf's own point-to-polygon
    // distance has it on the file (a different algorithm from the page's nearest point on a ring).
    const kms = Object.fromEntries(await card.locator('[data-distance-km]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-faction'), Number(e.getAttribute('data-distance-km'))])));
    const snapshot = JSON.parse(readFileSync(join(distDir, 'data/snapshots', `${articleDate}.geojson`), 'utf8')) as Snapshot;
    const raqqa = [39.01, 35.95];
    const placed = (JSON.parse(readFileSync(join(distDir, 'data/places.geojson'), 'utf8')) as { features: { geometry: { coordinates: number[] }; properties: { id: string } }[] }).features.find((f) => f.properties.id === 'raqqa')!.geometry.coordinates;
    expect(Math.hypot(placed[0]! - raqqa[0]!, placed[1]! - raqqa[1]!)).toBeLessThan(0.05);
    const expected: Record<string, number> = {};
    for (const f of snapshot.features) {
      if (f.properties.faction === 'islamic-state') continue;
      const d = Math.max(0, turf.pointToPolygonDistance(turf.point(placed), f as never, { units: 'kilometers' }));
      expected[f.properties.faction] = Math.min(expected[f.properties.faction] ?? Infinity, d);
    }
    expect(Object.keys(kms).sort()).toEqual(Object.keys(expected).sort());
    for (const [id, km] of Object.entries(expected)) expect(Math.abs(kms[id]! - km), `${id}: ${kms[id]} km shown, ${km.toFixed(1)} km by Turf`).toBeLessThan(0.5 + km * 0.005);
    await page.waitForFunction(() => location.search.includes('place=raqqa'));
    // Tab moves on to the next place, whose popup replaces this one.
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => !document.querySelector('.place-card[data-place-id="raqqa"]'));
  });

  it('draws contested ground in the holder\'s colour striped in the attacker\'s, counts it apart and names the attackers', async () => {
    // Raqqa on 1 July 2017: IS's city under SDF assault (data/sources/contested.geojson, raqqa-2017).
    const when = '2017-07-01';
    const view = { zoom: 11, center: [39.01, 35.95] as [number, number] };
    const { page } = await open(`?date=${when}#${view.zoom}/${view.center[1]}/${view.center[0]}`, { width: 1000, height: 700 });
    await waitForSnapshot(page, when);
    await waitForMapIdle(page);
    // Around the city centre both colours show: IS's fill and the SDF's stripes.
    const box = (await page.locator('#map').boundingBox())!;
    const png = PNG.sync.read(await page.locator('#map').screenshot());
    const [cx, cy] = project([39.0, 35.935], view, { width: box.width, height: box.height });
    const close = (rgb: number[], px: number[]) => Math.hypot(...rgb.map((v, k) => v - px[k]!)) < 60;
    const colour = (id: string) => hex(factions.find((f) => f.id === id)!.color);
    let is = 0, sdf = 0;
    for (let dy = -40; dy <= 40; dy += 2) for (let dx = -40; dx <= 40; dx += 2) {
      const i = ((Math.round(cy) + dy) * png.width + Math.round(cx) + dx) * 4;
      const px = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (close(over(colour('islamic-state'), hex('#f7f5f0'), 0.72), px)) is++;
      if (close(colour('syrian-kurds'), px)) sdf++;
    }
    expect(is, 'pixels in IS\'s fill').toBeGreaterThan(200);
    expect(sdf, 'pixels in the SDF\'s stripes').toBeGreaterThan(200);
    // The legend counts it apart; the popup names the holder and the attackers.
    expect(await legendKm2(page, 'islamic-state', 'data-contested-km2')).toBeGreaterThan(10);
    // A place's button comes once MapLibre has placed its dot (src/map/place-markers.ts).
    await page.locator('button[data-place-id="raqqa"]:not([hidden])').focus();
    await page.keyboard.press('Enter');
    const holder = page.locator('.place-card[data-place-id="raqqa"] .place-holder');
    await holder.waitFor();
    expect(await holder.getAttribute('data-tier')).toBe('contested');
    expect(await holder.getAttribute('data-holder')).toBe('islamic-state');
    expect(await holder.textContent()).toMatch(/attacked by: Syrian Kurds/);
  });

  it('opens ?place= with its popup, in Dutch with ?lang=nl', async () => {
    const { page } = await open('?place=mayadeen&lang=nl');
    await waitForSnapshot(page);
    const card = page.locator('.place-card[data-place-id="mayadeen"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('In handen van');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.locator('#legend h2').textContent()).toBe('Wie heeft wat');
  });

  it('shows the article’s claims for the shown date, with our values in km', async () => {
    const { page } = await open('');
    await waitForSnapshot(page);
    await page.locator('#claims [data-claim-id]').first().waitFor();
    const rows = await page.locator('#claims [data-claim-id]').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-claim-id'), value: e.getAttribute('data-value'), verdict: e.getAttribute('data-verdict') })));
    const stats = JSON.parse(readFileSync(join(distDir, 'data/stats.json'), 'utf8')) as { snapshots: { date: string; claims: Record<string, { value: unknown; verdict: string }> }[] };
    const expected = stats.snapshots.find((s) => s.date === articleDate)!.claims;
    expect(rows.map((r) => r.id)).toContain('mayadeen-syrian-kurds-km');
    for (const r of rows) {
      expect(r.verdict).toBe(expected[r.id!]!.verdict);
      if (typeof expected[r.id!]!.value === 'number') expect(Number(r.value)).toBeCloseTo(expected[r.id!]!.value as number, 1);
    }
    // The map's line label for the Kurds, as MapLibre drew it, carries the same km as the claims
    // panel (the line is computed live on the drawn file, the panel's value comes from stats.json).
    const kurds = Number(rows.find((r) => r.id === 'mayadeen-syrian-kurds-km')!.value);
    expect(kurds).toBeGreaterThan(10);
    await waitForMapIdle(page);
    const labels = await page.waitForFunction(() => {
      const m = (document.querySelector('#map') as HTMLElement & { maplibre: { queryRenderedFeatures(o: object): { properties: { label?: string } }[] } }).maplibre;
      const got = m.queryRenderedFeatures({ layers: ['article-line-labels'] }).map((f) => f.properties.label ?? '');
      return got.length ? got : null;
    }).then((h) => h.jsonValue() as Promise<string[]>);
    // The line is labelled with the side's short name, as its ground is (article-view.ts).
    const kurdsName = (JSON.parse(readFileSync(join(distDir, 'data/factions.json'), 'utf8')) as { factions: { id: string; short: { en: string } }[] }).factions.find((f) => f.id === 'syrian-kurds')!.short.en;
    expect(labels, labels.join(' | ')).toContain(`${kurdsName}: ${Math.round(kurds).toLocaleString('en-GB')} km`);
    // Going back a date updates the claims to that date's values.
    await page.focus('#date-slider');
    await page.keyboard.press('ArrowLeft');
    const prev = dates[dates.indexOf(articleDate) - 1]!;
    await waitForSnapshot(page, prev);
    await page.waitForFunction((d) => document.querySelector('#claims h2')?.textContent?.includes(d), new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${prev}T00:00:00Z`)));
  });

  it('falls back from bad URL values with a visible notice', async () => {
    const { page } = await open('?date=2017-02-31&place=atlantis');
    expect(await waitForSnapshot(page)).toBe(articleDate);
    const notices = await page.locator('[role="status"] .message').allTextContents();
    expect(notices.join(' ')).toContain('2017-02-31');
    expect(notices.join(' ')).toContain('atlantis');
  });
});

describe('a broken snapshot file', () => {
  let server: StaticServer;
  let dir: string;
  const broken = dates[dates.indexOf(articleDate) - 1]!;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'frontlines-broken-'));
    cpSync(distDir, dir, { recursive: true });
    writeFileSync(join(dir, 'data/snapshots', `${broken}.geojson`), '{"type": "FeatureCollection", "features": [\n  {"type": "Feature",, }\n]}');
    server = await serveStatic(dir);
  });
  afterAll(async () => { await server?.close(); rmSync(dir, { recursive: true, force: true }); });

  it('shows an alert naming the file and the reason, and keeps the last good map', async () => {
    const w = await openWatched(browser, `${server.url}#5.5/34.6/40.5`, { width: 1300, height: 860 });
    log.add(w);
    const { page } = w;
    await waitForSnapshot(page, articleDate);
    await page.focus('#date-slider');
    await page.keyboard.press('ArrowLeft');
    const alert = page.locator('[role="alert"] .message');
    await alert.waitFor();
    const text = (await alert.textContent())!;
    expect(text).toContain(`data/snapshots/${broken}.geojson`);
    expect(text).toMatch(/invalid JSON at line 2, column 22/);
    expect(await page.getAttribute('#map', 'data-snapshot')).toBe(articleDate);
    expect(await page.getAttribute('#map', 'aria-busy')).toBe('false');
    expect(await classify(page, { zoom: 5.5, center: [40.5, 34.6] }, [40.45, 35.02])).toBe('islamic-state');
  });
});

describe('checking a snapshot file in the page (data editors)', () => {
  const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/broken/snapshots', name));
  it('reports a broken file with the same lines as npm run data:check and keeps the map', async () => {
    const { page } = await open('');
    await waitForSnapshot(page, articleDate);
    await page.locator('#preview-file').setInputFiles({ name: 'self-intersecting-ring.geojson', mimeType: 'application/geo+json', buffer: fixture('self-intersecting-ring.geojson') });
    const alert = page.locator('[role="alert"] .message');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('self-intersecting-ring.geojson: feature 0: polygon ring 0 crosses itself at [38.25, 35.25]');
    await page.locator('#preview-file').setInputFiles({ name: 'factions-overlap.geojson', mimeType: 'application/geo+json', buffer: fixture('factions-overlap.geojson') });
    await page.waitForFunction(() => document.querySelector('[role="alert"] .message')?.textContent?.includes('factions-overlap.geojson: feature 0: islamic-state overlaps feature 1 (syrian-regime) by'));
    expect(await page.getAttribute('#map', 'data-snapshot')).toBe(articleDate);
    expect(await page.getAttribute('#map', 'data-preview')).toBeNull();
  });

  it('draws a valid file in place of the date until the reader stops or picks a date', async () => {
    const { page } = await open('');
    await waitForSnapshot(page, articleDate);
    const articleKm2 = await legendKm2(page, 'islamic-state');
    const valid = readFileSync(join(distDir, 'data/snapshots/2014-06-01.geojson'));
    await page.locator('#preview-file').setInputFiles({ name: 'mine.geojson', mimeType: 'application/geo+json', buffer: valid });
    await page.waitForFunction(() => document.querySelector('#map')?.getAttribute('data-preview') === 'mine.geojson');
    expect(await page.locator('.preview-banner').textContent()).toContain('Previewing mine.geojson (not saved)');
    // The legend now describes the file: IS's held ground as the file has it, not the article date's.
    const fileKm2 = areasKm2(JSON.parse(valid.toString('utf8')) as Snapshot, 'held').get('islamic-state')!;
    await expect.poll(() => legendKm2(page, 'islamic-state')).toBe(Math.round(fileKm2));
    expect(Math.abs(fileKm2 - articleKm2)).toBeGreaterThan(1000);
    await page.click('.preview-banner button');
    await page.waitForFunction(() => !document.querySelector('#map')?.hasAttribute('data-preview'));
    await waitForSnapshot(page, articleDate);
  });
});
