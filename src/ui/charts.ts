/**
 * An accessible SVG line chart over the snapshot dates (areas held, distances from a place).
 *
 * - The plot is one focusable control (role="slider"): Left/Right (and PageUp/PageDown, a year)
 *   move a cursor over the dates, Home/End jump to the ends, Enter/Space choose the date under the
 *   cursor; aria-valuetext reads the date in words and every series' value.
 * - A click or tap anywhere on the plot chooses the nearest date. The chosen date is a solid
 *   vertical line; the cursor, when elsewhere, a dashed one.
 * - Lines never rely on colour alone: each has a dash pattern, a marker shape and a label at its end.
 * - A <details> with a real table of the same numbers is the alternative to the picture.
 * - Nothing animates, so prefers-reduced-motion needs nothing. Text is always textContent.
 * The viewBox follows the plot's width in CSS px (ResizeObserver), so text keeps its size on a phone.
 * CSS hooks: .line-chart, .line-chart-title, .line-chart-readout, .line-chart-plot, .line-chart-table.
 */
import { el } from './dom.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';

export interface ChartSeries {
  id: string;
  label: string;
  color: string;
  /** One per date; null where there is nothing to show (drawn as a gap). */
  values: (number | null)[];
}
export interface LineChartOptions {
  title: string;
  datesIso: string[];
  series: ChartSeries[];
  unit: 'km²' | 'km';
  selectedIndex: number;
  lang: Lang;
  onSelect: (index: number) => void;
  strings: { table: string; date: string };
}
export interface LineChart {
  /** Moves the chosen date (when the app's date changed elsewhere) without calling onSelect. */
  setSelected(index: number): void;
  /** Stops listening to resizes. */
  destroy(): void;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Dash patterns, one per series in order, distinct in rhythm (not only in length). */
export const DASHES = ['none', '8 4', '2 3', '10 3 2 3', '16 5', '2 3 2 3 8 3'] as const;
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'triangle-down'] as const;
export type Marker = (typeof MARKERS)[number];
const NONE: Record<Lang, string> = { en: 'none', nl: 'geen' };
const FONT_PX = 12;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD date (calendar dates, so UTC). */
export const dayNumber = (dateIso: string): number => Date.parse(`${dateIso}T00:00:00Z`) / DAY_MS;

/** A linear map from [d0, d1] to [r0, r1]; a zero-width domain maps to the middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  return d1 === d0 ? () => (r0 + r1) / 2 : (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/**
 * 3 to 5 round ticks from 0 up to at least `max` (steps of 1, 2, 2.5 or 5 × 10ⁿ).
 * @example niceTicks(91_000) // [0, 25000, 50000, 75000, 100000]
 */
export function niceTicks(max: number): number[] {
  const top = max > 0 && Number.isFinite(max) ? max : 1;
  const power = 10 ** Math.floor(Math.log10(top / 4));
  for (const p of [power / 10, power, power * 10]) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * p;
      const n = Math.ceil(top / step - 1e-9);
      if (n >= 2 && n <= 4) return Array.from({ length: n + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
    }
  }
  return [0, top];
}

/** 1 January of every year inside the dates' range: the x axis ticks. */
export function yearTicks(datesIso: readonly string[]): { year: number; day: number }[] {
  if (!datesIso.length) return [];
  const first = dayNumber(datesIso[0]!), last = dayNumber(datesIso[datesIso.length - 1]!);
  const out: { year: number; day: number }[] = [];
  for (let y = Number(datesIso[0]!.slice(0, 4)); y <= Number(datesIso[datesIso.length - 1]!.slice(0, 4)); y++) {
    const day = dayNumber(`${y}-01-01`);
    if (day >= first && day <= last) out.push({ year: y, day });
  }
  return out;
}

/** The index of the value in `sorted` (ascending) nearest to `x`; the earlier one on a tie. */
export function nearestIndex(sorted: readonly number[], x: number): number {
  let lo = 0, hi = sorted.length - 1;
  if (hi < 0) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid; else hi = mid;
  }
  return Math.abs(sorted[hi]! - x) < Math.abs(x - sorted[lo]!) ? hi : lo;
}

/** The cursor after a key, or null for keys the chart does not use. */
export function stepIndex(key: string, index: number, count: number, page = 12): number | null {
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowLeft': case 'ArrowDown': return clamp(index - 1);
    case 'ArrowRight': case 'ArrowUp': return clamp(index + 1);
    case 'PageDown': return clamp(index - page);
    case 'PageUp': return clamp(index + page);
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return null;
  }
}

/**
 * SVG path data through the points, broken where a value is null.
 * @example linePath([[0, 10], [5, null], [10, 20], [20, 30]]) // "M0,10M10,20L20,30"
 */
export function linePath(points: readonly (readonly [number, number | null])[]): string {
  let d = '', pen = false;
  for (const [x, y] of points) {
    if (y === null) { pen = false; continue; }
    d += `${pen ? 'L' : 'M'}${round2(x)},${round2(y)}`;
    pen = true;
  }
  return d;
}

/**
 * Label positions near `ys` but at least `gap` apart and within [min, max], in the input's order:
 * pushed down from the top, then back up from the bottom if they overflow.
 */
export function spreadLabels(ys: readonly number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const out = order.map((o) => Math.max(min, Math.min(max, o.y)));
  for (let k = 1; k < out.length; k++) out[k] = Math.max(out[k]!, out[k - 1]! + gap);
  if (out.length) out[out.length - 1] = Math.min(out[out.length - 1]!, max);
  for (let k = out.length - 2; k >= 0; k--) out[k] = Math.min(out[k]!, out[k + 1]! - gap);
  const result = new Array<number>(ys.length);
  order.forEach((o, k) => (result[o.i] = out[k]!));
  return result;
}

/** SVG path data for a marker of radius r centred on (x, y). */
export function markerPath(shape: Marker, x: number, y: number, r: number): string {
  const p = (dx: number, dy: number) => `${round2(x + dx)},${round2(y + dy)}`;
  switch (shape) {
    case 'circle': return `M${p(-r, 0)}A${r},${r} 0 1,0 ${p(r, 0)}A${r},${r} 0 1,0 ${p(-r, 0)}Z`;
    case 'square': return `M${p(-r, -r)}L${p(r, -r)}L${p(r, r)}L${p(-r, r)}Z`;
    case 'triangle': return `M${p(0, -r * 1.2)}L${p(r * 1.1, r * 0.8)}L${p(-r * 1.1, r * 0.8)}Z`;
    case 'triangle-down': return `M${p(0, r * 1.2)}L${p(r * 1.1, -r * 0.8)}L${p(-r * 1.1, -r * 0.8)}Z`;
    case 'diamond': return `M${p(0, -r * 1.3)}L${p(r * 1.3, 0)}L${p(0, r * 1.3)}L${p(-r * 1.3, 0)}Z`;
    case 'cross': return `M${p(-r, -r)}L${p(r, r)}M${p(r, -r)}L${p(-r, r)}`;
  }
}

/** A value in words with its unit, or the language's "none". */
export function formatValue(v: number | null, unit: string, lang: Lang): string {
  return v === null ? NONE[lang] : `${formatNumber(v, lang)} ${unit}`;
}

/**
 * The date in words and every series' value: the slider's aria-valuetext and the visible readout.
 * @example valueText(opts, 38) // "15 July 2017: Islamic State 40,591 km², Syrian Kurds 27,398 km²"
 */
export function valueText(o: Pick<LineChartOptions, 'datesIso' | 'series' | 'unit' | 'lang'>, index: number): string {
  const date = o.datesIso[index];
  if (date === undefined) return '';
  return `${formatDate(date, o.lang)}: ${o.series.map((s) => `${s.label} ${formatValue(s.values[index] ?? null, o.unit, o.lang)}`).join(', ')}`;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Draws the chart and its table into `container` (replacing what was there).
 * @example renderLineChart(div, { title: 'Ground held', datesIso, series, unit: 'km²', selectedIndex: 38, lang: 'en', onSelect: (i) => app.setDate(i), strings: { table: 'Table', date: 'Date' } })
 */
export function renderLineChart(container: HTMLElement, options: LineChartOptions): LineChart {
  const o = options;
  const n = o.datesIso.length;
  const clampIndex = (i: number) => Math.max(0, Math.min(n - 1, i));
  let selected = clampIndex(o.selectedIndex);
  let cursor = selected;

  const days = o.datesIso.map(dayNumber);
  const max = Math.max(0, ...o.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const ticks = niceTicks(max);
  const tickLabels = ticks.map((t, i) => (i === ticks.length - 1 ? `${formatNumber(t, o.lang)} ${o.unit}` : formatNumber(t, o.lang)));
  const longest = (xs: string[]) => Math.max(0, ...xs.map((x) => x.length));

  const plot = svg('svg', {
    class: 'line-chart-plot', width: '100%', tabindex: 0, role: 'slider', 'aria-label': o.title,
    'aria-valuemin': 0, 'aria-valuemax': Math.max(0, n - 1), 'aria-orientation': 'horizontal',
    'font-size': FONT_PX, 'font-family': 'inherit',
  });
  // Through CSSOM, not a style attribute, which a strict Content-Security-Policy would refuse.
  plot.style.display = 'block';
  plot.style.touchAction = 'manipulation';
  plot.style.cursor = 'pointer';
  const readout = el('p', { class: 'line-chart-readout', 'aria-hidden': 'true' });
  const body = el('tbody');
  const table = el('table', {},
    el('caption', {}, o.title),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, o.strings.date),
      ...o.series.map((s) => el('th', { scope: 'col' }, `${s.label} (${o.unit})`)))),
    body);
  const rows = o.datesIso.map((d, i) => el('tr', {}, el('th', { scope: 'row' }, formatDate(d, o.lang)),
    ...o.series.map((s) => { const v = s.values[i] ?? null; return el('td', {}, v === null ? '–' : formatNumber(v, o.lang)); })));
  body.append(...rows);

  /** Sizes in viewBox units, which are CSS pixels at the plot's width (640 before it is laid out). */
  function layout(cssWidth: number) {
    const w = Math.max(280, Math.round(cssWidth || 640));
    const h = Math.round(Math.min(320, Math.max(200, w * 0.5)));
    const left = Math.min(w * 0.25, longest(tickLabels) * FONT_PX * 0.6 + 10);
    const right = Math.min(w * 0.35, longest(o.series.map((s) => s.label)) * FONT_PX * 0.6 + 22);
    const top = FONT_PX, bottom = h - FONT_PX * 2.2;
    return { w, h, left, right, top, bottom, x: linearScale(days[0] ?? 0, days[n - 1] ?? 1, left, w - right), y: linearScale(0, ticks[ticks.length - 1]!, bottom, top) };
  }
  /** The plot's width in CSS px (width: 100% of the figure, whatever the figure's margins). */
  const plotWidth = () => plot.getBoundingClientRect().width || container.clientWidth;
  let current = layout(0);

  function draw(): void {
    current = layout(plotWidth());
    const { w, h, left, right, top, bottom, x, y } = current;
    plot.setAttribute('viewBox', `0 0 ${w} ${h}`);
    const parts: SVGElement[] = [];
    // Axes: light grid lines with labels on the left; years along the bottom.
    const axis = svg('g', { fill: 'currentColor', stroke: 'currentColor', 'aria-hidden': 'true' });
    ticks.forEach((t, i) => {
      axis.append(svg('line', { x1: left, x2: w - right, y1: y(t), y2: y(t), 'stroke-opacity': i === 0 ? 0.6 : 0.15 }));
      axis.append(svg('text', { x: left - 6, y: y(t), 'text-anchor': 'end', 'dominant-baseline': 'middle', stroke: 'none' }, tickLabels[i]!));
    });
    for (const { year, day } of yearTicks(o.datesIso)) {
      axis.append(svg('line', { x1: x(day), x2: x(day), y1: bottom, y2: bottom + 4, 'stroke-opacity': 0.6 }));
      axis.append(svg('text', { x: x(day), y: bottom + FONT_PX * 1.4, 'text-anchor': 'middle', stroke: 'none' }, String(year)));
    }
    parts.push(axis);
    // Lines, with a marker and a label at each line's last value.
    const ends: { s: ChartSeries; k: number; i: number }[] = [];
    o.series.forEach((s, k) => {
      parts.push(svg('path', {
        d: linePath(days.map((d, i) => [x(d), s.values[i] == null ? null : y(s.values[i]!)])),
        fill: 'none', stroke: s.color, 'stroke-width': 2, 'stroke-linejoin': 'round', 'stroke-dasharray': DASHES[k % DASHES.length]!, 'data-series': s.id,
      }));
      let i = s.values.length - 1;
      while (i >= 0 && s.values[i] == null) i--;
      if (i >= 0) ends.push({ s, k, i });
    });
    const labelYs = spreadLabels(ends.map((e) => y(e.s.values[e.i]!)), FONT_PX * 1.15, top, bottom);
    ends.forEach((e, j) => {
      const ex = x(days[e.i]!), ey = y(e.s.values[e.i]!);
      parts.push(marker(e.k, e.s.color, ex, ey));
      parts.push(svg('text', { x: ex + 8, y: labelYs[j]!, 'dominant-baseline': 'middle', fill: 'currentColor', 'data-series': e.s.id }, e.s.label));
    });
    // The chosen date, and the cursor when it is elsewhere, with markers where it crosses the lines.
    const rule = (i: number, cls: string, dash: string) => svg('line', {
      class: cls, x1: x(days[i]!), x2: x(days[i]!), y1: top, y2: bottom, stroke: 'currentColor', 'stroke-width': cls === 'selected' ? 2 : 1, 'stroke-dasharray': dash,
    });
    if (n) {
      parts.push(rule(selected, 'selected', ''));
      if (cursor !== selected) parts.push(rule(cursor, 'cursor', '3 3'));
      o.series.forEach((s, k) => {
        const v = s.values[cursor];
        if (v != null) parts.push(marker(k, s.color, x(days[cursor]!), y(v)));
      });
    }
    plot.replaceChildren(...parts);
    // The whole area takes pointer events, so a tap between the lines still counts.
    plot.prepend(svg('rect', { x: 0, y: 0, width: w, height: h, fill: 'transparent' }));
    const text = valueText(o, cursor);
    plot.setAttribute('aria-valuenow', String(cursor));
    plot.setAttribute('aria-valuetext', text);
    readout.textContent = text;
    rows.forEach((r, i) => (i === selected ? r.setAttribute('aria-current', 'true') : r.removeAttribute('aria-current')));

    function marker(k: number, color: string, mx: number, my: number): SVGPathElement {
      const shape = MARKERS[k % MARKERS.length]!;
      return svg('path', {
        d: markerPath(shape, mx, my, 4), fill: shape === 'cross' ? 'none' : color, stroke: shape === 'cross' ? color : 'currentColor',
        'stroke-width': shape === 'cross' ? 2 : 0.75, 'aria-hidden': 'true',
      });
    }
  }

  const indexAt = (clientX: number): number => {
    const { w, left, right } = current;
    const box = plot.getBoundingClientRect();
    const vx = box.width > 0 ? ((clientX - box.left) / box.width) * w : 0;
    return nearestIndex(days, linearScale(left, w - right, days[0] ?? 0, days[n - 1] ?? 1)(vx));
  };
  const moveCursor = (i: number) => {
    if (i !== cursor) { cursor = i; draw(); }
  };
  const choose = (i: number) => {
    cursor = selected = i;
    draw();
    o.onSelect(i);
  };

  plot.addEventListener('keydown', (e) => {
    if (!n) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(cursor);
      return;
    }
    const next = stepIndex(e.key, cursor, n);
    if (next === null) return;
    e.preventDefault();
    moveCursor(next);
  });
  plot.addEventListener('click', (e) => {
    if (n) choose(indexAt(e.clientX));
  });
  plot.addEventListener('pointermove', (e) => {
    if (n && e.pointerType === 'mouse') moveCursor(indexAt(e.clientX));
  });
  const back = () => moveCursor(selected);
  plot.addEventListener('pointerleave', () => { if (document.activeElement !== plot) back(); });
  plot.addEventListener('blur', back);

  // A wide table scrolls on its own instead of widening the page (CSSOM: allowed by a strict CSP).
  const scroller = el('div', { class: 'line-chart-table-scroll', tabindex: '0', role: 'region', 'aria-label': o.strings.table }, table);
  scroller.style.overflowX = 'auto';
  container.replaceChildren(el('figure', { class: 'line-chart' },
    el('figcaption', { class: 'line-chart-title' }, o.title),
    readout,
    plot,
    el('details', { class: 'line-chart-table' }, el('summary', {}, o.strings.table), scroller)));
  draw();

  const observer = typeof ResizeObserver === 'function'
    ? new ResizeObserver(() => { if (plotWidth() > 0 && layout(plotWidth()).w !== current.w) draw(); })
    : null;
  observer?.observe(plot);

  return {
    setSelected(index: number) {
      cursor = selected = clampIndex(index);
      draw();
    },
    destroy() {
      observer?.disconnect();
    },
  };
}
