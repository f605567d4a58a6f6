/**
 * The goals of issue 10, each checked against figures of one benchmark run: ratios of medians
 * against the bare MapLibre page (or against the 60-snapshot site for scale), and the longest
 * main-thread task (a task over 50 ms blocks the reader).
 */
import { describe, kB, ratio, type Spread } from './figures.ts';

interface Page { drawnMs: Spread; gzipBytes: Spread; jsGzipBytes: Spread; afterFirstDrawLongestTaskMs: Spread }
interface OurPage extends Page { lcpMs: Spread; lcpWhat: string[]; stillPaintMs: Spread; completeMs: Spread; clsMax: number; mapClsMax: number; shifted: string[]; stillGzipBytes: number }
export interface GoalInput {
  firstView: Record<'bare' | 'explorer' | 'embed', OurPage>;
  swaps: { newDateMs: Spread; revisitedMs: Spread; bareMs: Spread; bareRevisitedMs: Spread; rapidMs: Spread; pauseMs: number; longestTaskMs: number };
  play: { stepMs: Spread; longestTaskMs: number };
  compare: { first: { ms: number; longestTaskMs: number }; cached: { ms: number; longestTaskMs: number }; others: { ms: number; longestTaskMs: number }[] };
  scale: { firstDrawnMs: { small: Spread; big: Spread }; stepMs: { small: Spread; big: Spread }; snapshots: number };
}

export interface Goal { goal: string; measured: string; value: number; target: string; met: boolean }

const LONG_TASK_MS = 50;

export function goals(r: GoalInput): Goal[] {
  const { bare, explorer, embed } = r.firstView;
  const out: Goal[] = [];
  const atMost = (goal: string, value: number, max: number, measured: string, unit = '×') => out.push({ goal, value, measured, target: `≤ ${max}${unit}`, met: value <= max });
  for (const [name, p] of [['explorer', explorer], ['embed', embed]] as const) {
    atMost(`1 first drawn snapshot, ${name} / bare`, ratio(p.drawnMs, bare.drawnMs), 1.15, `${describe(p.drawnMs)} vs ${describe(bare.drawnMs)}`);
    atMost(`1 first-view download (gzip), ${name} / bare`, ratio(p.gzipBytes, bare.gzipBytes), 1.15, `${kB(p.gzipBytes.median)} kB vs ${kB(bare.gzipBytes.median)} kB`);
    // Our script: what the page's first view downloads as JavaScript beyond the bare page's (MapLibre).
    const ours = kB(p.jsGzipBytes.median - bare.jsGzipBytes.median);
    atMost(`1 first-view script beyond MapLibre, ${name}`, ours, 60, `${kB(p.jsGzipBytes.median)} kB of JS vs the bare page's ${kB(bare.jsGzipBytes.median)} kB`, ' kB');
  }
  const s = r.swaps;
  atMost('2 swap by keyboard, new date / bare fetch+setData+drawn', ratio(s.newDateMs, s.bareMs), 0.5, `${describe(s.newDateMs)} vs ${describe(s.bareMs)}`);
  atMost('2 swap by keyboard, revisited date / bare', ratio(s.revisitedMs, s.bareRevisitedMs), 0.5, `${describe(s.revisitedMs)} vs ${describe(s.bareRevisitedMs)}`);
  const task = (goal: string, ms: number) => atMost(`3 longest main-thread task, ${goal}`, ms, LONG_TASK_MS, `${ms} ms`, ' ms');
  task('swaps (all of them, and 1 s after)', s.longestTaskMs);
  task('Play at the fastest speed', r.play.longestTaskMs);
  task('comparison, first time', r.compare.first.longestTaskMs);
  task('comparison, cached', r.compare.cached.longestTaskMs);
  task('comparison, other dates', Math.max(0, ...r.compare.others.map((c) => c.longestTaskMs)));
  task('5 s after first draw, explorer', explorer.afterFirstDrawLongestTaskMs.max);
  task('5 s after first draw, embed', embed.afterFirstDrawLongestTaskMs.max);
  // Issue 20: the first picture of the map (the build's still, shown by the page's first script)
  // against the bare page's first drawn frame, and no layout shift.
  for (const [name, p] of [['explorer', explorer], ['embed', embed]] as const) {
    const what = [...new Set(p.lcpWhat)].join(', ') || 'none';
    // The still's paint (Element Timing) is the first picture of the map; it is the page's largest
    // contentful paint too, unless it fills the whole window (Chrome then leaves it out of LCP).
    atMost(`5 first picture of the map (the still painted), ${name} / bare first drawn`, ratio(p.stillPaintMs, bare.drawnMs), 0.3,
      `${describe(p.stillPaintMs)} vs ${describe(bare.drawnMs)}; the page's largest contentful paint ${describe(p.lcpMs)} (${what})`);
    atMost(`5 layout shift of the map (CLS of the map, what is in it and what holds it), ${name}, largest of the loads`, Math.round(p.mapClsMax * 1000) / 1000, 0,
      `the page's CLS ${Math.round(p.clsMax * 1000) / 1000}${p.shifted.length ? ` (${p.shifted.join(', ')} moved)` : ''}`, '');
  }
  const sc = r.scale;
  atMost(`4 first drawn snapshot, ${sc.snapshots} / 60-snapshot site`, ratio(sc.firstDrawnMs.big, sc.firstDrawnMs.small), 1.05, `${describe(sc.firstDrawnMs.big)} vs ${describe(sc.firstDrawnMs.small)}`);
  atMost(`4 step one date, ${sc.snapshots} / 60-snapshot site`, ratio(sc.stepMs.big, sc.stepMs.small), 1.05, `${describe(sc.stepMs.big)} vs ${describe(sc.stepMs.small)}`);
  return out;
}

export function printReport(r: GoalInput & { goals: Goal[]; machine: unknown; compare: GoalInput['compare'] }): void {
  console.log('\nMachine:', JSON.stringify(r.machine));
  console.table(r.goals.map((g) => ({ goal: g.goal, value: g.value, target: g.target, met: g.met ? 'yes' : 'NO', measured: g.measured })));
  console.log(`Compare: first ${r.compare.first.ms.toFixed(0)} ms, cached ${r.compare.cached.ms.toFixed(0)} ms, others ${r.compare.others.map((c) => c.ms.toFixed(0)).join(', ')} ms`);
  console.log(`Play step: ${describe(r.play.stepMs)}`);
  for (const name of ['explorer', 'embed'] as const) {
    const p = r.firstView[name];
    console.log(`${name}: first picture (the still painted) ${describe(p.stillPaintMs)}, largest contentful paint ${describe(p.lcpMs)}; the live map drawn (it takes input: a move shows it) ${describe(p.drawnMs)}; complete (the still handed over) ${describe(p.completeMs)}; the still ${kB(p.stillGzipBytes)} kB of the first view's ${kB(p.gzipBytes.median)} kB`);
  }
  console.log(`Swaps with no pause (key pressed as soon as the last date is drawn): ${describe(r.swaps.rapidMs)}; the goals' swaps pause ${r.swaps.pauseMs} ms between keys`);
  console.log('All figures: dist-bench/results.json');
}
