/**
 * The same build with another story's data folder (tests/fixtures/story-b: other sides, places,
 * bounds and dates; no claims, stats, distances or rivers), put next to the pages as a newsroom
 * would (scripts/site-data.ts): it draws, names its own title and sides, steps by keyboard, asks for
 * no file it does not have, logs no error, and shows no word of the bundled story.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { SiteCopies } from './site-copies.ts';
import { writeSiteData } from '../../scripts/site-data.ts';
import { cspContent } from '../../scripts/csp.ts';
import { openWatched, waitForMapIdle, waitForSnapshot, PageLog, sharedBrowser } from './helpers.ts';

const distDir = inject('distDir');
const STORY = join(import.meta.dirname, '../fixtures/story-b');
const factions = (JSON.parse(readFileSync(join(STORY, 'factions.json'), 'utf8')) as { factions: { id: string; color: string }[] }).factions;
/** Words of the bundled story that must not appear on another story's page (either language). */
const FOREIGN = /caliphate|kalifaat|Islamic State|Islamitische|\bIS\b|Syri|Iraq|Irak|Mayadeen|Mayadin|Deir ez-Zor|Raqqa|Mosul|Kurd|Koerd|regime|rebel/i;

let browser: Browser;
const sites = new SiteCopies(distDir, 'frontlines-story-');
const log = new PageLog();

/** A copy of the built site whose data/ is the story in `dataDir` (optionally without some files). */
async function siteWith(dataDir: string, without: string[] = []): Promise<string> {
  return sites.serve((out) => {
    const data = mkdtempSync(join(tmpdir(), 'frontlines-data-'));
    cpSync(dataDir, data, { recursive: true, filter: (src) => !without.some((w) => src === join(dataDir, w)) });
    writeSiteData(data, out);
    rmSync(data, { recursive: true, force: true });
  });
}

beforeAll(async () => { browser = await sharedBrowser(); });
afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
  await sites.close();
}));

/** Everything a reader (or a screen reader) gets: visible text, the title, labels, alt texts. */
const pageWords = (page: Page) => page.evaluate(() => [
  document.title, document.body.innerText,
  ...[...document.querySelectorAll('[aria-label],[aria-valuetext],[alt],[title],meta[name="description"]')].flatMap((e) =>
    ['aria-label', 'aria-valuetext', 'alt', 'title', 'content'].map((a) => e.getAttribute(a) ?? '')),
].join('\n'));

/** How many map pixels have each side's colour as drawn (held: opacity 0.72 over the light land). */
async function colourCounts(page: Page): Promise<Record<string, number>> {
  const png = PNG.sync.read(await page.locator('#map').screenshot());
  const land = [0xf7, 0xf5, 0xf0];
  const looks = factions.map((f) => ({ id: f.id, rgb: [1, 3, 5].map((i, k) => parseInt(f.color.slice(i, i + 2), 16) * 0.72 + land[k]! * 0.28) }));
  const out: Record<string, number> = Object.fromEntries(factions.map((f) => [f.id, 0]));
  for (let i = 0; i < png.data.length; i += 4) {
    for (const l of looks) if (Math.hypot(png.data[i]! - l.rgb[0]!, png.data[i + 1]! - l.rgb[1]!, png.data[i + 2]! - l.rgb[2]!) < 12) out[l.id]!++;
  }
  return out;
}

describe('another story, by the same build', () => {
  it('draws its sides, names its title, steps by keyboard, and says nothing of the bundled story', async () => {
    const url = await siteWith(STORY);
    const w = log.add(await openWatched(browser, url, { width: 1200, height: 800 }));
    const { page } = w;
    // No date in story.json: the last snapshot.
    expect(await waitForSnapshot(page)).toBe('2024-07-01');
    expect(await page.locator('#title').textContent()).toBe('The river war');
    expect(await page.title()).toBe('The river war – Frontlines');
    // The build put the one policy (scripts/csp.ts) into the page.
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')).toBe(cspContent('explorer', 'build'));
    expect(await page.locator('#legend li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-faction')))).toEqual(['north-army', 'river-league', 'hill-militia']);
    await waitForMapIdle(page);
    const counts = await colourCounts(page);
    for (const f of factions) expect(counts[f.id], `${f.id} drawn`).toBeGreaterThan(2000);
    // Keyboard: one date back, where the hill militia dominates desert it does not hold.
    await page.focus('#date-slider');
    await page.keyboard.press('ArrowLeft');
    await waitForSnapshot(page, '2024-04-01');
    expect(Number(await page.locator('#legend li[data-faction="hill-militia"]').getAttribute('data-desert-km2'))).toBeGreaterThan(10_000);
    await page.waitForFunction(() => location.search.includes('date=2024-04-01'));
    // A place's popup, from the data.
    await page.locator('button[data-place-id="stonebridge"]:not([hidden])').focus();
    await page.keyboard.press('Enter');
    await page.locator('.place-card[data-place-id="stonebridge"] .place-holder[data-holder="north-army"]').waitFor();
    // The claims panel (no claims.json) is hidden and nothing asked for it; the build made the
    // figures, so the summary and the charts are there (tests/browser/any-story.test.ts).
    expect(await page.locator('#claims').isHidden()).toBe(true);
    for (const id of ['#summary', '#over-time']) expect(await page.locator(id).isHidden(), id).toBe(false);
    expect(w.requests.filter((r) => /claims|rivers/.test(r))).toEqual([]);
    expect(await pageWords(page)).not.toMatch(FOREIGN);
    await page.click('[data-lang="nl"]');
    await page.waitForFunction(() => document.querySelector('#title')?.textContent === 'De rivieroorlog');
    expect(await pageWords(page)).not.toMatch(FOREIGN);
  });

  it('embeds the same way', async () => {
    const url = await siteWith(STORY);
    const { page } = log.add(await openWatched(browser, `${url}embed.html?controls=timeline,legend`, { width: 600, height: 700 }));
    expect(await waitForSnapshot(page)).toBe('2024-07-01');
    expect(await page.locator('#legend li').count()).toBe(3);
    expect(await pageWords(page)).not.toMatch(FOREIGN);
  });

  it('does without the bundled story\'s claims: no claims panel, no claims in the summary, the charts still there', async () => {
    const url = await siteWith(join(import.meta.dirname, '../../data'), ['claims.json', 'sources']);
    const w = log.add(await openWatched(browser, url, { width: 1200, height: 800 }));
    await waitForSnapshot(w.page);
    await w.page.locator('#summary').filter({ hasText: 'km²' }).waitFor();
    expect(await w.page.locator('#claims').isHidden()).toBe(true);
    await w.page.locator('#over-time').scrollIntoViewIfNeeded();
    await w.page.waitForFunction(() => document.querySelectorAll('#over-time .line-chart').length === 2);
    expect(await w.page.locator('#summary').textContent()).not.toMatch(/claims|Mayadeen/);
    expect(w.requests.filter((r) => /claims/.test(r))).toEqual([]);
  });

  it('opens on the last date and the data\'s bounds without story.json, under a neutral title', async () => {
    const url = await siteWith(STORY, ['story.json']);
    const { page } = log.add(await openWatched(browser, url, { width: 1200, height: 800 }));
    expect(await waitForSnapshot(page)).toBe('2024-07-01');
    expect(await page.locator('#title').textContent()).toBe('Who held which ground');
    // The view (in the hash, #zoom/lat/lon) is centred on the squares, 70–67°W, 46–44°S.
    await page.waitForFunction(() => location.hash.length > 1);
    const [, lat, lon] = new URL(page.url()).hash.slice(1).split('/').map(Number);
    expect(lon).toBeGreaterThan(-70);
    expect(lon).toBeLessThan(-67);
    expect(lat).toBeGreaterThan(-46);
    expect(lat).toBeLessThan(-44);
    const counts = await colourCounts(page);
    for (const f of factions) expect(counts[f.id], `${f.id} drawn`).toBeGreaterThan(2000);
  });
});
