import { describe, expect, it } from 'vitest';
import { declutter, TARGET_PX } from './place-markers.ts';

describe('declutter (place buttons that would overlap)', () => {
  it('keeps a point only when no earlier kept point is within a target\'s size on both axes', () => {
    expect(declutter([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 30, y: 0 }, { x: 40, y: 30 }, { x: 0, y: 23 }], TARGET_PX)).toEqual([true, false, true, true, false]);
    // Exactly a target apart: side by side, not overlapping.
    expect(declutter([{ x: 0, y: 0 }, { x: 24, y: 5 }], 24)).toEqual([true, true]);
    expect(declutter([], 24)).toEqual([]);
  });
});
