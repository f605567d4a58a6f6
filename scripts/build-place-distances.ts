/**
 * place-distances.json of a story folder: for every place in places.geojson and every snapshot in
 * snapshots/index.json, the distance in km (one decimal) to each faction's nearest ground,
 * from `distancesToFactions` (src/analysis/distance.ts, the place card's measure): 0 inside, null
 * when the faction held nothing that day. Parsed by src/data/place-distances.ts. Like stats.json it
 * stores the SHA-256 of its inputs, so scripts/place-distances.test.ts finds staleness by hashing.
 * Written by `npm run data:stats` (scripts/data-stats.ts), and by the build for a folder without it.
 */
import type { FactionId, Place, Snapshot, SnapshotEntry } from '../src/data/contract.ts';
import type { Problem, Result } from '../src/data/result.ts';
import { distancesToFactions } from '../src/analysis/distance.ts';
import { loadCoreInputs, type CoreInputs } from './build-stats.ts';
import { DATA_DIR, hashInputs, readDerived, serializeDerived, type Generated } from './derived-file.ts';

export const PLACE_DISTANCES_FILE = 'data/place-distances.json';

export type PlaceRow = Record<FactionId, number | null>;
export interface PlaceDistancesFile {
  generated: Generated;
  dates: string[];
  places: Record<string, Record<FactionId, (number | null)[]>>;
}
export type DistanceInputs = CoreInputs;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The input files (paths relative to the repository), in the order their hashes are written. */
export function distanceInputFiles(entries: readonly SnapshotEntry[]): string[] {
  return ['data/snapshots/index.json', ...entries.map((e) => `data/snapshots/${e.file}`), 'data/places.geojson'];
}

/** Reads the index, the factions and the places; snapshots are read one at a time (as for stats.json). */
export function loadDistanceInputs(dataDir = DATA_DIR): Result<DistanceInputs> {
  const problems: Problem[] = [];
  const core = loadCoreInputs(problems, dataDir);
  return core ? { ok: true, value: core } : { ok: false, problems };
}

/** Every place's distance to every faction (of `factions`) on one snapshot, km to one decimal (null: no ground). */
export function distancesForSnapshot(snapshot: Snapshot, places: readonly Place[], factions: readonly FactionId[]): Map<string, PlaceRow> {
  const out = new Map<string, PlaceRow>();
  for (const p of places) {
    const d = distancesToFactions(snapshot, p.geometry.coordinates, factions);
    out.set(p.properties.id, Object.fromEntries(factions.map((f) => {
      const n = d.get(f);
      return [f, n ? round1(n.distanceKm) : null];
    })) as PlaceRow);
  }
  return out;
}

/** Collects the rows of one snapshot after another (scripts/figures.ts feeds it as it reads them). */
export function placeDistancesCollector(inputs: Pick<DistanceInputs, 'dataDir' | 'entries' | 'places' | 'factions'>): { add: (snapshot: Snapshot) => void; done: () => PlaceDistancesFile } {
  const { entries, places, factions } = inputs;
  const out: PlaceDistancesFile['places'] = Object.fromEntries(places.map((p) => [
    p.properties.id,
    Object.fromEntries(factions.map((f) => [f, [] as (number | null)[]])),
  ]));
  return {
    add(snapshot) {
      for (const [id, row] of distancesForSnapshot(snapshot, places, factions)) {
        for (const f of factions) out[id]![f]!.push(row[f] ?? null);
      }
    },
    done: () => ({
      generated: { by: 'scripts/build-place-distances.ts (npm run data:stats)', sha256: hashInputs(distanceInputFiles(entries), inputs.dataDir) },
      dates: entries.map((e) => e.dateIso),
      places: out,
    }),
  };
}

/** All snapshots, with a progress callback per snapshot. */
export function buildPlaceDistances(inputs: DistanceInputs, onSnapshot: (date: string, ms: number) => void = () => {}): PlaceDistancesFile {
  const c = placeDistancesCollector(inputs);
  for (const e of inputs.entries) {
    const t0 = performance.now();
    c.add(inputs.snapshot(e));
    onSnapshot(e.dateIso, performance.now() - t0);
  }
  return c.done();
}

/** Compact JSON: one line per input hash and per place, so a change shows as a readable diff. */
export function serializePlaceDistances(d: PlaceDistancesFile): string {
  const places = Object.entries(d.places).map(([id, row]) => `${JSON.stringify(id)}: ${JSON.stringify(row)}`);
  return serializeDerived(d.generated, [['dates', d.dates], ['places', { lines: places, brackets: '{}' }]]);
}

export const readPlaceDistances = (dataDir = DATA_DIR): PlaceDistancesFile | null => readDerived<PlaceDistancesFile>(PLACE_DISTANCES_FILE, dataDir);
