/**
 * stats.json of a story folder: for every snapshot in snapshots/index.json, the area of each faction
 * (held, desert and contested apart, km², one decimal), the frontier between each pair of factions (km) and
 * every claim of claims.json evaluated (value and verdict; none when the story has no claims.json).
 * A `generated` block holds the SHA-256 of every input file, so staleness is found by hashing, not
 * recomputing (scripts/stats.test.ts; scripts/data-claims.ts). Written by `npm run data:stats`
 * (scripts/data-stats.ts), and by the build for a folder without it (scripts/figures.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseFactions, parseJson, parsePlaces, parseSnapshot, parseSnapshotIndex, type FactionId, type Place, type Snapshot, type SnapshotEntry, type Tier } from '../src/data/contract.ts';
import { pushAll, type Problem, type Result } from '../src/data/result.ts';
import { decodeUtf8 } from '../src/data/text.ts';
import { areasKm2 } from '../src/analysis/area.ts';
import { frontierLengthsKm, MIN_CONTACT_KM, TOLERANCE_KM } from '../src/analysis/frontier.ts';
import { AGREES_WITHIN, CLOSE_WITHIN, claimContext, evaluateClaim, parseClaims, type ClaimContext, type Claims, type Verdict } from '../src/analysis/claims.ts';
import { buildBasemap, paddedBox, storyBounds } from './basemap.ts';
import { DATA_DIR, hashInputs, inputPath, readDerived, serializeDerived, type Generated } from './derived-file.ts';

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
  /** The article's claims and values; only for a story with claims.json. */
  article?: { source: string; dateIso: string; values: Record<string, number | boolean | string> };
  snapshots: SnapshotStats[];
}

/** `claims` is null for a story without claims.json (then no claim is evaluated). */
export interface Inputs extends CoreInputs { claims: Claims | null; ctx: ClaimContext }

const round1 = (x: number) => Math.round(x * 10) / 10;
const NO_CLAIMS: Claims = { source: '', dateIso: '', claims: [] };

/** The input files (named as the site serves them, see derived-file.ts) for the snapshots listed in the index. */
export function inputFiles(entries: readonly SnapshotEntry[], withClaims = true): string[] {
  return ['data/snapshots/index.json', ...entries.map((e) => `data/snapshots/${e.file}`), ...(withClaims ? ['data/claims.json'] : []), 'data/places.geojson', WORLD_ATLAS];
}

function parsed<T>(path: string, parse: (data: unknown, file: string) => Result<T>, dataDir: string): Result<T> {
  const json = parseJson(decodeUtf8(readFileSync(inputPath(path, dataDir))), path);
  return json.ok ? parse(json.value, path) : json;
}

/** What every data script reads: the index, the sides, the places, and snapshots one at a time, from `dataDir`. */
export interface CoreInputs { dataDir: string; entries: SnapshotEntry[]; factions: FactionId[]; places: Place[]; snapshot: (entry: SnapshotEntry) => Snapshot }

/**
 * Reads the index, the factions and the places of the story in `dataDir`; problems go to
 * `problems`, and null comes back if any failed. (factions.json only orders the output and checks
 * the snapshots; it is not hashed.)
 */
export function loadCoreInputs(problems: Problem[], dataDir = DATA_DIR): CoreInputs | null {
  const take = <T>(r: Result<T>): T | null => (r.ok ? r.value : (pushAll(problems, r.problems), null));
  const read = <T>(path: string, parse: (data: unknown, file: string) => Result<T>): T | null =>
    (existsSync(inputPath(path, dataDir)) ? take(parsed(path, parse, dataDir)) : (problems.push({ file: path, message: 'file not found' }), null));
  const entries = read('data/snapshots/index.json', parseSnapshotIndex);
  const factions = read('data/factions.json', parseFactions)?.map((f) => f.id);
  const places = read('data/places.geojson', parsePlaces);
  if (!entries || !factions || !places) return null;
  const snapshot = (e: SnapshotEntry) => {
    const path = `data/snapshots/${e.file}`;
    const r = parsed(path, (d, f) => parseSnapshot(d, f, factions), dataDir);
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
    return r.value;
  };
  return { dataDir, entries, factions, places, snapshot };
}

/**
 * The country outlines a `borders` claim may name: the story's basemap countries (scripts/basemap.ts),
 * the bundled story's region for the bundled story (as its stats have always been made).
 */
const claimCountries = (dataDir: string) => (dataDir === DATA_DIR ? buildBasemap() : buildBasemap(2e-4, paddedBox(storyBounds(dataDir)), [])).countries.features;

/** Reads the index, claims (if any), places and country outlines of the story in `dataDir`; snapshots are read one at a time. */
export function loadInputs(dataDir = DATA_DIR): Result<Inputs> {
  const problems: Problem[] = [];
  const core = loadCoreInputs(problems, dataDir);
  if (!existsSync(inputPath('data/claims.json', dataDir))) {
    return core ? { ok: true, value: { ...core, claims: null, ctx: claimContext(core.places, []) } } : { ok: false, problems };
  }
  const countries = claimCountries(dataDir);
  const claimsR = parsed('data/claims.json', (d, f) => parseClaims(d, f, {
    factions: core?.factions,
    places: core?.places.map((p) => p.properties.id),
    countries: countries.map((c) => String(c.properties?.id)),
  }), dataDir);
  if (!claimsR.ok) pushAll(problems, claimsR.problems);
  if (!core || !claimsR.ok) return { ok: false, problems };
  return { ok: true, value: { ...core, claims: claimsR.value, ctx: claimContext(core.places, countries) } };
}

/** Everything stats.json holds for one snapshot; `factions` (factions.json's ids) orders it. */
export function snapshotStats(dateIso: string, snapshot: Snapshot, claims: Claims | null, ctx: ClaimContext, factions: readonly FactionId[]): SnapshotStats {
  const areas = (tier: Tier) => {
    const a = areasKm2(snapshot, tier);
    return Object.fromEntries(factions.filter((f) => round1(a.get(f) ?? 0) > 0).map((f) => [f, round1(a.get(f)!)]));
  };
  const frontierKm = Object.fromEntries(frontierLengthsKm(snapshot, TOLERANCE_KM, factions)
    .map((f) => [f.factions.join('|'), round1(f.lengthKm)] as const)
    .filter(([, km]) => km > 0));
  const out: Record<string, ClaimStat> = {};
  for (const c of (claims ?? NO_CLAIMS).claims) {
    const e = evaluateClaim(c, snapshot, ctx);
    out[c.id] = { value: typeof e.value === 'number' ? round1(e.value) : e.value, verdict: e.verdict };
  }
  const contested = areas('contested');
  return { date: dateIso, areaKm2: { held: areas('held'), desert: areas('desert'), ...(Object.keys(contested).length ? { contested } : {}) }, frontierKm, claims: out };
}

/** Compact JSON: one line per snapshot and per input hash, so a change shows as a readable diff. */
export function serializeStats(s: Stats): string {
  return serializeDerived(s.generated, [...(s.article ? [['article', s.article] as [string, unknown]] : []), ['snapshots', { lines: s.snapshots.map((x) => JSON.stringify(x)), brackets: '[]' }]]);
}

/** The `generated` and `article` blocks of stats.json for `inputs`; the snapshots' lines come apart. */
export function statsHeader(inputs: Inputs): Omit<Stats, 'snapshots'> {
  const { entries, claims } = inputs;
  return {
    generated: {
      by: 'scripts/build-stats.ts (npm run data:stats)',
      parameters: { toleranceKm: TOLERANCE_KM, minContactKm: MIN_CONTACT_KM, agreesWithin: AGREES_WITHIN, closeWithin: CLOSE_WITHIN },
      sha256: hashInputs(inputFiles(entries, !!claims), inputs.dataDir),
    },
    ...(claims ? { article: { source: claims.source, dateIso: claims.dateIso, values: Object.fromEntries(claims.claims.map((c) => [c.id, c.article])) } } : {}),
  };
}

/** All snapshots, with a progress callback per snapshot. */
export function buildStats(inputs: Inputs, onSnapshot: (date: string, ms: number) => void = () => {}): Stats {
  const snapshots = inputs.entries.map((e) => {
    const t0 = performance.now();
    const s = snapshotStats(e.dateIso, inputs.snapshot(e), inputs.claims, inputs.ctx, inputs.factions);
    onSnapshot(e.dateIso, performance.now() - t0);
    return s;
  });
  return { ...statsHeader(inputs), snapshots };
}

export const readStats = (dataDir = DATA_DIR): Stats | null => readDerived<Stats>(STATS_FILE, dataDir);
