import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../data/contract.ts';
import type { SnapshotStats, Stats } from '../data/stats.ts';
import { storyTiers } from './legend.ts';

const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
const snapshot = (...tiers: ('desert' | 'contested' | undefined)[]): Snapshot => ({ type: 'FeatureCollection', features: tiers.map((tier) => ({
  type: 'Feature', geometry: square, properties: { faction: 'a', ...(tier ? { tier } : {}), ...(tier === 'contested' ? { against: ['b'] } : {}) },
})) });
const day = (dateIso: string, areaKm2: SnapshotStats['areaKm2']): [string, SnapshotStats] => [dateIso, { dateIso, areaKm2, frontierKm: {}, claims: {} }];

describe('storyTiers (what the legend\'s key explains)', () => {
  it('takes the tiers with ground on any date of stats.json, and those of the snapshot on the map', () => {
    const stats: Stats = new Map([
      day('2024-01-01', { held: { a: 10 }, desert: {} }),
      day('2024-02-01', { held: { a: 10 }, desert: { a: 0 }, contested: { a: 3 } }),
    ]);
    expect([...storyTiers(stats, snapshot(undefined))].sort()).toEqual(['contested', 'held']);
    // A previewed file with desert: the key explains it too.
    expect([...storyTiers(stats, snapshot(undefined, 'desert'))].sort()).toEqual(['contested', 'desert', 'held']);
  });
  it('without stats.json, the snapshot on the map alone', () => {
    expect([...storyTiers(null, snapshot(undefined))]).toEqual(['held']);
    expect([...storyTiers(null, snapshot('desert'))]).toEqual(['desert']);
  });
});
