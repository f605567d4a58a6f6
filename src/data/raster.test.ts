import { describe, expect, it } from 'vitest';
import { burnLines, burnPoints, burnPolys, contour, distanceKm, gridFor } from './raster.ts';
import { area } from './planar.ts';

describe('distances on the grid', () => {
  const grid = gridFor([0, 0, 40, 30], 1, 0);

  it('matches brute force: the distance from each cell centre to the nearest set cell centre', () => {
    const mask = new Uint8Array(grid.w * grid.h);
    const seeds = [[3, 4], [20, 20], [37, 1], [10, 28]];
    for (const [x, y] of seeds) mask[y! * grid.w + x!] = 1;
    const d = distanceKm(grid, mask);
    for (let y = 0; y < grid.h; y++) for (let x = 0; x < grid.w; x++) {
      const want = Math.min(...seeds.map(([sx, sy]) => Math.hypot(x - sx!, y - sy!)));
      expect(d[y * grid.w + x]).toBeCloseTo(want, 4);
    }
  });

  it('is Infinity everywhere when nothing is set', () => {
    expect(distanceKm(grid, new Uint8Array(grid.w * grid.h)).every((v) => v === Infinity)).toBe(true);
  });

  it('burns points, lines and polygons into the cells under them', () => {
    const m = new Uint8Array(grid.w * grid.h);
    burnPoints(grid, m, [[5.5, 5.5], [-3, 2]]);
    expect(m[5 * grid.w + 5]).toBe(1);
    expect(m.reduce((a, b) => a + b, 0)).toBe(1);
    const l = new Uint8Array(grid.w * grid.h);
    burnLines(grid, l, [[[0.5, 10.5], [20.5, 10.5]]]);
    expect(l.reduce((a, b) => a + b, 0)).toBe(21);
    const p = new Uint8Array(grid.w * grid.h);
    burnPolys(grid, p, [[[[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]], [[12, 12], [12, 14], [14, 14], [14, 12], [12, 12]]]], 7);
    expect(p.filter((v) => v === 7).length).toBe(100 - 4);
  });

  it('contours a distance threshold into a disc of the right area', () => {
    const g = gridFor([0, 0, 100, 100], 1, 0);
    const mask = new Uint8Array(g.w * g.h);
    burnPoints(g, mask, [[50.5, 50.5]]);
    const d = distanceKm(g, mask);
    const disc = contour(g, Array.from(d, (x) => 20 - x), 0);
    expect(disc).toHaveLength(1);
    expect(area(disc)).toBeGreaterThan(Math.PI * 400 * 0.98);
    expect(area(disc)).toBeLessThan(Math.PI * 400 * 1.02);
  });
});
