import { describe, expect, it } from 'vitest';
import { awayFrom, labelPositions } from './article-layers.ts';

describe('where a line\'s label sits round its far end', () => {
  it('faces away from the place, to the nearest eighth of a turn', () => {
    expect(awayFrom([40, 35], [42, 35])).toBe('left'); // the end lies east: the text runs on east
    expect(awayFrom([40, 35], [40, 36])).toBe('bottom'); // north: the text sits above the end
    expect(awayFrom([40, 35], [39, 36])).toBe('bottom-right'); // north-west
    expect(awayFrom([40, 35], [40.5, 33])).toBe('top'); // mostly south
  });
  it('turns from there up to a right angle either way, never back over the line', () => {
    expect(labelPositions('bottom-right').map(([a]) => a)).toEqual(['bottom-right', 'bottom', 'right', 'bottom-left', 'top-right', 'top', 'left', 'bottom-right', 'bottom', 'right']);
    for (const [anchor, [x, y]] of labelPositions('left')) {
      // The line comes from the west: no text may lie straight west of the end, and none on it.
      expect(anchor, anchor).not.toBe('right');
      expect(Math.hypot(x, y)).toBeGreaterThan(0.5);
      if (anchor.endsWith('right')) expect(Math.hypot(x, y), `${anchor}, at 45° to the line`).toBeGreaterThan(0.8);
    }
  });
});
