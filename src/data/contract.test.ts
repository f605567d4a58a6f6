import { describe, expect, it } from 'vitest';
import { parseJson, parseFactions, parseSnapshot, parseSnapshotIndex, parsePlaces, isIsoDate } from './contract.ts';
import { placeOrder } from './place-order.ts';
import { formatProblem } from './result.ts';

const messages = (r: { ok: boolean; problems?: { file: string; feature?: number; message: string }[] }) =>
  r.ok ? [] : r.problems!.map(formatProblem);

describe('parseJson', () => {
  it('names the line and column of a syntax error', () => {
    const r = parseJson('{\n  "a": 1,\n  "b": }\n', 'data/x.json');
    expect(messages(r)).toHaveLength(1);
    expect(messages(r)[0]).toMatch(/^data\/x\.json: invalid JSON at line 3, column 8/);
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2016-02-29')).toBe(true);
    expect(isIsoDate('2017-02-29')).toBe(false);
    expect(isIsoDate('2017-7-1')).toBe(false);
    expect(isIsoDate(20170701)).toBe(false);
  });
});

describe('parseSnapshot', () => {
  const poly = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
  it('accepts a valid collection', () => {
    expect(parseSnapshot({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { faction: 'islamic-state' }, geometry: poly }] }, 'f').ok).toBe(true);
  });
  it('names the feature and the fault', () => {
    const r = parseSnapshot({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { faction: 'isis' }, geometry: poly },
        { type: 'Feature', properties: { faction: 'syrian-kurds' }, geometry: { type: 'Point', coordinates: [0, 0] } },
        { type: 'Feature', properties: { faction: 'syrian-kurds' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } },
        { type: 'Feature', properties: { faction: 'syrian-kurds' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 95], [0, 0]]] } },
      ],
    }, 'data/snapshots/bad.geojson', ['islamic-state', 'syrian-kurds', 'syrian-regime', 'syrian-rebels', 'iraqi-government', 'iraqi-kurds']);
    expect(messages(r)).toEqual([
      'data/snapshots/bad.geojson: feature 0: unknown faction "isis"; expected a faction id of factions.json (islamic-state, syrian-kurds, syrian-regime, syrian-rebels, iraqi-government, iraqi-kurds)',
      'data/snapshots/bad.geojson: feature 1: geometry must be a Polygon or MultiPolygon, got Point',
      'data/snapshots/bad.geojson: feature 2: polygon ring 0 is not closed (first and last positions differ)',
      'data/snapshots/bad.geojson: feature 3: polygon ring 0: coordinate [1, 95] is out of range',
    ]);
  });
  it('quotes at most 60 characters of a long geometry type (found by the fuzz tests in CI)', () => {
    const r = parseSnapshot({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { faction: 'islamic-state' }, geometry: { type: 'k'.repeat(2000), coordinates: [] } }] }, 'f');
    expect(messages(r)).toEqual([`f: feature 0: geometry must be a Polygon or MultiPolygon, got ${'k'.repeat(60)}…`]);
  });
  it('rejects what is not a FeatureCollection', () => {
    expect(messages(parseSnapshot([], 'f'))).toEqual(['f: expected a GeoJSON FeatureCollection']);
  });
});

describe('parseSnapshotIndex', () => {
  it('finds bad, duplicate and unsorted dates', () => {
    const r = parseSnapshotIndex({ snapshots: [
      { date: '2015-01-01', file: '2015-01-01.geojson' },
      { date: '2014-01-01', file: '2014-01-01.geojson' },
      { date: '2014-01-01', file: 'x.geojson' },
      { date: '2014-13-01', file: 'y.geojson' },
    ] }, 'data/snapshots/index.json');
    expect(messages(r)).toEqual([
      'data/snapshots/index.json: snapshots[3]: "date" must be a date written YYYY-MM-DD, got "2014-13-01"',
      'data/snapshots/index.json: dates are not in order: 2015-01-01 comes before 2014-01-01',
      'data/snapshots/index.json: date 2014-01-01 is listed twice',
    ]);
  });
  it('refuses file names that leave the folder', () => {
    expect(messages(parseSnapshotIndex({ snapshots: [{ date: '2015-01-01', file: '../secret.geojson' }] }, 'i'))[0]).toMatch(/"file" must be a file name/);
  });
});

describe('parseFactions and parsePlaces', () => {
  it('reject unknown ids, bad colours and duplicate places', () => {
    expect(messages(parseFactions({ factions: [{ id: 'Daesh', name: { en: 'a', nl: 'b' }, color: '#000000' }, { id: 'syrian-kurds', name: { en: 'a', nl: 'b' }, color: 'yellow' }] }, 'data/factions.json'))).toEqual([
      'data/factions.json: factions[0]: "id" must be lower-case letters, digits and hyphens, got "Daesh"',
      'data/factions.json: factions[1] (syrian-kurds): "color" must be a #rrggbb colour',
    ]);
    const place = (id: string) => ({ type: 'Feature', properties: { id, name_en: 'A', name_nl: 'A', name_ar: 'ا', rank: 1 }, geometry: { type: 'Point', coordinates: [40, 35] } });
    expect(messages(parsePlaces({ type: 'FeatureCollection', features: [place('a'), place('a'), place('B C')] }, 'data/places.geojson'))).toEqual([
      'data/places.geojson: feature 1: id "a" is used twice',
      'data/places.geojson: feature 2: "id" must be lower-case letters, digits and hyphens',
    ]);
  });
});

describe('parseJson positions', () => {
  it.each([
    ['{"a": [1, 2,]}', 'line 1, column 13: expected a value, found "]"'],
    ['{"a": 1}\n}', 'line 2, column 1: expected the end of the file, found "}"'],
    ["{'a': 1}", 'line 1, column 2: expected a property name in double quotes'],
    ['{"a": "x', 'line 1, column 9: expected a closing quote, found the end'],
    ['[1 2]', 'line 1, column 4: expected a comma or ]'],
  ])('%s', (text, expected) => {
    expect(messages(parseJson(text, 'f'))[0]).toContain(expected);
  });
});

describe('parsePlaces: rank', () => {
  const place = (rank: unknown) => ({ type: 'Feature', properties: { id: 'a', name_en: 'A', name_nl: 'A', name_ar: 'ا', ...(rank === undefined ? {} : { rank }) }, geometry: { type: 'Point', coordinates: [40, 35] } });
  it('names a rank written as text or out of range instead of replacing it', () => {
    const data = JSON.parse(JSON.stringify({ type: 'FeatureCollection', features: [place('1'), place(4), place(1.5), place(null)] }).replace('1.5', '1e400')) as unknown;
    expect(messages(parsePlaces(data, 'data/places.geojson'))).toEqual([
      'data/places.geojson: feature 0: a: "rank" must be 1, 2 or 3 (1 for the largest cities), or absent for 3; got "1"',
      'data/places.geojson: feature 1: a: "rank" must be 1, 2 or 3 (1 for the largest cities), or absent for 3; got 4',
      'data/places.geojson: feature 2: a: "rank" must be 1, 2 or 3 (1 for the largest cities), or absent for 3; got Infinity',
      'data/places.geojson: feature 3: a: "rank" must be 1, 2 or 3 (1 for the largest cities), or absent for 3; got null',
    ]);
  });
  it('fills in 3 for an absent rank without changing its input', () => {
    const data = { type: 'FeatureCollection', features: [place(undefined), { ...place(1), properties: { ...place(1).properties, id: 'b' } }] };
    const r = parsePlaces(data, 'p');
    expect(r.ok && r.value.map((p) => p.properties.rank)).toEqual([3, 1]);
    expect(data.features[0]!.properties).not.toHaveProperty('rank');
  });
});

describe('parsePlaces: population, and the places\' order', () => {
  const place = (id: string, rank: number, name_en: string, population?: unknown) => ({ type: 'Feature', properties: { id, name_en, rank, ...(population === undefined ? {} : { population }) }, geometry: { type: 'Point', coordinates: [40, 35] } });
  it('names a population that is not a whole number of 0 or more', () => {
    const r = parsePlaces({ type: 'FeatureCollection', features: [place('a', 1, 'A', '1000'), place('b', 1, 'B', -5), place('c', 1, 'C', 2.5), place('d', 1, 'D', 0)] }, 'data/places.geojson');
    expect(messages(r)).toEqual([
      'data/places.geojson: feature 0: a: "population" must be a whole number of people, 0 or more, or absent when not known; got "1000"',
      'data/places.geojson: feature 1: b: "population" must be a whole number of people, 0 or more, or absent when not known; got -5',
      'data/places.geojson: feature 2: c: "population" must be a whole number of people, 0 or more, or absent when not known; got 2.5',
    ]);
  });
  it('orders by rank, then the larger population (an unknown one last), then the English name', () => {
    const r = parsePlaces({ type: 'FeatureCollection', features: [
      place('erbil', 1, 'Erbil', 932_800), place('tikrit', 2, 'Tikrit', 42_477), place('mosul', 1, 'Mosul', 1_739_800),
      place('anbar', 1, 'Anbar'), place('aleppo', 1, 'Aleppo'), place('kirkuk', 2, 'Kirkuk', 601_433),
    ] }, 'p');
    expect(r.ok && [...r.value].sort(placeOrder).map((p) => p.properties.id)).toEqual(['mosul', 'erbil', 'aleppo', 'anbar', 'kirkuk', 'tikrit']);
  });
});
