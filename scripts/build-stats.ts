/**
 * Writes data/stats.json: for every snapshot in data/snapshots/index.json, the area of each faction
 * (held, desert and contested apart, km², one decimal), the frontier between each pair of factions (km) and
 * every claim of data/claims.json evaluated (value and verdict). A `generated` block holds the
 * SHA-256 of every input file, so staleness is found by hashing, not recomputing
 * (scripts/stats.test.ts; scripts/data-claims.ts).
 * Usage: npm run data:stats
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFactions, parseJson, parsePlaces, parseSnapshot, parseSnapshotIndex, type FactionId, type Place, type Snapshot, type SnapshotEntry, type Tier } from '../src/data/contract.ts';
import { pushAll, type Problem, type Result } from '../src/data/result.ts';
import { decodeUtf8 } from '../src/data/text.ts';
import { areasKm2 } from '../src/analysis/area.ts';
import { frontierLengthsKm, MIN_CONTACT_KM, TOLERANCE_KM } from '../src/analysis/frontier.ts';
import { AGREES_WITHIN, CLOSE_WITHIN, claimContext, evaluateClaim, parseClaims, type ClaimContext, type Claims, type Verdict } from '../src/analysis/claims.ts';
import { buildBasemap } from './basemap.ts';
import { unwrapOrExit } from './sources.ts';
import { hashInputs, isMain, readDerived, ROOT, serializeDerived, writeDerived, type Generated } from './derived-file.ts';

export const STATS_FILE = 'data/stats.json';
/** The basemap's source: Turkey's outline (the `borders` claim) is drawn from it by scripts/basemap.ts. */
const WORLD_ATLAS = 'node_modules/world-atlas/countries-10m.json';

export interface ClaimStat { value: number | string | null; verdict: Verdict }
export interface SnapshotStats {
  date: string;
  areaKm2: { held: Record<string, number>; desert: Record<string, number>; contested?: Record<string, number> };
  /** Keyed "faction-a|faction-b" in the order of data/factions.json. */
  frontierKm: Record<string, number>;
  claims: Record<string, ClaimStat>;
}
export interface Stats {
  generated: Generated;
  article: { source: string; dateIso: string; values: Record<string, number | boolean | string> };
  snapshots: SnapshotStats[];
}

export interface Inputs { entries: SnapshotEntry[]; factions: FactionId[]; claims: Claims; ctx: ClaimContext; snapshot: (entry: SnapshotEntry) => Snapshot }

const round1 = (x: number) => Math.round(x * 10) / 10;
const read = (path: string) => readFileSync(join(ROOT, path));

/** The input files (paths relative to the repository) for the snapshots listed in the index. */
export function inputFiles(entries: readonly SnapshotEntry[]): string[] {
  return ['data/snapshots/index.json', ...entries.map((e) => `data/snapshots/${e.file}`), 'data/claims.json', 'data/places.geojson', WORLD_ATLAS];
}

function parsed<T>(path: string, parse: (data: unknown, file: string) => Result<T>): Result<T> {
  const json = parseJson(decodeUtf8(read(path)), path);
  return json.ok ? parse(json.value, path) : json;
}

/** What every data script reads: the index, the sides, the places, and snapshots one at a time. */
export interface CoreInputs { entries: SnapshotEntry[]; factions: FactionId[]; places: Place[]; snapshot: (entry: SnapshotEntry) => Snapshot }

/**
 * Reads the index, the factions and the places; problems go to `problems`, and null comes back if
 * any failed. (factions.json only orders the output and checks the snapshots; it is not hashed.)
 */
export function loadCoreInputs(problems: Problem[]): CoreInputs | null {
  const take = <T>(r: Result<T>): T | null => (r.ok ? r.value : (pushAll(problems, r.problems), null));
  const entries = take(parsed('data/snapshots/index.json', parseSnapshotIndex));
  const factions = take(parsed('data/factions.json', parseFactions))?.map((f) => f.id);
  const places = take(parsed('data/places.geojson', parsePlaces));
  if (!entries || !factions || !places) return null;
  const snapshot = (e: SnapshotEntry) => {
    const path = `data/snapshots/${e.file}`;
    const r = parsed(path, (d, f) => parseSnapshot(d, f, factions));
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
    return r.value;
  };
  return { entries, factions, places, snapshot };
}

/** Reads the index, claims, places and country outlines; snapshots are read one at a time. */
export function loadInputs(): Result<Inputs> {
  const problems: Problem[] = [];
  const core = loadCoreInputs(problems);
  const countries = buildBasemap().countries.features;
  const claimsR = parsed('data/claims.json', (d, f) => parseClaims(d, f, {
    factions: core?.factions,
    places: core?.places.map((p) => p.properties.id),
    countries: countries.map((c) => String(c.properties?.id)),
  }));
  if (!claimsR.ok) pushAll(problems, claimsR.problems);
  if (!core || !claimsR.ok) return { ok: false, problems };
  return { ok: true, value: { entries: core.entries, factions: core.factions, claims: claimsR.value, ctx: claimContext(core.places, countries), snapshot: core.snapshot } };
}

/** Everything stats.json holds for one snapshot; `factions` (factions.json's ids) orders it. */
export function snapshotStats(dateIso: string, snapshot: Snapshot, claims: Claims, ctx: ClaimContext, factions: readonly FactionId[]): SnapshotStats {
  const areas = (tier: Tier) => {
    const a = areasKm2(snapshot, tier);
    return Object.fromEntries(factions.filter((f) => round1(a.get(f) ?? 0) > 0).map((f) => [f, round1(a.get(f)!)]));
  };
  const frontierKm = Object.fromEntries(frontierLengthsKm(snapshot, TOLERANCE_KM, factions)
    .map((f) => [f.factions.join('|'), round1(f.lengthKm)] as const)
    .filter(([, km]) => km > 0));
  const out: Record<string, ClaimStat> = {};
  for (const c of claims.claims) {
    const e = evaluateClaim(c, snapshot, ctx);
    out[c.id] = { value: typeof e.value === 'number' ? round1(e.value) : e.value, verdict: e.verdict };
  }
  const contested = areas('contested');
  return { date: dateIso, areaKm2: { held: areas('held'), desert: areas('desert'), ...(Object.keys(contested).length ? { contested } : {}) }, frontierKm, claims: out };
}

/** Compact JSON: one line per snapshot and per input hash, so a change shows as a readable diff. */
export function serializeStats(s: Stats): string {
  return serializeDerived(s.generated, [['article', s.article], ['snapshots', { lines: s.snapshots.map((x) => JSON.stringify(x)), brackets: '[]' }]]);
}

/** All snapshots, with a progress callback per snapshot. */
export function buildStats(inputs: Inputs, onSnapshot: (date: string, ms: number) => void = () => {}): Stats {
  const { entries, claims, ctx } = inputs;
  const snapshots = entries.map((e) => {
    const t0 = performance.now();
    const s = snapshotStats(e.dateIso, inputs.snapshot(e), claims, ctx, inputs.factions);
    onSnapshot(e.dateIso, performance.now() - t0);
    return s;
  });
  return {
    generated: {
      by: 'scripts/build-stats.ts (npm run data:stats)',
      parameters: { toleranceKm: TOLERANCE_KM, minContactKm: MIN_CONTACT_KM, agreesWithin: AGREES_WITHIN, closeWithin: CLOSE_WITHIN },
      sha256: hashInputs(inputFiles(entries)),
    },
    article: {
      source: claims.source,
      dateIso: claims.dateIso,
      values: Object.fromEntries(claims.claims.map((c) => [c.id, c.article])),
    },
    snapshots,
  };
}

export const readStats = (): Stats | null => readDerived<Stats>(STATS_FILE);

if (isMain(import.meta.url)) {
  const t0 = performance.now();
  const inputs = unwrapOrExit(loadInputs());
  const stats = buildStats(inputs, (date, ms) => console.log(`${date}: ${ms.toFixed(0)} ms`));
  writeDerived(STATS_FILE, serializeStats(stats), `${stats.snapshots.length} snapshots`, t0);
}
