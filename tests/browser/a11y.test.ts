/**
 * Accessibility, measured against the built site in real Chromium: axe-core (WCAG 2.2 A and AA,
 * every impact) on the explorer in English and Dutch, with a comparison, side by side with a place
 * popup open, the embed at 320 and 800 px and the embed dialog; a keyboard-only walkthrough; the
 * map's live region; forced colours; 200% zoom.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { openWatched, waitForSettled, waitForSnapshot, PageLog, sharedBrowser } from './helpers.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const index = JSON.parse(readFileSync(join(distDir, 'data/snapshots/index.json'), 'utf8')) as { snapshots: { date: string; article?: boolean }[] };
const dates = index.snapshots.map((s) => s.date);
const articleDate = index.snapshots.find((s) => s.article)!.date;
const WCAG22 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let browser: Browser;
const log = new PageLog();
const open = async (path: string, opts?: Parameters<typeof openWatched>[2]) => log.add(await openWatched(browser, siteUrl + path, opts));

beforeAll(async () => { browser = await sharedBrowser(); });
afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
}));

/** axe's violations as "rule (impact): targets", so a failure says what to fix. */
async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(WCAG22).analyze();
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('axe-core finds no WCAG 2.2 A/AA violation', () => {
  it('in the explorer, in English and in Dutch', async () => {
    for (const lang of ['en', 'nl']) {
      const { page } = await open(`?lang=${lang}`);
      await waitForSnapshot(page, articleDate);
      await page.locator('#claims [data-claim-id]').first().waitFor();
      await page.waitForFunction(() => (document.querySelector('#summary')?.textContent ?? '').length > 50);
      expect(await violations(page), lang).toEqual([]);
    }
  });

  it('with a comparison, side by side with a place popup open', async () => {
    const { page } = await open(`?compare=2016-01-01#6/35/40.5`);
    await waitForSnapshot(page, articleDate);
    await page.locator('.compare-table').waitFor({ timeout: 30_000 });
    expect(await violations(page), 'comparison').toEqual([]);
    await page.locator('#compare-swipe').check();
    await page.locator('.swipe-handle').waitFor();
    await page.locator('button[data-place-id="raqqa"]').click();
    await page.locator('.place-card').waitFor();
    expect(await violations(page), 'side by side with a popup').toEqual([]);
  });

  it('in the embed at 320 px and at 800 px', async () => {
    for (const width of [320, 800]) {
      const { page } = await open('embed.html?controls=timeline,legend,claims', { width, height: 900 });
      await waitForSnapshot(page, articleDate);
      await page.locator('#claims [data-claim-id]').first().waitFor();
      expect(await violations(page), `${width} px`).toEqual([]);
    }
  });

  it('in the embed dialog', async () => {
    const { page } = await open('');
    await waitForSnapshot(page, articleDate);
    await page.click('#embed-open');
    await page.locator('dialog.embed-dialog[open]').waitFor();
    const frame = (await (await page.waitForSelector('.embed-preview')).contentFrame())!;
    await frame.waitForFunction(() => document.querySelector('#map')?.getAttribute('aria-busy') === 'false' && !!document.querySelector('#map')?.getAttribute('data-snapshot'), null, { timeout: 30_000 });
    expect(await violations(page)).toEqual([]);
  });
});

describe('the map in words for screen readers', () => {
  it('speaks once per swap: the date, who holds what, contested ground and the change since the date before', async () => {
    const w = await open('');
    const { page } = w;
    await waitForSnapshot(page, articleDate);
    const live = page.locator('#map-live');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await page.waitForFunction(() => (document.querySelector('#map-live')?.textContent ?? '').startsWith('15 July 2017 on the map.'));
    const first = (await live.textContent())!;
    const prev = dates[dates.indexOf(articleDate) - 1]!;
    const prevWords = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${prev}T00:00:00Z`));
    // A change named beside its side, or (none big enough to name) said once after the list.
    expect(first).toMatch(/Held: the [\w ()/]+ about [\d,]+ km²([^.]* \((up|down) [\d,]+ km² since |[^.]*\. Little change in held ground since )/);
    expect(first).toContain(`since ${prevWords}`);
    expect(first).toMatch(/Contested: about [\d,]+ km² held by the [\w ]+ and attacked by the /);
    // Count every change to the region while stepping three dates.
    await page.evaluate(() => {
      const w = window as unknown as { __said: string[] };
      w.__said = [];
      new MutationObserver(() => w.__said.push(document.querySelector('#map-live')!.textContent ?? '')).observe(document.querySelector('#map-live')!, { childList: true, characterData: true, subtree: true });
    });
    await page.focus('#date-slider');
    for (let k = 1; k <= 3; k++) {
      await page.keyboard.press('ArrowLeft');
      await waitForSnapshot(page, dates[dates.indexOf(articleDate) - k]);
      await page.waitForFunction((n) => (window as unknown as { __said: string[] }).__said.length >= n, k);
    }
    // Once the page has nothing left to do (no file coming, the idle-time speech done), there were three.
    await waitForSettled(w);
    const said = await page.evaluate(() => (window as unknown as { __said: string[] }).__said);
    expect(said).toHaveLength(3);
    expect(said[0]).toMatch(new RegExp(`^${prevWords} on the map\\.`));
    // In Dutch after the language changes (nothing is said for the change of language itself).
    await page.click('button[data-lang="nl"]');
    await page.keyboard.press('ArrowRight');
    await page.focus('#date-slider');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /^\d+ \w+ \d{4} op de kaart\. In handen: /.test(document.querySelector('#map-live')?.textContent ?? ''));
  });
});

/** What has the focus: enough to tell controls apart in a failure message. */
const focused = (page: Page) => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  if (!a || a === document.body) return null;
  const cs = getComputedStyle(a);
  const grip = a.classList.contains('swipe-handle') ? getComputedStyle(a.querySelector('.swipe-grip')!) : null;
  const ring = (s: CSSStyleDeclaration) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow !== 'none' && s.boxShadow !== '');
  const r = a.getBoundingClientRect();
  // Marked on first focus, so that the walk knows an element it has been to before.
  const again = a.dataset.tabSeen === '1';
  a.dataset.tabSeen = '1';
  return {
    again,
    key: (window as unknown as { __controlKey?: (a: HTMLElement) => string }).__controlKey?.(a)
      ?? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.dataset.placeId ? `[${a.dataset.placeId}]` : ''}${a.dataset.lang ? `[${a.dataset.lang}]` : ''}${a.dataset.step ? `[${a.dataset.step}]` : ''}${a.className && typeof a.className === 'string' ? `.${a.className.split(' ')[0]}` : ''}`,
    visibleFocus: ring(cs) || (grip !== null && ring(grip)),
    onScreen: r.width > 0 && r.height > 0,
  };
});

describe('keyboard only', () => {
  it('reaches every control with Tab, shows where the focus is, never traps it, and Escape closes what opened', async () => {
    const { page } = await open('#6/35/40.5', { width: 1300, height: 900 });
    await waitForSnapshot(page, articleDate);
    await page.locator('#claims [data-claim-id]').first().waitFor();
    await page.locator('.line-chart-plot').first().waitFor({ timeout: 30_000 });
    // The places' buttons come once MapLibre has placed their dots (src/map/place-markers.ts).
    await page.locator('button[data-place-id="raqqa"]:not([hidden])').waitFor({ state: 'attached' });
    // Every control a reader can see, named as focused() names it: what Tab must reach.
    await page.evaluate(() => {
      (window as unknown as { __controlKey: (a: HTMLElement) => string }).__controlKey = (a) =>
        `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.dataset.placeId ? `[${a.dataset.placeId}]` : ''}${a.dataset.lang ? `[${a.dataset.lang}]` : ''}${a.dataset.step ? `[${a.dataset.step}]` : ''}${a.className && typeof a.className === 'string' ? `.${a.className.split(' ')[0]}` : ''}`;
    });
    const controls = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.getClientRects().length > 0 && !e.closest('[hidden], [inert], details:not([open]) > :not(summary)'))
      .map((e) => (window as unknown as { __controlKey: (a: HTMLElement) => string }).__controlKey(e)));
    const seen: string[] = [];
    const bad: string[] = [];
    let cycled = false;
    for (let k = 0; k < 300; k++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (!f) continue; // the browser's own UI, between the last control and the first
      if (f.again) { cycled = f.key === seen[0]; break; } // back at the start, or caught in a loop
      seen.push(f.key);
      if (!f.visibleFocus || !f.onScreen) bad.push(f.key);
    }
    expect(cycled, `Tab came back to the start (no trap): ${seen.join(' ')}`).toBe(true);
    expect(bad, 'controls without a visible focus ring').toEqual([]);
    expect(controls.filter((k) => !seen.includes(k)), `controls Tab never reached (reached: ${seen.join(' ')})`).toEqual([]);
    for (const want of ['a.skip-link', 'button#embed-open', 'button[nl]', 'input#date-slider', 'select#compare-date', 'summary']) {
      expect(seen.some((k) => k.startsWith(want)), want).toBe(true);
    }
    expect(seen.some((k) => k.startsWith('button[raqqa]')), 'a place').toBe(true);

    // Operable: a place opens by keyboard, Escape closes it and gives the focus back.
    await page.locator('button[data-place-id="raqqa"]:not([hidden])').focus();
    await page.keyboard.press('Enter');
    await page.locator('.place-card[data-place-id="raqqa"]').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.place-card'));
    expect((await focused(page))?.key).toBe('button[raqqa].place-dot');
    await page.waitForFunction(() => !location.search.includes('place='));
    // The comparison and the divider, by keyboard.
    await page.focus('#compare-date');
    await page.keyboard.press('ArrowDown');
    await page.locator('.compare-table, .compare-hint').first().waitFor();
    await page.focus('#compare-swipe');
    await page.keyboard.press('Space');
    await page.locator('.swipe-handle').waitFor();
    // The divider comes after the map in the Tab order: reached by going on round.
    let handle = false;
    for (let k = 0; k < 200 && !handle; k++) {
      await page.keyboard.press('Tab');
      handle = /swipe-handle/.test((await focused(page))?.key ?? '');
    }
    expect(handle, 'the divider is in the Tab order').toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await page.getAttribute('.swipe-handle', 'aria-valuenow')).toBe('45');
    // The embed dialog: opened from the keyboard, the focus stays inside, Escape closes it and returns.
    await page.focus('#embed-open');
    await page.keyboard.press('Enter');
    await page.locator('dialog.embed-dialog[open]').waitFor();
    // As a reader would, wait for the preview to show its map before tabbing on (keys pressed into a
    // frame still loading go to a document that is about to be replaced).
    const frame = (await (await page.waitForSelector('.embed-preview')).contentFrame())!;
    await frame.waitForFunction(() => document.querySelector('#map')?.getAttribute('aria-busy') === 'false' && !!document.querySelector('#map')?.getAttribute('data-snapshot'), null, { timeout: 30_000 });
    for (let k = 0; k < 25; k++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => !!document.activeElement?.closest('dialog') || document.activeElement === document.body);
      expect(inside).toBe(true);
    }
    // The Tabs may have reached a place inside the preview, whose popup a focused place opens: the
    // first Escape then closes that popup, the next one the dialog (innermost first).
    await page.keyboard.press('Escape');
    if (await page.locator('dialog.embed-dialog[open]').count()) {
      await expect.poll(() => frame.locator('.maplibregl-popup').count()).toBe(0);
      await page.keyboard.press('Escape');
    }
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    expect((await focused(page))?.key).toBe('button#embed-open.embed-open');
  });
});

describe('forced colours and zoom', () => {
  it('keeps colour keys, pressed states and focus visible under forced colours, with no axe violation', async () => {
    const { page } = await open('', { width: 1300, height: 900, forcedColors: true });
    await waitForSnapshot(page, articleDate);
    expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), 'the page is in forced colours').toBe(true);
    // The places and the legend's areas come after the first drawn map (CI once read the page before the first place).
    await page.waitForSelector('#map[data-complete="true"]');
    await page.locator('.place-dot:not([hidden])').first().waitFor();
    await page.locator('#legend li[data-faction][data-area-km2] .legend-swatch').first().waitFor();
    const look = await page.evaluate(() => {
      // What the system colours resolve to here, from an element the forced palette leaves alone.
      const probe = document.body.appendChild(document.createElement('div'));
      probe.style.forcedColorAdjust = 'none';
      const system = (c: string) => { probe.style.backgroundColor = c; return getComputedStyle(probe).backgroundColor; };
      const highlight = system('Highlight'), buttonFace = system('ButtonFace'), canvas = system('Canvas');
      probe.remove();
      const sw = document.querySelector<HTMLElement>('#legend li[data-faction] .legend-swatch')!;
      const on = document.querySelector<HTMLElement>('button[data-lang][aria-pressed="true"]')!;
      const off = document.querySelector<HTMLElement>('button[data-lang][aria-pressed="false"]')!;
      const dotEl = document.querySelector<HTMLElement>('.place-dot:not([hidden])')!;
      return {
        highlight, buttonFace, canvas,
        swatch: getComputedStyle(sw).backgroundColor, inline: sw.style.backgroundColor, swatchAdjust: getComputedStyle(sw).forcedColorAdjust,
        on: getComputedStyle(on).backgroundColor, off: getComputedStyle(off).backgroundColor,
        dotButton: getComputedStyle(dotEl).backgroundColor,
      };
    });
    // The side's colour stays (the forced palette would paint it a system colour).
    expect(look.swatchAdjust).toBe('none');
    expect(look.swatch).toBe(look.inline);
    expect([look.canvas, look.buttonFace]).not.toContain(look.swatch);
    // The pressed language is marked in the system's Highlight, the other in the forced button colour.
    expect(look.on).toBe(look.highlight);
    expect(look.off).not.toBe(look.highlight);
    // The place dots are drawn by the map, which forced colours leave alone; the button over a dot
    // stays transparent (no system-coloured square hides it) and shows its focus ring.
    expect(look.dotButton).toMatch(/^rgba\(\d+, \d+, \d+, 0\)$/);
    await page.focus('.place-dot:not([hidden])');
    const ring = await page.evaluate(() => { const s = getComputedStyle(document.activeElement!); return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), cls: document.activeElement!.className }; });
    expect(ring.cls).toMatch(/place-dot/);
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Escape');
    await page.focus('#date-slider');
    await page.keyboard.press('ArrowLeft');
    await waitForSnapshot(page, dates[dates.indexOf(articleDate) - 1]);
    expect((await focused(page))?.visibleFocus).toBe(true);
    expect(await violations(page)).toEqual([]);
  });

  it('works at 200% zoom: nothing scrolls sideways, every control is on the page and the map keeps its size', async () => {
    // A 1280 × 900 window at 200% is a 640 × 450 CSS-pixel viewport at device scale 2.
    const { page } = await open('', { width: 640, height: 450, deviceScaleFactor: 2 });
    await waitForSnapshot(page, articleDate);
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      width: window.innerWidth,
      mapHeight: document.querySelector('#map')!.getBoundingClientRect().height,
      outside: [...document.querySelectorAll<HTMLElement>('button, input, select, summary, a[href]')]
        // The skip link waits off-screen until it has the focus.
        .filter((e) => e.getClientRects().length > 0 && !e.closest('.maplibregl-marker') && !e.classList.contains('skip-link'))
        .filter((e) => { const r = e.getBoundingClientRect(); return r.left < -1 || r.right > window.innerWidth + 1; })
        .map((e) => e.id || e.className || e.tagName),
    }));
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.width);
    expect(layout.outside).toEqual([]);
    expect(layout.mapHeight).toBeGreaterThanOrEqual(250);
    // The date control still works.
    await page.focus('#date-slider');
    await page.keyboard.press('ArrowLeft');
    await waitForSnapshot(page, dates[dates.indexOf(articleDate) - 1]);
    expect(await violations(page)).toEqual([]);
  });
});
