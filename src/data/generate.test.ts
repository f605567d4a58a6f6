import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { generateSnapshot, parseControlPoints, parseOverrides, entryOn, type ControlPoint } from './generate.ts';
import { areasKm2 } from '../analysis/area.ts';
import { holderAt } from '../analysis/territory.ts';
import { formatProblem } from './result.ts';

const region: Feature<Polygon> = turf.polygon([[[38, 33], [42, 33], [42, 36], [38, 36], [38, 33]]]);
const regions = new Map([['all', region]]);
const NO_REACH = { reachKm: { town: Infinity, area: Infinity } };
const pt = (id: string, lon: number, lat: number, ...history: [string, string][]) => ({ id, lon, lat, history: history.map(([from, faction]) => ({ from, faction, source: 'fixture' })) });
const table = {
  points: [
    pt('west', 38.5, 34.5, ['2014-01-01', 'syrian-regime']),
    pt('centre', 40, 34.5, ['2014-01-01', 'syrian-rebels'], ['2014-07-01', 'islamic-state']),
    pt('east', 41.5, 34.5, ['2014-01-01', 'syrian-kurds']),
    pt('north', 40, 35.7, ['2014-01-01', 'islamic-state']),
    pt('desert', 40, 33.3, ['2014-01-01', 'none']),
    pt('city', 40.6, 34.6, ['2014-01-01', 'syrian-regime']),
  ],
};
const points = (() => { const r = parseControlPoints(table, 'fixture'); if (!r.ok) throw new Error('bad fixture'); return r.value; })();
const overrides = (() => {
  const r = parseOverrides({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'deir-ez-zor-enclave', faction: 'syrian-regime', from: '2015-01-01', to: '2017-09-05', source: 'fixture' },
    geometry: { type: 'Polygon', coordinates: [[[40.55, 34.55], [40.65, 34.55], [40.65, 34.65], [40.55, 34.65], [40.55, 34.55]]] } }] }, 'fixture');
  if (!r.ok) throw new Error('bad fixture');
  return r.value;
})();

describe('entryOn', () => {
  it('takes the last entry on or before the date', () => {
    const centre = points.find((p) => p.id === 'centre') as ControlPoint;
    expect(entryOn(centre, '2014-06-30')?.faction).toBe('syrian-rebels');
    expect(entryOn(centre, '2014-07-01')?.faction).toBe('islamic-state');
    expect(entryOn(centre, '2013-01-01')).toBeNull();
  });
});

describe('generateSnapshot', () => {
  const before = generateSnapshot(points, overrides, regions, '2014-06-01', NO_REACH);
  const during = generateSnapshot(points, overrides, regions, '2016-01-01', NO_REACH);

  it('puts every point in the faction that held it', () => {
    for (const p of points) {
      const faction = entryOn(p, '2014-06-01')!.faction;
      expect(holderAt(before, [p.lon, p.lat])).toBe(faction === 'none' ? null : faction);
    }
  });

  it('tiles the region without overlaps: held area + unheld cells = region', () => {
    const total = [...areasKm2(before).values()].reduce((a, b) => a + b, 0);
    const region2 = turf.area(region) / 1e6;
    expect(total).toBeLessThan(region2);
    // The 'none' cell is the only gap; no two factions overlap.
    const fs = before.features;
    for (let i = 0; i < fs.length; i++) for (let j = i + 1; j < fs.length; j++) {
      const x = turf.intersect(turf.featureCollection([fs[i]!, fs[j]!]));
      expect(x ? turf.area(x) / 1e6 : 0).toBeLessThan(0.5);
    }
    expect(holderAt(before, [40, 33.2])).toBeNull();
  });

  it('cuts the enclave in as its own feature and ignores points inside it', () => {
    const enclave = during.features.filter((f) => f.properties.id === 'deir-ez-zor-enclave');
    expect(enclave).toHaveLength(1);
    expect(enclave[0]!.properties.faction).toBe('syrian-regime');
    const expectedKm2 = turf.area(overrides[0]!) / 1e6;
    expect(Math.abs(turf.area(enclave[0]!) / 1e6 - expectedKm2)).toBeLessThan(0.05 * expectedKm2);
    // Outside the enclave, the city's surroundings fall to the neighbours (IS here).
    expect(holderAt(during, [40.75, 34.75])).toBe('islamic-state');
    expect(before.features.some((f) => f.properties.id === 'deir-ez-zor-enclave')).toBe(false);
  });

  it('clips to the region', () => {
    for (const f of during.features) {
      const [w, s, e, n] = turf.bbox(f);
      expect(w).toBeGreaterThanOrEqual(38 - 1e-9);
      expect(e).toBeLessThanOrEqual(42 + 1e-9);
      expect(s).toBeGreaterThanOrEqual(33 - 1e-9);
      expect(n).toBeLessThanOrEqual(36 + 1e-9);
    }
  });
});

const IDS = ['islamic-state', 'syrian-kurds', 'syrian-regime', 'syrian-rebels', 'iraqi-government', 'iraqi-kurds'];

describe('parseControlPoints', () => {
  it('names the point and entry at fault', () => {
    const r = parseControlPoints({ points: [pt('a', 40, 34, ['2015-01-01', 'syrian-kurds'], ['2014-01-01', 'islamic-state']), pt('b', 40, 34, ['2015-01-01', 'daesh'])] }, 'data/sources/control-x.json', IDS);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'data/sources/control-x.json: points[0] (a): history[1] (2014-01-01) is earlier than the entry before it (2015-01-01)',
      'data/sources/control-x.json: points[1] (b): history[0] needs "from" (YYYY-MM-DD) and "faction" (a faction id of factions.json (islamic-state, syrian-kurds, syrian-regime, syrian-rebels, iraqi-government, iraqi-kurds), or none)',
    ]);
  });
});

describe('generateSnapshot with regions and reach', () => {
  const westRegion = turf.polygon([[[38, 33], [40, 33], [40, 36], [38, 36], [38, 33]]]);
  const eastRegion = turf.polygon([[[40, 33], [42, 33], [42, 36], [40, 36], [40, 33]]]);
  const two = new Map([['west', westRegion], ['east', eastRegion]]);
  const mk = (id: string, lon: number, lat: number, faction: string, region: string): ControlPoint =>
    ({ id, name: id, lon, lat, kind: 'town', region, history: [{ fromIso: '2014-01-01', faction: faction as ControlPoint['history'][0]['faction'], source: '' }] });
  const pts = [mk('w1', 39.9, 34.5, 'syrian-regime', 'west'), mk('w2', 38.2, 34.5, 'islamic-state', 'west'), mk('e1', 41.5, 34.5, 'iraqi-government', 'east')];

  it('keeps each region’s cells on its own side of the border', () => {
    const snap = generateSnapshot(pts, [], two, '2015-01-01', NO_REACH);
    // w1 is nearer to (40.2, 34.5) than e1, but that ground is in the east region.
    expect(holderAt(snap, [40.2, 34.5])).toBe('iraqi-government');
    expect(holderAt(snap, [39.8, 34.5])).toBe('syrian-regime');
  });

  it('splits each cell into held ground within reach and desert beyond it, conserving area', () => {
    const full = generateSnapshot(pts, [], two, '2015-01-01', NO_REACH);
    const tiered = generateSnapshot(pts, [], two, '2015-01-01', { reachKm: { town: 30, area: 10 } });
    const sum = (s: typeof full, tier?: string) => s.features.filter((f) => tier === undefined || (f.properties.tier ?? 'held') === tier).reduce((a, f) => a + turf.area(f) / 1e6, 0);
    expect(Math.abs(sum(tiered) - sum(full))).toBeLessThan(0.001 * sum(full));
    // Held ground of the lone Iraqi town is at most a 30 km disc.
    const heldIraq = tiered.features.find((f) => f.properties.faction === 'iraqi-government' && !f.properties.tier)!;
    expect(turf.area(heldIraq) / 1e6).toBeLessThanOrEqual(Math.PI * 30 ** 2 * 1.001);
    expect(turf.area(heldIraq) / 1e6).toBeGreaterThan(Math.PI * 30 ** 2 * 0.98);
    expect(tiered.features.find((f) => f.properties.faction === 'iraqi-government' && f.properties.tier === 'desert')).toBeDefined();
  });
});
