/**
 * Normalisation of a snapshot drawn elsewhere, for `npm run data:add`: factions mapped to our ids,
 * one feature per faction and tier, RFC 7946 winding, 4-decimal coordinates, and its entry put
 * into the index in date order. Pure: the script reads, validates and writes the files.
 */
import { featureCollection, rewind, union } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { factionIdCheck, parseSnapshotIndex, type FactionId, type Snapshot, type TerritoryFeature, type TerritoryProps } from './contract.ts';
import { echo } from './echo.ts';
import { fail, failAll, ok, type Problem, type Result } from './result.ts';

export interface FactionMapping {
  /** The feature property that names the side, e.g. "controller". Default "faction". */
  property?: string;
  /** The property's values mapped to our faction ids, e.g. { NA: 'north-army' }. Our own ids map to themselves. */
  map?: Readonly<Record<string, FactionId>>;
  /** The faction ids of the data folder's factions.json; without them, any well-formed id passes. */
  factions?: readonly FactionId[];
  /** The side of features without the property (`--faction`), e.g. an archive whose files have no properties. */
  fallback?: FactionId;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Sets `properties.faction` of every feature from `mapping.property`, or to `mapping.fallback` when
 * the feature has no such property (properties `null` or absent count as none). Returns a copy;
 * anything that is not a feature is passed on untouched for validateSnapshot to name.
 * @example mapFactions(fc, 'in.geojson', { property: 'controller', map: { NA: 'north-army' }, factions: ['north-army'] })
 */
export function mapFactions(data: unknown, file: string, mapping: FactionMapping = {}): Result<unknown> {
  if (!isObject(data) || !Array.isArray(data.features)) return ok(data);
  const property = mapping.property ?? 'faction';
  const map = mapping.map ?? {};
  const known = Object.keys(map);
  const check = factionIdCheck(mapping.factions);
  const accepted = `${known.length ? `one of ${known.join(', ')} (mapped) or ` : ''}${check.expected}`;
  const problems: Problem[] = [];
  const features = data.features.map((f: unknown, feature) => {
    if (!isObject(f) || (!isObject(f.properties) && f.properties !== null && f.properties !== undefined)) return f;
    const properties = isObject(f.properties) ? f.properties : {};
    const value = Object.hasOwn(properties, property) ? properties[property] : undefined;
    const faction = value === undefined ? mapping.fallback
      : typeof value === 'string' ? (Object.hasOwn(map, value) ? map[value] : check.ok(value) ? value : undefined) : undefined;
    if (!faction) {
      const got = value === undefined ? `no "${property}" property` : `"${property}" is ${echo(value)}`;
      problems.push({ file, feature, message: `${got}; expected ${accepted}${value === undefined ? ', or a side given to features that name none (data:add --faction)' : ''}` });
      return f;
    }
    return { ...f, properties: { ...properties, faction } };
  });
  return problems.length ? failAll(problems) : ok({ ...data, features });
}

type Geometry = Polygon | MultiPolygon;

/** Rounds to `digits` decimals and drops the consecutive repeats that rounding leaves. */
export function roundGeometry(g: Geometry, digits: number): Geometry {
  const f = 10 ** digits;
  const ring = (r: Position[]) =>
    r.map((p) => [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}

export interface NormalizeOptions {
  /** Decimal digits kept; 4 is about 10 m, finer than any front line we know. Default 4. */
  digits?: number;
}

/**
 * One feature per faction and tier (pieces dissolved with Turf union), except features with an `id`
 * (hand-drawn pockets), which stay their own; only `faction`, `tier`, `id` and (for contested
 * ground) `against` are kept; coordinates rounded; exterior rings counter-clockwise, holes clockwise (RFC 7946 §3.1.6).
 * Features keep the order in which their faction first appears, which is the drawing order.
 * Expects a snapshot that passed validateSnapshot; rounding can break it, so validate the result again.
 */
export function normalizeSnapshot(snapshot: Snapshot, options: NormalizeOptions = {}): Snapshot {
  const digits = options.digits ?? 4;
  const groups = new Map<string, TerritoryFeature[]>();
  for (const f of snapshot.features) {
    const { faction, tier, id, against } = f.properties;
    const key = JSON.stringify([faction, tier ?? null, id ?? null, against ? [...against].sort() : null]);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const features = [...groups.values()].map((pieces): TerritoryFeature => {
    const { faction, tier, id, against } = pieces[0]!.properties;
    const merged = pieces.length === 1 ? pieces[0]!.geometry : union(featureCollection(pieces))!.geometry;
    const properties: TerritoryProps = {
      faction, ...(tier ? { tier } : {}), ...(id !== undefined ? { id } : {}), ...(tier === 'contested' && against ? { against } : {}),
    };
    return rewind({ type: 'Feature', properties, geometry: roundGeometry(merged, digits) }, { reverse: false }) as TerritoryFeature;
  });
  return { type: 'FeatureCollection', features };
}

export interface NewIndexEntry {
  dateIso: string;
  file: string;
  sources: string[];
  /**
   * One line on how exact the snapshot is. Absent: a replaced entry keeps its own, a new one has
   * none. Empty: none (a replaced entry's is removed).
   */
  precision?: string;
}

/**
 * The index with `entry` inserted in date order, other entries untouched (as raw JSON, so fields
 * this code does not know survive). A date already listed is an error unless `replace`; a replaced
 * entry keeps every field the new entry does not set (its `article` flag, its `precision` unless a
 * new one is given, fields other tools added).
 */
export function insertIndexEntry(index: unknown, entry: NewIndexEntry, file: string, replace = false): Result<{ snapshots: unknown[] }> {
  // An empty index is where a new story starts (docs/new-story.md); anything else must be valid.
  const empty = typeof index === 'object' && index !== null && Array.isArray((index as { snapshots?: unknown }).snapshots) && (index as { snapshots: unknown[] }).snapshots.length === 0;
  const parsed = empty ? null : parseSnapshotIndex(index, file);
  if (parsed && !parsed.ok) return parsed;
  const raw = (index as { snapshots: Record<string, unknown>[] }).snapshots;
  const at = raw.findIndex((s) => s.date === entry.dateIso);
  if (at >= 0 && !replace) return fail({ file, message: `date ${entry.dateIso} is already listed; pass --replace to replace it` });
  const { date: _date, file: _file, sources: _sources, precision: oldPrecision, ...kept } = at >= 0 ? raw[at]! : {};
  const precision = entry.precision === undefined ? oldPrecision : entry.precision || undefined;
  const row = {
    date: entry.dateIso,
    file: entry.file,
    ...kept,
    ...(precision !== undefined ? { precision } : {}),
    sources: entry.sources,
  };
  const snapshots: unknown[] = [...raw];
  if (at >= 0) snapshots[at] = row;
  else {
    const before = raw.findIndex((s) => typeof s.date === 'string' && s.date > entry.dateIso);
    snapshots.splice(before < 0 ? raw.length : before, 0, row);
  }
  return ok({ ...(index as object), snapshots });
}
