/**
 * Smoke test of `npm run bench` (bench/run.ts): a small run against the built site completes and
 * writes results.json with every figure and goal. No timing is asserted: timings belong to the
 * bench's report, on a machine whose load is recorded, not to a pass or a fail.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runBench } from '../../bench/run.ts';
import { runArchiveBench } from '../../bench/archive.ts';

const distDir = inject('distDir');
const out = mkdtempSync(join(tmpdir(), 'frontlines-bench-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('runs every scenario and writes results.json with spreads and goals', async () => {
    const r = await runBench({
      root: resolve(import.meta.dirname, '../..'), site: distDir, out,
      loads: 1, swaps: 2, playSteps: 2, bigCount: 70, settleMs: 300, pauseMs: 0,
    });
    const file = join(out, 'results.json');
    expect(existsSync(file)).toBe(true);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as typeof r;
    for (const page of ['bare', 'explorer', 'embed'] as const) {
      expect(saved.firstView[page]!.drawnMs.n, page).toBe(1);
      expect(saved.firstView[page]!.jsGzipBytes.median, page).toBeGreaterThan(0);
    }
    // The first picture of each of our pages is the still (issue 20), and the map never shifts. At
    // the bench's window the explorer's still is its largest contentful paint; the embed's fills
    // the window, which Chrome leaves out of LCP.
    for (const page of ['explorer', 'embed'] as const) {
      expect(saved.firstView[page]!.stillPaintMs.n, page).toBe(1);
      expect(saved.firstView[page]!.mapClsMax, page).toBe(0);
    }
    expect(saved.firstView.explorer!.lcpWhat).toEqual(['img.map-still']);
    expect(saved.swaps.newDateMs.n).toBe(2);
    expect(saved.swaps.revisitedMs.n).toBe(2);
    expect(saved.play.stepMs.n).toBe(2);
    expect(saved.scale.snapshots).toBe(70);
    expect(saved.machine.loadavgAtStart).toHaveLength(3);
    // Every goal of issue 10 is reported, with a number and a verdict.
    expect(saved.goals.length).toBeGreaterThanOrEqual(21);
    for (const g of saved.goals) {
      expect(Number.isFinite(g.value), g.goal).toBe(true);
      expect(typeof g.met).toBe('boolean');
    }
  }, 600_000);

  it('runs the archive bench (bench/archive.ts) on a small archive: bytes, site-data\'s time and memory, the reader\'s figures', async () => {
    const r = await runArchiveBench({
      code: resolve(import.meta.dirname, '../..'), dist: distDir, out, cache: join(out, 'archives'),
      days: [40], loads: 1, steps: 2, pauseMs: 0, browser: true, log: () => {},
    });
    expect(r.rows.map((x) => x.days)).toEqual([30, 40]);
    for (const row of r.rows) {
      expect(row.rawBytes as number).toBeGreaterThan(0);
      expect(row.shippedBytes as number).toBeGreaterThan(0);
      const sd = row.siteData as { seconds: number; peakMiB: number };
      expect(sd.seconds).toBeGreaterThan(0);
      expect(sd.peakMiB).toBeGreaterThan(0);
    }
    const reader = (r.rows[1] as { reader: { stepMs: { n: number }; baselineStepMs: { n: number }; playDates: string[]; fetched: { firstView: { raw: number } } } }).reader;
    expect([reader.stepMs.n, reader.baselineStepMs.n]).toEqual([2, 2]);
    expect(reader.playDates).toHaveLength(13);
    expect(reader.fetched.firstView.raw).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(out, 'archive.json'), 'utf8')).rows).toHaveLength(2);
  }, 600_000);
});
