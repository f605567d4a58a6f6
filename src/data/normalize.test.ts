import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { area } from '@turf/turf';
import { insertIndexEntry, mapFactions, normalizeSnapshot, roundGeometry } from './normalize.ts';
import { validateSnapshot } from './validate.ts';
import { formatProblem, type Result } from './result.ts';
import type { Snapshot } from './contract.ts';
import { rectAreaKm2 } from '../../tests/fixtures/load.ts';

const lines = (r: Result<unknown>) => (r.ok ? [] : r.problems.map(formatProblem));
const IDS = 'islamic-state, syrian-kurds, syrian-regime, syrian-rebels, iraqi-government, iraqi-kurds';
/** Twice the signed planar area: positive when counter-clockwise (independent of Turf). */
const signedArea2 = (ring: Position[]) => ring.slice(1).reduce((s, p, i) => s + ring[i]![0]! * p[1]! - p[0]! * ring[i]![1]!, 0);

const fixture = 'tests/fixtures/add/controller-property.geojson';
const drawn = JSON.parse(readFileSync(join(import.meta.dirname, '../..', fixture), 'utf8')) as unknown;
const MAP = { ISIS: 'islamic-state', SAA: 'syrian-regime' } as const;

describe('mapFactions', () => {
  it('sets faction from another property through the map, without touching the input', () => {
    const before = JSON.stringify(drawn);
    const r = mapFactions(drawn, fixture, { property: 'controller', map: MAP });
    expect(r.ok && (r.value as Snapshot).features.map((f) => f.properties.faction))
      .toEqual(['islamic-state', 'islamic-state', 'syrian-regime', 'syrian-regime', 'islamic-state']);
    expect(JSON.stringify(drawn)).toBe(before);
  });
  it('names unmapped and missing values, and what it accepts', () => {
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { side: 'syrian-kurds' }, geometry: null },
      { type: 'Feature', properties: { side: 'YPG' }, geometry: null },
      { type: 'Feature', properties: {}, geometry: null },
    ] };
    expect(lines(mapFactions(fc, 'in.geojson', { property: 'side', map: { ISIS: 'islamic-state' }, factions: IDS.split(', ') }))).toEqual([
      `in.geojson: feature 1: "side" is "YPG"; expected one of ISIS (mapped) or a faction id of factions.json (${IDS})`,
      `in.geojson: feature 2: no "side" property; expected one of ISIS (mapped) or a faction id of factions.json (${IDS}), or a side given to features that name none (data:add --faction)`,
    ]);
    expect(lines(mapFactions(fc, 'in.geojson', { property: 'side', map: { YPG: 'syrian-kurds' } })).length).toBe(1);
  });
  it('gives features that name no side the fallback (--faction), and only those', () => {
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { side: 'YPG', name: 'kept' }, geometry: null },
      { type: 'Feature', properties: {}, geometry: null },
      { type: 'Feature', properties: null, geometry: null },
      { type: 'Feature', geometry: null },
      { type: 'Feature', properties: { side: null }, geometry: null },
    ] };
    const r = mapFactions(fc, 'in.geojson', { property: 'side', map: { YPG: 'syrian-kurds' }, fallback: 'islamic-state', factions: IDS.split(', ') });
    // A side that is there but wrong (null) is still a problem: --faction fills in, it never overrides.
    expect(lines(r)).toEqual([`in.geojson: feature 4: "side" is null; expected one of YPG (mapped) or a faction id of factions.json (${IDS})`]);
    fc.features.pop();
    const fixed = mapFactions(fc, 'in.geojson', { property: 'side', map: { YPG: 'syrian-kurds' }, fallback: 'islamic-state' });
    expect(fixed.ok && (fixed.value as Snapshot).features.map((f) => f.properties)).toEqual([
      { side: 'YPG', name: 'kept', faction: 'syrian-kurds' }, { faction: 'islamic-state' }, { faction: 'islamic-state' }, { faction: 'islamic-state' },
    ]);
  });
  it('leaves what is not a FeatureCollection to validateSnapshot', () => {
    expect(mapFactions([1], 'in.geojson')).toEqual({ ok: true, value: [1] });
  });
});

describe('normalizeSnapshot', () => {
  const mapped = mapFactions(drawn, fixture, { property: 'controller', map: MAP });
  const valid = mapped.ok ? validateSnapshot(mapped.value, fixture) : mapped;
  if (!valid.ok) throw new Error(lines(valid).join('\n'));
  const out = normalizeSnapshot(valid.value);

  it('dissolves pieces per faction and tier, keeps pockets with an id, and keeps only faction, tier and id', () => {
    expect(out.features.map((f) => f.properties)).toEqual([
      { faction: 'islamic-state' },
      { faction: 'syrian-regime' },
      { faction: 'syrian-regime', id: 'deir-ez-zor-enclave' },
      { faction: 'islamic-state', tier: 'desert' },
    ]);
    // The two IS pieces share the edge at 38.5°E: one polygon, with the enclave's hole.
    const is = out.features[0]!.geometry;
    expect(is.type).toBe('Polygon');
    const expectedKm2 = rectAreaKm2(38, 35, 39, 35.5) - rectAreaKm2(38.2, 35.2, 38.3, 35.3);
    expect(area(out.features[0]!) / 1e6).toBeCloseTo(expectedKm2, 3);
  });

  it('winds exteriors counter-clockwise and holes clockwise (RFC 7946), at 4 decimals', () => {
    for (const f of out.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const rings of polys) {
        rings.forEach((ring, r) => expect(Math.sign(signedArea2(ring))).toBe(r === 0 ? 1 : -1));
        for (const p of rings.flat()) expect(p.every((x) => Math.round(x * 1e4) / 1e4 === x)).toBe(true);
      }
    }
    expect(out.features[0]!.geometry.coordinates.length).toBe(2);
  });

  it('gives a snapshot that passes validation', () => {
    expect(lines(validateSnapshot(out, 'out.geojson'))).toEqual([]);
  });
});

describe('roundGeometry', () => {
  it('rounds and drops the repeats rounding leaves', () => {
    expect(roundGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1.00001, 0], [1.00002, 0.00004], [1, 1], [0, 0]]] }, 4))
      .toEqual({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
  });
});

describe('insertIndexEntry', () => {
  const I = 'data/snapshots/index.json';
  const index = { note: 'kept', snapshots: [
    { date: '2015-01-01', file: '2015-01-01.geojson', sources: ['a'], extra: 1 },
    { date: '2015-03-01', file: '2015-03-01.geojson', sources: ['b'], article: true },
  ] };
  const entry = (dateIso: string) => ({ dateIso, file: `${dateIso}.geojson`, sources: ['Someone, 2015'], precision: 'About 10 km.' });

  it('starts a new story\'s empty index', () => {
    expect(insertIndexEntry({ snapshots: [] }, entry('2024-01-01'), I)).toEqual({ ok: true, value: { snapshots: [
      { date: '2024-01-01', file: '2024-01-01.geojson', precision: 'About 10 km.', sources: ['Someone, 2015'] },
    ] } });
  });

  it('inserts in date order and keeps everything else as it was', () => {
    const r = insertIndexEntry(index, entry('2015-02-01'), I);
    expect(r).toEqual({ ok: true, value: { note: 'kept', snapshots: [
      index.snapshots[0],
      { date: '2015-02-01', file: '2015-02-01.geojson', precision: 'About 10 km.', sources: ['Someone, 2015'] },
      index.snapshots[1],
    ] } });
    const last = insertIndexEntry(index, { ...entry('2016-01-01'), precision: '' }, I);
    expect(last.ok && last.value.snapshots.at(-1)).toEqual({ date: '2016-01-01', file: '2016-01-01.geojson', sources: ['Someone, 2015'] });
    expect(index.snapshots).toHaveLength(2);
  });
  it('refuses a date already listed unless asked to replace it, keeping the article flag', () => {
    expect(lines(insertIndexEntry(index, entry('2015-03-01'), I))).toEqual([`${I}: date 2015-03-01 is already listed; pass --replace to replace it`]);
    const r = insertIndexEntry(index, entry('2015-03-01'), I, true);
    expect(r.ok && r.value.snapshots).toEqual([
      index.snapshots[0],
      { date: '2015-03-01', file: '2015-03-01.geojson', article: true, precision: 'About 10 km.', sources: ['Someone, 2015'] },
    ]);
  });
  it('keeps a replaced entry\'s precision and unknown fields unless told otherwise', () => {
    const old = { snapshots: [{ date: '2015-03-01', file: '2015-03-01.geojson', sources: ['b'], article: true, precision: 'Old, 20 km.', reviewedBy: 'desk', extra: { a: 1 } }] };
    const { precision: _, ...noPrecision } = entry('2015-03-01');
    const kept = insertIndexEntry(old, noPrecision, I, true);
    expect(kept.ok && kept.value.snapshots).toEqual([{ date: '2015-03-01', file: '2015-03-01.geojson', article: true, reviewedBy: 'desk', extra: { a: 1 }, precision: 'Old, 20 km.', sources: ['Someone, 2015'] }]);
    const changed = insertIndexEntry(old, entry('2015-03-01'), I, true);
    expect(changed.ok && changed.value.snapshots[0]).toMatchObject({ precision: 'About 10 km.', reviewedBy: 'desk' });
    const removed = insertIndexEntry(old, { ...entry('2015-03-01'), precision: '' }, I, true);
    expect(removed.ok && removed.value.snapshots[0]).not.toHaveProperty('precision');
  });
  it('refuses an index that does not parse', () => {
    expect(lines(insertIndexEntry({ snapshots: [{ date: '2015-02-01', file: 'a.geojson' }, { date: '2015-01-01', file: 'b.geojson' }] }, entry('2016-01-01'), I)))
      .toEqual([`${I}: dates are not in order: 2015-02-01 comes before 2015-01-01`]);
  });
});
