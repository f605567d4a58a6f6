import { describe, expect, it } from 'vitest';
import { dotPixels, nameSides, NAME_POSITIONS, NAME_POSITIONS_LEFT_FIRST, TARGET_PX } from './place-symbols.ts';

const px = (img: { width: number; data: Uint8Array }, x: number, y: number) => [...img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];

describe('dotPixels (the places\' dots, drawn without a canvas)', () => {
  const img = dotPixels(TARGET_PX, 12, 2, [10, 20, 30], [250, 240, 230], 2);
  it('is the target\'s size at the pixel ratio, transparent outside the dot', () => {
    expect([img.width, img.height, img.data.length]).toEqual([48, 48, 48 * 48 * 4]);
    expect(px(img, 0, 0)).toEqual([0, 0, 0, 0]);
    // 13 CSS px from the centre along a row: outside a 12-px dot.
    expect(px(img, 24 + 14, 24)[3]).toBe(0);
  });
  it('fills the middle and rings it, with soft edges', () => {
    expect(px(img, 24, 24)).toEqual([10, 20, 30, 255]);
    // 5 CSS px (10 device px) from the centre: inside the 2-px ring (radius 4 to 6 CSS px).
    expect(px(img, 24 + 10, 24)).toEqual([250, 240, 230, 255]);
    // Pixels on the dot's round edge are only partly covered.
    const alphas = Array.from({ length: 48 * 48 }, (_, i) => img.data[i * 4 + 3]!);
    expect(alphas.filter((a) => a > 0 && a < 255).length).toBeGreaterThan(20);
  });
});

describe('NAME_POSITIONS', () => {
  it('tries right above, right below, left above, left below, then above and below (CARTOGRAPHY.md)', () => {
    expect(NAME_POSITIONS.map(([a]) => a)).toEqual(['bottom-left', 'top-left', 'bottom-right', 'top-right', 'bottom', 'top']);
    // Right of the dot for the first two, left for the next two.
    expect(NAME_POSITIONS.slice(0, 2).every(([, [x]]) => x > 0)).toBe(true);
    expect(NAME_POSITIONS.slice(2, 4).every(([, [x]]) => x < 0)).toBe(true);
  });
});

describe('nameSides: a name tries the left of its dot first when its nearest neighbour is east', () => {
  const place = (id: string, rank: number, lon: number, lat: number) => ({ type: 'Feature' as const, properties: { id, name_en: id, name_nl: id, rank }, geometry: { type: 'Point' as const, coordinates: [lon, lat] } });
  it('looks at places of the same rank or larger, within 1.5 degrees', () => {
    const places = [
      place('mosul', 1, 43.13, 36.34), place('erbil', 1, 44.01, 36.19), // each other's nearest: Erbil is east of Mosul
      place('tal-afar', 2, 42.45, 36.37), // a smaller place west of Mosul does not count for Mosul
      place('baghdad', 1, 44.36, 33.31), // nearest larger or equal is over 1.5° away
      place('samarra', 2, 43.88, 34.2), place('tikrit', 2, 43.68, 34.6), // Samarra's nearest (Tikrit) is west; Tikrit's (Samarra) is east
    ];
    expect(nameSides(places)).toEqual(['left', 'right', 'left', 'right', 'right', 'left']);
  });
  it('keeps right first with no neighbour, and for a lone place', () => {
    expect(nameSides([place('a', 1, 40, 35)])).toEqual(['right']);
    expect(nameSides([])).toEqual([]);
  });
  it('offers the same six positions, the left ones first', () => {
    expect(NAME_POSITIONS_LEFT_FIRST.map(([a]) => a)).toEqual(['bottom-right', 'top-right', 'bottom-left', 'top-left', 'bottom', 'top']);
    expect(new Set(NAME_POSITIONS_LEFT_FIRST)).toEqual(new Set(NAME_POSITIONS));
  });
});
