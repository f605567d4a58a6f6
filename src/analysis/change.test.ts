import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { CONTESTED_HOLDER, parseJson, parseSnapshot, type FactionId, type Snapshot } from '../data/contract.ts';
import { loadSnapshotFixture, rectAreaKm2 as rect } from '../../tests/fixtures/load.ts';
import { areasKm2 } from './area.ts';
import { changeSteps, computeChange, MIN_DRAWN_KM2, type ChangeResult } from './change.ts';

const before = loadSnapshotFixture('change-before.geojson');
const after = loadSnapshotFixture('change-after.geojson');

/** The conservation laws, for every side: gained + kept = after, lost + kept = before. */
function expectBalanced(r: ChangeResult, toleranceKm2: number): void {
  for (const [faction, t] of Object.entries(r.totals)) {
    expect(Math.abs(t.gainedKm2 + t.keptKm2 - t.afterKm2), `${faction}: gained + kept − after`).toBeLessThan(toleranceKm2);
    expect(Math.abs(t.lostKm2 + t.keptKm2 - t.beforeKm2), `${faction}: lost + kept − before`).toBeLessThan(toleranceKm2);
  }
}

function expectClose(actual: number | undefined, expected: number, label: string): void {
  expect(actual, label).toBeDefined();
  expect(Math.abs(actual! - expected) / expected, label).toBeLessThan(1e-9);
}

describe('computeChange on hand-made squares (tests/fixtures/change-*.geojson)', () => {
  const r = computeChange(before, after);
  const pocket = rect(40.25, 33.25, 40.5, 33.5);
  const sliver = rect(43.5, 33.5, 43.505, 33.505);

  it('measures each transfer as the spherical rectangle formula does, and no others', () => {
    expectClose(r.transfersKm2['islamic-state']?.['syrian-regime'], rect(41, 33, 42, 34) + pocket, 'IS → regime: a square and a pocket');
    expectClose(r.transfersKm2['islamic-state']?.none, rect(41, 32, 42, 33), 'IS → nobody: half its desert');
    expectClose(r.transfersKm2.none?.['syrian-kurds'], rect(41, 34, 42, 35), 'nobody → Kurds');
    expectClose(r.transfersKm2['syrian-regime']?.['syrian-rebels'], sliver, 'regime → rebels: a 0.26 km² sliver still counts');
    const pairs = Object.entries(r.transfersKm2).flatMap(([from, to]) => Object.keys(to).map((t) => `${from} → ${t}`));
    expect(pairs.sort()).toEqual(['islamic-state → none', 'islamic-state → syrian-regime', 'none → syrian-kurds', 'syrian-regime → syrian-rebels']);
  });

  it('keeps ground whose tier changed or that did not change at all', () => {
    expectClose(r.keptKm2['islamic-state'], rect(40, 33, 41, 34) - pocket + rect(40, 32, 41, 33), 'IS kept');
    expectClose(r.keptKm2['syrian-regime'], rect(42, 33, 43, 34), 'regime kept');
    expectClose(r.keptKm2['syrian-kurds'], rect(40, 34, 41, 35) + rect(42, 34, 43, 35), 'Kurds kept, desert now held');
    expectClose(r.keptKm2['iraqi-kurds'], rect(44, 35, 45, 36), 'Iraqi Kurds unchanged');
    expect(r.keptKm2['syrian-rebels']).toBeUndefined();
  });

  it('balances every side, and its before and after match areasKm2', () => {
    expectBalanced(r, 1e-6);
    const [was, now] = [areasKm2(before, 'all'), areasKm2(after, 'all')];
    for (const [faction, t] of Object.entries(r.totals) as [FactionId, NonNullable<ChangeResult['totals'][FactionId]>][]) {
      expect(t.beforeKm2).toBeCloseTo(was.get(faction) ?? 0, 6);
      expect(t.afterKm2).toBeCloseTo(now.get(faction) ?? 0, 6);
    }
    const near = (km2: number) => expect.closeTo(km2, 9);
    expect(r.totals['syrian-rebels']).toEqual({ beforeKm2: 0, afterKm2: near(sliver), keptKm2: 0, gainedKm2: near(sliver), lostKm2: 0 });
  });

  it('draws what changed hands, without the sliver', () => {
    const props = (fc: ChangeResult['gained']) => fc.features.map((f) => `${f.properties.faction} ← ${f.properties.other}`).sort();
    expect(props(r.gained)).toEqual(['syrian-kurds ← none', 'syrian-regime ← islamic-state']);
    expect(props(r.lost)).toEqual(['islamic-state ← none', 'islamic-state ← syrian-regime']);
    const regime = r.gained.features.find((f) => f.properties.faction === 'syrian-regime')!;
    expect(regime.geometry.type).toBe('MultiPolygon');
    expectClose(regime.properties.areaKm2, rect(41, 33, 42, 34) + pocket, 'drawn area');
    const fromNobody = r.gained.features.find((f) => f.properties.other === 'none')!;
    expect(turf.bbox(fromNobody)).toEqual([41, 34, 42, 35]);
    for (const f of [...r.gained.features, ...r.lost.features]) expect(f.properties.areaKm2).toBeGreaterThanOrEqual(MIN_DRAWN_KM2);
  });

  it('mirrors when the dates are swapped', () => {
    const back = computeChange(after, before);
    for (const [from, to] of Object.entries(r.transfersKm2)) {
      for (const [t, km2] of Object.entries(to)) expect((back.transfersKm2 as Record<string, Record<string, number>>)[t]?.[from]).toBeCloseTo(km2, 6);
    }
  });

  it('finds nothing between a snapshot and itself', () => {
    const same = computeChange(before, before);
    expect(same.transfersKm2).toEqual({});
    expect(same.gained.features).toEqual([]);
    expect(same.keptKm2['islamic-state']).toBeCloseTo(rect(40, 32, 42, 34), 6);
  });

  it('gives the same result step by step', () => {
    const steps = changeSteps(before, after);
    let n = 0, next = steps.next();
    for (; !next.done; next = steps.next()) n++;
    expect(n).toBeGreaterThan(1);
    expect(next.value).toEqual(r);
  });
});

describe('computeChange on real snapshots', () => {
  const load = (dateIso: string): Snapshot => {
    const file = `data/snapshots/${dateIso}.geojson`;
    const json = parseJson(readFileSync(join(import.meta.dirname, '../..', file), 'utf8'), file);
    const snap = json.ok ? parseSnapshot(json.value, file) : json;
    if (!snap.ok) throw new Error(snap.problems.map((p) => p.message).join('; '));
    return snap.value;
  };
  const jan = load('2017-01-01'), jul = load('2017-07-15');
  const r = computeChange(jan, jul);

  // Neighbouring features of one date overlap or leave gaps of a few metres (boundaries are rounded
  // to 1e-4°; `npm run data:check` tolerates 0.5 km² of overlap per pair), so areas agree to a few km².
  const TOLERANCE_KM2 = 5;

  it('balances every side between 2017-01-01 and 2017-07-15', () => {
    expectBalanced(r, TOLERANCE_KM2);
  });

  it('has IS losing ground, all of it accounted for by its transfers', () => {
    const is = r.totals['islamic-state']!;
    expect(is.lostKm2).toBeGreaterThan(10_000);
    const out = Object.values(r.transfersKm2['islamic-state'] ?? {}).reduce((s, v) => s + v, 0);
    expect(out).toBeCloseTo(is.lostKm2, 6);
    expect(r.lost.features.some((f) => f.properties.faction === 'islamic-state')).toBe(true);
  });

  it("agrees with a plain overlay of IS's ground with each side's (no skipping, no windows)", () => {
    // Contested ground counts apart from its holder's, as CONTESTED_HOLDER.
    const ground = (s: Snapshot, holder: FactionId) => {
      const fs = s.features.filter((f) => (f.properties.tier === 'contested' ? CONTESTED_HOLDER : f.properties.faction) === holder);
      return fs.length > 1 ? turf.union(turf.featureCollection(fs)) : fs[0] ?? null;
    };
    const is = ground(jan, 'islamic-state')!;
    for (const to of Object.keys(r.totals) as FactionId[]) {
      if (to === 'islamic-state') continue;
      const h = ground(jul, to);
      const x = h && turf.intersect(turf.featureCollection([is, h]));
      const plainKm2 = x ? turf.area(x) / 1e6 : 0;
      expect(Math.abs((r.transfersKm2['islamic-state']?.[to] ?? 0) - plainKm2), `IS → ${to}`).toBeLessThan(TOLERANCE_KM2);
    }
  });
});

describe('contested ground in change figures', () => {
  const square = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
  const held: Snapshot = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { faction: 'islamic-state' }, geometry: square(40, 33, 42, 34) }] };
  const fought: Snapshot = { type: 'FeatureCollection', features: [
    { type: 'Feature', properties: { faction: 'islamic-state' }, geometry: square(40, 33, 41, 34) },
    { type: 'Feature', properties: { faction: 'islamic-state', tier: 'contested', against: ['iraqi-government'] }, geometry: square(41, 33, 42, 34) },
  ] };

  it('counts ground that came under attack apart from its holder, as lost to contested ground and back', () => {
    const r = computeChange(held, fought);
    expectClose(r.transfersKm2['islamic-state']?.[CONTESTED_HOLDER], rect(41, 33, 42, 34), 'IS → contested');
    expectClose(r.totals[CONTESTED_HOLDER]?.afterKm2, rect(41, 33, 42, 34), 'contested ground after');
    expectClose(r.totals['islamic-state']?.afterKm2, rect(40, 33, 41, 34), 'IS keeps only its uncontested half');
    const back = computeChange(fought, held);
    expectClose(back.transfersKm2[CONTESTED_HOLDER]?.['islamic-state'], rect(41, 33, 42, 34), 'contested → IS');
    expectBalanced(r, 0.01);
  });
});
