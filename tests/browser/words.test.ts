/**
 * The bundled story's words as a reader gets them from the built site, on the article's date and
 * on 1 September 2016, in English and Dutch: the left-out pockets named once each ("the Deir ez-Zor
 * enclave and its siege line"), one spelling of the article's town per language (Mayadeen, Mayadin)
 * wherever it is written, the article's source line in the reader's language, and no figure of 0 km².
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openWatched, PageLog, waitForSnapshot, sharedBrowser } from './helpers.ts';

const siteUrl = inject('siteUrl');
const story = JSON.parse(readFileSync(join(inject('distDir'), 'data/story.json'), 'utf8')) as { article: { source: { en: string; nl: string } } };
let browser: Browser;
const log = new PageLog();

beforeAll(async () => { browser = await sharedBrowser(); });
afterAll(() => log.closeAndCheck(async () => { await browser?.close(); }));

/** What the page says: its text with every disclosure open, and the map's live region. */
async function pageText(page: Page): Promise<string> {
  await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
  return page.evaluate(() => `${document.body.innerText}\n${document.querySelector('#map-live')?.textContent ?? ''}`);
}

const WORDS = {
  en: { without: 'not counting the Deir ez-Zor enclave and its siege line', enclave: 'the Deir ez-Zor enclave', town: 'Mayadeen', other: 'Mayadin', source: 'Source' },
  nl: { without: 'de enclave in Deir ez-Zor en de belegeringslinie eromheen niet meegeteld', enclave: 'de enclave in Deir ez-Zor', town: 'Mayadin', other: 'Mayadeen', source: 'Bron' },
};

describe('the bundled story, read as a reporter would', () => {
  for (const date of ['2017-07-15', '2016-09-01']) {
    for (const lang of ['en', 'nl'] as const) {
      it(`${date}, ${lang}`, async () => {
        const w = WORDS[lang];
        const { page } = log.add(await openWatched(browser, `${siteUrl}?date=${date}&lang=${lang}&compare=2016-01-01`, { width: 1200, height: 900 }));
        await waitForSnapshot(page, date);
        await page.locator('#claims [data-claim-id]').first().waitFor();
        await page.locator('.compare-sentence').waitFor({ timeout: 30_000 });
        await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').includes('km²') && (document.querySelector('#map-live')?.textContent ?? '').includes('km²'));
        const summary = (await page.locator('#summary').textContent())!;
        // The pockets the regime's distance leaves out, each named once.
        expect(summary).toContain(`(${w.without})`);
        expect(summary.split(w.enclave).length - 1).toBe(1);
        const text = await pageText(page);
        expect(text).toContain(w.town);
        expect(text).not.toContain(w.other);
        expect(text).toContain(`${w.source}: ${story.article.source[lang]}`);
        expect(text).not.toMatch(/(^|[^\d.,])0 km²/m);
      });
    }
  }
});
