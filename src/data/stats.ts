/**
 * data/stats.json (written by scripts/build-stats.ts): per snapshot, areas, frontiers and the
 * article's claims evaluated, so the page never computes every snapshot. Parsed without trust.
 */
import type { FactionId } from './contract.ts';
import { fail, ok, type Result } from './result.ts';

export interface ClaimValue { value: number | string | null; verdict: 'agrees' | 'close' | 'differs' | 'n/a' }
export interface SnapshotStats {
  dateIso: string;
  areaKm2: { held: Record<FactionId, number>; desert: Record<FactionId, number>; contested?: Record<FactionId, number> };
  frontierKm: Record<string, number>;
  claims: Record<string, ClaimValue>;
}
export type Stats = Map<string, SnapshotStats>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const VERDICTS = new Set(['agrees', 'close', 'differs', 'n/a']);

export function parseStats(data: unknown, file: string): Result<Stats> {
  if (!isObject(data) || !Array.isArray(data.snapshots)) return fail({ file, message: 'expected an object {"snapshots": [...]}' });
  const out: Stats = new Map();
  for (const [i, s] of data.snapshots.entries()) {
    if (!isObject(s) || typeof s.date !== 'string' || !isObject(s.areaKm2) || !isObject(s.claims)) {
      return fail({ file, message: `snapshots[${i}]: expected "date", "areaKm2" and "claims"` });
    }
    const claims: Record<string, ClaimValue> = {};
    for (const [id, c] of Object.entries(s.claims)) {
      if (!isObject(c) || !VERDICTS.has(String(c.verdict))) return fail({ file, message: `snapshots[${i}] (${s.date}): claim ${id} needs a "verdict"` });
      const v = c.value;
      claims[id] = { value: typeof v === 'number' || typeof v === 'string' ? v : null, verdict: c.verdict as ClaimValue['verdict'] };
    }
    out.set(s.date, {
      dateIso: s.date,
      areaKm2: s.areaKm2 as SnapshotStats['areaKm2'],
      frontierKm: isObject(s.frontierKm) ? (s.frontierKm as Record<string, number>) : {},
      claims,
    });
  }
  return ok(out);
}
