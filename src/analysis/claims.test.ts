import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { parseClaims, evaluateClaim, claimContext, type Claim } from './claims.ts';
import { claimNearest } from './article.ts';
import { parsePlaces, type Place } from '../data/contract.ts';
import { formatProblem } from '../data/result.ts';
import { loadSnapshotFixture, fixturePath, haversineKm } from '../../tests/fixtures/load.ts';

const root = join(import.meta.dirname, '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const placesFrom = (path: string, file: string): Place[] => {
  const r = parsePlaces(readJson(path), file);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.value;
};
const testland = (readJson(fixturePath('testland.geojson')) as FeatureCollection<Polygon>).features as Feature<Polygon>[];
const ctx = claimContext(placesFrom(fixturePath('claims-places.geojson'), 'tests/fixtures/claims-places.geojson'), testland);
const text = { en: 'x', nl: 'x' };
/** Claims written as in data/claims.json, checked by the same parser. */
const claimsOf = (list: object[]): Claim[] => {
  const r = parseClaims({ source: 'test', dateIso: '2017-07-15', claims: list.map((c, i) => ({ id: `c${i}`, text, ...c })) }, 'test.json');
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.value.claims;
};
const close = (actual: number, expected: number, rel: number) => expect(Math.abs(actual - expected) / expected).toBeLessThan(rel);

describe('parseClaims', () => {
  it('reads data/claims.json against the places and Turkey', () => {
    const places = placesFrom(join(root, 'data', 'places.geojson'), 'data/places.geojson').map((p) => p.properties.id);
    const r = parseClaims(readJson(join(root, 'data', 'claims.json')), 'data/claims.json', { places, countries: ['792'] });
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
    if (r.ok) expect(r.value.claims.map((c) => c.kind).sort()).toEqual(['borders', 'borders', 'borders', 'borders', 'borders', 'borders', 'distance', 'distance', 'holder', 'holder']);
  });

  it('names the file and the claim for each fault', () => {
    const r = parseClaims({
      source: 'test', dateIso: '2017-07-15',
      claims: [
        { id: 'a', text, kind: 'distance', place: 'mayadeen', faction: 'isis', article: 60 },
        { id: 'b', text, kind: 'borders', faction: 'islamic-state', with: { country: '999' }, article: false },
        { id: 'c', text, kind: 'holder', place: 'atlantis', article: 'islamic-state' },
        { id: 'd', text, kind: 'rumour' },
        { id: 'd', text, kind: 'holder', place: 'mayadeen', article: 'islamic-state' },
        { id: 'e', text, kind: 'borders', faction: 'islamic-state', with: { faction: 'syrian-kurds' }, article: 'yes' },
        'f',
        { id: 'g', text: { en: '{place} borders the Kurds', nl: '…' }, kind: 'borders', faction: 'islamic-state', with: { faction: 'syrian-kurds' }, article: true },
      ],
    }, 'data/claims.json', { places: ['mayadeen'], countries: ['792'], factions: ['islamic-state', 'syrian-kurds', 'syrian-regime', 'syrian-rebels', 'iraqi-government', 'iraqi-kurds'] });
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'data/claims.json: claims[0] (a): "faction" must be a faction id of factions.json (islamic-state, syrian-kurds, syrian-regime, syrian-rebels, iraqi-government, iraqi-kurds)',
      'data/claims.json: claims[1] (b): no country "999" in the basemap',
      'data/claims.json: claims[2] (c): no place "atlantis" in places.geojson',
      'data/claims.json: claims[3] (d): "kind" must be one of distance, borders, holder, got "rumour"',
      'data/claims.json: claims[4] (d): id is used twice',
      'data/claims.json: claims[5] (e): "article" must be true (the article says they border) or false',
      'data/claims.json: claims[6]: expected an object',
      'data/claims.json: claims[7] (g): "text" says {place}, but a "borders" claim is about no place',
    ]);
  });

  it('rejects a file that is not a claims object', () => {
    const r = parseClaims([], 'data/claims.json');
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual(['data/claims.json: expected an object {"source": ..., "dateIso": ..., "claims": [...]}']);
  });
});

describe('evaluateClaim: distance', () => {
  const snap = loadSnapshotFixture('three-sides.geojson');
  const from: [number, number] = [40.7, 34.45];
  const kurdsKm = haversineKm(from, [41.5, 34.45]); // ≈ 73 km

  it('uses the map lines\' computation, enclave left out', () => {
    const [kurds, regime] = claimsOf([
      { kind: 'distance', place: 'mayadeen', faction: 'syrian-kurds', article: 60 },
      { kind: 'distance', place: 'mayadeen', faction: 'syrian-regime', exclude: ['deir-ez-zor-enclave'], article: 80 },
    ]).map((c) => evaluateClaim(c, snap, ctx));
    expect(kurds!.value).toBe(claimNearest({ faction: 'syrian-kurds', exclude: [] }, snap, from)!.distanceKm);
    expect(regime!.value).toBe(claimNearest({ faction: 'syrian-regime', exclude: ['deir-ez-zor-enclave'] }, snap, from)!.distanceKm);
    close(regime!.value as number, haversineKm(from, [39, 34.45]), 0.003);
    expect(regime!.unit).toBe('km');
  });

  it('agrees within 10%, is close within 25%, differs beyond', () => {
    const verdicts = claimsOf([70, 60, 50, 81].map((article) => ({ kind: 'distance', place: 'mayadeen', faction: 'syrian-kurds', article })))
      .map((c) => evaluateClaim(c, snap, ctx).verdict);
    // 73 km against 70 (+5%), 60 (+22%), 50 (+47%), 81 (−9%).
    expect(kurdsKm / 60 - 1).toBeGreaterThan(0.1);
    expect(verdicts).toEqual(['agrees', 'close', 'differs', 'agrees']);
  });

  it('counts the enclave unless excluded, and is n/a for a side with no ground', () => {
    const [withEnclave, none, nowhere] = claimsOf([
      { kind: 'distance', place: 'mayadeen', faction: 'syrian-regime', article: 80 },
      { kind: 'distance', place: 'mayadeen', faction: 'iraqi-kurds', article: 80 },
      { kind: 'distance', place: 'atlantis', faction: 'iraqi-kurds', article: 80 },
    ]).map((c) => evaluateClaim(c, snap, ctx));
    close(withEnclave!.value as number, haversineKm(from, [40.5, 34.45]), 0.003);
    expect(withEnclave!.verdict).toBe('differs');
    expect(none).toMatchObject({ value: null, verdict: 'n/a' });
    expect(nowhere).toMatchObject({ value: null, verdict: 'n/a', detail: 'no place "atlantis"' });
  });
});

describe('evaluateClaim: holder', () => {
  const snap = loadSnapshotFixture('three-sides.geojson');
  it('names the holder, the enclave\'s inside its hole, nobody in between, and a town just outside', () => {
    const got = claimsOf(['mayadeen', 'enclave-town', 'no-mans-town', 'border-town'].map((place) => ({ kind: 'holder', place, article: 'islamic-state' })))
      .map((c) => evaluateClaim(c, snap, ctx));
    expect(got.map((e) => [e.value, e.verdict])).toEqual([
      ['islamic-state', 'agrees'],
      ['syrian-regime', 'differs'],
      [null, 'differs'],
      ['islamic-state', 'agrees'],
    ]);
    expect(got[0]!.unit).toBeUndefined();
  });
});

describe('evaluateClaim: borders', () => {
  const snap = loadSnapshotFixture('claims-pockets.geojson');
  const borders = (w: object, article: boolean, faction = 'islamic-state') => ({ kind: 'borders', faction, with: w, article });
  it('judges the main body, and calls it close when only a pocket matches', () => {
    const got = claimsOf([
      borders({ faction: 'syrian-kurds' }, true),
      borders({ faction: 'iraqi-kurds' }, true),
      borders({ faction: 'iraqi-kurds' }, false),
      borders({ faction: 'syrian-rebels' }, false),
      borders({ faction: 'iraqi-government' }, true),
      borders({ country: '792', name: 'Testland' }, false),
      borders({ faction: 'syrian-kurds' }, true, 'iraqi-government'),
    ]).map((c) => evaluateClaim(c, snap, ctx));
    expect(got.map((e) => e.verdict)).toEqual(['agrees', 'close', 'agrees', 'agrees', 'differs', 'agrees', 'n/a']);
    close(got[0]!.value as number, haversineKm([40, 35], [42, 35]), 0.003);
    expect(got[1]!.value).toBe(0);
    expect(got[1]!.detail).toMatch(/pockets included: 55\.\d km/); // 0.5° of a meridian
  });

  it('measures the main body along a country outline', () => {
    const [turkey] = claimsOf([borders({ country: '792', name: 'Testland' }, true)]).map((c) => evaluateClaim(c, loadSnapshotFixture('country-edge.geojson'), ctx));
    expect(turkey!.verdict).toBe('agrees');
    close(turkey!.value as number, haversineKm([40, 37], [41.5, 37]), 0.003);
  });
});
