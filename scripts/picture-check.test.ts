/**
 * The picture check on pictures painted here pixel by pixel, as the map paints its ground
 * (src/map/side-pixels.ts): a blank map, a map without one side, and a good one.
 */
import { describe, expect, it } from 'vitest';
import type { Faction, Snapshot } from '../src/data/contract.ts';
import { COLORS } from '../src/map/palette.ts';
import { countSidePixels, hexRgb, sideLooks, type Rgb } from '../src/map/side-pixels.ts';
import { checkPicture, sideShares, type BBox } from './picture-check.ts';
import { visibleBBox } from './render-page.ts';

const faction = (id: string, color: string): Faction => ({ id, color, name: { en: id, nl: id }, short: { en: id, nl: id }, grammar: { plural: false, article: { en: 'the', nl: 'de' }, possessive: { en: 'its', nl: 'zijn' } } });
const factions = [faction('north', '#2e2e2e'), faction('south', '#e59ab0'), faction('absent', '#2f8f5b')];
const square = (faction: string, [w, s, e, n]: BBox, tier?: 'desert') => ({
  type: 'Feature' as const, properties: { faction, ...(tier ? { tier } : {}) },
  geometry: { type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] },
});
// The view: 10° × 10°; north holds the top half, south the bottom half (its lower half as desert).
const bbox: BBox = [30, 30, 40, 40];
const snapshot: Snapshot = { type: 'FeatureCollection', features: [square('north', [30, 35, 40, 40]), square('south', [30, 32.5, 40, 35]), square('south', [30, 30, 40, 32.5], 'desert')] };

/** A 100 × 100 picture: each row painted with the colour `row(y)` gives. */
function picture(row: (y: number) => Rgb) {
  const width = 100, height = 100, data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([...row(y), 255], (y * width + x) * 4);
  return { width, height, data };
}
const [northLook, southLook] = sideLooks(factions, 'light').map((l) => l.rgb);
const mapRect = { x: 0, y: 0, width: 100, height: 100 };

describe('sideShares', () => {
  it('gives each side its share of the view, clipped to it', () => {
    const shares = sideShares(snapshot, bbox);
    expect(shares.get('north')).toBeGreaterThan(0.45);
    expect(shares.get('north')).toBeLessThan(0.5); // smaller towards the pole: spherical areas
    expect(shares.get('south')).toBeGreaterThan(0.5);
    expect(shares.has('absent')).toBe(false);
    expect(sideShares(snapshot, [50, 30, 60, 40]).get('north')).toBe(0);
  });
});

describe('checkPicture', () => {
  it('passes a picture that shows every side where the data has it', () => {
    const img = picture((y) => (y < 50 ? northLook![0]! : y < 75 ? southLook![0]! : southLook![y % 4 ? 1 : 2]!));
    const r = checkPicture({ img, mapRect, factions, snapshot, bbox, theme: 'light' });
    expect(r.message).toMatch(/^every side in view shows: north 5000 px, south 5000 px$/);
    expect(r.ok).toBe(true);
    expect(r.sides.find((s) => s.id === 'absent')).toMatchObject({ pixels: 0, needed: 0 });
  });

  it('fails a blank map, saying so', () => {
    const r = checkPicture({ img: picture(() => [250, 248, 243]), mapRect, factions, snapshot, bbox, theme: 'light' });
    expect(r.ok).toBe(false);
    expect(r.drawn).toBe(0);
    expect(r.message).toContain('it looks blank');
  });

  it('fails a map drawn without a side, naming it and the pixels it needed', () => {
    const r = checkPicture({ img: picture((y) => (y < 50 ? northLook![0]! : hexRgb(COLORS.focusLand))), mapRect, factions, snapshot, bbox, theme: 'light' });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^the map shows too little of south \(0 pixels of its colour, \d+ needed for 5\d\.\d% of the view\)$/);
  });

  it('checks only the basemap when no side is in view', () => {
    const r = checkPicture({ img: picture(() => hexRgb(COLORS.land)), mapRect, factions, snapshot, bbox: [50, 30, 60, 40], theme: 'light' });
    expect(r.ok).toBe(true);
    expect(r.message).toContain('only the basemap was checked');
  });

  it('tells the dark theme from the light one', () => {
    const img = picture((y) => (y < 50 ? northLook![0]! : southLook![0]!));
    expect(checkPicture({ img, mapRect, factions, snapshot, bbox, theme: 'dark' }).ok).toBe(false);
    const dark = sideLooks(factions, 'dark').map((l) => l.rgb);
    expect(checkPicture({ img: picture((y) => (y < 50 ? dark[0]![0]! : dark[1]![0]!)), mapRect, factions, snapshot, bbox, theme: 'dark' }).ok).toBe(true);
  });
});

describe('countSidePixels', () => {
  it('counts only inside the rectangle, and nothing far from every look', () => {
    const img = picture((y) => (y < 50 ? northLook![0]! : [0, 0, 255]));
    const counts = countSidePixels(img, sideLooks(factions, 'light'), { x: 10, y: 40, width: 20, height: 20 });
    expect(Object.fromEntries(counts)).toEqual({ north: 200, south: 0, absent: 0 });
  });
});

describe('visibleBBox', () => {
  it('is the whole view for the whole map, and the upper half in Mercator for its top half', () => {
    const full = { x: 0, y: 10, width: 200, height: 100 };
    expect(visibleBBox(bbox, full, full).map((x) => +x.toFixed(6))).toEqual(bbox);
    const [w, s, e, n] = visibleBBox(bbox, full, { x: 0, y: 10, width: 200, height: 50 });
    expect([w, e, n]).toEqual([30, 40, 40]);
    // Half way in Mercator y between 30° and 40° is north of 35°.
    expect(s).toBeGreaterThan(35);
    expect(s).toBeLessThan(35.2);
  });
});
