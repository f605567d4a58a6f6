/**
 * The arithmetic and words of the line charts (charts.ts), with no DOM: scales, ticks, paths,
 * label spreading, markers, the keyboard's steps and the readout text.
 */
import { formatDate, formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import type { LineChartOptions } from './charts.ts';

/** Dash patterns, one per series in order, distinct in rhythm (not only in length). */
export const DASHES = ['none', '8 4', '2 3', '10 3 2 3', '16 5', '2 3 2 3 8 3'] as const;
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'triangle-down'] as const;
export type Marker = (typeof MARKERS)[number];

/**
 * The look of series k: a dash pattern and a marker shape, so that lines never differ by colour
 * alone. Up to 36 series get distinct pairs (the marker shifts by one after every six dashes).
 */
export function seriesStyle(k: number): { dash: string; marker: Marker } {
  return { dash: DASHES[k % DASHES.length]!, marker: MARKERS[(k + Math.floor(k / DASHES.length)) % MARKERS.length]! };
}
const NONE: Record<Lang, string> = { en: 'none', nl: 'geen' };
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

export const round2 = (x: number) => Math.round(x * 100) / 100;
