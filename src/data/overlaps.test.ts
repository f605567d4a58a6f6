/**
 * The overlap check on files built to overwhelm it (issue 23), and its count against an oracle
 * that compares every pair of features.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Position } from 'geojson';
import type { TerritoryFeature } from './contract.ts';
import { overlapProblems } from './overlaps.ts';
import { formatProblem } from './result.ts';
import { validateSnapshotText } from './validate.ts';
import { overlapBomb } from '../../tests/fixtures/hostile.ts';
import { rectAreaKm2 } from '../../tests/fixtures/load.ts';

const F = 'bomb.geojson';
/** Overlaps listed per snapshot (MAX_LISTED_OVERLAPS in overlaps.ts), written out so the test pins the number. */
const LISTED = 10;
const SIDES = ['islamic-state', 'syrian-kurds'];
const square = (w: number, s: number, size: number): Position[][] => [[[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]]];
const features = (list: { faction: string; polygons: Position[][][] }[]) => list.map(({ faction, polygons }, index) => ({
  index,
  feature: { type: 'Feature', properties: { faction }, geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons } } as TerritoryFeature,
}));

describe('overlapProblems on hostile files', () => {
  it('lists the first 10 overlaps of 600 identical squares and counts the other 89,990, in a few lines', () => {
    const text = overlapBomb(600);
    expect(text.length).toBeGreaterThan(90_000);
    const r = validateSnapshotText(text, F, text.length, { factions: SIDES });
    expect(r.ok).toBe(false);
    // 300 squares of each side, each overlapping all 300 of the other: 90,000 pairs.
    const km2 = rectAreaKm2(38, 35, 38.1, 35.1).toFixed(2);
    const listed = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19].map((b) => `${F}: feature 0: islamic-state overlaps feature ${b} (syrian-kurds) by ${km2} km²; different factions must not overlap`);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([...listed, `${F}: and 89,990 more overlaps between factions, not listed`]);
  });

  it('stops at its work limit with a clear line, whether or not it found overlaps by then', () => {
    const bomb = features(Array.from({ length: 200 }, (_, i) => ({ faction: SIDES[i % 2]!, polygons: [square(38, 35, 0.1)] })));
    const stopped = overlapProblems(bomb, F, undefined, undefined, 20_000).map(formatProblem);
    expect(stopped).toHaveLength(LISTED + 1);
    expect(stopped.at(-1)).toMatch(new RegExp(`^${F}: and at least [\\d,]+ more overlaps between factions, not listed: the check stopped counting there, as measuring every pair of polygons of different factions that lie close together would take too long$`));
    // Thin slivers side by side: every box meets every other, no two overlap.
    const slivers = features(Array.from({ length: 40 }, (_, i) => ({ faction: SIDES[i % 2]!, polygons: [[[[38, 35], [38 + 0.001 * (i + 1), 36], [38 + 0.001 * i, 36], [38, 35]]]] })));
    expect(overlapProblems(slivers, F).map(formatProblem)).toEqual([]);
    expect(overlapProblems(slivers, F, undefined, undefined, 20_000).map(formatProblem)).toEqual([
      `${F}: the overlap check stopped before the end, as measuring every pair of polygons of different factions that lie close together would take too long; simplify the polygons or draw fewer of them`,
    ]);
  });
});

describe('overlapProblems against an oracle (fast-check)', () => {
  // Squares on a 0.1° grid, so two of them overlap by 0 or by far more than the 0.5 km² tolerance.
  const cell = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 3 }));
  const layout = fc.array(fc.record({ faction: fc.constantFrom('a', 'b', 'c'), cells: fc.array(cell, { minLength: 1, maxLength: 2 }) }), { minLength: 2, maxLength: 40 });
  const box = ([x, y, size]: [number, number, number]) => [38 + x / 10, 35 + y / 10, 38 + (x + size) / 10, 35 + (y + size) / 10] as const;

  it('counts every overlapping pair of features once and lists the first 10 in feature order', () => {
    fc.assert(fc.property(layout, (list) => {
      // The oracle: every pair of features, every pair of their squares, areas on the sphere.
      const pairs: string[] = [];
      list.forEach((a, i) => list.forEach((b, j) => {
        if (j <= i || a.faction === b.faction) return;
        let km2 = 0;
        for (const p of a.cells.map(box)) for (const q of b.cells.map(box)) {
          const w = Math.max(p[0], q[0]), s = Math.max(p[1], q[1]), e = Math.min(p[2], q[2]), n = Math.min(p[3], q[3]);
          if (w < e && s < n) km2 += rectAreaKm2(w, s, e, n);
        }
        if (km2 > 0.5) pairs.push(`${F}: feature ${i}: ${a.faction} overlaps feature ${j} (${b.faction}) by ${km2.toFixed(2)} km²; different factions must not overlap`);
      }));
      const got = overlapProblems(features(list.map((f) => ({ faction: f.faction, polygons: f.cells.map((c) => square(box(c)[0], box(c)[1], c[2] / 10)) }))), F).map(formatProblem);
      const more = pairs.length - LISTED;
      expect(got).toEqual([...pairs.slice(0, LISTED), ...(more > 0 ? [`${F}: and ${more.toLocaleString('en')} more overlap${more === 1 ? '' : 's'} between factions, not listed`] : [])]);
    }), { numRuns: 300 });
  });
});
