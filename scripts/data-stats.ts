/**
 * The figures of a story folder, stats.json (scripts/build-stats.ts) and place-distances.json
 * (scripts/build-place-distances.ts), made in one pass over its snapshots: each snapshot is read
 * and parsed once, and only one is held at a time. `npm run data:stats [-- DIR]` writes them into
 * the folder (default data/); the build makes those a folder lacks for the site it writes
 * (scripts/site-data.ts), never into the folder itself.
 * Usage: npm run data:stats [-- DIR]
 */
import { resolve } from 'node:path';
import { fail, failAll, ok, type Problem, type Result } from '../src/data/result.ts';
import { loadInputs, serializeStats, snapshotStats, statsHeader, STATS_FILE, type SnapshotStats } from './build-stats.ts';
import { loadDistanceInputs, PLACE_DISTANCES_FILE, placeDistancesCollector, serializePlaceDistances } from './build-place-distances.ts';
import { DATA_DIR, isMain, writeDerived } from './derived-file.ts';
import { unwrapOrExit } from './sources.ts';

export const FIGURE_FILES = ['stats.json', 'place-distances.json'] as const;
export type FigureFile = (typeof FIGURE_FILES)[number];

/**
 * The texts of the figure files `which` for the story in `dataDir`, by file name; a problem names
 * the file at fault (a snapshot that does not parse, claims that do not fit the story).
 * @example figureFiles('stories/river-war', ['stats.json']).value.get('stats.json') // the file's text
 */
export function figureFiles(dataDir: string, which: readonly FigureFile[], onSnapshot: (date: string, ms: number) => void = () => {}): Result<Map<FigureFile, string>> {
  const out = new Map<FigureFile, string>();
  if (!which.length) return ok(out);
  const wantStats = which.includes('stats.json'), wantDistances = which.includes('place-distances.json');
  // Claims (and the country outlines they need) only when stats.json is wanted.
  const withClaims = wantStats ? loadInputs(dataDir) : null;
  const inputs = withClaims ?? loadDistanceInputs(dataDir);
  if (!inputs.ok) return inputs;
  const core = inputs.value;
  const full = withClaims?.ok ? withClaims.value : null;
  const distances = wantDistances ? placeDistancesCollector(core) : null;
  const snapshots: SnapshotStats[] = [];
  try {
    for (const e of core.entries) {
      const t0 = performance.now();
      const snapshot = core.snapshot(e);
      if (full) snapshots.push(snapshotStats(e.dateIso, snapshot, full.claims, full.ctx, full.factions));
      distances?.add(snapshot);
      onSnapshot(e.dateIso, performance.now() - t0);
    }
  } catch (err) {
    // A snapshot that does not parse: its problems, as loadCoreInputs words them ("file: message").
    return failAll(String(err instanceof Error ? err.message : err).split('\n').map((line): Problem => {
      const at = line.indexOf(': ');
      return at > 0 ? { file: line.slice(0, at), message: line.slice(at + 2) } : { file: 'data/snapshots', message: line };
    }));
  }
  if (full) out.set('stats.json', serializeStats({ ...statsHeader(full), snapshots }));
  if (distances) out.set('place-distances.json', serializePlaceDistances(distances.done()));
  return ok(out);
}

if (isMain(import.meta.url)) {
  const dir = process.argv[2];
  const dataDir = dir ? resolve(dir) : DATA_DIR;
  const t0 = performance.now();
  const files = unwrapOrExit(figureFiles(dataDir, FIGURE_FILES, (date, ms) => console.log(`${date}: ${ms.toFixed(0)} ms`)));
  writeDerived(STATS_FILE, files.get('stats.json')!, 'stats', t0, dataDir);
  writeDerived(PLACE_DISTANCES_FILE, files.get('place-distances.json')!, 'place distances', t0, dataDir);
}
