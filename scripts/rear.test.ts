/**
 * The rear rule: the probes of tests/fixtures/rear-probes.json lie in open country far from every
 * settlement, so the settled-ground rule cannot make them held; only the rear rule can. On every
 * date on which the snapshot shows a probe's side holding all of its surrounding control points,
 * the probe must be in that side's held tier. The test checks the fixture's conditions itself (the
 * distance to every settlement, settled ground, contested fights, the surrounding points), so a
 * probe that drifts near a settlement, or a stale list, fails. Probe-dates the map gets wrong today
 * are listed in the fixture's `knownFailures`, and exactly those must fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { prepare } from '../src/data/generate.ts';
import { pointInPolygon } from '../src/data/planar.ts';
import { ROOT } from './derived-file.ts';
import { AWAY_KM, FIXTURE, holdsAll, nearestKm, probeName, shown, surrounding, type ProbesFile } from './rear.ts';
import { loadSeries } from './series.ts';
import { loadSources, unwrapOrExit } from './sources.ts';

const fixture = JSON.parse(readFileSync(join(ROOT, FIXTURE), 'utf8')) as ProbesFile;
const { probes } = fixture;
const sources = unwrapOrExit(loadSources(join(ROOT, 'data', 'sources')));

describe('rear probes: where they are', () => {
  it('has at least 20 probes, in at least three areas', () => {
    expect(probes.length).toBeGreaterThanOrEqual(20);
    expect(new Set(probes.map((p) => p.area)).size).toBeGreaterThanOrEqual(3);
  });

  it(`puts every probe farther than ${AWAY_KM} km from every settlement and town control point`, () => {
    const towns = sources.points.filter((p) => p.kind === 'town');
    const near = probes.flatMap((p) => {
      const geo = nearestKm([p.lon, p.lat], sources.settlements), town = nearestKm([p.lon, p.lat], towns);
      return geo > AWAY_KM && town > AWAY_KM ? [] : [`${probeName(p)}: ${geo.toFixed(1)} km from a GeoNames settlement, ${town.toFixed(1)} km from a town point`];
    });
    expect(near).toEqual([]);
  });

  it('puts every probe in its area and its region, outside settled ground and every contested fight', () => {
    const prep = prepare(sources);
    const wrong = probes.flatMap((p) => {
      const at: [number, number] = [p.lon, p.lat];
      const area = fixture.areas.find((a) => a.name === p.area);
      const why = [
        !area || area.side !== p.side || area.region !== p.region ? 'not in a listed area of its side' : '',
        area && !(area.box[0] <= p.lon && p.lon <= area.box[2] && area.box[1] <= p.lat && p.lat <= area.box[3]) ? 'outside its area' : '',
        !turf.booleanPointInPolygon(at, sources.regions.get(p.region)!) ? `outside ${p.region}` : '',
        prep.regions.get(p.region)!.settled.some((poly) => pointInPolygon(prep.proj.toKm(at), poly)) ? 'in settled ground' : '',
        sources.contested.some((c) => turf.booleanPointInPolygon(at, c)) ? 'in a contested fight' : '',
      ].filter(Boolean);
      return why.length ? [`${probeName(p)}: ${why.join(', ')}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('lists for every probe the nearest control point in each quadrant', () => {
    for (const p of probes) {
      const now = surrounding(sources.points, p.region, [p.lon, p.lat]);
      expect(p.surrounding, `${probeName(p)}: stale; run ${fixture.command}`).toEqual(now);
      expect(now.length, `${probeName(p)}: surrounded on fewer than two sides`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('rear probes: held where their side holds everything around', () => {
  const series = loadSeries();
  const results = probes.map((p) => {
    const failed: string[] = [];
    let tested = 0;
    for (const { entry, snapshot } of series) {
      if (!holdsAll(snapshot, p.side, p.surrounding, sources.points)) continue;
      tested++;
      const got = shown(snapshot, [p.lon, p.lat]);
      if (got !== p.side) failed.push(`${probeName(p)} ${entry.dateIso}: map shows ${got}`);
    }
    return { p, tested, failed };
  });

  it('tests every probe on at least one date', () => {
    expect(results.filter((r) => r.tested === 0).map((r) => probeName(r.p))).toEqual([]);
  });

  it('finds every probe in its side\'s held tier on those dates, except the known failures', () => {
    const failures = results.flatMap((r) => r.failed.map((f) => f.replace(/: map shows .*/, '')));
    const shownAs = new Map(results.flatMap((r) => r.failed.map((f) => [f.replace(/: map shows .*/, ''), f] as const)));
    for (const k of fixture.knownFailures) expect(k.why, `known failure of ${k.probe}: why`).toBeTruthy();
    const known = fixture.knownFailures.flatMap((k) => k.dates.map((d) => `${k.probe} ${d}`));
    const unexpected = failures.filter((f) => !known.includes(f)).map((f) => shownAs.get(f)!);
    const fixed = known.filter((f) => !failures.includes(f));
    expect(unexpected, `${unexpected.length} new misses`).toEqual([]);
    expect(fixed, 'listed as known failures but held now: drop them from knownFailures and docs/data.md').toEqual([]);
  });
}, 180_000);
