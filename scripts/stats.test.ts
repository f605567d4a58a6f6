/**
 * data/stats.json is committed data derived from the snapshots, claims and places: this test fails
 * when it no longer matches them (by hash), and recomputes three snapshots in full (the first, the
 * article's, the last) to catch changes in the analysis code that hashes cannot see.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/data/result.ts';
import { inputFiles, loadInputs, readStats, snapshotStats, STATS_FILE, type Inputs, type SnapshotStats } from './build-stats.ts';
import { hashInputs, staleInputs } from './derived-file.ts';

const HOW = 'run npm run data:stats';
const stored = readStats();
let inputs: Inputs | null = null;
const load = (): Inputs => {
  if (inputs) return inputs;
  const r = loadInputs();
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return (inputs = r.value);
};

describe(STATS_FILE, () => {
  it('exists', () => {
    expect(stored, `${STATS_FILE} is missing or not JSON; ${HOW}`).not.toBeNull();
  });

  it('was made from the current inputs (SHA-256)', () => {
    const stale = staleInputs(stored!.generated.sha256, inputFiles(load().entries));
    expect(stale, `${STATS_FILE} is stale: ${stale.join('; ')}; ${HOW}`).toEqual([]);
  }, 30_000); // loads and hashes every snapshot: over vitest's 5 s default on a busy machine

  it('names the input that changed, was added or is gone', () => {
    const files = inputFiles(load().entries);
    const { 'data/places.geojson': _, ...rest } = hashInputs(files);
    const tampered = { ...rest, 'data/claims.json': '0'.repeat(64), 'data/snapshots/1999-01-01.geojson': '0'.repeat(64) };
    expect(staleInputs(tampered, files)).toEqual(['data/claims.json changed', 'data/places.geojson is new', 'data/snapshots/1999-01-01.geojson is gone']);
  });

  it('holds what the analysis computes now, for the first, the article\'s and the last snapshot', () => {
    const { entries, claims, ctx } = load();
    const picks = [entries[0]!, entries.find((e) => e.dateIso === claims!.dateIso) ?? entries.find((e) => e.article)!, entries[entries.length - 1]!];
    expect(stored!.snapshots.map((s) => s.date), `${STATS_FILE} lists other dates than data/snapshots/index.json; ${HOW}`).toEqual(entries.map((e) => e.dateIso));
    for (const e of picks) {
      const now = snapshotStats(e.dateIso, load().snapshot(e), claims, ctx, load().factions);
      const was = stored!.snapshots.find((s) => s.date === e.dateIso)!;
      expect(flatten(was), `${STATS_FILE} differs from a fresh computation for ${e.dateIso}; ${HOW}`).toEqual(flatten(now));
    }
  }, 20_000);
});

/** "path: value" lines, numbers to the 0.1 the file is rounded to, so a mismatch reads as a diff. */
function flatten(s: SnapshotStats): string[] {
  const out: string[] = [];
  const walk = (prefix: string, v: unknown) => {
    if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x);
    else out.push(`${prefix}: ${typeof v === 'number' ? v.toFixed(1) : String(v)}`);
  };
  walk('', s);
  return out.sort();
}
