import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { frontierLengthsKm, mainBody, borderWithCountryKm, sharedBoundaryKm } from './frontier.ts';
import type { FactionId } from '../data/contract.ts';
import { loadSnapshotFixture, fixturePath, haversineKm, rectAreaKm2 } from '../../tests/fixtures/load.ts';

const close = (actual: number, expected: number, rel: number) => expect(Math.abs(actual - expected) / expected).toBeLessThan(rel);
const pair = (list: ReturnType<typeof frontierLengthsKm>, a: FactionId, b: FactionId) =>
  list.find((f) => (f.factions[0] === a && f.factions[1] === b) || (f.factions[0] === b && f.factions[1] === a))?.lengthKm ?? 0;
const testland = (JSON.parse(readFileSync(fixturePath('testland.geojson'), 'utf8')) as FeatureCollection<Polygon>).features[0] as Feature<Polygon>;

describe('frontierLengthsKm', () => {
  it('measures a shared edge that is 11 m off and cut at different vertices (haversine reference)', () => {
    const f = frontierLengthsKm(loadSnapshotFixture('frontier-squares.geojson'));
    close(pair(f, 'islamic-state', 'syrian-kurds'), haversineKm([40, 34], [41, 34]), 0.003);
    // IS's held and desert ground touch along 33°N: the same side, no frontier. The regime touches nobody.
    expect(f.map((x) => x.factions.join('|'))).toEqual(['islamic-state|syrian-kurds']);
  });

  it('splits a long edge between two neighbours that meet where it has no vertex', () => {
    const f = frontierLengthsKm(loadSnapshotFixture('t-junction-without-vertex.geojson'));
    // Within one boundary piece (0.5 km) plus the tolerance either side of the junction.
    expect(Math.abs(pair(f, 'islamic-state', 'syrian-kurds') - haversineKm([40, 34], [40.4, 34]))).toBeLessThan(0.7);
    expect(Math.abs(pair(f, 'islamic-state', 'syrian-regime') - haversineKm([40.4, 34], [41, 34]))).toBeLessThan(0.7);
    expect(Math.abs(pair(f, 'syrian-kurds', 'syrian-regime') - haversineKm([40.4, 34], [40.4, 35]))).toBeLessThan(0.7);
  });

  it('counts the rim of an enclave in a hole as a frontier', () => {
    const f = frontierLengthsKm(loadSnapshotFixture('three-sides.geojson'));
    const rim = haversineKm([40.4, 34.4], [40.5, 34.4]) + haversineKm([40.5, 34.4], [40.5, 34.5])
      + haversineKm([40.5, 34.5], [40.4, 34.5]) + haversineKm([40.4, 34.5], [40.4, 34.4]);
    expect(f).toHaveLength(1);
    close(pair(f, 'islamic-state', 'syrian-regime'), rim, 0.003);
  });

  it('finds nothing for a single side or an empty snapshot', () => {
    expect(frontierLengthsKm({ type: 'FeatureCollection', features: [] })).toEqual([]);
  });
});

describe('mainBody', () => {
  const snap = loadSnapshotFixture('country-edge.geojson');
  it('merges held and desert ground and picks the largest connected piece, not the largest polygon', () => {
    const body = mainBody(snap, 'islamic-state')!;
    expect(body.geometry.coordinates).toHaveLength(2);
    close(body.properties.areaKm2, rectAreaKm2(40, 36, 41.5, 37), 0.005);
    // The separate piece is larger than the held square alone, yet loses to held + desert.
    expect(rectAreaKm2(43, 34, 44.2, 35)).toBeGreaterThan(rectAreaKm2(40, 36, 41, 37));
  });
  it('is null for a side with no ground', () => {
    expect(mainBody(snap, 'iraqi-kurds')).toBeNull();
  });
  it('measures its frontier with another side', () => {
    const kurds = snap.features.filter((f) => f.properties.faction === 'syrian-kurds');
    close(sharedBoundaryKm(mainBody(snap, 'islamic-state')!, kurds), haversineKm([40, 36], [40, 37]), 0.003);
  });
});

describe('borderWithCountryKm', () => {
  const snap = loadSnapshotFixture('country-edge.geojson');
  it('measures the body along the country outline (haversine reference)', () => {
    const km = borderWithCountryKm(mainBody(snap, 'islamic-state')!, testland);
    close(km, haversineKm([40, 37], [41, 37]) + haversineKm([41, 37], [41.5, 37]), 0.003);
    close(borderWithCountryKm(snap.features.find((f) => f.properties.faction === 'syrian-kurds')!, testland), haversineKm([39, 37], [40, 37]), 0.003);
  });
  it('is 0 for ground that stops 1 km short of the border', () => {
    const pocket = { type: 'Polygon' as const, coordinates: [[[38.2, 36], [38.4, 36], [38.4, 36.99], [38.2, 36.99], [38.2, 36]]] };
    expect(borderWithCountryKm(pocket, testland)).toBe(0);
  });
});
