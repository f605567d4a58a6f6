import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { generateSnapshot, parseControlPoints, parseOverrides, entryOn, prepare, type ControlPoint, type Sources } from './generate.ts';
import type { Contested, Method } from './method.ts';
import { areasKm2 } from '../analysis/area.ts';
import { holderAt } from '../analysis/territory.ts';
import { formatProblem } from './result.ts';

const region: Feature<Polygon> = turf.polygon([[[38, 33], [42, 33], [42, 36], [38, 36], [38, 33]]]);
const regions = new Map([['all', region]]);
/** No settled ground and no front depth: every side holds all the ground it dominates. */
const PLAIN: Method = { settlementRadiusKm: 0, riverCorridorKm: 0, linkCorridorKm: 0, linkMaxKm: 0, smoothKm: 0, frontDepthKm: 0, minHeldPieceKm2: 0, rivers: [], supportZones: [], notFighting: [] };
const sources = (over: Partial<Sources>): Sources => ({ points: [], overrides: [], contested: [], regions, settlements: [], rivers: [], method: PLAIN, ...over });
const gen = (over: Partial<Sources>, dateIso: string) => generateSnapshot(prepare(sources(over)), dateIso);
const sum = (s: ReturnType<typeof gen>, pick: (f: ReturnType<typeof gen>['features'][number]) => boolean = () => true) =>
  s.features.filter(pick).reduce((a, f) => a + turf.area(f) / 1e6, 0);
const tierAt = (s: ReturnType<typeof gen>, lonLat: [number, number]) => {
  const f = s.features.find((x) => turf.booleanPointInPolygon(lonLat, x));
  return f ? `${f.properties.faction} ${f.properties.tier ?? 'held'}` : 'nobody';
};
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
  const before = gen({ points, overrides }, '2014-06-01');
  const during = gen({ points, overrides }, '2016-01-01');

  it('puts every point in the faction that held it', () => {
    for (const p of points) {
      const faction = entryOn(p, '2014-06-01')!.faction;
      expect(holderAt(before, [p.lon, p.lat])).toBe(faction === 'none' ? null : faction);
    }
  });

  it('tiles the region without overlaps: held area + unheld cells = region', () => {
    const total = [...areasKm2(before, 'all').values()].reduce((a, b) => a + b, 0);
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

describe('generateSnapshot with regions', { timeout: 30_000 }, () => {
  const westRegion = turf.polygon([[[38, 33], [40, 33], [40, 36], [38, 36], [38, 33]]]);
  const eastRegion = turf.polygon([[[40, 33], [42, 33], [42, 36], [40, 36], [40, 33]]]);
  const two = new Map([['west', westRegion], ['east', eastRegion]]);
  const mk = (id: string, lon: number, lat: number, faction: string, region: string): ControlPoint =>
    ({ id, name: id, lon, lat, kind: 'town', region, history: [{ fromIso: '2014-01-01', faction: faction as ControlPoint['history'][0]['faction'], source: '' }] });
  const pts = [mk('w1', 39.9, 34.5, 'syrian-regime', 'west'), mk('w2', 38.2, 34.5, 'islamic-state', 'west'), mk('e1', 41.5, 34.5, 'iraqi-government', 'east')];

  it('keeps each region’s cells on its own side of the border', () => {
    const snap = gen({ points: pts, regions: two }, '2015-01-01');
    // w1 is nearer to (40.2, 34.5) than e1, but that ground is in the east region.
    expect(holderAt(snap, [40.2, 34.5])).toBe('iraqi-government');
    expect(holderAt(snap, [39.8, 34.5])).toBe('syrian-regime');
  });

  it('gives a side one held feature across regions, merged at the border', () => {
    const same = [mk('w', 39.5, 34.5, 'syrian-kurds', 'west'), mk('e', 40.5, 34.5, 'syrian-kurds', 'east')];
    const snap = gen({ points: same, regions: two }, '2015-01-01');
    expect(snap.features).toHaveLength(1);
    expect(snap.features[0]!.geometry.type).toBe('Polygon');
  });
});

// Each case generates whole snapshots (about a second each on a quiet 2-core machine).
describe('the tiers: settled ground, rear, desert flanks and support zones', { timeout: 30_000 }, () => {
  // Two towns 300 km apart on the same latitude: IS in the west, the Iraqi government in the east.
  const mk = (id: string, lon: number, faction: string, kind: 'town' | 'area' = 'town'): ControlPoint =>
    ({ id, name: id, lon, lat: 34.5, kind, history: [{ fromIso: '2014-01-01', faction: faction as ControlPoint['history'][0]['faction'], source: '' }] });
  const pts = [mk('is', 38.4, 'islamic-state'), mk('gov', 41.6, 'iraqi-government')];
  const method: Method = { ...PLAIN, settlementRadiusKm: 20, frontDepthKm: 60 };

  it('holds the settled ground around a town; the rest of a support-zone side’s ground is desert', () => {
    const snap = gen({ points: pts, method: { ...method, supportZones: [{ side: 'islamic-state', source: 'test' }] } }, '2015-01-01');
    expect(tierAt(snap, [38.4, 34.5])).toBe('islamic-state held');
    // 0.5° of longitude ≈ 46 km from the IS town: beyond its 20 km, and IS's open country is a support zone.
    expect(tierAt(snap, [38.9, 34.5])).toBe('islamic-state desert');
    // Far behind the government's front (the bisector is at 40°E): its rear, held although unsettled.
    expect(tierAt(snap, [41.9, 35.8])).toBe('iraqi-government held');
    // Open country within 60 km of IS's ground: a desert flank.
    expect(tierAt(snap, [40.3, 35.8])).toBe('iraqi-government desert');
  });

  it('conserves area: held + desert = the ground the side dominates', () => {
    const plain = gen({ points: pts }, '2015-01-01');
    const tiered = gen({ points: pts, method }, '2015-01-01');
    expect(Math.abs(sum(tiered) - sum(plain))).toBeLessThan(0.001 * sum(plain));
    expect(sum(tiered, (f) => f.properties.tier === 'desert')).toBeGreaterThan(1000);
  });

  it('draws no front between sides that were not fighting', () => {
    const allies = [mk('a', 38.4, 'iraqi-kurds'), mk('b', 41.6, 'iraqi-government')];
    const peace = gen({ points: allies, method: { ...method, notFighting: [{ sides: ['iraqi-government', 'iraqi-kurds'], fromIso: '2014-01-01', toIso: '2016-01-01', source: 'test' }] } }, '2015-01-01');
    expect(sum(peace, (f) => f.properties.tier === 'desert')).toBe(0);
    const war = gen({ points: allies, method: { ...method, notFighting: [{ sides: ['iraqi-government', 'iraqi-kurds'], fromIso: '2014-01-01', toIso: '2015-01-01', source: 'test' }] } }, '2015-01-01');
    expect(sum(war, (f) => f.properties.tier === 'desert')).toBeGreaterThan(1000);
  });

  it('links neighbouring towns of a side by a corridor of held ground, up to linkMaxKm apart', () => {
    // Two IS towns 0.8° (≈73 km) apart: their 20 km discs do not touch, the link does.
    const pair = [mk('a', 38.3, 'islamic-state'), mk('b', 39.1, 'islamic-state'), mk('gov', 41.6, 'iraqi-government')];
    const zones = { ...method, supportZones: [{ side: 'islamic-state', source: 'test' }], linkCorridorKm: 8 };
    const linked = gen({ points: pair, method: { ...zones, linkMaxKm: 80 } }, '2015-01-01');
    expect(tierAt(linked, [38.7, 34.5])).toBe('islamic-state held');
    const apart = gen({ points: pair, method: { ...zones, linkMaxKm: 60 } }, '2015-01-01');
    expect(tierAt(apart, [38.7, 34.5])).toBe('islamic-state desert');
  });

  it('holds a river valley within riverCorridorKm of the river', () => {
    const river = [[38.0, 33.5], [42.0, 35.5]];
    const zones = { ...method, supportZones: [{ side: 'islamic-state', source: 'test' }], riverCorridorKm: 10 };
    const snap = gen({ points: pts, rivers: [river], method: zones }, '2015-01-01');
    expect(tierAt(snap, [39.0, 34.0])).toBe('islamic-state held');
    expect(tierAt(snap, [39.0, 34.5])).toBe('islamic-state desert');
  });

  it('folds small held pieces without a town of the side into its desert', () => {
    // A settlement (not a control point) in IS's open country: its disc would be a stray piece.
    const settlements = [{ name: 'hamlet', lon: 39.2, lat: 35.2 }];
    const zones = { ...method, settlementRadiusKm: 5, supportZones: [{ side: 'islamic-state', source: 'test' }] };
    const kept = gen({ points: pts, settlements, method: { ...zones, minHeldPieceKm2: 0 } }, '2015-01-01');
    expect(tierAt(kept, [39.2, 35.2])).toBe('islamic-state held');
    const folded = gen({ points: pts, settlements, method: { ...zones, minHeldPieceKm2: 100 } }, '2015-01-01');
    expect(tierAt(folded, [39.2, 35.2])).toBe('islamic-state desert');
    expect(tierAt(folded, [38.4, 34.5])).toBe('islamic-state held');
  });

  it('cuts contested ground in as its own feature, with the attackers, only while the fight lasts', () => {
    const fight: Contested = {
      type: 'Feature', geometry: turf.circle([38.4, 34.5], 5, { units: 'kilometers' }).geometry,
      properties: { id: 'siege', faction: 'islamic-state', against: ['iraqi-government'], fromIso: '2015-01-01', toIso: '2015-02-01', source: 'test' },
    };
    const on = gen({ points: pts, contested: [fight], method }, '2015-01-15');
    const c = on.features.filter((f) => f.properties.tier === 'contested');
    expect(c).toHaveLength(1);
    expect(c[0]!.properties).toMatchObject({ faction: 'islamic-state', id: 'siege', against: ['iraqi-government'] });
    expect(tierAt(on, [38.4, 34.5])).toBe('islamic-state contested');
    expect(Math.abs(sum(on) - sum(gen({ points: pts, method }, '2015-01-15')))).toBeLessThan(1);
    expect(gen({ points: pts, contested: [fight], method }, '2015-02-01').features.some((f) => f.properties.tier === 'contested')).toBe(false);
  });

  it('keeps overlapping fights apart: the later one leaves out what the earlier one covers', () => {
    const fight = (id: string, lon: number): Contested => ({
      type: 'Feature', geometry: turf.circle([lon, 34.5], 5, { units: 'kilometers' }).geometry,
      properties: { id, faction: 'islamic-state', against: ['iraqi-government'], fromIso: '2015-01-01', toIso: '2015-02-01', source: 'test' },
    });
    const snap = gen({ points: pts, contested: [fight('a', 38.4), fight('b', 38.45)], method }, '2015-01-15');
    const [a, b] = snap.features.filter((f) => f.properties.tier === 'contested');
    const x = turf.intersect(turf.featureCollection([a!, b!]));
    expect(x ? turf.area(x) / 1e6 : 0).toBeLessThan(0.01);
    expect(turf.area(b!) / 1e6).toBeLessThan(turf.area(a!) / 1e6);
  });
});
