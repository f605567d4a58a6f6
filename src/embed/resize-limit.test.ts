import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { limitResize, RESIZE_LIMITS, type Clock } from './resize-limit.ts';

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });
const clock = { now: () => Date.now(), advance: (ms: number) => vi.advanceTimersByTime(ms) };

describe('limitResize', () => {
  it('applies at most one height per interval, the latest one, and each only once', () => {
    const applied: [number, number][] = [];
    const offer = limitResize((h) => applied.push([clock.now(), h]));
    // 1,000 heights in one second, one per millisecond.
    for (let k = 0; k < 1000; k++) { offer(300 + k); clock.advance(1); }
    clock.advance(500);
    expect(applied.length).toBeLessThanOrEqual(1000 / RESIZE_LIMITS.intervalMs + 1);
    for (let i = 1; i < applied.length; i++) expect(applied[i]![0] - applied[i - 1]![0]).toBeGreaterThanOrEqual(RESIZE_LIMITS.intervalMs);
    expect(applied.at(-1)![1]).toBe(1299); // the last height offered wins
    offer(1299);
    clock.advance(500);
    expect(applied.at(-1)![1]).toBe(1299);
    expect(applied.filter(([, h]) => h === 1299)).toHaveLength(1);
  });

  it('waits out the rest of the interval when a timer fires early (Chromium runs timers up to ~10 ms early under load)', () => {
    const applied: [number, number][] = [];
    // Every timer runs 9 ms before it is due (or at once when due in under 9 ms).
    const early: Clock = { now: () => Date.now(), after: (ms, run) => { setTimeout(run, Math.max(0, ms - 9)); } };
    const offer = limitResize((h) => applied.push([clock.now(), h]), RESIZE_LIMITS, early);
    for (let k = 0; k < 1000; k++) { offer(300 + k); clock.advance(1); }
    clock.advance(500);
    expect(applied.length).toBeGreaterThan(5);
    for (let i = 1; i < applied.length; i++) expect(applied[i]![0] - applied[i - 1]![0]).toBeGreaterThanOrEqual(RESIZE_LIMITS.intervalMs);
    expect(applied.at(-1)![1]).toBe(1299);
  });

  it('applies a first height at once, and clamps heights to the limits', () => {
    const applied: number[] = [];
    const offer = limitResize((h) => applied.push(h));
    offer(99_999);
    expect(applied).toEqual([RESIZE_LIMITS.maxHeightPx]);
    clock.advance(200);
    offer(3);
    expect(applied).toEqual([RESIZE_LIMITS.maxHeightPx, RESIZE_LIMITS.minHeightPx]);
  });
});
