/**
 * The data contract: the shapes of the files in data/ and their parsers. Parsers never throw on bad
 * input; they return a Result whose problems name the file and the feature.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { fail, ok, type Problem, type Result } from './result.ts';
import { lineColumn, locateJsonError } from './json-locate.ts';
import { describeChar } from './text.ts';
import { clip, echo } from './echo.ts';

export const FACTION_IDS = [
  'islamic-state',
  'syrian-kurds',
  'syrian-regime',
  'syrian-rebels',
  'iraqi-government',
  'iraqi-kurds',
] as const;
export type FactionId = (typeof FACTION_IDS)[number];

export const ENCLAVE_ID = 'deir-ez-zor-enclave';

export interface Faction {
  id: FactionId;
  name: { en: string; nl: string };
  /** A short name for labels on the map; defaults to `name`. */
  short: { en: string; nl: string };
  color: string;
}

export interface SnapshotEntry {
  dateIso: string;
  file: string;
  sources: string[];
  precision: string;
  /** True for the snapshot on the article's date, which the explorer opens on. */
  article: boolean;
}

export interface TerritoryProps {
  faction: FactionId;
  /** 'desert': open country the side dominated without holding it (drawn lighter). Absent: held. */
  tier?: 'desert';
  id?: string;
  [key: string]: unknown;
}
export type TerritoryFeature = Feature<Polygon | MultiPolygon, TerritoryProps>;
export type Snapshot = FeatureCollection<Polygon | MultiPolygon, TerritoryProps>;

export interface PlaceProps {
  id: string;
  name_en: string;
  name_nl: string;
  name_ar: string;
  rank: number;
  [key: string]: unknown;
}
export type Place = Feature<Point, PlaceProps>;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFactionId = (v: unknown): v is FactionId => typeof v === 'string' && (FACTION_IDS as readonly string[]).includes(v);

/**
 * Parses JSON text; a syntax error names the line and column. The text must be decoded as browsers
 * decode it (text.ts `decodeUtf8`; `Response.text()` and `File.text()` already are).
 */
export function parseJson(text: string, file: string): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (err) {
    const at = locateJsonError(text);
    if (!at) return fail({ file, message: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` });
    const { line, column } = lineColumn(text, at.offset);
    const found = at.offset < text.length ? describeChar(String.fromCodePoint(text.codePointAt(at.offset)!)) : 'the end';
    return fail({ file, message: `invalid JSON at line ${line}, column ${column}: expected ${at.expected}, found ${found}` });
  }
}

export function parseFactions(data: unknown, file: string): Result<Faction[]> {
  if (!isObject(data) || !Array.isArray(data.factions)) {
    return fail({ file, message: 'expected an object {"factions": [...]}' });
  }
  const problems: Problem[] = [];
  const factions: Faction[] = [];
  data.factions.forEach((f: unknown, i) => {
    const where = `factions[${i}]`;
    if (!isObject(f)) return problems.push({ file, message: `${where}: expected an object` });
    if (!isFactionId(f.id)) return problems.push({ file, message: `${where}: unknown faction id ${echo(f.id)}; expected one of ${FACTION_IDS.join(', ')}` });
    const name = f.name;
    if (!isObject(name) || typeof name.en !== 'string' || typeof name.nl !== 'string') {
      return problems.push({ file, message: `${where} (${f.id}): "name" must be {"en": string, "nl": string}` });
    }
    if (typeof f.color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(f.color)) {
      return problems.push({ file, message: `${where} (${f.id}): "color" must be a #rrggbb colour` });
    }
    const short = isObject(f.short) && typeof f.short.en === 'string' && typeof f.short.nl === 'string' ? { en: f.short.en, nl: f.short.nl } : { en: name.en, nl: name.nl };
    factions.push({ id: f.id, name: { en: name.en, nl: name.nl }, short, color: f.color });
  });
  const seen = new Set<string>();
  for (const f of factions) {
    if (seen.has(f.id)) problems.push({ file, message: `faction ${f.id} is listed twice` });
    seen.add(f.id);
  }
  return problems.length ? fail(...problems) : ok(factions);
}

export function parseSnapshotIndex(data: unknown, file: string): Result<SnapshotEntry[]> {
  if (!isObject(data) || !Array.isArray(data.snapshots)) {
    return fail({ file, message: 'expected an object {"snapshots": [...]}' });
  }
  const problems: Problem[] = [];
  const entries: SnapshotEntry[] = [];
  data.snapshots.forEach((s: unknown, i) => {
    const where = `snapshots[${i}]`;
    if (!isObject(s)) return problems.push({ file, message: `${where}: expected an object` });
    if (!isIsoDate(s.date)) return problems.push({ file, message: `${where}: "date" must be a date written YYYY-MM-DD, got ${echo(s.date)}` });
    if (typeof s.file !== 'string' || !/^[\w.-]+\.geojson$/.test(s.file)) {
      return problems.push({ file, message: `${where} (${s.date}): "file" must be a file name ending in .geojson, in the same folder` });
    }
    const sources = Array.isArray(s.sources) ? s.sources.filter((x): x is string => typeof x === 'string') : [];
    entries.push({ dateIso: s.date, file: s.file, sources, precision: typeof s.precision === 'string' ? s.precision : '', article: s.article === true });
  });
  for (let i = 1; i < entries.length; i++) {
    const a = entries[i - 1]!, b = entries[i]!;
    if (a.dateIso === b.dateIso) problems.push({ file, message: `date ${b.dateIso} is listed twice` });
    else if (a.dateIso > b.dateIso) problems.push({ file, message: `dates are not in order: ${a.dateIso} comes before ${b.dateIso}` });
  }
  if (!problems.length && entries.length === 0) problems.push({ file, message: 'lists no snapshots' });
  return problems.length ? fail(...problems) : ok(entries);
}

function checkPosition(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
    return 'a position must be [longitude, latitude] numbers';
  }
  if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90) return `coordinate [${p[0]}, ${p[1]}] is out of range`;
  return null;
}

function checkRing(ring: unknown, label: string): string | null {
  if (!Array.isArray(ring)) return `${label} must be an array of positions`;
  for (const p of ring) {
    const bad = checkPosition(p);
    if (bad) return `${label}: ${bad}`;
  }
  if (ring.length < 4) return `${label} has ${ring.length} positions; a ring needs at least 4`;
  const first = ring[0] as Position, last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return `${label} is not closed (first and last positions differ)`;
  return null;
}

function checkPolygonCoords(coords: unknown, label: string): string | null {
  if (!Array.isArray(coords) || coords.length === 0) return `${label} must be a non-empty array of rings`;
  for (let r = 0; r < coords.length; r++) {
    const bad = checkRing(coords[r], `${label} ring ${r}`);
    if (bad) return bad;
  }
  return null;
}

/** Structure of one snapshot: Polygon/MultiPolygon features with a known `properties.faction`. */
export function parseSnapshot(data: unknown, file: string): Result<Snapshot> {
  if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    return fail({ file, message: 'expected a GeoJSON FeatureCollection' });
  }
  const problems: Problem[] = [];
  data.features.forEach((f: unknown, feature) => {
    if (!isObject(f) || f.type !== 'Feature') return problems.push({ file, feature, message: 'expected a GeoJSON Feature' });
    const props = f.properties;
    if (!isObject(props) || !isFactionId(props.faction)) {
      const got = isObject(props) ? echo(props.faction) : 'nothing';
      return problems.push({ file, feature, message: `unknown faction ${got}; expected one of ${FACTION_IDS.join(', ')}` });
    }
    if (props.tier !== undefined && props.tier !== 'desert') {
      return problems.push({ file, feature, message: `"tier" must be "desert" or absent, got ${echo(props.tier)}` });
    }
    if (props.id !== undefined && (typeof props.id !== 'string' || !props.id)) {
      return problems.push({ file, feature, message: `"id" must be a non-empty string or absent, got ${echo(props.id)}` });
    }
    const g = f.geometry;
    if (!isObject(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      return problems.push({ file, feature, message: `geometry must be a Polygon or MultiPolygon, got ${!isObject(g) ? 'none' : typeof g.type === 'string' ? g.type : echo(g.type)}` });
    }
    const coords = g.coordinates;
    const bad = g.type === 'Polygon'
      ? checkPolygonCoords(coords, 'polygon')
      : !Array.isArray(coords) || coords.length === 0 ? 'MultiPolygon coordinates must be a non-empty array of polygons'
      : coords.map((c, k) => checkPolygonCoords(c, `polygon ${k}`)).find((m) => m !== null) ?? null;
    if (bad) problems.push({ file, feature, message: bad });
  });
  return problems.length ? fail(...problems) : ok(data as unknown as Snapshot);
}

/** Place ranks: 1 largest cities, 2 towns central to the story, 3 others (docs/data.md). */
const PLACE_RANKS: readonly unknown[] = [1, 2, 3];

/** Places as copies, `rank` filled in (3 when absent); a rank given as text or out of range is a problem. */
export function parsePlaces(data: unknown, file: string): Result<Place[]> {
  if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    return fail({ file, message: 'expected a GeoJSON FeatureCollection of points' });
  }
  const problems: Problem[] = [];
  const ids = new Set<string>();
  const places: Place[] = [];
  data.features.forEach((f: unknown, feature) => {
    if (!isObject(f) || !isObject(f.properties) || !isObject(f.geometry) || f.geometry.type !== 'Point') {
      return problems.push({ file, feature, message: 'expected a Feature with a Point geometry and properties' });
    }
    const p = f.properties;
    const name = typeof p.id === 'string' ? clip(p.id) : '';
    if (typeof p.id !== 'string' || !/^[a-z0-9-]+$/.test(p.id)) return problems.push({ file, feature, message: '"id" must be lower-case letters, digits and hyphens' });
    for (const key of ['name_en', 'name_nl', 'name_ar'] as const) {
      if (typeof p[key] !== 'string' || !p[key]) return problems.push({ file, feature, message: `${name}: "${key}" must be a non-empty string` });
    }
    const bad = checkPosition(f.geometry.coordinates);
    if (bad) return problems.push({ file, feature, message: `${name}: ${bad}` });
    if (p.rank !== undefined && !PLACE_RANKS.includes(p.rank as number)) {
      return problems.push({ file, feature, message: `${name}: "rank" must be 1, 2 or 3 (1 for the largest cities), or absent for 3; got ${echo(p.rank)}` });
    }
    if (ids.has(p.id)) problems.push({ file, feature, message: `id "${name}" is used twice` });
    ids.add(p.id);
    places.push({ ...f, properties: { ...p, rank: (p.rank as number | undefined) ?? 3 } } as Place);
  });
  return problems.length ? fail(...problems) : ok(places);
}
