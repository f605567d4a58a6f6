/**
 * `npx tsx bench/change.ts`: times computeChange (src/analysis/change.ts) in Node on real snapshots
 * from data/snapshots/, median of 5 runs per pair after one warm-up run. "Longest step" is the
 * longest stretch between two yields of changeSteps: how long the main-thread fallback of
 * ChangeClient can hold the page at most. Pass dates as arguments to time other pairs:
 * `npx tsx bench/change.ts 2016-01-01 2016-02-01`.
 */
import { changeSteps, computeChange } from '../src/analysis/change.ts';
import type { Snapshot } from '../src/data/contract.ts';
import { readSnapshot } from '../tests/fixtures/load.ts';

const RUNS = 5;
const args = process.argv.slice(2);
const PAIRS: [string, string][] = args.length >= 2
  ? Array.from({ length: args.length >> 1 }, (_, i) => [args[2 * i]!, args[2 * i + 1]!])
  : [['2017-01-01', '2017-07-15'], ['2014-06-01', '2015-06-01'], ['2017-07-15', '2018-01-01']];

const load = (dateIso: string): Snapshot => readSnapshot(`data/snapshots/${dateIso}.geojson`);

const vertices = (s: Snapshot) => s.features.reduce((n, f) => n + (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat().reduce((m, ring) => m + ring.length, 0), 0);
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

const rows: string[][] = [['before', 'after', 'features', 'vertices', 'median ms', 'min–max ms', 'longest step ms', 'pairs', 'drawn']];
for (const [a, b] of PAIRS) {
  const before = load(a), after = load(b);
  const result = computeChange(before, after); // warm-up
  const times: number[] = [];
  let longest = 0;
  for (let i = 0; i < RUNS; i++) {
    const steps = changeSteps(before, after);
    const t0 = performance.now();
    let t = t0;
    for (let next = steps.next(); ; next = steps.next()) {
      const now = performance.now();
      longest = Math.max(longest, now - t);
      t = now;
      if (next.done) break;
    }
    times.push(t - t0);
  }
  const pairs = Object.values(result.transfersKm2).reduce((n, m) => n + Object.keys(m).length, 0);
  rows.push([a, b, `${before.features.length}+${after.features.length}`, `${vertices(before)}+${vertices(after)}`, median(times).toFixed(0),
    `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}`, longest.toFixed(0), String(pairs), String(result.gained.features.length + result.lost.features.length)]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
console.log(`Node ${process.version}, ${RUNS} runs per pair.`);
