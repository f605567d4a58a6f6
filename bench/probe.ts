/**
 * What the benchmark records inside a page, from before its first script runs (an init script, so
 * plain JavaScript in a string): every time #map reports a drawn snapshot (data-snapshot set and
 * aria-busy not "true"), every key press (the event's own timestamp, i.e. when the browser got
 * it), every main-thread long task (PerformanceObserver 'longtask': tasks over 50 ms), the largest
 * contentful paints and layout shifts, and when the map is complete and its still picture gone.
 * Times are performance.now() of the page: ms since navigation start.
 */
import type { Page } from 'playwright-core';

export interface Drawn { date: string; at: number }
export interface LongTask { start: number; ms: number }
/** A largest-contentful-paint entry: when, how large (px²) and what (tag.class of the element). */
export interface Paint { at: number; size: number; what: string }
export interface Probe {
  drawn: Drawn[]; keys: number[]; longTasks: LongTask[];
  /** Every largest contentful paint the browser reported; the last is the page's. */
  lcp: Paint[];
  /** Element Timing entries (elements with an elementtiming attribute): when each was painted. */
  elements: { at: number; id: string }[];
  /** Cumulative layout shift (PerformanceObserver 'layout-shift', shifts after input left out), of the page and of the map (it, what is in it, what holds it); what else shifted. */
  cls: number;
  mapCls: number;
  shifted: string[];
  /** When #map first said it was complete (data-complete), and when the still picture left it; null if not (yet). */
  complete: number | null;
  stillGone: number | null;
}

export const PROBE_SCRIPT = `(() => {
  // tsx (esbuild's keepNames) wraps functions in page.evaluate bodies in __name(); let them run.
  window.__name = window.__name || ((f) => f);
  const b = window.__bench = { drawn: [], keys: [], longTasks: [], lcp: [], elements: [], cls: 0, mapCls: 0, shifted: [], complete: null, stillGone: null };
  let hadStill = false;
  document.addEventListener('keydown', (e) => { b.keys.push(e.timeStamp); }, true);
  let sawBusy = false;
  new MutationObserver(() => {
    const m = document.getElementById('map');
    const date = m && m.getAttribute('data-snapshot');
    if (!m) return;
    if (m.getAttribute('data-complete') === 'true' && b.complete === null) b.complete = performance.now();
    if (m.classList.contains('has-still')) hadStill = true;
    else if (hadStill && b.stillGone === null) b.stillGone = performance.now();
    if (m.getAttribute('aria-busy') === 'true') { sawBusy = true; return; }
    const last = b.drawn[b.drawn.length - 1];
    if (date && (!last || last.date !== date || sawBusy)) { b.drawn.push({ date, at: performance.now() }); sawBusy = false; }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-snapshot', 'aria-busy', 'data-complete', 'class'] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.lcp.push({ at: e.startTime, size: e.size, what: e.element ? e.element.tagName.toLowerCase() + (e.element.className ? '.' + String(e.element.className).split(' ')[0] : '') : (e.url || '?') });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    // Element Timing: when the still picture of the map was painted (its elementtiming attribute).
    // Chrome leaves an image as large as the viewport out of the largest contentful paint (it takes
    // it for a background), as the embed's still is at the benchmark's window size.
    new PerformanceObserver((list) => { for (const e of list.getEntries()) b.elements.push({ at: e.renderTime || e.loadTime, id: e.identifier }); })
      .observe({ type: 'element', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        b.cls += e.value;
        // The map's share: a shift of the map, of what is in it, or of what holds it.
        const m = document.getElementById('map');
        if (m && (e.sources || []).some((x) => x.node && (x.node === m || x.node.contains(m) || m.contains(x.node)))) b.mapCls += e.value;
        else b.shifted.push(...(e.sources || []).map((x) => x.node ? (x.node.id ? '#' + x.node.id : x.node.nodeName.toLowerCase()) : '?'));
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (err) { b.noPaints = String(err); }
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, ms: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch (err) { b.noLongTasks = String(err); }
})();`;

export const probe = (page: Page): Promise<Probe> => page.evaluate('window.__bench') as Promise<Probe>;

/** The longest main-thread task that overlaps [from, to] (ms since navigation start); 0 for none. */
export function longestTask(tasks: readonly LongTask[], from: number, to: number): number {
  let longest = 0;
  for (const t of tasks) if (t.start < to && t.start + t.ms > from) longest = Math.max(longest, t.ms);
  return Math.round(longest);
}

/** Waits until the page has reported `count` drawn snapshots; returns the last. */
export async function waitDrawn(page: Page, count: number, timeout = 60_000): Promise<Drawn> {
  await page.waitForFunction((n) => (window as unknown as { __bench: Probe }).__bench.drawn.length >= n, count, { timeout, polling: 10 });
  return (await probe(page)).drawn[count - 1]!;
}
