/**
 * How often and how much an embedded frame may resize: at most one height per RESIZE_LIMITS.
 * intervalMs (the last height offered in between is applied when the interval is over), clamped
 * to RESIZE_LIMITS.min/maxHeightPx. The host-side loader applies heights through it, so a frame
 * (ours gone wrong, or any that sends our messages) cannot make the article jump on every frame
 * or grow without end; the embed sends through it too. Kept tiny: embed-loader.js goes into
 * every article page.
 */
export const RESIZE_LIMITS = { intervalMs: 100, minHeightPx: 100, maxHeightPx: 4000 };

/** When a timer callback runs; browsers may run one a few milliseconds early (Chromium does under load). */
export interface Clock { now: () => number; after: (ms: number, run: () => void) => void }
const realClock: Clock = { now: () => Date.now(), after: (ms, run) => { setTimeout(run, ms); } };

/**
 * Returns `offer(height)`: `apply` is called with the clamped height at once, or, within the
 * interval after the last call, once when it is over with the latest height offered. A timer that
 * fires before the interval is over waits again for the rest, so two heights are never applied
 * less than `intervalMs` apart.
 * @example const offer = limitResize((h) => { frame.style.height = `${h}px`; }); offer(812);
 */
export function limitResize(apply: (heightPx: number) => void, limits = RESIZE_LIMITS, clock: Clock = realClock): (heightPx: number) => void {
  let last = -Infinity;
  let pending: number | null = null;
  let applied = 0;
  const flush = () => {
    const wait = last + limits.intervalMs - clock.now();
    if (wait > 0) return clock.after(wait, flush);
    const h = pending!;
    pending = null;
    if (h !== applied) apply(applied = h);
    last = clock.now(); // after applying: the next height waits a whole interval from when this one took effect
  };
  return (heightPx) => {
    const waiting = pending !== null;
    pending = Math.min(limits.maxHeightPx, Math.max(limits.minHeightPx, Math.ceil(heightPx)));
    if (!waiting) flush();
  };
}
