/** The committed snapshot series, for the tests that check it: each entry with its snapshot, read once. */
import { formatProblem, type Problem } from '../src/data/result.ts';
import type { Snapshot, SnapshotEntry } from '../src/data/contract.ts';
import { loadCoreInputs } from './build-stats.ts';

let cached: { entry: SnapshotEntry; snapshot: Snapshot }[] | null = null;

export function loadSeries(): { entry: SnapshotEntry; snapshot: Snapshot }[] {
  if (cached) return cached;
  const problems: Problem[] = [];
  const core = loadCoreInputs(problems);
  if (!core) throw new Error(problems.map(formatProblem).join('\n'));
  return (cached = core.entries.map((entry) => ({ entry, snapshot: core.snapshot(entry) })));
}
