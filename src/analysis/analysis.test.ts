import { describe, expect, it } from 'vitest';
import { areasKm2 } from './area.ts';
import { holderAt, featureAt } from './territory.ts';
import { nearestTerritory, distancesToFactions } from './distance.ts';
import { ringPolygon } from './rings.ts';
import { articleLines, articlePlace, ringRadiiKm } from './article.ts';
import type { DistanceClaim } from './claims.ts';
import { snapshotIndexFor } from './snapshot-select.ts';
import { labelPoints } from './labels.ts';
import { loadSnapshotFixture, haversineKm, rectAreaKm2 } from '../../tests/fixtures/load.ts';

const snap = loadSnapshotFixture('three-sides.geojson');
const close = (actual: number, expected: number, rel: number) => expect(Math.abs(actual - expected) / expected).toBeLessThan(rel);

describe('areasKm2', () => {
  it('matches the spherical rectangle formula, holes and multipolygons included', () => {
    const a = areasKm2(snap);
    const enclave = rectAreaKm2(40.4, 34.4, 40.5, 34.5);
    close(a.get('islamic-state')!, rectAreaKm2(40, 34, 41, 35) - enclave, 0.005);
    close(a.get('syrian-kurds')!, rectAreaKm2(41.5, 34, 42.5, 35) + rectAreaKm2(43, 34, 43.5, 34.5), 0.005);
    close(a.get('syrian-regime')!, rectAreaKm2(38, 34, 39, 35) + enclave, 0.005);
    expect(a.has('iraqi-kurds')).toBe(false);
  });
});

describe('holderAt', () => {
  it('finds the side holding a point, the enclave inside the hole, and nobody in between', () => {
    expect(holderAt(snap, [40.2, 34.2])).toBe('islamic-state');
    expect(holderAt(snap, [40.45, 34.45])).toBe('syrian-regime');
    expect(featureAt(snap, [40.45, 34.45])?.properties.id).toBe('deir-ez-zor-enclave');
    expect(holderAt(snap, [43.2, 34.2])).toBe('syrian-kurds');
    expect(holderAt(snap, [41.25, 34.5])).toBeNull();
    expect(holderAt(snap, [30, 30])).toBeNull();
  });
});

describe('nearestTerritory', () => {
  it('measures to the nearest edge along the parallel (haversine reference)', () => {
    const from: [number, number] = [41.25, 34.5];
    const is = nearestTerritory(snap.features.filter((f) => f.properties.faction === 'islamic-state'), from)!;
    close(is.distanceKm, haversineKm(from, [41, 34.5]), 0.002);
    expect(is.nearest[0]).toBeCloseTo(41, 6);
    const kurds = nearestTerritory(snap.features.filter((f) => f.properties.faction === 'syrian-kurds'), from)!;
    close(kurds.distanceKm, haversineKm(from, [41.5, 34.5]), 0.002);
  });
  it('is 0 inside, and null when the side holds nothing', () => {
    expect(nearestTerritory(snap.features, [40.2, 34.2])?.distanceKm).toBe(0);
    expect(nearestTerritory([], [40, 34])).toBeNull();
  });
  it('gives every side present but not absent ones', () => {
    const d = distancesToFactions(snap, [41.25, 34.5]);
    expect([...d.keys()].sort()).toEqual(['islamic-state', 'syrian-kurds', 'syrian-regime']);
    // The enclave (40.5° E) is nearer than the regime's main ground (39° E).
    close(d.get('syrian-regime')!.distanceKm, haversineKm([41.25, 34.5], [40.5, 34.5]), 0.002);
  });
});

describe('articleLines', () => {
  const text = { en: '', nl: '' };
  const claims: DistanceClaim[] = [
    { id: 'a', kind: 'distance', place: 'p', faction: 'syrian-kurds', exclude: [], article: 60, text },
    { id: 'b', kind: 'distance', place: 'p', faction: 'syrian-regime', exclude: ['deir-ez-zor-enclave'], article: 80, text },
  ];
  it('leaves out the pockets a claim leaves out', () => {
    const from: [number, number] = [40.7, 34.45];
    const [kurds, regime] = articleLines(snap, claims, from);
    close(regime!.nearest!.distanceKm, haversineKm(from, [39, 34.45]), 0.003);
    close(kurds!.nearest!.distanceKm, haversineKm(from, [41.5, 34.45]), 0.003);
    // Without the exclusion the enclave (nearer) counts.
    const [all] = articleLines(snap, [{ ...claims[1]!, exclude: [] }], from);
    expect(all!.nearest!.distanceKm).toBeLessThan(regime!.nearest!.distanceKm);
  });
  it('draws a ring per distance the article names, and measures from the story\'s place or the first claim\'s', () => {
    expect(ringRadiiKm([...claims, { ...claims[0]!, id: 'c' }])).toEqual([60, 80]);
    expect(articlePlace(claims, null)).toBe('p');
    expect(articlePlace(claims, 'q')).toBe('q');
    expect(articlePlace([], null)).toBeNull();
  });
});

describe('ringPolygon', () => {
  it('puts every vertex at the radius (haversine reference)', () => {
    const c: [number, number] = [40.45, 35.02];
    const ring = ringPolygon(c, 60, 64);
    const ring0 = ring.geometry.coordinates[0]!;
    expect(ring0).toHaveLength(65);
    for (const p of ring0) close(haversineKm(c, p as [number, number]), 60, 0.003);
    expect(() => ringPolygon(c, 0)).toThrow(/positive/);
  });
});

describe('snapshotIndexFor', () => {
  const dates = ['2015-01-01', '2016-01-01', '2017-07-15'];
  it('takes the latest snapshot on or before the date', () => {
    expect(snapshotIndexFor(dates, '2016-01-01')).toBe(1);
    expect(snapshotIndexFor(dates, '2016-12-31')).toBe(1);
    expect(snapshotIndexFor(dates, '2030-01-01')).toBe(2);
    expect(snapshotIndexFor(dates, '2000-01-01')).toBe(0);
  });
});

describe('labelPoints', () => {
  it('labels each large piece from inside it and skips small ones', () => {
    const labels = labelPoints(snap, 5000);
    expect(labels.features.map((f) => f.properties.faction).sort()).toEqual(['islamic-state', 'syrian-kurds', 'syrian-regime']);
    for (const l of labels.features) expect(holderAt(snap, l.geometry.coordinates)).toBe(l.properties.faction);
  });
});

describe('featureNear', () => {
  it('takes the nearest territory within the tolerance, and nothing beyond it', async () => {
    const { featureNear } = await import('./territory.ts');
    // 0.02° east of IS's east edge (41°E) at 34.5°N is about 1.8 km.
    expect(featureNear(snap, [41.02, 34.5], 3)?.properties.faction).toBe('islamic-state');
    expect(featureNear(snap, [41.02, 34.5], 1)).toBeNull();
    expect(featureNear(snap, [40.45, 34.45], 3)?.properties.id).toBe('deir-ez-zor-enclave');
  });
});
