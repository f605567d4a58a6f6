/**
 * The sourced tables the snapshots are generated from (data/sources/README.md): control points
 * with a dated history of who held them, and hand-drawn overrides. Parsers never throw.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { factionIdCheck, isId, isIsoDate, type FactionId } from './contract.ts';
import { clip } from './echo.ts';
import { fail, failAll, ok, type Problem, type Result } from './result.ts';

export type ControlFaction = FactionId | 'none';

export interface HistoryEntry { fromIso: string; faction: ControlFaction; source: string }
export interface ControlPoint {
  id: string; name: string; lon: number; lat: number; kind: 'town' | 'area'; history: HistoryEntry[];
  /** The region (country) whose ground the point's cell may cover; see `generateSnapshot`. */
  region?: string;
}

export interface OverrideProps { id: string; faction: FactionId; fromIso: string; toIso: string; source: string }
export type Override = Feature<Polygon | MultiPolygon, OverrideProps>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isControlFaction = (v: unknown): v is ControlFaction => v === 'none' || isId(v);

/** Parses a control-point table (see data/sources/README.md); `factions`: the ids of data/factions.json. */
export function parseControlPoints(data: unknown, file: string, factions?: Iterable<string>): Result<ControlPoint[]> {
  const side = factionIdCheck(factions);
  const isSide = (v: unknown): v is ControlFaction => v === 'none' || side.ok(v);
  if (!isObj(data) || !Array.isArray(data.points)) return fail({ file, message: 'expected an object {"points": [...]}' });
  const problems: Problem[] = [];
  const points: ControlPoint[] = [];
  data.points.forEach((p: unknown, i) => {
    const where = `points[${i}]`;
    if (!isObj(p) || typeof p.id !== 'string') return problems.push({ file, message: `${where}: expected an object with an "id"` });
    const label = `${where} (${clip(p.id)})`;
    if (typeof p.lat !== 'number' || typeof p.lon !== 'number' || Math.abs(p.lat) > 90 || Math.abs(p.lon) > 180) {
      return problems.push({ file, message: `${label}: "lat" and "lon" must be numbers in range` });
    }
    if (!Array.isArray(p.history) || p.history.length === 0) return problems.push({ file, message: `${label}: "history" must be a non-empty array` });
    const history: HistoryEntry[] = [];
    for (const [k, h] of p.history.entries()) {
      if (!isObj(h) || !isIsoDate(h.from) || !isSide(h.faction)) {
        problems.push({ file, message: `${label}: history[${k}] needs "from" (YYYY-MM-DD) and "faction" (${side.expected}, or none)` });
        return;
      }
      const prev = history[history.length - 1];
      if (prev && prev.fromIso > h.from) {
        problems.push({ file, message: `${label}: history[${k}] (${h.from}) is earlier than the entry before it (${prev.fromIso})` });
        return;
      }
      history.push({ fromIso: h.from, faction: h.faction, source: typeof h.source === 'string' ? h.source : '' });
    }
    points.push({
      id: p.id, name: typeof p.name === 'string' ? p.name : p.id, lon: p.lon, lat: p.lat, kind: p.kind === 'area' ? 'area' : 'town', history,
    });
  });
  return problems.length ? failAll(problems) : ok(points);
}

/** Parses hand-drawn overrides: polygons with faction, from, to (exclusive) and source. */
export function parseOverrides(data: unknown, file: string): Result<Override[]> {
  if (!isObj(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) {
    return fail({ file, message: 'expected a GeoJSON FeatureCollection' });
  }
  const problems: Problem[] = [];
  const out: Override[] = [];
  data.features.forEach((f: unknown, feature) => {
    if (!isObj(f) || !isObj(f.properties) || !isObj(f.geometry)) return problems.push({ file, feature, message: 'expected a Feature' });
    const p = f.properties;
    if (typeof p.id !== 'string' || !isControlFaction(p.faction) || p.faction === 'none' || !isIsoDate(p.from) || !isIsoDate(p.to)) {
      return problems.push({ file, feature, message: 'needs "id", "faction", "from" and "to" (YYYY-MM-DD)' });
    }
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') return problems.push({ file, feature, message: 'geometry must be a Polygon or MultiPolygon' });
    out.push({
      type: 'Feature',
      properties: { id: p.id, faction: p.faction, fromIso: p.from, toIso: p.to, source: typeof p.source === 'string' ? p.source : '' },
      geometry: f.geometry as unknown as Polygon | MultiPolygon,
    });
  });
  return problems.length ? failAll(problems) : ok(out);
}

/** The entry of a point's history in force on a date, or null before its first entry. */
export function entryOn(point: ControlPoint, dateIso: string): HistoryEntry | null {
  let found: HistoryEntry | null = null;
  for (const h of point.history) if (h.fromIso <= dateIso) found = h;
  return found;
}
