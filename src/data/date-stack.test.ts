import { describe, expect, it } from 'vitest';
import type { Snapshot } from './contract.ts';
import { contentHash, textHash } from './content-hash.ts';
import { blockRanges, parseStackManifest, stackFeatures } from './date-stack.ts';
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
  it('covers every snapshot with blocks overlapping by half, the last one ending at the last snapshot', () => {
    expect(blockRanges(0)).toEqual([]);
    expect(blockRanges(60)).toEqual([[0, 59]]);
    expect(blockRanges(10, 4, 2)).toEqual([[0, 3], [2, 5], [4, 7], [6, 9]]);
    expect(blockRanges(9, 4, 2)).toEqual([[0, 3], [2, 5], [4, 7], [6, 8]]);
    for (const n of [1, 63, 64, 65, 1000]) {
      const blocks = blockRanges(n);
      expect(blocks.at(-1)![1]).toBe(n - 1);
      for (let i = 0; i < n; i++) expect(blocks.some(([a, b]) => a <= i && i <= b)).toBe(true);
    }
  });
});

describe('stackFeatures', () => {
  it('stores a polygon drawn alike on several dates once, with its dates; splits multi-polygons', () => {
    const a = snapshot([{ faction: 'islamic-state', x: [0] }, { faction: 'syrian-kurds', x: [2, 4] }]);
    const b = snapshot([{ faction: 'islamic-state', x: [0] }, { faction: 'syrian-kurds', x: [2] }]);
    const fc = stackFeatures([{ date: '2017-07-01', snapshot: a }, { date: '2017-07-15', snapshot: b }]);
    const on = fc.features.map((f) => [f.properties.faction, f.geometry.coordinates[0]![0]![0], f.properties.on]);
    expect(on).toEqual([
      ['islamic-state', 0, ',2017-07-01,2017-07-15,'],
      ['syrian-kurds', 2, ',2017-07-01,2017-07-15,'],
      ['syrian-kurds', 4, ',2017-07-01,'],
    ]);
  });

  it('keeps tier, hand-drawn id and the first attacker, and tells features apart by them', () => {
    const a = snapshot([{ faction: 'islamic-state', tier: 'contested', against: ['syrian-kurds', 'regime'], x: [0] }, { faction: 'islamic-state', id: 'raqqa', x: [3] }]);
    const b = snapshot([{ faction: 'islamic-state', x: [0] }]);
    const fc = stackFeatures([{ date: '2017-07-01', snapshot: a }, { date: '2017-07-15', snapshot: b }]);
    expect(fc.features.map((f) => f.properties)).toEqual([
      { faction: 'islamic-state', tier: 'contested', attacker: 'syrian-kurds', on: ',2017-07-01,' },
      { faction: 'islamic-state', id: 'raqqa', on: ',2017-07-01,' },
      { faction: 'islamic-state', on: ',2017-07-15,' },
    ]);
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
