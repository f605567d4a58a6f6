/**
 * Writes tests/fixtures/rear-probes.json: points on a fixed lattice in four rear areas that lie
 * farther than AWAY_KM from every settlement (the GeoNames file and our town control points), outside
 * the generator's settled ground and outside every contested fight, each with its surrounding
 * control points; a point whose side never holds all of those on any snapshot would test nothing and
 * is left out (counted as neverSurrounded). The lattice is fixed (multiples of the area's step from
 * 0°), and what the map shows at a probe itself plays no part in choosing it. Known failures already
 * recorded in the fixture are kept.
 * Usage: npx tsx scripts/rear-probes.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import { prepare } from '../src/data/generate.ts';
import { pointInPolygon } from '../src/data/planar.ts';
import { ROOT } from './derived-file.ts';
import { loadSources, unwrapOrExit } from './sources.ts';
import { AWAY_KM, FIXTURE, holdsAll, nearestKm, surrounding, type Area, type Probe, type ProbesFile } from './rear.ts';
import { loadSeries } from './series.ts';

const AREAS: Area[] = [
  { name: 'Iraqi south-western desert', region: 'iraq', side: 'iraqi-government', box: [39, 29, 44, 33], stepDeg: 0.5 },
  { name: "Kurdistan Region's mountains", region: 'iraq', side: 'iraqi-kurds', box: [43.3, 35, 46.4, 37.4], stepDeg: 0.2 },
  { name: "Syrian coast's hinterland", region: 'syria', side: 'syrian-regime', box: [35.7, 34.6, 36.6, 36], stepDeg: 0.1 },
  { name: "Sweida's east", region: 'syria', side: 'syrian-regime', box: [36.8, 32.3, 37.8, 33.2], stepDeg: 0.2 },
];

const sources = unwrapOrExit(loadSources(join(ROOT, 'data', 'sources')));
const prep = prepare(sources);
const towns = sources.points.filter((p) => p.kind === 'town');
const series = loadSeries();
const lattice = (from: number, to: number, step: number) => {
  const out: number[] = [];
  for (let i = Math.ceil(from / step - 1e-9); i * step <= to + 1e-9; i++) out.push(+(i * step).toFixed(4));
  return out;
};

const probes: Probe[] = [];
const areas = AREAS.map((area) => {
  const shape = sources.regions.get(area.region)!;
  const settled = prep.regions.get(area.region)!.settled;
  let farthestKm = 0, count = 0, neverSurrounded = 0;
  for (const lon of lattice(area.box[0], area.box[2], area.stepDeg)) {
    for (const lat of lattice(area.box[1], area.box[3], area.stepDeg)) {
      const at: [number, number] = [lon, lat];
      if (!turf.booleanPointInPolygon(at, shape)) continue;
      const awayKm = Math.min(nearestKm(at, sources.settlements), nearestKm(at, towns));
      farthestKm = Math.max(farthestKm, awayKm);
      if (awayKm <= AWAY_KM) continue;
      if (settled.some((poly) => pointInPolygon(prep.proj.toKm(at), poly))) continue;
      if (sources.contested.some((c) => turf.booleanPointInPolygon(at, c))) continue;
      const around = surrounding(sources.points, area.region, at);
      if (!series.some(({ snapshot }) => holdsAll(snapshot, area.side, around, sources.points))) { neverSurrounded++; continue; }
      probes.push({ area: area.name, region: area.region, side: area.side, lon, lat, awayKm: Math.round(awayKm * 10) / 10, surrounding: around });
      count++;
    }
  }
  return { ...area, probes: count, neverSurrounded, farthestKm: Math.round(farthestKm) };
});

const path = join(ROOT, FIXTURE);
const kept = existsSync(path) ? ((JSON.parse(readFileSync(path, 'utf8')) as Partial<ProbesFile>).knownFailures ?? []) : [];
const file: ProbesFile = {
  about: `Rear probes: points on a fixed lattice (multiples of each area's stepDeg) in four rear areas, farther than ${AWAY_KM} km from every settlement (data/sources/settlements-geonames.geojson and the town control points), outside the generator's settled ground and outside every fight of data/sources/contested.geojson, so that only the rear rule (docs/data.md, rule 3) can make them held. 'surrounding': in each quadrant (N, E, S, W), the nearest control point of the region's control file (data/sources/control-<region>.json, where each point's history cites its sources). scripts/rear.test.ts requires each probe to be in its side's held tier on every date on which the snapshot shows its side holding all of its surrounding points, and checks every condition above itself. 'neverSurrounded': lattice points left out because their side held all of their surrounding points on no snapshot (they would test nothing). 'farthestKm': the farthest any lattice point of the area (in its region) lies from a settlement. 'knownFailures': the probes and dates the map gets wrong today, each with why (docs/data.md); the test asserts that exactly these fail.`,
  command: 'npx tsx scripts/rear-probes.ts',
  areas,
  probes,
  knownFailures: kept,
};
// One line per surrounding point, per box and per known failure's list of dates, so that the file reads as a table.
const text = JSON.stringify(file, null, 1)
  .replace(/\{\n\s+("id"[^{}]*?)\n\s+\}/g, (_, body: string) => `{ ${body.replace(/\n\s+/g, ' ')} }`)
  .replace(/\[\n\s+((?:"\d{4}-|-?\d)[^[\]{}]*?)\n\s+\]/g, (_, body: string) => `[${body.replace(/\n\s+/g, ' ')}]`);
writeFileSync(path, `${text}\n`);
for (const a of areas) console.log(`${a.name}: ${a.probes} probes, ${a.neverSurrounded} never surrounded by their side (farthest lattice point from a settlement: ${a.farthestKm} km)`);
console.log(`${probes.length} probes written to ${FIXTURE}`);
