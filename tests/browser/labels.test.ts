/**
 * Names on the map (issue 20, ../shared CARTOGRAPHY.md): at the opening views of the explorer and
 * the embed, on six dates, no placed name's box meets another name's box or any shown dot, every
 * shown dot has its name, and the labels of other layers (the article's lines, the sides' names,
 * the countries) keep clear of both. Checked with MapLibre's own placement, not a picture.
 *
 * How the boxes are obtained, and why they are faithful: MapLibre decides what to draw by putting
 * every placed symbol's boxes into its collision index, and draws exactly the symbols it placed.
 * The test reads that index (`map.style.placement.collisionIndex`: `grid` holds the boxes, in CSS px
 * of the map shifted by the index's 100-px margin, with a key per symbol; line labels, such as the
 * rings', are circles). A place is "shown" when `queryRenderedFeatures` on the places layer (public
 * API, which answers from the same index) returns it. Its dot's box is the index's box centred on
 * the place's projected point (`map.project`), and its name's box is the other box with the same
 * key (one symbol, two boxes: icon and text). A name's box is its glyphs' block (both lines, the
 * local name included) plus the layer's text-padding, so it also covers the halo. These are
 * internals of MapLibre 6: if they move, the test fails loudly (no boxes found), not quietly.
 * On the article's date its line labels must be drawn too (they give way to towns, so a layout
 * that crowded them out would lose the article's figures).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openWatched, PageLog, sharedBrowser, waitForSettled, waitForSnapshot, type Watched } from './helpers.ts';

const siteUrl = inject('siteUrl');
const distDir = inject('distDir');
const index = JSON.parse(readFileSync(join(distDir, 'data/snapshots/index.json'), 'utf8')) as { snapshots: { date: string; article?: boolean }[] };
const dates = index.snapshots.map((s) => s.date);
const articleDate = index.snapshots.find((s) => s.article)!.date;
/** Six dates across the story: its first and last, the article's, the one before it, and two between. */
const SIX = [...new Set([dates[0]!, dates[Math.floor(dates.length / 4)]!, dates[Math.floor(dates.length / 2)]!, dates[dates.indexOf(articleDate) - 1]!, articleDate, dates.at(-1)!])];

const VIEWS = [
  { page: 'explorer', path: '', width: 1280, height: 800 },
  { page: 'explorer', path: '', width: 390, height: 844 },
  { page: 'embed', path: 'embed.html', width: 375, height: 560 },
  { page: 'embed', path: 'embed.html', width: 800, height: 600 },
];

let browser: Browser;
const log = new PageLog();
beforeAll(async () => { browser = await sharedBrowser(); });
afterAll(() => log.closeAndCheck(async () => { await browser?.close(); }));

type Box = [number, number, number, number];
interface Placed { id: string; rank: number; dot: Box | null; names: Box[] }
interface Placement {
  places: Placed[]; others: { layer: string; box: Box }[]; circles: [number, number, number][]; buttons: { id: string; box: Box }[]; controls: Box[]; size: [number, number];
  /** The article's line labels: how many the source has, and how many of their texts were placed. */
  lineLabels: { wanted: number; placed: number };
}

/** Reads MapLibre's placement on the page (see the top of this file). */
function readPlacement(page: Page): Promise<Placement> {
  return page.evaluate(() => {
    type B = [number, number, number, number];
    const el = document.querySelector('#map') as HTMLElement & { maplibre: any };
    const map = el.maplibre;
    const grid = map.style.placement.collisionIndex.grid;
    const PAD = 100; // the collision index's margin round the map (MapLibre's viewportPadding)
    const boxes = (grid.boxKeys as { bucketInstanceId: number; featureIndex: number }[]).map((k, i) => ({
      key: `${k.bucketInstanceId}/${k.featureIndex}`,
      box: (grid.bboxes as number[]).slice(i * 4, i * 4 + 4).map((v) => v - PAD) as B,
    }));
    const circles: [number, number, number][] = [];
    for (let i = 0; i < grid.circles.length; i += 3) circles.push([grid.circles[i] - PAD, grid.circles[i + 1] - PAD, grid.circles[i + 2]]);
    const used = new Set<string>();
    const places = map.queryRenderedFeatures({ layers: ['places'] }).map((f: any) => {
      const p = map.project(f.geometry.coordinates);
      const dot = boxes.find((b) => Math.abs((b.box[0] + b.box[2]) / 2 - p.x) < 0.5 && Math.abs((b.box[1] + b.box[3]) / 2 - p.y) < 0.5 && Math.abs(b.box[2] - b.box[0] - 24) < 0.5);
      if (dot) used.add(dot.key);
      return { id: f.properties.id as string, rank: f.properties.rank as number, dot: dot?.box ?? null, names: dot ? boxes.filter((b) => b.key === dot.key && b !== dot).map((b) => b.box) : [] };
    });
    const others = boxes.filter((b) => !used.has(b.key)).map((b) => ({ layer: b.key, box: b.box }));
    const mapBox = el.getBoundingClientRect();
    const buttons = [...el.querySelectorAll<HTMLElement>('button[data-place-id]:not([hidden])')].map((b) => {
      const r = b.getBoundingClientRect();
      return { id: b.dataset.placeId!, box: [r.left - mapBox.left, r.top - mapBox.top, r.right - mapBox.left, r.bottom - mapBox.top] as B };
    });
    const controls = [...el.querySelectorAll('.maplibregl-ctrl')].map((c) => {
      const r = c.getBoundingClientRect();
      return [r.left - mapBox.left, r.top - mapBox.top, r.right - mapBox.left, r.bottom - mapBox.top] as B;
    });
    // The line labels' boxes: those of the 'article-line-labels' buckets of the tiles drawn (the
    // style's tile manager for its source); a label's text is placed when its symbol has a box
    // other than its end dot's (10 px and MapLibre's default icon-padding of 2 on each side).
    const tiles = map.style.tileManagers['article-lines'];
    const bucketIds = new Set<number>(tiles ? tiles.getRenderableIds(true).map((id: string) => tiles.getTileByID(id).buckets['article-line-labels']?.bucketInstanceId) : []);
    const texts = new Set(boxes.filter((b) => bucketIds.has(Number(b.key.split('/')[0])) && Math.abs(b.box[2] - b.box[0] - 14) > 0.5).map((b) => b.key));
    const wanted = new Set(map.querySourceFeatures('article-lines').map((f: any) => f.properties.label).filter(Boolean)).size;
    return { places, others, circles, buttons, controls, size: [el.clientWidth, el.clientHeight] as [number, number], lineLabels: { wanted, placed: texts.size } };
  });
}

const meet = (a: Box, b: Box, tol = 0.01) => a[0] < b[2] - tol && b[0] < a[2] - tol && a[1] < b[3] - tol && b[1] < a[3] - tol;
const meetsCircle = (a: Box, [x, y, r]: [number, number, number]) => {
  const dx = Math.max(a[0] - x, 0, x - a[2]), dy = Math.max(a[1] - y, 0, y - a[3]);
  return dx * dx + dy * dy < r * r - 0.01;
};

/** Everything wrong with a placement, in words; [] when a cartographer would sign it. */
function problems(p: Placement): string[] {
  const out: string[] = [];
  for (const a of p.places) {
    if (!a.dot) out.push(`${a.id}: drawn, but no 24-px dot box of its own in the collision index`);
    if (a.names.length !== 1) out.push(`${a.id}: ${a.names.length} name boxes (a shown dot has exactly one name)`);
  }
  const dots = p.places.filter((a) => a.dot);
  for (const a of p.places) {
    for (const name of a.names) {
      for (const b of p.places) {
        if (b === a) continue;
        if (b.dot && meet(name, b.dot)) out.push(`${a.id}'s name is on ${b.id}'s dot`);
        for (const other of b.names) if (meet(name, other) && a.id < b.id) out.push(`${a.id}'s name meets ${b.id}'s name`);
      }
      for (const o of p.others) if (meet(name, o.box)) out.push(`${a.id}'s name meets another layer's label (${o.layer})`);
      for (const c of p.circles) if (meetsCircle(name, c)) out.push(`${a.id}'s name meets a line label`);
    }
  }
  for (const d of dots) {
    for (const o of p.others) if (meet(d.dot!, o.box)) out.push(`another layer's label (${o.layer}) is on ${d.id}'s dot`);
    for (const c of p.circles) if (meetsCircle(d.dot!, c)) out.push(`a line label is on ${d.id}'s dot`);
  }
  // Keyboard: a button over every shown dot the reader can reach (inside the map), none elsewhere, none overlapping.
  const shown = new Map(dots.map((d) => [d.id, d.dot!]));
  for (const b of p.buttons) {
    const dot = shown.get(b.id);
    if (!dot) out.push(`a button for ${b.id}, whose dot is not drawn`);
    else if (Math.abs(b.box[0] - dot[0]) > 1 || Math.abs(b.box[1] - dot[1]) > 1) out.push(`${b.id}'s button is not over its dot`);
    for (const c of p.buttons) if (c.id < b.id && meet(b.box, c.box)) out.push(`the buttons of ${b.id} and ${c.id} overlap`);
  }
  const [w, h] = p.size;
  for (const [id, dot] of shown) {
    const inside = dot[0] >= 0 && dot[1] >= 0 && dot[2] <= w && dot[3] <= h;
    // The map's own controls (zoom, attribution) are targets too: a dot under one has no button there (place-markers.ts).
    const underControl = p.controls.some((c) => meet(dot, c));
    if (inside && !underControl && !p.buttons.some((b) => b.id === id)) out.push(`${id} is drawn inside the map but has no button`);
  }
  return out;
}

/**
 * Waits until the labels of the shown date are placed: the page settled, then its idle-time work
 * done (the sides' names and the article's lines of a new date are set when the page is next idle;
 * a callback asked for now runs after those), then a frame drawn with the map idle after it (MapLibre
 * places labels in a frame, and the place buttons follow on 'idle', before this listener).
 */
async function waitForPlacement(w: Watched): Promise<void> {
  await waitForSettled(w);
  await w.page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve())));
  await w.page.evaluate(() => new Promise<void>((resolve) => {
    const map = (document.querySelector('#map') as HTMLElement & { maplibre: { once(e: string, f: () => void): void; triggerRepaint(): void } }).maplibre;
    map.once('idle', resolve);
    map.triggerRepaint();
  }));
}

async function setDate(w: Watched, dateIso: string): Promise<void> {
  const i = dates.indexOf(dateIso);
  await w.page.$eval('#date-slider', (el, v) => { (el as HTMLInputElement).value = String(v); el.dispatchEvent(new Event('input', { bubbles: true })); }, i);
  await waitForSnapshot(w.page, dateIso);
  await waitForPlacement(w);
}

describe('names on the map never collide (MapLibre\'s own placement)', () => {
  for (const v of VIEWS) {
    it(`${v.page} at ${v.width}×${v.height}, on ${SIX.length} dates`, async () => {
      const w = log.add(await openWatched(browser, `${siteUrl}${v.path}?date=${SIX[0]}`, { width: v.width, height: v.height }));
      await waitForSnapshot(w.page, SIX[0]);
      await w.page.waitForSelector('#map[data-complete="true"]');
      await waitForPlacement(w);
      let total = 0;
      for (const d of SIX) {
        if (d !== SIX[0]) await setDate(w, d);
        const p = await readPlacement(w.page);
        expect(problems(p), `${v.page} ${v.width}×${v.height} on ${d}`).toEqual([]);
        // On the article's date, its distances are on the map with their figures: they give way to
        // towns, but find room round their line's end at the opening views.
        if (d === articleDate) {
          expect(p.lineLabels.wanted, 'the article\'s lines on its date').toBeGreaterThanOrEqual(2);
          expect(p.lineLabels.placed, `${v.page} ${v.width}×${v.height}: the article's line labels drawn`).toBe(p.lineLabels.wanted);
        }
        total += p.places.length;
      }
      // Not vacuous: at least the largest towns are drawn on every date (five of rank 1 in the story).
      expect(total).toBeGreaterThanOrEqual(SIX.length * 3);
    }, 180_000);
  }
});
