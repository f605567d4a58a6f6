import { describe, expect, it } from 'vitest';
import { fighting, parseContested, parseMethod, parseSettlements, riverLines } from './method.ts';
import { formatProblem } from './result.ts';

const SIDES = ['north', 'south', 'east'];
const good = {
  settlementRadiusKm: 20, riverCorridorKm: 15, linkCorridorKm: 12, linkMaxKm: 70, smoothKm: 8, frontDepthKm: 40, minHeldPieceKm2: 150,
  rivers: ['Euphrates'], supportZones: [{ side: 'north', source: 's' }],
  notFighting: [{ sides: ['south', 'east'], to: '2017-10-16', source: 's' }],
};

describe('parseMethod', () => {
  it('reads the parameters and the lists', () => {
    const r = parseMethod(good, 'method.json', SIDES);
    expect(r.ok && r.value).toMatchObject({ settlementRadiusKm: 20, rivers: ['Euphrates'], supportZones: [{ side: 'north' }] });
  });

  it('names every bad field', () => {
    const r = parseMethod({ ...good, frontDepthKm: -1, linkMaxKm: '70', supportZones: [{ side: 'west', source: 's' }], notFighting: [{ sides: ['south'], source: 's' }] }, 'method.json', SIDES);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'method.json: "linkMaxKm" must be a number ≥ 0',
      'method.json: "frontDepthKm" must be a number ≥ 0',
      'method.json: supportZones[0]: unknown side "west"; expected one of north, south, east',
      'method.json: notFighting[0] needs "sides" (two side ids) and "source"',
    ]);
    expect(parseMethod(null, 'method.json', SIDES).ok).toBe(false);
  });

  it('names a side that is no string without turning it into one (found by the fuzz tests)', () => {
    // JSON.parse gives own keys named toString; String() of such an object throws.
    const side = JSON.parse('{"toString": 1}');
    const r = parseMethod({ ...good, supportZones: [{ side, source: 's' }], notFighting: [{ sides: ['k'.repeat(500), 'north'], source: 's' }] }, 'method.json', SIDES);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'method.json: supportZones[0]: unknown side {"toString":1}; expected one of north, south, east',
      `method.json: notFighting[0]: unknown side "${'k'.repeat(79)}…; expected one of north, south, east`,
    ]);
  });

  it('knows who was fighting whom on a date', () => {
    const r = parseMethod(good, 'method.json', SIDES);
    if (!r.ok) throw new Error('fixture');
    expect(fighting(r.value, 'south', 'east', '2017-10-15')).toBe(false);
    expect(fighting(r.value, 'east', 'south', '2017-10-16')).toBe(true);
    expect(fighting(r.value, 'north', 'south', '2015-01-01')).toBe(true);
    expect(fighting(r.value, 'north', 'north', '2015-01-01')).toBe(false);
  });
});

describe('parseContested', () => {
  const feature = (props: Record<string, unknown>) => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } });
  it('accepts a sourced fight and refuses one without attackers or with the dates reversed', () => {
    const ok = { id: 'x', faction: 'north', against: ['south'], from: '2017-02-19', to: '2017-07-10', source: 'AP' };
    const r = parseContested({ type: 'FeatureCollection', features: [feature(ok), feature({ ...ok, against: ['north'] }), feature({ ...ok, from: '2017-08-01' })] }, 'contested.geojson', SIDES);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'contested.geojson: feature 1: needs "id", "faction" (the side holding the ground) and "against" (the other sides), from north, south, east',
      'contested.geojson: feature 2: (x) needs "from" before "to", written YYYY-MM-DD',
    ]);
  });
});

describe('settlements and rivers', () => {
  it('reads settlement points and names the bad one', () => {
    const r = parseSettlements({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: 'A' }, geometry: { type: 'Point', coordinates: [40, 35] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: ['40', 35] } },
    ] }, 's.geojson');
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual(['s.geojson: feature 1: expected a Point feature with numeric coordinates']);
  });

  it('picks river lines by name, name_en or id', () => {
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: 'Firat' }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } },
      { type: 'Feature', properties: { id: 'khabur' }, geometry: { type: 'MultiLineString', coordinates: [[[2, 2], [3, 3]], [[4, 4], [5, 5]]] } },
      { type: 'Feature', properties: { name: 'Jordan' }, geometry: { type: 'LineString', coordinates: [[9, 9], [8, 8]] } },
    ] };
    expect(riverLines(fc, ['Firat', 'khabur'])).toEqual([[[0, 0], [1, 1]], [[2, 2], [3, 3]], [[4, 4], [5, 5]]]);
  });
});
