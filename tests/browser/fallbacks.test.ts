/**
 * What the build made for readers and sites that run no scripts (npm run render:fallbacks), in
 * real Chromium against the built site: the <noscript> picture and its alternative text, the
 * social card and its tags, and the picture in the embed dialog's snippet. The pictures are the
 * build's own (no render here); each is checked for the sides of its date.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser } from 'playwright-core';
import { readData } from '../../scripts/render-page.ts';
import { parseFallback } from '../../src/data/fallback.ts';
import { missingSides, openWatched, waitForSnapshot, PageLog, sharedBrowser } from './helpers.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const log = new PageLog();
let browser: Browser;
const story = JSON.parse(readFileSync(join(distDir, 'data/story.json'), 'utf8')) as { title: { en: string }; subtitle: { en: string }; date: string };
const fallbackR = parseFallback(JSON.parse(readFileSync(join(distDir, 'fallback/fallback.json'), 'utf8')), 'fallback/fallback.json');
if (!fallbackR.ok) throw new Error('dist/fallback/fallback.json does not parse: was the site built with FRONTLINES_NO_RENDER?');
const fallback = fallbackR.value;
const { factions, snapshot } = readData(distDir, fallback.dateIso);
const picture = (file: string) => PNG.sync.read(readFileSync(join(distDir, 'fallback', file)));

beforeAll(async () => { browser = await sharedBrowser(); });
afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
}));

describe('the still pictures', () => {
  it('show the story\'s opening date, with every side of that date in its colour', () => {
    expect(fallback.dateIso).toBe(story.date);
    for (const lang of ['en', 'nl'] as const) {
      const p = fallback.pictures[lang]!;
      const png = picture(p.file);
      expect([png.width, png.height]).toEqual([p.width, p.height]);
      expect(missingSides(png, snapshot, factions), p.file).toEqual([]);
    }
    const card = picture(fallback.social!.file);
    expect([card.width, card.height]).toEqual([1200, 630]);
    expect(missingSides(card, snapshot, factions)).toEqual([]);
  });

  it('have alternative texts from the data, in each language: the date, who held what, the article\'s distances', () => {
    const en = fallback.pictures.en!.alt, nl = fallback.pictures.nl!.alt;
    expect(en).toContain(`Map of who held which ground: ${story.title.en}. On 15 July 2017 `);
    expect(nl).toContain('Op 15 juli 2017 ');
    for (const f of factions) {
      expect(en).toContain(f.name.en);
      expect(nl).toContain(f.name.nl.split(' ').at(-1)); // Dutch grammar may change the first words ("het Syrische regime")
    }
    expect(en).toMatch(/from Mayadeen it was \d+ km to the Syrian Kurds/);
    expect(en).toContain('where the article says about 60 and 80 km');
    expect(nl).toContain('waar het artikel zo\'n 60 en 80 km noemt');
  });
});

describe('without JavaScript', () => {
  it('the embed shows the still picture with its alternative text, and a link to the map', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${siteUrl}embed.html`);
    const img = page.locator('img.noscript-map');
    await img.waitFor();
    await page.waitForFunction(() => (document.querySelector('img.noscript-map') as HTMLImageElement).complete);
    expect(await img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBe(fallback.pictures.en!.width);
    expect(await img.getAttribute('alt')).toBe(fallback.pictures.en!.alt);
    // Scaled to the frame, not wider than it.
    expect((await img.boundingBox())!.width).toBeLessThanOrEqual(700);
    expect(await page.locator('noscript a, .noscript a').first().isVisible()).toBe(true);
    expect(requests.filter((u) => !u.startsWith(siteUrl))).toEqual([]);
    await context.close();
  });

  it('the explorer shows it too', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl);
    expect(await page.locator('img.noscript-map').getAttribute('src')).toBe(`fallback/${fallback.pictures.en!.file}`);
    await context.close();
  });
});

describe('the social card', () => {
  it('index.html names the story and points to the 1200 × 630 card', async () => {
    const w = log.add(await openWatched(browser, siteUrl));
    await waitForSnapshot(w.page);
    const meta = await w.page.evaluate(() => Object.fromEntries([...document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')].map((m) => [m.getAttribute('property') ?? m.getAttribute('name'), m.getAttribute('content')])));
    expect(meta).toMatchObject({
      'og:title': story.title.en, 'og:description': story.subtitle.en, 'og:type': 'website',
      'og:image': 'fallback/social-card.png', 'og:image:width': '1200', 'og:image:height': '630',
      'twitter:card': 'summary_large_image', 'twitter:title': story.title.en, 'twitter:image': 'fallback/social-card.png',
    });
    const res = await w.page.request.get(new URL(meta['og:image']!, siteUrl).href);
    expect(res.headers()['content-type']).toBe('image/png');
  });
});

describe('the embed dialog', () => {
  it('puts the picture of the snippet\'s language into the snippet, for pages without scripts', async () => {
    const w = log.add(await openWatched(browser, `${siteUrl}?date=2016-06-01`));
    const { page } = w;
    await waitForSnapshot(page, '2016-06-01');
    expect(w.requests.filter((u) => u.includes('/fallback/')), 'before the dialog opens').toEqual([]);
    await page.click('#embed-open');
    await page.waitForFunction(() => (document.querySelector('.embed-code') as HTMLTextAreaElement | null)?.value.includes('<noscript>'));
    const code = await page.inputValue('.embed-code');
    expect(code).toContain(`<img src="${siteUrl}fallback/frontlines-en.png" width="${fallback.pictures.en!.width}"`);
    expect(await page.locator('input[name=picture]').isChecked()).toBe(true);
    expect(await page.locator('label:has(input[name=picture])').textContent()).toContain('(15 July 2017)');
    await page.selectOption('select[name=lang]', 'nl');
    await page.waitForFunction(() => (document.querySelector('.embed-code') as HTMLTextAreaElement).value.includes('frontlines-nl.png'));
    expect(await page.inputValue('.embed-code')).toContain('alt="Kaart van wie welk gebied in handen had:');
    await page.uncheck('input[name=picture]');
    expect(await page.inputValue('.embed-code')).not.toContain('<noscript>');
    await page.keyboard.press('Escape');
  });
});
