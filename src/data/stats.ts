/**
 * data/stats.json (written by scripts/build-stats.ts): per snapshot, areas, frontiers and the
 * article's claims evaluated, so the page never computes every snapshot. Parsed without trust:
 * every field is checked, and the keyed tables are null-prototype objects, so a key such as
 * `constructor` or `__proto__` is an ordinary key and an absent one reads as undefined.
 */
import type { FactionId } from './contract.ts';
import { isIsoDate } from './contract.ts';
import { echo } from './echo.ts';
import { fail, failAll, ok, type Problem, type Result } from './result.ts';

export interface ClaimValue { value: number | string | null; verdict: 'agrees' | 'close' | 'differs' | 'n/a' }
export interface SnapshotStats {
  dateIso: string;
  areaKm2: { held: Record<FactionId, number>; desert: Record<FactionId, number>; contested?: Record<FactionId, number> };
  frontierKm: Record<string, number>;
  claims: Record<string, ClaimValue>;
}
export type Stats = Map<string, SnapshotStats>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const VERDICTS: readonly unknown[] = ['agrees', 'close', 'differs', 'n/a'];
const clip = (key: string) => (key.length > 60 ? `${key.slice(0, 60)}…` : key);

/** A table of non-negative finite numbers (km² or km), as a null-prototype object, or a problem. */
function numbers(v: unknown, field: string, unit: string): Record<string, number> | string {
  if (!isObject(v)) return `"${field}" must be an object of ${unit}, got ${echo(v)}`;
  const out = Object.create(null) as Record<string, number>;
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) return `"${field}.${clip(k)}" must be a number of ${unit} ≥ 0, got ${echo(x)}`;
    out[k] = x;
  }
  return out;
}

/**
 * Checks a parsed stats file. The first problem of each snapshot is named, with the file, the
 * snapshot's index and date, and the field.
 * @example parseStats(JSON.parse(text), 'data/stats.json')
 */
export function parseStats(data: unknown, file: string): Result<Stats> {
  if (!isObject(data) || !Array.isArray(data.snapshots)) return fail({ file, message: 'expected an object {"snapshots": [...]}' });
  const out: Stats = new Map();
  const problems: Problem[] = [];
  data.snapshots.forEach((s: unknown, i) => {
    const bad = (message: string) => problems.push({ file, message: `snapshots[${i}]${isObject(s) && isIsoDate(s.date) ? ` (${s.date})` : ''}: ${message}` });
    if (!isObject(s)) return bad(`expected an object with "date", "areaKm2" and "claims", got ${echo(s)}`);
    if (!isIsoDate(s.date)) return bad(`"date" must be a date written YYYY-MM-DD, got ${echo(s.date)}`);
    if (out.has(s.date)) return bad('date is listed twice');
    if (!isObject(s.areaKm2)) return bad(`"areaKm2" must be {"held": {...}, "desert": {...}} (and "contested" on dates with any), got ${echo(s.areaKm2)}`);
    const held = numbers(s.areaKm2.held, 'areaKm2.held', 'km²');
    if (typeof held === 'string') return bad(held);
    const desert = numbers(s.areaKm2.desert, 'areaKm2.desert', 'km²');
    if (typeof desert === 'string') return bad(desert);
    // Contested ground is listed only on dates that have any.
    const contested = s.areaKm2.contested === undefined ? undefined : numbers(s.areaKm2.contested, 'areaKm2.contested', 'km²');
    if (typeof contested === 'string') return bad(contested);
    // Older files have no frontiers; present, they are checked like the areas.
    const frontierKm = s.frontierKm === undefined ? (Object.create(null) as Record<string, number>) : numbers(s.frontierKm, 'frontierKm', 'km');
    if (typeof frontierKm === 'string') return bad(frontierKm);
    if (!isObject(s.claims)) return bad(`"claims" must be an object of claim id → {"value", "verdict"}, got ${echo(s.claims)}`);
    const claims = Object.create(null) as Record<string, ClaimValue>;
    for (const [id, c] of Object.entries(s.claims)) {
      if (!isObject(c) || !VERDICTS.includes(c.verdict)) return bad(`claim "${clip(id)}" needs a "verdict" of ${VERDICTS.join(', ')}, got ${echo(isObject(c) ? c.verdict : c)}`);
      const v = c.value;
      if (!(v === null || v === undefined || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
        return bad(`claim "${clip(id)}": "value" must be a number, a string or null, got ${echo(v)}`);
      }
      claims[id] = { value: v ?? null, verdict: c.verdict as ClaimValue['verdict'] };
    }
    out.set(s.date, { dateIso: s.date, areaKm2: { held, desert, ...(contested ? { contested } : {}) }, frontierKm, claims });
  });
  return problems.length ? failAll(problems) : ok(out);
}
