import { describe, expect, it } from 'vitest';
import { dotPixels, NAME_POSITIONS, TARGET_PX } from './place-symbols.ts';

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
