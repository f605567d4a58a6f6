/** Loads the tables in data/sources/ and the study area, for the data scripts. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { buildBasemap, SYRIA_ID, IRAQ_ID } from './basemap.ts';
import { parseControlPoints, parseOverrides, type Sources } from '../src/data/generate.ts';
import { parseContested, parseMethod, parseSettlements, riverLines } from '../src/data/method.ts';
import { parseFactions, parseJson } from '../src/data/contract.ts';
import { formatProblem, ok, pushAll, type Problem, type Result } from '../src/data/result.ts';

export type { Sources };
/** Rivers for the method: Natural Earth's, and those it lacks, traced by hand. */
const RIVER_FILES = ['natural-earth-rivers.geojson', 'rivers-traced.geojson'];

export function loadSources(sourcesDir: string): Result<Sources> {
  const problems: Problem[] = [];
  const read = <T>(file: string, parse: (d: unknown, f: string) => Result<T>): T | null => {
    const name = `data/sources/${file}`;
    const json = parseJson(readFileSync(join(sourcesDir, file), 'utf8'), name);
    const r = json.ok ? parse(json.value, name) : json;
    if (r.ok) return r.value;
    pushAll(problems, r.problems);
    return null;
  };
  // The sides a control point may name: those of the data folder's factions.json.
  const fj = parseJson(readFileSync(join(sourcesDir, '..', 'factions.json'), 'utf8'), 'data/factions.json');
  const fr = fj.ok ? parseFactions(fj.value, 'data/factions.json') : fj;
  if (!fr.ok) pushAll(problems, fr.problems);
  const factions = fr.ok ? fr.value.map((f) => f.id) : undefined;
  const controlFiles = readdirSync(sourcesDir).filter((f) => /^control-.*\.json$/.test(f)).sort();
  const regions = countryShapes();
  // control-<region>.json: the file's points divide that region's ground among themselves.
  const points = controlFiles.flatMap((f) => {
    const region = /^control-(.*)\.json$/.exec(f)![1]!;
    if (!regions.has(region)) {
      problems.push({ file: `data/sources/${f}`, message: `no region "${region}"; control files are named control-${[...regions.keys()].join('.json or control-')}.json` });
      return [];
    }
    return (read(f, (d, name) => parseControlPoints(d, name, factions)) ?? []).map((p) => ({ ...p, region }));
  });
  const seen = new Map<string, string>();
  for (const p of points) {
    if (seen.has(p.id)) problems.push({ file: 'data/sources', message: `control point id "${p.id}" is used twice` });
    seen.set(p.id, p.name);
  }
  const overrides = read('overrides.geojson', parseOverrides) ?? [];
  const sides = factions ?? [];
  const contested = read('contested.geojson', (d, f) => parseContested(d, f, sides)) ?? [];
  const method = read('method.json', (d, f) => parseMethod(d, f, sides));
  const settlements = read('settlements-geonames.geojson', parseSettlements) ?? [];
  const rivers = method ? RIVER_FILES.flatMap((f) => read(f, (d) => ok(riverLines(d, method.rivers))) ?? []) : [];
  if (problems.length || !method) return { ok: false, problems };
  return { ok: true, value: { points, overrides, contested, regions, settlements, rivers, method } };
}

/** Syria and Iraq as the basemap draws them (same simplification), so fills and borders line up. */
export function countryShapes(): Map<string, Feature<Polygon | MultiPolygon>> {
  const countries = buildBasemap().countries.features;
  const get = (id: string) => {
    const f = countries.find((c) => c.properties?.id === id);
    if (!f) throw new Error(`basemap lacks country ${id}`);
    return f;
  };
  return new Map([['syria', get(SYRIA_ID)], ['iraq', get(IRAQ_ID)]]);
}

export function unwrapOrExit<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  for (const p of r.problems) console.error(formatProblem(p));
  process.exit(1);
}
