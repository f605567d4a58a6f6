/**
 * Figures for the benchmark's report: a sample's median and spread, and ratios of medians.
 * Timings on a shared 2-core machine are noisy, so every figure keeps its spread (quartiles and
 * range) next to its median, and the raw values go to dist-bench/results.json.
 */

export interface Spread {
  n: number;
  median: number;
  /** First and third quartiles (linear interpolation between order statistics). */
  q1: number;
  q3: number;
  min: number;
  max: number;
  values: number[];
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** @example spread([3, 1, 2]).median // 2 */
export function spread(values: readonly number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    n: s.length, median: r(quantile(s, 0.5)), q1: r(quantile(s, 0.25)), q3: r(quantile(s, 0.75)),
    min: r(s[0] ?? NaN), max: r(s[s.length - 1] ?? NaN), values: values.map(r),
  };
}

/** Ratio of two medians, to two decimals. */
export const ratio = (a: Spread, b: Spread): number => Math.round((a.median / b.median) * 100) / 100;

/** "1,234 ms (IQR 1,100–1,400, range 1,000–2,000, n 7)" */
export function describe(s: Spread, unit = 'ms'): string {
  const f = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1));
  return `${f(s.median)} ${unit} (IQR ${f(s.q1)}–${f(s.q3)}, range ${f(s.min)}–${f(s.max)}, n ${s.n})`;
}

export const kB = (bytes: number): number => Math.round(bytes / 102.4) / 10;
