/**
 * Rear probes (tests/fixtures/rear-probes.json): points in open country, far from every settlement,
 * where only the generator's rear rule can make a side's ground held. Shared by the fixture's
 * generator (scripts/rear-probes.ts) and its test (scripts/rear.test.ts).
 */
import * as turf from '@turf/turf';
import type { Snapshot } from '../src/data/contract.ts';
import type { ControlPoint } from '../src/data/generate.ts';

/** A probe lies farther than this from every settlement: beyond the 22 km settled radius and its 8 km closing. */
export const AWAY_KM = 30;
export const FIXTURE = 'tests/fixtures/rear-probes.json';

export type Quadrant = 'N' | 'E' | 'S' | 'W';
export interface Around { id: string; name: string; quadrant: Quadrant; km: number }
export interface Probe { area: string; region: string; side: string; lon: number; lat: number; awayKm: number; surrounding: Around[] }
export interface Area { name: string; region: string; side: string; box: [west: number, south: number, east: number, north: number]; stepDeg: number }
export interface KnownFailure { probe: string; dates: string[]; why: string }
export interface ProbesFile {
  about: string; command: string;
  areas: (Area & { probes: number; neverSurrounded: number; farthestKm: number })[];
  probes: Probe[]; knownFailures: KnownFailure[];
}

/** The quadrant of a bearing in degrees (−180…180, 0 = north): each centred on its cardinal direction. */
export function quadrantOf(bearingDeg: number): Quadrant {
  const b = (bearingDeg + 360) % 360;
  return b >= 315 || b < 45 ? 'N' : b < 135 ? 'E' : b < 225 ? 'S' : 'W';
}

/**
 * The control points around a place: in each quadrant, the nearest point (town or desert area) of
 * its region's control file. A quadrant with no point (beyond a border) is left out. These are the
 * sources' own points around the probe: when one side holds all of them, the ground between is its rear.
 */
export function surrounding(points: readonly ControlPoint[], region: string, at: [number, number]): Around[] {
  const best = new Map<Quadrant, Around>();
  for (const p of points) {
    if (p.region !== region) continue;
    const to: [number, number] = [p.lon, p.lat];
    const km = turf.distance(at, to);
    const quadrant = quadrantOf(turf.bearing(at, to));
    if (!best.has(quadrant) || km < best.get(quadrant)!.km) best.set(quadrant, { id: p.id, name: p.name, quadrant, km: Math.round(km) });
  }
  return (['N', 'E', 'S', 'W'] as const).flatMap((q) => (best.has(q) ? [best.get(q)!] : []));
}

/** The distance in km from a place to the nearest of `places`. */
export const nearestKm = (at: [number, number], places: readonly { lon: number; lat: number }[]) =>
  Math.min(...places.map((p) => turf.distance(at, [p.lon, p.lat])));

/** A probe's name in messages: its area and position. */
export const probeName = (p: Pick<Probe, 'area' | 'lon' | 'lat'>) => `${p.area} ${p.lon.toFixed(2)}E ${p.lat.toFixed(2)}N`;

/** What the snapshot shows at a place: "side", "side (tier)" or "nobody". */
export function shown(snapshot: Snapshot, at: [number, number]): string {
  const f = snapshot.features.find((x) => turf.booleanPointInPolygon(at, x));
  return f ? `${f.properties.faction}${f.properties.tier ? ` (${f.properties.tier})` : ''}` : 'nobody';
}

/** Whether the snapshot shows `side` holding every surrounding point (held or its desert; not contested). */
export function holdsAll(snapshot: Snapshot, side: string, around: readonly Around[], points: readonly ControlPoint[]): boolean {
  return around.every((s) => {
    const p = points.find((x) => x.id === s.id);
    return p !== undefined && shown(snapshot, [p.lon, p.lat]).replace(' (desert)', '') === side;
  });
}
