import { describe, expect, it } from 'vitest';
import { area, bufferPolys, difference, disc, intersection, pointInPolygon, projection, robust, simplifyPolys, stadium, union, unionAll } from './planar.ts';
import { links } from './settled.ts';

const square = (x: number, y: number, s: number) => [[[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]]];

describe('planar geometry', () => {
  it('projects to km and back', () => {
    const p = projection(34);
    const [x, y] = p.toKm([40, 35]);
    expect(p.toLonLat([x!, y!])).toEqual([expect.closeTo(40, 9), expect.closeTo(35, 9)]);
    // One degree of longitude at 34°N is about 92 km; one of latitude about 111 km.
    expect(p.toKm([41, 34])[0]! - p.toKm([40, 34])[0]!).toBeCloseTo(92.3, 0);
    expect(p.toKm([40, 35])[1]! - p.toKm([40, 34])[1]!).toBeCloseTo(110.6, 0);
  });

  it('measures areas with holes', () => {
    expect(area(square(0, 0, 10))).toBe(100);
    expect(area([[square(0, 0, 10)[0]![0]!, [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]]]])).toBe(96);
  });

  it('buffers a square by r: its area grows by perimeter·r + πr² (within the polygon approximation)', () => {
    const b = bufferPolys(square(0, 0, 100), 10, 16);
    expect(area(b)).toBeGreaterThan(10_000 + 4000 + Math.PI * 100 * 0.98);
    expect(area(b)).toBeLessThan(10_000 + 4000 + Math.PI * 100);
  });

  it('unions, intersects and subtracts', () => {
    const a = square(0, 0, 10), b = square(5, 0, 10);
    expect(area(union(a, b))).toBeCloseTo(150, 6);
    expect(area(intersection(a, b))).toBeCloseTo(50, 6);
    expect(area(difference(a, b))).toBeCloseTo(50, 6);
    expect(area(unionAll([a, b, square(20, 0, 1)]))).toBeCloseTo(151, 6);
    expect(unionAll([])).toEqual([]);
  });

  it('draws discs and stadiums of the right size', () => {
    // An inscribed polygon of n vertices has area (n/2)·r²·sin(2π/n).
    expect(area(disc([0, 0], 10, 64))).toBeCloseTo(32 * 100 * Math.sin(Math.PI / 32), 9);
    expect(area(stadium([0, 0], [100, 0], 5, 32))).toBeGreaterThan(1000 + Math.PI * 25 * 0.99);
    expect(area(stadium([0, 0], [100, 0], 5, 32))).toBeLessThan(1000 + Math.PI * 25);
  });

  it('simplifies rings within the tolerance and keeps a closed ring closed', () => {
    const wobbly = [[[[0, 0], [50, 0.5], [100, 0], [100, 100], [50, 100.4], [0, 100], [0, 0]]]];
    const s = simplifyPolys(wobbly, 1);
    expect(s[0]![0]!.length).toBe(5);
    expect(s[0]![0]![0]).toEqual(s[0]![0]![4]);
    expect(simplifyPolys(wobbly, 0.1)[0]![0]!.length).toBe(7);
  });

  it('tells points inside from outside, holes included', () => {
    const holed = [square(0, 0, 10)[0]![0]!, [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]]];
    expect(pointInPolygon([1, 1], holed)).toBe(true);
    expect(pointInPolygon([3, 3], holed)).toBe(false);
    expect(pointInPolygon([11, 1], holed)).toBe(false);
  });
});

describe('links between settlements', () => {
  it('joins Delaunay neighbours up to the distance, never across the triangle to a far point', () => {
    const towns = [[0, 0], [50, 0], [25, 40], [200, 0]];
    const got = links(towns, 60).map(([a, b]) => [Math.min(a, b), Math.max(a, b)].join('-')).sort();
    expect(got).toEqual(['0-1', '0-2', '1-2']);
  });

  it('handles settlements in a line and fewer than two', () => {
    expect(links([[0, 0], [10, 0], [20, 0]], 15).length).toBe(2);
    expect(links([[0, 0]], 15)).toEqual([]);
  });
});

describe('robust boolean operations', () => {
  it('retries an operation that fails on the exact coordinates with coordinates snapped to a grid', () => {
    const seen: number[] = [];
    const op = (...gs: unknown[]) => {
      const x = (gs[0] as number[][][][])[0]![0]![1]![0]!;
      seen.push(x);
      // Fails unless the coordinate was snapped (1.0004 → 1.000 on the 1 m grid).
      if (x !== 1) throw new Error('Unable to complete output ring');
      return gs[0] as never;
    };
    const g = [[[[0, 0], [1.0004, 0], [1, 1], [0, 0]]]];
    expect(robust(op, [g])[0]![0]![1]![0]).toBe(1);
    expect(seen).toEqual([1.0004, 1]);
    expect(() => robust(() => { throw new Error('always'); }, [g])).toThrow('always');
  });
});
