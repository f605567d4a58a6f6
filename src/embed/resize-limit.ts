/**
 * How often and how much an embedded frame may resize: at most one height per RESIZE_LIMITS.
 * intervalMs (the last height offered in between is applied when the interval is over), clamped
 * to RESIZE_LIMITS.min/maxHeightPx. The host-side loader applies heights through it, so a frame
 * (ours gone wrong, or any that sends our messages) cannot make the article jump on every frame
 * or grow without end; the embed sends through it too. Kept tiny: embed-loader.js goes into
 * every article page.
 */
export const RESIZE_LIMITS = { intervalMs: 100, minHeightPx: 100, maxHeightPx: 4000 };

/**
 * Returns `offer(height)`: `apply` is called with the clamped height at once, or, within the
 * interval after the last call, once when it is over with the latest height offered.
 * @example const offer = limitResize((h) => { frame.style.height = `${h}px`; }); offer(812);
 */
export function limitResize(apply: (heightPx: number) => void, limits = RESIZE_LIMITS): (heightPx: number) => void {
  let last = -Infinity;
  let pending: number | null = null;
  let applied = 0;
  const flush = () => {
    last = Date.now();
    const h = pending!;
    pending = null;
    if (h !== applied) apply(applied = h);
  };
  return (heightPx) => {
    const waiting = pending !== null;
    pending = Math.min(limits.maxHeightPx, Math.max(limits.minHeightPx, Math.ceil(heightPx)));
    if (waiting) return;
    const wait = last + limits.intervalMs - Date.now();
    if (wait > 0) setTimeout(flush, wait);
    else flush();
  };
}
