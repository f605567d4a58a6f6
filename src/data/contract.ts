/**
 * The data contract: the shapes of the files in data/ and their parsers. Parsers never throw on bad
 * input; they return a Result whose problems name the file and the feature.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { fail, failAll, ok, type Problem, type Result } from './result.ts';
import { lineColumn, locateJsonError } from './json-locate.ts';
import { describeChar } from './text.ts';
import { clip, echo } from './echo.ts';
import { checkPolygonCoords, checkPosition } from './coordinates.ts';

/** Ids of sides, places and pockets: lower-case letters, digits and hyphens. */
export const ID_PATTERN = /^[a-z0-9-]+$/;
export const isId = (v: unknown): v is string => typeof v === 'string' && ID_PATTERN.test(v);

/** A side's id, as listed in data/factions.json (any id matching ID_PATTERN). */
export type FactionId = string;
/** How many sides factions.json may list: beyond a dozen, colours and chart patterns run out. */
export const MAX_FACTIONS = 12;

export interface Text { en: string; nl: string }

/** How a side's name stands in a sentence (src/ui/summary-text.ts). */
export interface FactionGrammar {
  /** Takes a plural verb ("the Kurds hold", "de Koerden hebben"). Default false. */
  plural: boolean;
  /** The article before the name, "" for none. Default "the" / "de". */
  article: Text;
  /** The possessive. Default "its"/"their", "zijn"/"hun" by number. */
  possessive: Text;
}

export interface Faction {
  id: FactionId;
  name: Text;
  /** A short name for labels on the map; defaults to `name`. */
  short: Text;
  color: string;
  grammar: FactionGrammar;
}

/**
 * How firmly a side has a piece of ground: `held` (features without `tier`), or a tier that is
 * drawn and counted apart. Adding a tier: add it here (parseSnapshot accepts it), give it a
 * TIER_STYLE (src/map/territory-layers.ts), its words (tierKey, tierShort, holderBy in
 * src/ui/strings.ts) and a key swatch (.key-TIER in style.css); legend and areas follow TIERS.
 */
export const TIERS = ['held', 'desert', 'contested'] as const;
export type Tier = (typeof TIERS)[number];
/**
 * In change figures (src/analysis/change.ts) contested ground counts apart from every side's, as
 * this holder. Not a valid side id (ids have no '~'), so it cannot clash with one.
 */
export const CONTESTED_HOLDER = '~contested';

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
  /**
   * 'desert': open country the side dominated without holding it (drawn lighter, hatched).
   * 'contested': ground the side held when a fight for it began and was still fighting for;
   * `against` names the attackers. Absent: held.
   */
  tier?: Exclude<Tier, 'held'>;
  against?: FactionId[];
  id?: string;
  [key: string]: unknown;
}
export type TerritoryFeature = Feature<Polygon | MultiPolygon, TerritoryProps>;
export type Snapshot = FeatureCollection<Polygon | MultiPolygon, TerritoryProps>;

export interface PlaceProps {
  id: string;
  name_en: string;
  /** The Dutch name; the English one when the file gives none. */
  name_nl: string;
  /**
   * The name in the story's local language and script (story.json `localLanguage`), if any. Read
   * from `name_local`, or from `name_ar`, its older name (then in Arabic unless story.json says otherwise).
   */
  name_local?: string;
  rank: number;
  population?: number; // people, if known: of one rank, the larger is named first (place-order.ts)
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

/** The tier of a feature: its `tier`, or held. */
export const tierOf = (f: { properties: TerritoryProps }): Tier => f.properties.tier ?? 'held';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is Text => isObject(v) && typeof v.en === 'string' && typeof v.nl === 'string';

/**
 * A checker for faction ids: with the ids of factions.json, one of them; without, any well-formed
 * id. Its `expected` says which, for messages.
 */
export function factionIdCheck(known?: Iterable<string>): { ok: (v: unknown) => v is FactionId; expected: string } {
  if (!known) return { ok: isId, expected: 'a faction id (lower-case letters, digits and hyphens)' };
  const ids = new Set(known);
  return { ok: (v: unknown): v is FactionId => typeof v === 'string' && ids.has(v), expected: `a faction id of factions.json (${[...ids].join(', ')})` };
}

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

/** data/factions.json: 1 to MAX_FACTIONS sides, each with an id, names in English and Dutch and a colour. */
export function parseFactions(data: unknown, file: string): Result<Faction[]> {
  if (!isObject(data) || !Array.isArray(data.factions)) {
    return fail({ file, message: 'expected an object {"factions": [...]}' });
  }
  if (data.factions.length === 0 || data.factions.length > MAX_FACTIONS) {
    return fail({ file, message: `lists ${data.factions.length} factions; a map needs 1 to ${MAX_FACTIONS}` });
  }
  const problems: Problem[] = [];
  const factions: Faction[] = [];
  data.factions.forEach((f: unknown, i) => {
    const where = `factions[${i}]`;
    if (!isObject(f)) return problems.push({ file, message: `${where}: expected an object` });
    if (!isId(f.id)) return problems.push({ file, message: `${where}: "id" must be lower-case letters, digits and hyphens, got ${echo(f.id)}` });
    const name = f.name;
    if (!isText(name)) return problems.push({ file, message: `${where} (${clip(String(f.id))}): "name" must be {"en": string, "nl": string}` });
    if (typeof f.color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(f.color)) {
      return problems.push({ file, message: `${where} (${clip(String(f.id))}): "color" must be a #rrggbb colour` });
    }
    const short = isText(f.short) ? { en: f.short.en, nl: f.short.nl } : { en: name.en, nl: name.nl };
    const grammar = parseGrammar(f.grammar);
    if (typeof grammar === 'string') return problems.push({ file, message: `${where} (${clip(String(f.id))}): "grammar": ${grammar}` });
    factions.push({ id: f.id, name: { en: name.en, nl: name.nl }, short, color: f.color, grammar });
  });
  const seen = new Set<string>();
  for (const f of factions) {
    if (seen.has(f.id)) problems.push({ file, message: `faction ${clip(f.id)} is listed twice` });
    seen.add(f.id);
  }
  return problems.length ? failAll(problems) : ok(factions);
}

/** `{"plural"?: boolean, "article"?: {"en"?, "nl"?}, "possessive"?: {"en"?, "nl"?}}`, or a message. */
function parseGrammar(g: unknown): FactionGrammar | string {
  if (g !== undefined && !isObject(g)) return 'expected an object';
  const o = g ?? {};
  if (o.plural !== undefined && typeof o.plural !== 'boolean') return '"plural" must be true or false';
  const plural = o.plural === true;
  const partial = (key: 'article' | 'possessive', fallback: Text): Text | string => {
    const v = o[key];
    if (v === undefined) return fallback;
    if (!isObject(v) || [v.en, v.nl].some((x) => x !== undefined && typeof x !== 'string')) return `"${key}" must be {"en"?: string, "nl"?: string}`;
    return { en: typeof v.en === 'string' ? v.en : fallback.en, nl: typeof v.nl === 'string' ? v.nl : fallback.nl };
  };
  const article = partial('article', { en: 'the', nl: 'de' });
  const possessive = partial('possessive', plural ? { en: 'their', nl: 'hun' } : { en: 'its', nl: 'zijn' });
  if (typeof article === 'string') return article;
  if (typeof possessive === 'string') return possessive;
  return { plural, article, possessive };
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
  return problems.length ? failAll(problems) : ok(entries);
}

/**
 * Structure of one snapshot: Polygon/MultiPolygon features with a `properties.faction`, one of
 * `factions` (the ids of factions.json) when given, else any well-formed id.
 */
export function parseSnapshot(data: unknown, file: string, factions?: Iterable<string>): Result<Snapshot> {
  const faction = factionIdCheck(factions);
  if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    return fail({ file, message: 'expected a GeoJSON FeatureCollection' });
  }
  const problems: Problem[] = [];
  data.features.forEach((f: unknown, feature) => {
    if (!isObject(f) || f.type !== 'Feature') return problems.push({ file, feature, message: 'expected a GeoJSON Feature' });
    const props = f.properties;
    if (!isObject(props) || !faction.ok(props.faction)) {
      const got = isObject(props) ? echo(props.faction) : 'nothing';
      return problems.push({ file, feature, message: `unknown faction ${got}; expected ${faction.expected}` });
    }
    if (props.tier !== undefined && (props.tier === 'held' || !(TIERS as readonly unknown[]).includes(props.tier))) {
      const tiers = TIERS.filter((t) => t !== 'held').map((t) => JSON.stringify(t)).join(' or ');
      return problems.push({ file, feature, message: `"tier" must be ${tiers} or absent, got ${echo(props.tier)}` });
    }
    if (props.tier === 'contested' && !(Array.isArray(props.against) && props.against.length > 0 && props.against.every((a) => faction.ok(a) && a !== props.faction))) {
      return problems.push({ file, feature, message: `contested ground needs "against": the other sides fighting for it, each ${faction.expected}` });
    }
    if (props.id !== undefined && (typeof props.id !== 'string' || !props.id)) {
      return problems.push({ file, feature, message: `"id" must be a non-empty string or absent, got ${echo(props.id)}` });
    }
    const g = f.geometry;
    if (!isObject(g) || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      return problems.push({ file, feature, message: `geometry must be a Polygon or MultiPolygon, got ${!isObject(g) ? 'none' : typeof g.type === 'string' ? clip(g.type) : echo(g.type)}` });
    }
    const coords = g.coordinates;
    const bad = g.type === 'Polygon'
      ? checkPolygonCoords(coords, 'polygon')
      : !Array.isArray(coords) || coords.length === 0 ? 'MultiPolygon coordinates must be a non-empty array of polygons'
      : coords.map((c, k) => checkPolygonCoords(c, `polygon ${k}`)).find((m) => m !== null) ?? null;
    if (bad) problems.push({ file, feature, message: bad });
  });
  return problems.length ? failAll(problems) : ok(data as unknown as Snapshot);
}

/** Place ranks: 1 largest cities, 2 towns central to the story, 3 others (docs/data.md). */
const PLACE_RANKS: readonly unknown[] = [1, 2, 3];

/**
 * Places as copies, `rank` filled in (3 when absent), `name_nl` (the English name when absent) and
 * `name_local` (from `name_ar` when only that is given); a rank given as text or out of range, or a
 * population that is not a whole number of 0 or more, is a problem.
 */
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
    if (!isId(p.id)) return problems.push({ file, feature, message: '"id" must be lower-case letters, digits and hyphens' });
    if (typeof p.name_en !== 'string' || !p.name_en.trim()) return problems.push({ file, feature, message: `${name}: "name_en" must be a non-empty string` });
    for (const key of ['name_nl', 'name_local', 'name_ar'] as const) {
      if (p[key] !== undefined && (typeof p[key] !== 'string' || !p[key].trim())) return problems.push({ file, feature, message: `${name}: "${key}" must be a non-empty string, or absent` });
    }
    if (p.name_local !== undefined && p.name_ar !== undefined && p.name_local !== p.name_ar) {
      return problems.push({ file, feature, message: `${name}: "name_local" and "name_ar" differ; give the local name once, as "name_local" ("name_ar" is its older name)` });
    }
    const bad = checkPosition(f.geometry.coordinates);
    if (bad) return problems.push({ file, feature, message: `${name}: ${bad}` });
    if (p.rank !== undefined && !PLACE_RANKS.includes(p.rank as number)) {
      return problems.push({ file, feature, message: `${name}: "rank" must be 1, 2 or 3 (1 for the largest cities), or absent for 3; got ${echo(p.rank)}` });
    }
    if (p.population !== undefined && !(Number.isSafeInteger(p.population) && (p.population as number) >= 0)) {
      return problems.push({ file, feature, message: `${name}: "population" must be a whole number of people, 0 or more, or absent when not known; got ${echo(p.population)}` });
    }
    if (ids.has(p.id)) problems.push({ file, feature, message: `id "${name}" is used twice` });
    ids.add(p.id);
    const local = (p.name_local ?? p.name_ar) as string | undefined;
    places.push({ ...f, properties: { ...p, name_nl: (p.name_nl as string | undefined) ?? p.name_en, ...(local !== undefined ? { name_local: local } : {}), rank: (p.rank as number | undefined) ?? 3 } } as Place);
  });
  return problems.length ? failAll(problems) : ok(places);
}
