import { describe, expect, it } from 'vitest';
import type { Snapshot } from './contract.ts';
import { contentHash, textHash } from './content-hash.ts';
import { BLOCK_DATES, blockRanges, onValue, parseStackManifest, stackPolygons } from './date-stack.ts';
import { formatProblem } from './result.ts';

const square = (x: number): number[][][] => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]];
const snapshot = (features: { faction: string; tier?: string; against?: string[]; id?: string; x: number[] }[]): Snapshot => ({
  type: 'FeatureCollection',
  features: features.map(({ x, ...p }) => ({
    type: 'Feature',
    properties: p,
    geometry: x.length === 1 ? { type: 'Polygon', coordinates: square(x[0]!) } : { type: 'MultiPolygon', coordinates: x.map(square) },
  })),
}) as unknown as Snapshot;

describe('blockRanges', () => {
  it('covers every snapshot once, in blocks of BLOCK_DATES, the last one ending at the last snapshot', () => {
    expect(blockRanges(0)).toEqual([]);
    expect(blockRanges(60)).toEqual([[0, 59]]);
    expect(blockRanges(10, 4)).toEqual([[0, 3], [4, 7], [8, 9]]);
    for (const n of [1, 63, 64, 65, 1000]) {
      const blocks = blockRanges(n);
      expect(blocks.at(-1)![1]).toBe(n - 1);
      for (let i = 0; i < n; i++) expect(blocks.filter(([a, b]) => a <= i && i <= b)).toHaveLength(1);
      for (const [a, b] of blocks) expect(b - a + 1).toBeLessThanOrEqual(BLOCK_DATES);
    }
  });
});

describe('stackPolygons', () => {
  it('splits multi-polygons and keeps tier, hand-drawn id and the first attacker only', () => {
    const s = snapshot([
      { faction: 'islamic-state', tier: 'contested', against: ['syrian-kurds', 'regime'], x: [0] },
      { faction: 'syrian-kurds', id: 'pocket', x: [2, 4] },
    ]);
    expect(stackPolygons(s).map((p) => [p.props, p.rings[0]![0]![0]])).toEqual([
      [{ faction: 'islamic-state', tier: 'contested', attacker: 'syrian-kurds' }, 0],
      [{ faction: 'syrian-kurds', id: 'pocket' }, 2],
      [{ faction: 'syrian-kurds', id: 'pocket' }, 4],
    ]);
  });
});

describe('onValue', () => {
  it('lists the places between commas, and is absent for every date of the block', () => {
    expect(onValue([0, 3], 4)).toBe(',0,3,');
    expect(onValue([0, 1, 2, 3], 4)).toBeUndefined();
    // The filter's test (src/map/territory-slots.ts): ",1," is not found in ",10,11,".
    expect(onValue([10, 11], 64)!.includes(',1,')).toBe(false);
  });
});

describe('parseStackManifest', () => {
  const good = { snapshots: [{ date: '2017-07-01', file: 'a.geojson', hash: 'x', statsCurrent: true }], blocks: [{ dir: 'abc', from: 0, to: 0 }], bounds: [35, 29, 49, 38], maxzoom: 9 };
  it('reads a good manifest', () => {
    const r = parseStackManifest(good, 'data/stack/index.json');
    expect(r.ok && r.value.blocks[0]!.dir).toBe('abc');
  });
  it('names the file and the entry that is wrong', () => {
    const lines = (d: unknown) => { const r = parseStackManifest(d, 'data/stack/index.json'); return r.ok ? [] : r.problems.map(formatProblem); };
    expect(lines([])[0]).toMatch(/^data\/stack\/index\.json: expected an object/);
    expect(lines({ ...good, blocks: [{ dir: '../x', from: 0, to: 0 }] })[0]).toMatch(/blocks\[0\]: expected/);
    expect(lines({ ...good, blocks: [{ dir: 'abc', from: 0, to: 1 }] })[0]).toMatch(/blocks\[0\]/);
    expect(lines({ ...good, snapshots: [{ date: '2017-13-01', file: 'a', hash: 'x', statsCurrent: true }] })[0]).toMatch(/snapshots\[0\]/);
  });
});

describe('contentHash', () => {
  it('is the same for the same content however spaced, and differs for any change', () => {
    const a = JSON.parse('{"a": [1, 2], "b": "x"}');
    expect(contentHash(a)).toBe(contentHash(JSON.parse('{"a":[1,2],"b":"x"}')));
    expect(contentHash(a)).not.toBe(contentHash({ a: [1, 3], b: 'x' }));
    expect(contentHash(a)).not.toBe(contentHash({ b: 'x', a: [1, 2] }));
    expect(textHash('')).toMatch(/^[0-9a-f]{14}$/);
  });
});
