import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kinks, lineString } from '@turf/turf';
import type { Position } from 'geojson';
import { orient2d } from 'robust-predicates';
import { ringSelfContact } from './self-contact.ts';

const closed = (pts: Position[]): Position[] => [...pts, pts[0]!];

describe('ringSelfContact: cases worked out by hand', () => {
  it.each<[string, Position[], [number, number] | null]>([
    ['a square is simple', [[0, 0], [2, 0], [2, 2], [0, 2]], null],
    ['a bow-tie crosses at its middle', [[0, 0], [2, 2], [2, 0], [0, 2]], [1, 1]],
    ['a figure eight visits (2, 1) twice', [[0, 0], [2, 1], [4, 0], [4, 2], [2, 1], [0, 2]], [2, 1]],
    ['a vertex on another edge (T)', [[0, 0], [4, 0], [4, 2], [2, 0], [0, 2]], [2, 0]],
    ['an edge doubling back over its neighbour (a spike)', [[0, 0], [4, 0], [2, 0], [2, 2]], [2, 0]],
    ['two edges overlapping along a line', [[0, 0], [3, 0], [3, 1], [1, 1], [1, 0], [2, 0], [2, -1], [0, -1]], [1, 0]],
    ['vertical edges crossing a horizontal one', [[1, -1], [1, 1], [3, 1], [3, -1], [4, -1], [4, 0], [0, 0], [0, -1]], [1, 0]],
    ['the west-most of four crossings', [[0, 0], [6, 0], [6, 2], [5, -1], [3, 3], [1, -1], [0, 2]], [2 / 3, 0]],
    ['consecutive repeats are passed over', [[0, 0], [2, 0], [2, 0], [2, 2], [0, 2]], null],
  ])('%s', (_, pts, want) => {
    expect(ringSelfContact(closed(pts))).toEqual(want);
  });
});

// --- Oracles ---

const cross = (a: Position, b: Position, c: Position) => (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
const onSegment = (p: Position, a: Position, b: Position) =>
  cross(a, b, p) === 0 && Math.min(a[0]!, b[0]!) <= p[0]! && p[0]! <= Math.max(a[0]!, b[0]!) && Math.min(a[1]!, b[1]!) <= p[1]! && p[1]! <= Math.max(a[1]!, b[1]!);

/**
 * Written apart from the sweep, by the definition, comparing every pair: the points where the ring
 * is not simple are the vertices lying on an edge not their own, and the points where two edges
 * cross properly. Exact for small integer coordinates (every product fits a double).
 */
function bruteForce(ring: Position[]): Position[] {
  const v = ring.slice(0, -1).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
  if (v.length > 1 && v[0]![0] === v.at(-1)![0] && v[0]![1] === v.at(-1)![1]) v.pop();
  const m = v.length;
  if (m < 3) return [];
  const found: Position[] = [];
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) {
      if (j !== i && j !== (i + 1) % m && onSegment(v[j]!, v[i]!, v[(i + 1) % m]!)) found.push(v[j]!);
    }
  }
  for (let i = 0; i < m; i++) {
    for (let k = i + 2; k < m; k++) {
      if (i === 0 && k === m - 1) continue;
      const [a, b, c, d] = [v[i]!, v[i + 1]!, v[k]!, v[(k + 1) % m]!];
      const d1 = cross(a, b, c), d2 = cross(a, b, d), d3 = cross(c, d, a), d4 = cross(c, d, b);
      if (d1 * d2 < 0 && d3 * d4 < 0) {
        const u = d3 / (d3 - d4);
        found.push([a[0]! + u * (b[0]! - a[0]!), a[1]! + u * (b[1]! - a[1]!)]);
      }
    }
  }
  return found;
}

const EPS = 1e-9;
const close = (p: readonly number[], q: readonly number[]) => Math.abs(p[0]! - q[0]!) <= EPS && Math.abs(p[1]! - q[1]!) <= EPS;
/** West of by more than rounding. */
const clearlyBefore = (p: readonly number[], q: readonly number[]) => p[0]! < q[0]! - EPS;
/**
 * The sweep's answer is right when it is one of the oracle's points and none of them lies clearly
 * west of it. Crossings are rounded to doubles, so two at one exact longitude may differ in the
 * last bit and compare either way; which of them is named is then a matter of rounding.
 */
function agrees(got: readonly number[] | null, oracle: Position[]): boolean {
  if (!got || !oracle.length) return !got && !oracle.length;
  return oracle.some((p) => close(p, got)) && !oracle.some((p) => clearlyBefore(p, got));
}

/** No three vertices on one line (exact), so kinks, which skips parallel edges, sees every contact. */
const generalPosition = (ring: Position[]) => {
  const v = ring.slice(0, -1);
  for (let i = 0; i < v.length; i++) for (let j = i + 1; j < v.length; j++) for (let k = j + 1; k < v.length; k++) {
    if (orient2d(v[i]![0]!, v[i]![1]!, v[j]![0]!, v[j]![1]!, v[k]![0]!, v[k]![1]!) === 0) return false;
  }
  return true;
};

/** Rings on a 5 × 5 grid: full of collinear edges, touching vertices and vertical edges. */
const gridRing = fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { minLength: 3, maxLength: 12 }).map((pts) => closed(pts));
/** Rings with six-decimal coordinates in general position, where Turf's kinks is exact enough to compare. */
const coordinate = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((i) => i / 1_000_000);
const floatRing = fc.array(fc.tuple(coordinate, coordinate), { minLength: 3, maxLength: 30 }).map((pts) => closed(pts));

describe('ringSelfContact against oracles (fast-check)', () => {
  it('finds the same west-most point as a brute force over every pair, on a small grid', () => {
    fc.assert(fc.property(gridRing, (ring) => {
      expect(agrees(ringSelfContact(ring), bruteForce(ring))).toBe(true);
    }), { numRuns: 20_000 });
  });

  it('agrees with Turf kinks, the quadratic check it replaces, in general position', () => {
    fc.assert(fc.property(floatRing, (ring) => {
      fc.pre(generalPosition(ring));
      const old = kinks(lineString(ring)).features.map((f) => f.geometry.coordinates);
      expect(agrees(ringSelfContact(ring), old)).toBe(true);
    }), { numRuns: 5_000 });
  });

  it('finds something wherever kinks does, on the grid too (kinks misses collinear overlaps)', () => {
    fc.assert(fc.property(gridRing, (ring) => {
      // kinks reads a ring with repeated points as crossing at the repeat; leave those to the repeat check.
      fc.pre(ring.every((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]));
      if (kinks(lineString(ring)).features.length) expect(ringSelfContact(ring)).not.toBeNull();
    }), { numRuns: 5_000 });
  });
});

describe('ringSelfContact on big rings', () => {
  /** A star-shaped ring of n vertices around (0, 0): simple by construction. */
  const star = (n: number): Position[] => closed(Array.from({ length: n }, (_, i) => {
    const t = (2 * Math.PI * i) / n, r = 1 + 0.3 * Math.sin(37 * t) + 0.1 * Math.sin(1001 * t);
    return [r * Math.cos(t), r * Math.sin(t)];
  }));

  it('passes a simple ring of 200,000 vertices, and finds one crossing put into it', () => {
    const ring = star(200_000);
    expect(ringSelfContact(ring)).toBeNull();
    // Swap two neighbouring vertices far from the start: their edges now cross.
    const broken = ring.slice();
    [broken[100_000], broken[100_001]] = [broken[100_001]!, broken[100_000]!];
    // The crossings are all among the few edges around the swap; kinks measures them there.
    const local = kinks(lineString(broken.slice(99_990, 100_012))).features.map((f) => f.geometry.coordinates);
    expect(local.length).toBeGreaterThan(0);
    expect(agrees(ringSelfContact(broken), local)).toBe(true);
    // About 2.3 s for both checks on a quiet 2-core machine; the limit leaves room for a busy one
    // (timing is reported by the closing notes, not asserted here).
  }, 20_000);
});
