/**
 * The generator's inputs besides the control points: the method's parameters
 * (data/sources/method.json), contested ground (contested.geojson), settlements and rivers.
 * Parsers never throw; problems name the file and the entry.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { isIsoDate } from './contract.ts';
import { clip, echo } from './echo.ts';
import { fail, failAll, ok, pushAll, type Problem, type Result } from './result.ts';

export interface Method {
  /** Settled ground around every settlement, km. */
  settlementRadiusKm: number;
  /** Settled ground on either side of a river, km. */
  riverCorridorKm: number;
  /** Settled ground on either side of the link between two neighbouring settlements, km. */
  linkCorridorKm: number;
  /** Settlements farther apart than this are not linked, km. */
  linkMaxKm: number;
  /** Open country within this distance of a hostile side's ground is a desert flank, km. */
  frontDepthKm: number;
  /** Settled ground is closed by this distance: gaps narrower than twice it are filled, km. */
  smoothKm: number;
  /** Held pieces smaller than this with no settlement of the side's in them go to the desert tier, km². */
  minHeldPieceKm2: number;
  /** River names (a feature's `name`, `name_en` or `id`) whose valleys count as settled. */
  rivers: string[];
  /** Sides whose open country is a support zone (desert tier) everywhere, not only near a front. */
  supportZones: { side: string; source: string }[];
  /** Pairs of sides that did not fight each other: their contact is not a front. */
  notFighting: { sides: [string, string]; fromIso: string; toIso: string; source: string }[];
}

export interface ContestedProps {
  id: string;
  /** The side that held the ground when the fight began. */
  faction: string;
  /** The sides attacking it. */
  against: string[];
  fromIso: string;
  toIso: string;
  source: string;
}
export type Contested = Feature<Polygon | MultiPolygon, ContestedProps>;

export interface Settlement { name: string; lon: number; lat: number }

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

const NUMBERS = ['settlementRadiusKm', 'riverCorridorKm', 'linkCorridorKm', 'linkMaxKm', 'smoothKm', 'frontDepthKm', 'minHeldPieceKm2'] as const;

/** Parses data/sources/method.json; `sides` are the known side ids. */
export function parseMethod(data: unknown, file: string, sides: readonly string[]): Result<Method> {
  if (!isObj(data)) return fail({ file, message: 'expected an object with the method\'s parameters' });
  const problems: Problem[] = [];
  const num = (k: (typeof NUMBERS)[number]): number => {
    const v = data[k];
    if (!isPosNum(v)) problems.push({ file, message: `"${k}" must be a number ≥ 0` });
    return isPosNum(v) ? v : 0;
  };
  const side = (v: unknown, where: string): string => {
    if (typeof v !== 'string' || !sides.includes(v)) problems.push({ file, message: `${where}: unknown side ${echo(v)}; expected one of ${sides.join(', ')}` });
    return typeof v === 'string' ? v : '';
  };
  const list = (k: string): unknown[] => {
    if (data[k] === undefined) return [];
    if (!Array.isArray(data[k])) { problems.push({ file, message: `"${k}" must be an array` }); return []; }
    return data[k] as unknown[];
  };
  const [settlementRadiusKm, riverCorridorKm, linkCorridorKm, linkMaxKm, smoothKm, frontDepthKm, minHeldPieceKm2] = NUMBERS.map(num) as [number, number, number, number, number, number, number];
  const rivers = list('rivers').filter((r, i) => isStr(r) || !problems.push({ file, message: `rivers[${i}] must be a river name` })) as string[];
  const supportZones = list('supportZones').flatMap((z, i) => {
    if (!isObj(z) || !isStr(z.source)) { problems.push({ file, message: `supportZones[${i}] needs "side" and "source"` }); return []; }
    return [{ side: side(z.side, `supportZones[${i}]`), source: z.source }];
  });
  const notFighting = list('notFighting').flatMap((n, i) => {
    const where = `notFighting[${i}]`;
    if (!isObj(n) || !Array.isArray(n.sides) || n.sides.length !== 2 || !isStr(n.source)) {
      problems.push({ file, message: `${where} needs "sides" (two side ids) and "source"` });
      return [];
    }
    const fromIso = n.from ?? '0000-01-01', toIso = n.to ?? '9999-12-31';
    if ((n.from !== undefined && !isIsoDate(n.from)) || (n.to !== undefined && !isIsoDate(n.to))) {
      problems.push({ file, message: `${where}: "from" and "to" must be dates written YYYY-MM-DD` });
      return [];
    }
    return [{ sides: [side(n.sides[0], where), side(n.sides[1], where)] as [string, string], fromIso: String(fromIso), toIso: String(toIso), source: n.source }];
  });
  const method: Method = { settlementRadiusKm, riverCorridorKm, linkCorridorKm, linkMaxKm, smoothKm, frontDepthKm, minHeldPieceKm2, rivers, supportZones, notFighting };
  return problems.length ? failAll(problems) : ok(method);
}

/** True when the two sides fought each other on the date (every pair does unless listed). */
export function fighting(method: Method, a: string, b: string, dateIso: string): boolean {
  if (a === b) return false;
  return !method.notFighting.some((n) => n.fromIso <= dateIso && dateIso < n.toIso
    && ((n.sides[0] === a && n.sides[1] === b) || (n.sides[0] === b && n.sides[1] === a)));
}

const polygonal = (g: unknown): g is Polygon | MultiPolygon => isObj(g) && (g.type === 'Polygon' || g.type === 'MultiPolygon') && Array.isArray(g.coordinates);

/** Parses contested.geojson: polygons with the holder, the attackers, the period and a source. */
export function parseContested(data: unknown, file: string, sides: readonly string[]): Result<Contested[]> {
  if (!isObj(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) return fail({ file, message: 'expected a GeoJSON FeatureCollection' });
  const problems: Problem[] = [];
  const out: Contested[] = [];
  data.features.forEach((f: unknown, feature) => {
    if (!isObj(f) || !isObj(f.properties) || !polygonal(f.geometry)) return problems.push({ file, feature, message: 'expected a Feature with a Polygon or MultiPolygon' });
    const p = f.properties;
    const known = (v: unknown) => typeof v === 'string' && sides.includes(v);
    if (!isStr(p.id) || !known(p.faction) || !Array.isArray(p.against) || p.against.length === 0 || !p.against.every(known) || p.against.includes(p.faction)) {
      return problems.push({ file, feature, message: `needs "id", "faction" (the side holding the ground) and "against" (the other sides), from ${sides.join(', ')}` });
    }
    if (!isIsoDate(p.from) || !isIsoDate(p.to) || p.from >= p.to) return problems.push({ file, feature, message: `(${clip(p.id)}) needs "from" before "to", written YYYY-MM-DD` });
    if (!isStr(p.source)) return problems.push({ file, feature, message: `(${clip(p.id)}) needs a "source"` });
    out.push({ type: 'Feature', geometry: f.geometry, properties: { id: p.id, faction: p.faction as string, against: p.against as string[], fromIso: p.from, toIso: p.to, source: p.source } });
  });
  return problems.length ? failAll(problems) : ok(out);
}

/** Parses a FeatureCollection of settlement Points (name, coordinates). */
export function parseSettlements(data: unknown, file: string): Result<Settlement[]> {
  if (!isObj(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) return fail({ file, message: 'expected a GeoJSON FeatureCollection of Points' });
  const problems: Problem[] = [];
  const out: Settlement[] = [];
  data.features.forEach((f: unknown, feature) => {
    const g = isObj(f) ? f.geometry : null;
    const c = isObj(g) && g.type === 'Point' && Array.isArray(g.coordinates) ? g.coordinates : null;
    if (!c || typeof c[0] !== 'number' || typeof c[1] !== 'number' || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) {
      return problems.push({ file, feature, message: 'expected a Point feature with numeric coordinates' });
    }
    const name = isObj(f) && isObj(f.properties) && typeof f.properties.name === 'string' ? f.properties.name : `#${feature}`;
    out.push({ name, lon: c[0], lat: c[1] });
  });
  return problems.length ? failAll(problems) : ok(out);
}

/** The lines of the named rivers in a FeatureCollection of LineStrings/MultiLineStrings. */
export function riverLines(data: unknown, names: readonly string[]): Position[][] {
  if (!isObj(data) || !Array.isArray(data.features)) return [];
  const out: Position[][] = [];
  for (const f of data.features as unknown[]) {
    if (!isObj(f) || !isObj(f.properties) || !isObj(f.geometry)) continue;
    const p = f.properties;
    if (![p.name, p.name_en, p.id].some((n) => typeof n === 'string' && names.includes(n))) continue;
    const g = f.geometry as { type?: string; coordinates?: unknown };
    if (g.type === 'LineString') out.push(g.coordinates as Position[]);
    else if (g.type === 'MultiLineString') pushAll(out, g.coordinates as Position[][]);
  }
  return out;
}
