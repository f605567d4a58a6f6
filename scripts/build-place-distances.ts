/**
 * Writes data/place-distances.json: for every place in data/places.geojson and every snapshot in
 * data/snapshots/index.json, the distance in km (one decimal) to each faction's nearest ground,
 * from `distancesToFactions` (src/analysis/distance.ts, the place card's measure): 0 inside, null
 * when the faction held nothing that day. Parsed by src/data/place-distances.ts. Like stats.json it
 * stores the SHA-256 of its inputs, so scripts/place-distances.test.ts finds staleness by hashing.
 * Usage: npx tsx scripts/build-place-distances.ts (part of npm run data:stats)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FACTION_IDS, type FactionId, type Place, type Snapshot, type SnapshotEntry } from '../src/data/contract.ts';
import type { Problem, Result } from '../src/data/result.ts';
import { distancesToFactions } from '../src/analysis/distance.ts';
import { hashInputs, loadCoreInputs, ROOT, type CoreInputs } from './build-stats.ts';
import { unwrapOrExit } from './sources.ts';

export const PLACE_DISTANCES_FILE = 'data/place-distances.json';

export type PlaceRow = Record<FactionId, number | null>;
export interface PlaceDistancesFile {
  generated: { by: string; sha256: Record<string, string> };
  dates: string[];
  places: Record<string, Record<FactionId, (number | null)[]>>;
}
export type DistanceInputs = CoreInputs;

const round1 = (x: number) => Math.round(x * 10) / 10;
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The input files (paths relative to the repository), in the order their hashes are written. */
export function distanceInputFiles(entries: readonly SnapshotEntry[]): string[] {
  return ['data/snapshots/index.json', ...entries.map((e) => `data/snapshots/${e.file}`), 'data/places.geojson'];
}

/** Reads the index and the places; snapshots are read one at a time (as for stats.json). */
export function loadDistanceInputs(): Result<DistanceInputs> {
  const problems: Problem[] = [];
  const core = loadCoreInputs(problems);
  return core ? { ok: true, value: core } : { ok: false, problems };
}

/** Every place's distance to every faction on one snapshot, km to one decimal (null: no ground). */
export function distancesForSnapshot(snapshot: Snapshot, places: readonly Place[]): Map<string, PlaceRow> {
  const out = new Map<string, PlaceRow>();
  for (const p of places) {
    const d = distancesToFactions(snapshot, p.geometry.coordinates);
    out.set(p.properties.id, Object.fromEntries(FACTION_IDS.map((f) => {
      const n = d.get(f);
      return [f, n ? round1(n.distanceKm) : null];
    })) as PlaceRow);
  }
  return out;
}

/** All snapshots, with a progress callback per snapshot. */
export function buildPlaceDistances(inputs: DistanceInputs, onSnapshot: (date: string, ms: number) => void = () => {}): PlaceDistancesFile {
  const { entries, places } = inputs;
  const out: PlaceDistancesFile['places'] = Object.fromEntries(places.map((p) => [
    p.properties.id,
    Object.fromEntries(FACTION_IDS.map((f) => [f, [] as (number | null)[]])) as Record<FactionId, (number | null)[]>,
  ]));
  for (const e of entries) {
    const t0 = performance.now();
    for (const [id, row] of distancesForSnapshot(inputs.snapshot(e), places)) {
      for (const f of FACTION_IDS) out[id]![f].push(row[f]);
    }
    onSnapshot(e.dateIso, performance.now() - t0);
  }
  return {
    generated: { by: 'scripts/build-place-distances.ts (npm run data:stats)', sha256: hashInputs(distanceInputFiles(entries)) },
    dates: entries.map((e) => e.dateIso),
    places: out,
  };
}

/** Compact JSON: one line per input hash and per place, so a change shows as a readable diff. */
export function serializePlaceDistances(d: PlaceDistancesFile): string {
  const hashes = Object.entries(d.generated.sha256).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
  const places = Object.entries(d.places).map(([id, row]) => `${JSON.stringify(id)}: ${JSON.stringify(row)}`).join(',\n');
  return [
    '{"generated": {',
    ` "by": ${JSON.stringify(d.generated.by)},`,
    ' "sha256": {',
    hashes,
    ' }},',
    `"dates": ${JSON.stringify(d.dates)},`,
    '"places": {',
    places,
    '}}',
    '',
  ].join('\n');
}

export function readPlaceDistances(): PlaceDistancesFile | null {
  try {
    return JSON.parse(read(PLACE_DISTANCES_FILE)) as PlaceDistancesFile;
  } catch {
    return null;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const inputs = unwrapOrExit(loadDistanceInputs());
  const file = buildPlaceDistances(inputs, (date, ms) => console.log(`${date}: ${ms.toFixed(0)} ms`));
  const text = serializePlaceDistances(file);
  writeFileSync(join(ROOT, PLACE_DISTANCES_FILE), text);
  const rel = relative(process.cwd(), join(ROOT, PLACE_DISTANCES_FILE)) || PLACE_DISTANCES_FILE;
  console.log(`wrote ${rel}: ${inputs.places.length} places × ${file.dates.length} snapshots, ${(Buffer.byteLength(text) / 1024).toFixed(0)} kB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
