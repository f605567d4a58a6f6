import { describe, expect, it } from 'vitest';
import { declutter, TARGET_PX } from './place-markers.ts';

describe('declutter (place buttons that would overlap)', () => {
  it('keeps a point only when no earlier kept point is within a target\'s size on both axes', () => {
    expect(declutter([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 30, y: 0 }, { x: 40, y: 30 }, { x: 0, y: 23 }], TARGET_PX)).toEqual([true, false, true, true, false]);
    // Exactly a target apart: side by side, not overlapping.
    expect(declutter([{ x: 0, y: 0 }, { x: 24, y: 5 }], 24)).toEqual([true, true]);
    expect(declutter([], 24)).toEqual([]);
  });
  it('keeps a target clear of obstacles such as the zoom buttons, and inside the map', () => {
    const zoom = { x: 100, y: 10, width: 29, height: 58 };
    const pts = [{ x: 110, y: 5 }, { x: 90, y: 40 }, { x: 70, y: 40 }, { x: 50, y: 150 }, { x: 13, y: 13 }, { x: 12, y: 50 }];
    // Under the zoom buttons; its square reaches into them; clear; below the map; just inside; its square's edge on the map's.
    expect(declutter(pts, 24, { obstacles: [zoom], width: 200, height: 140 })).toEqual([false, false, true, false, true, true]);
    expect(declutter([{ x: 11, y: 50 }], 24, { width: 200 })).toEqual([false]);
    // Without an area, only the other targets count (as before): the third is now 20 px from the second.
    expect(declutter(pts, 24)).toEqual([true, true, false, true, true, true]);
  });
});
