/**
 * An accessible SVG line chart over the snapshot dates (areas held, distances from a place).
 *
 * - The plot is one focusable control (role="slider"): Left/Right (and PageUp/PageDown, a year)
 *   move a cursor over the dates, Home/End jump to the ends, Enter/Space choose the date under the
 *   cursor; aria-valuetext reads the date in words and every series' value.
 * - A click or tap anywhere on the plot chooses the nearest date. The chosen date is a solid
 *   vertical line; the cursor, when elsewhere, a dashed one.
 * - Lines never rely on colour alone: each has a dash pattern, a marker shape and a label at its end,
 *   or, when the longest label does not fit beside the plot (long names, a narrow screen), a key
 *   under it that wraps like text.
 * - A <details> with a real table of the same numbers is the alternative to the picture.
 * - Nothing animates, so prefers-reduced-motion needs nothing. Text is always textContent.
 * The viewBox follows the plot's width in CSS px (ResizeObserver), so text keeps its size on a phone.
 * CSS hooks: .line-chart, .line-chart-title, .line-chart-readout, .line-chart-plot, .line-chart-table.
 */
import { el } from './dom.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import { dayNumber, linearScale, linePath, markerPath, nearestIndex, niceTicks, seriesStyle, spreadLabels, stepIndex, valueText, yearTicks } from './chart-math.ts';
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
const FONT_PX = 12;

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
  // A loop, not Math.max(...values): a long series would overflow the stack.
  const max = o.series.reduce((m, s) => s.values.reduce<number>((n, v) => (v === null ? n : Math.max(n, v)), m), 0);
  const ticks = niceTicks(max);
  // Numbers alone: the unit is in the title ("…, km²"), and a label with it did not fit a phone's plot.
  const tickLabels = ticks.map((t) => formatNumber(t, o.lang));
  const longest = (xs: string[]) => xs.reduce((m, x) => Math.max(m, x.length), 0);

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
  // Each line's look and label, for when the labels do not fit at the lines' ends.
  const key = el('ul', { class: 'line-chart-key', 'aria-hidden': 'true' }, ...o.series.map((s, k) => {
    const look = svg('svg', { width: 28, height: 12, viewBox: '0 0 28 12' });
    look.append(svg('line', { x1: 0, x2: 28, y1: 6, y2: 6, stroke: s.color, 'stroke-width': 2, 'stroke-dasharray': seriesStyle(k).dash }));
    look.append(keyMarker(k, s.color));
    return el('li', { 'data-series': s.id }, look, s.label);
  }));
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
    // Labels at the lines' ends take up to a third of the width (0.6 em a character, roughly);
    // longer ones go into the key under the plot.
    const labelsPx = longest(o.series.map((s) => s.label)) * FONT_PX * 0.6 + 22;
    const endLabels = labelsPx <= w * 0.35;
    const right = endLabels ? labelsPx : 12;
    const top = FONT_PX, bottom = h - FONT_PX * 2.2;
    return { w, h, left, right, endLabels, top, bottom, x: linearScale(days[0] ?? 0, days[n - 1] ?? 1, left, w - right), y: linearScale(0, ticks[ticks.length - 1]!, bottom, top) };
  }
  /** The plot's width in CSS px (width: 100% of the figure, whatever the figure's margins). */
  const plotWidth = () => plot.getBoundingClientRect().width || container.clientWidth;
  let current = layout(0);

  function draw(): void {
    current = layout(plotWidth());
    const { w, h, left, right, endLabels, top, bottom, x, y } = current;
    key.hidden = endLabels;
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
        fill: 'none', stroke: s.color, 'stroke-width': 2, 'stroke-linejoin': 'round', 'stroke-dasharray': seriesStyle(k).dash, 'data-series': s.id,
      }));
      let i = s.values.length - 1;
      while (i >= 0 && s.values[i] == null) i--;
      if (i >= 0) ends.push({ s, k, i });
    });
    const labelYs = spreadLabels(ends.map((e) => y(e.s.values[e.i]!)), FONT_PX * 1.15, top, bottom);
    ends.forEach((e, j) => {
      const ex = x(days[e.i]!), ey = y(e.s.values[e.i]!);
      parts.push(marker(e.k, e.s.color, ex, ey));
      if (endLabels) parts.push(svg('text', { x: ex + 8, y: labelYs[j]!, 'dominant-baseline': 'middle', fill: 'currentColor', 'data-series': e.s.id }, e.s.label));
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

  }
  function marker(k: number, color: string, mx: number, my: number): SVGPathElement {
    const shape = seriesStyle(k).marker;
    return svg('path', {
      d: markerPath(shape, mx, my, 4), fill: shape === 'cross' ? 'none' : color, stroke: shape === 'cross' ? color : 'currentColor',
      'stroke-width': shape === 'cross' ? 2 : 0.75, 'aria-hidden': 'true',
    });
  }
  function keyMarker(k: number, color: string): SVGPathElement { return marker(k, color, 14, 6); }

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
    key,
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
