/**
 * The story's events (data/events.json) in real Chromium against the built site: one mark on the
 * date slider per event within the dates, the shown period's events listed with the summary, the
 * previous and next date with events by keyboard and by button, a claim labelled as one and a
 * disproved claim saying when and by what, in English and Dutch; the live region; "between these
 * dates" in a comparison; an event's place on the map; the embed (and `events=0`); another story
 * without events.json (nothing asked for, nothing shown) and with a few events (one with a place
 * its map lacks); axe-core with the events shown. Expected values come from the file itself, read
 * here with the test's own date rules, not the app's.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';
import { writeSiteData } from '../../scripts/site-data.ts';
import { openWatched, waitForSettled, waitForSnapshot, PageLog, sharedBrowser } from './helpers.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const STORY_B = join(import.meta.dirname, '../fixtures/story-b');
const WCAG22 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

interface RawEvent { id: string; date: string; status: string; title: { en: string; nl: string }; place?: string; settled?: { date: string; source: string } }
const dates = (JSON.parse(readFileSync(join(distDir, 'data/snapshots/index.json'), 'utf8')) as { snapshots: { date: string }[] }).snapshots.map((s) => s.date);
const events = (JSON.parse(readFileSync(join(distDir, 'data/events.json'), 'utf8')) as { events: RawEvent[] }).events;
/** The last day an event can have been: a month-only date (YYYY-MM) counts as the month's last day. */
const lastDay = (d: string) => (d.length === 7 ? new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10) : d);
const byDate = [...events].sort((a, b) => (lastDay(a.date) < lastDay(b.date) ? -1 : lastDay(a.date) > lastDay(b.date) ? 1 : 0));
/** The events of date i: after the date before (from the start for the first), up to and including date i. */
const periodIds = (i: number) => byDate.filter((e) => lastDay(e.date) <= dates[i]! && (i === 0 || lastDay(e.date) > dates[i - 1]!)).map((e) => e.id);
const periodOfEvent = (e: RawEvent) => dates.findIndex((d) => d >= lastDay(e.date));
const words = (d: string, lang: 'en' | 'nl') => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', d.length === 7 ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  .format(new Date(`${d.length === 7 ? `${d}-01` : d}T00:00:00Z`));

let browser: Browser;
const log = new PageLog();
const sites: { server: StaticServer; dir: string }[] = [];
const open = async (url: string, opts?: Parameters<typeof openWatched>[2]) => log.add(await openWatched(browser, url, opts));

beforeAll(async () => { browser = await sharedBrowser(); });
afterAll(() => log.closeAndCheck(async () => {
  await browser?.close();
  for (const s of sites) { await s.server.close(); rmSync(s.dir, { recursive: true, force: true }); }
}));

/** Waits until the events listed under the map are exactly `ids` (in order). */
async function waitForListed(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction((want) => {
    const box = document.querySelector('#events .events-body');
    if (!box) return false;
    const got = [...box.querySelectorAll(':scope > .events-list:first-child > .event')].map((li) => li.getAttribute('data-event-id'));
    return want.length ? JSON.stringify(got) === JSON.stringify(want) : !!box.querySelector(':scope > .events-none');
  }, ids, { timeout: 30_000 });
}

/**
 * Records the map element's height when MapLibre puts its canvas in (the map is made then, at that
 * size) as window.mapHeightAtStart: a map made before the room under it is settled resizes later.
 */
const recordMapHeightAtStart = () => {
  document.addEventListener('DOMContentLoaded', () => {
    const map = document.querySelector('#map')!;
    const seen = new MutationObserver(() => {
      seen.disconnect();
      (window as unknown as { mapHeightAtStart: number }).mapHeightAtStart = Math.round(map.getBoundingClientRect().height);
    });
    seen.observe(map, { childList: true });
  });
};

async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(WCAG22).analyze();
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('events in the explorer', () => {
  it('one mark per event within the dates, and the shown period\'s events listed with the summary', async () => {
    const i = dates.indexOf('2017-07-01');
    const { page } = await open('about:blank', { width: 1280, height: 800 });
    await page.addInitScript(recordMapHeightAtStart);
    await page.goto(`${siteUrl}?date=${dates[i]}&lang=en`);
    await waitForSnapshot(page, dates[i]);
    await waitForListed(page, periodIds(i));
    // The room for the events was taken before the map was made: the map has the size it was made at.
    expect(await page.evaluate(() => (window as unknown as { mapHeightAtStart: number }).mapHeightAtStart)).toBe(Math.round((await page.locator('#map').boundingBox())!.height));
    const inRange = events.filter((e) => lastDay(e.date) >= dates[0]! && lastDay(e.date) <= dates.at(-1)!);
    expect(inRange.length).toBeGreaterThanOrEqual(25);
    expect(await page.locator('#timeline .timeline-event').count()).toBe(inRange.length);
    // The marks are a picture; the slider's description says it in words.
    expect(await page.locator('#timeline .timeline-events').getAttribute('aria-hidden')).toBe('true');
    const described = await page.locator('#date-slider').getAttribute('aria-describedby');
    expect(await page.locator(`#${described}`).textContent()).toMatch(new RegExp(`^${periodIds(i).length} events? in this period`));
    expect(await page.locator('#timeline .timeline-event.is-current').evaluateAll((m) => m.map((x) => x.getAttribute('data-event-id')))).toEqual(periodIds(i));
    expect(await page.locator('#events .events-period').textContent()).toBe(`2 June – 1 July 2017`);
  });

  it('Shift with an arrow key on the slider, and the buttons, go to the previous and next date with events', async () => {
    // A date with no events of its own, between two that have some.
    const k = dates.findIndex((_, i) => i > 0 && periodIds(i).length === 0 && periodIds(i - 1).length > 0 && dates.slice(i + 1).some((__, j) => periodIds(i + 1 + j).length > 0));
    const next = dates.findIndex((_, i) => i > k && periodIds(i).length > 0);
    const after = dates.findIndex((_, i) => i > next && periodIds(i).length > 0);
    const { page } = await open(`${siteUrl}?date=${dates[k]}`);
    await waitForSnapshot(page, dates[k]);
    await waitForListed(page, []);
    await page.focus('#date-slider');
    await page.keyboard.press('Shift+ArrowRight');
    await waitForSnapshot(page, dates[next]);
    await waitForListed(page, periodIds(next));
    await page.keyboard.press('Shift+ArrowLeft');
    await waitForSnapshot(page, dates[k - 1]);
    // The slider's own keys still step one date.
    await page.keyboard.press('ArrowRight');
    await waitForSnapshot(page, dates[k]);
    // The buttons, reached by keyboard.
    const nextButton = page.locator('#events .events-step[data-step="1"]');
    expect(await nextButton.getAttribute('aria-label')).toBe('Next event');
    await nextButton.focus();
    await page.keyboard.press('Enter');
    await waitForSnapshot(page, dates[next]);
    await waitForListed(page, periodIds(next));
    await nextButton.click();
    await waitForSnapshot(page, dates[after]);
  });

  it('a claim is always labelled as one; a disproved claim says when and by what; in English and Dutch, and in the live region', async () => {
    const claim = byDate.find((e) => e.status === 'claimed')!;
    const disproved = byDate.find((e) => e.status === 'disproved')!;
    for (const lang of ['en', 'nl'] as const) {
      const i = periodOfEvent(claim);
      const { page } = await open(`${siteUrl}?date=${dates[i - 1]}&lang=${lang}`);
      await waitForSnapshot(page, dates[i - 1]);
      await page.locator('#timeline .timeline-events').waitFor({ state: 'attached' });
      // Chosen by keyboard: the live region speaks the date's events, the claim as a claim.
      await page.focus('#date-slider');
      await page.keyboard.press('ArrowRight');
      await waitForSnapshot(page, dates[i]);
      await waitForListed(page, periodIds(i));
      const item = page.locator(`#events .event[data-event-id="${claim.id}"]`);
      expect(await item.locator('.event-status').textContent()).toBe(lang === 'en' ? 'Claim' : 'Bewering');
      expect(await item.locator('time').textContent()).toBe(words(claim.date, lang));
      await page.waitForFunction(([t, l]) => (document.querySelector('#map-live')?.textContent ?? '').includes(`${l === 'en' ? 'Claim' : 'Bewering'}: ${t}`), [`${words(claim.date, lang)}, ${claim.title[lang]}`, lang]);
      expect(await page.locator('#map-live').textContent()).toMatch(lang === 'en' ? /Events: / : /Gebeurtenissen: /);

      const j = periodOfEvent(disproved);
      await page.focus('#date-slider');
      await page.evaluate((v) => { const s = document.querySelector<HTMLInputElement>('#date-slider')!; s.value = String(v); s.dispatchEvent(new Event('input')); }, j);
      await waitForSnapshot(page, dates[j]);
      await waitForListed(page, periodIds(j));
      const d = page.locator(`#events .event[data-event-id="${disproved.id}"]`);
      expect(await d.locator('.event-status').textContent()).toBe(lang === 'en' ? 'Disproved claim' : 'Weerlegde bewering');
      expect(await d.locator('.event-settled').textContent()).toBe(`${lang === 'en' ? 'Disproved on' : 'Weerlegd op'} ${words(disproved.settled!.date, lang)}: ${disproved.settled!.source}`);
      await page.waitForFunction((t) => (document.querySelector('#map-live')?.textContent ?? '').includes(t), `${disproved.title[lang]}, ${lang === 'en' ? 'disproved on' : 'weerlegd op'} ${words(disproved.settled!.date, lang)}`);
    }
  });

  it('a comparison lists the events between the two dates, in English and Dutch', async () => {
    const [from, to] = ['2017-01-01', '2017-07-15'];
    const between = byDate.filter((e) => lastDay(e.date) > from && lastDay(e.date) <= to).map((e) => e.id);
    expect(between.length).toBeGreaterThan(3);
    for (const lang of ['en', 'nl'] as const) {
      const { page } = await open(`${siteUrl}?date=${to}&compare=${from}&lang=${lang}`);
      await waitForSnapshot(page, to);
      const box = page.locator('#compare .compare-events');
      await box.waitFor();
      expect(await box.locator('.compare-events-title').textContent()).toBe(lang === 'en' ? 'Between these dates:' : 'Tussen deze datums:');
      expect(await box.locator('.event').evaluateAll((li) => li.map((x) => x.getAttribute('data-event-id')))).toEqual(between);
      // The claims among them are labelled there too.
      for (const e of byDate.filter((x) => between.includes(x.id) && x.status !== 'confirmed')) {
        expect(await box.locator(`.event[data-event-id="${e.id}"] .event-status`).count(), e.id).toBe(1);
      }
    }
  });

  it('an event\'s place is shown on the map when its button is pressed', async () => {
    const e = byDate.find((x) => x.place && periodIds(periodOfEvent(x)).length > 0)!;
    const i = periodOfEvent(e);
    const { page } = await open(`${siteUrl}?date=${dates[i]}#7/30/45`);
    await waitForSnapshot(page, dates[i]);
    await waitForListed(page, periodIds(i));
    await page.locator(`#events .event[data-event-id="${e.id}"] .event-place`).click();
    await page.locator(`.place-card[data-place-id="${e.place}"]`).waitFor();
    await page.waitForFunction((id) => new URLSearchParams(location.search).get('place') === id, e.place!);
  });

  it('axe finds no WCAG 2.2 A/AA violation with the events shown, a claim among them, and in a comparison', async () => {
    const disproved = byDate.find((e) => e.status === 'disproved')!;
    const i = periodOfEvent(disproved);
    for (const lang of ['en', 'nl']) {
      const { page } = await open(`${siteUrl}?date=${dates[i]}&compare=${dates[i - 6]}&lang=${lang}`);
      await waitForSnapshot(page, dates[i]);
      await waitForListed(page, periodIds(i));
      await page.locator('#compare .compare-events .event').first().waitFor();
      await page.locator('#events .event-sources summary').first().click();
      expect(await violations(page), lang).toEqual([]);
    }
  });
});

describe('events in the embed', () => {
  it('shows them under the slider, and events=0 leaves them out without asking for the file', async () => {
    const i = dates.indexOf('2017-07-01');
    const w = await open(`${siteUrl}embed.html?date=${dates[i]}&lang=nl`, { width: 375, height: 560 });
    await waitForSnapshot(w.page, dates[i]);
    await waitForListed(w.page, periodIds(i));
    expect(await w.page.locator('#timeline .timeline-event').count()).toBeGreaterThanOrEqual(25);
    expect(await violations(w.page)).toEqual([]);

    const off = await open(`${siteUrl}embed.html?date=${dates[i]}&events=0`, { width: 375, height: 560 });
    await waitForSnapshot(off.page, dates[i]);
    await waitForSettled(off);
    expect(await off.page.locator('#events').count()).toBe(0);
    expect(await off.page.locator('.timeline-event').count()).toBe(0);
    expect(off.requests.filter((u) => u.includes('events.json'))).toEqual([]);
    expect(w.requests.filter((u) => u.endsWith('/data/events.json'))).toHaveLength(1);
  });
});

/** A copy of the built site whose data/ is story-b, with `events` (if any) as its events.json. */
async function storyB(events: unknown | null): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'frontlines-events-'));
  cpSync(distDir, dir, { recursive: true, filter: (src) => src !== join(distDir, 'data') });
  const data = mkdtempSync(join(tmpdir(), 'frontlines-events-data-'));
  cpSync(STORY_B, data, { recursive: true });
  if (events !== null) writeFileSync(join(data, 'events.json'), JSON.stringify(events));
  writeSiteData(data, join(dir, 'data'));
  rmSync(data, { recursive: true, force: true });
  const server = await serveStatic(dir);
  sites.push({ server, dir });
  return server.url;
}

describe('another story', () => {
  it('without events.json: nothing is asked for, and the page is as before', async () => {
    const w = await open(await storyB(null));
    await waitForSnapshot(w.page);
    await waitForSettled(w);
    expect(w.requests.filter((u) => u.includes('events.json'))).toEqual([]);
    expect(await w.page.locator('#events').isHidden()).toBe(true);
    // The strip under the map holds the summary alone (the build made the story's figures), across its whole width.
    const widths = await w.page.evaluate(() => [document.querySelector('.map-notes')!.getBoundingClientRect().width, document.querySelector('#summary')!.getBoundingClientRect().width]);
    expect(await w.page.locator('#summary').isVisible()).toBe(true);
    expect(Math.abs(widths[0]! - widths[1]!), `strip ${widths[0]} px, summary ${widths[1]} px`).toBeLessThan(40);
    expect(await w.page.locator('.timeline-event').count()).toBe(0);
    expect(await w.page.locator('#date-slider').getAttribute('aria-describedby')).toBeNull();
  });

  it('with a few events: marks, the list, a month-only claim, and a notice for a place its map lacks', async () => {
    const source = ['Made up for tests'];
    const url = await storyB({ about: 'made up', events: [
      { id: 'crossing', date: '2024-02-14', title: { en: 'North Army crosses the river', nl: 'Noordelijk Leger steekt de rivier over' }, place: 'stonebridge', status: 'confirmed', sources: source },
      { id: 'casualties', date: '2024-03', title: { en: 'League says 500 killed', nl: 'Bond: 500 doden' }, status: 'claimed', sources: source },
      { id: 'lost-city', date: '2024-06-30', title: { en: 'Fighting near Atlantis', nl: 'Gevechten bij Atlantis' }, place: 'atlantis', status: 'confirmed', sources: source },
      { id: 'later', date: '2024-09-01', title: { en: 'Ceasefire', nl: 'Bestand' }, status: 'confirmed', sources: source },
    ] });
    const { page } = await open(`${url}?date=2024-04-01`);
    await waitForSnapshot(page, '2024-04-01');
    await waitForListed(page, ['crossing', 'casualties']);
    expect(await page.locator('#timeline .timeline-event').count()).toBe(3); // the ceasefire is after the last date
    expect(await page.locator('#events .event[data-event-id="casualties"] .event-status').textContent()).toBe('Claim');
    expect(await page.locator('#events .event[data-event-id="casualties"] time').textContent()).toBe('March 2024');
    expect(await page.locator('#events .event[data-event-id="crossing"] .event-place').textContent()).toBe('Stonebridge');
    await page.locator('#messages').filter({ hasText: 'data/events.json: event lost-city: "place": no place "atlantis" in places.geojson' }).waitFor();
    // At the last date: its own events, and the later ones under their own heading.
    await page.focus('#date-slider');
    await page.keyboard.press('Shift+ArrowRight');
    await waitForSnapshot(page, '2024-07-01');
    await waitForListed(page, ['lost-city']);
    expect(await page.locator('#events .event[data-event-id="lost-city"] .event-place').count()).toBe(0);
    expect(await page.locator('#events .events-later').textContent()).toBe('After 1 July 2024, the last date on the map');
    expect(await page.locator('#events .events-later + .events-list .event').evaluateAll((li) => li.map((x) => x.getAttribute('data-event-id')))).toEqual(['later']);
  });

  it('with a broken events.json: a notice names the file and what is wrong, and the map goes on without events', async () => {
    const url = await storyB({ events: [{ id: 'x', date: '2024-02-30', title: { en: 'A', nl: 'A' }, status: 'confirmed', sources: ['s'] }] });
    const { page } = await open(url);
    await waitForSnapshot(page);
    await page.locator('#messages').filter({ hasText: 'The events are left out: data/events.json: events[0] (x): "date" must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known; got "2024-02-30"' }).waitFor();
    await page.waitForFunction(() => document.querySelector('#events')?.hasAttribute('hidden'));
    expect(await page.locator('.timeline-event').count()).toBe(0);
    // The row kept under the slider for the marks (from the first view) is given back.
    expect(await page.locator('.timeline-track.has-events').count()).toBe(0);
    await page.focus('#date-slider');
    await page.keyboard.press('ArrowLeft');
    await waitForSnapshot(page, '2024-04-01');
  });
});
