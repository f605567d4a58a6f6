/**
 * Who borders whom, and along how many km. Snapshot polygons come from Voronoi cells clipped and
 * rounded per faction (4 decimals ≈ 10 m), so two neighbours share an edge only to within ~10 m and
 * rarely vertex for vertex. So edges are not compared; instead every boundary is cut into short
 * pieces and a piece of A's boundary counts as shared with B when its midpoint lies within
 * `toleranceKm` of B's boundary. Pieces sit in a uniform grid, so a snapshot of ~20k vertices takes
 * a fraction of a second.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { FactionId, Snapshot, TerritoryFeature } from '../data/contract.ts';

/** Default matching tolerance: 10× the rounding of the snapshots (4 decimals ≈ 10 m). */
export const TOLERANCE_KM = 0.1;
/** Boundaries are cut into pieces no longer than this, so a T-junction is resolved to within it. */
const MAX_PIECE_KM = 0.5;
/**
 * Contact shorter than this is not a frontier: where three sides meet, each touches the others
 * along ~2 × tolerance. Our threshold, not a convention from elsewhere.
 */
export const MIN_CONTACT_KM = 1;

/** Turf's mean earth radius (6371.0088 km), so lengths agree with turf.length and turf.distance. */
const KM_PER_DEG = (6371.0088 * Math.PI) / 180;
const CELL_DEG = 0.05;

export interface FactionPairKm {
  /** Two different factions, in the order given to frontierLengthsKm. */
  factions: [FactionId, FactionId];
  lengthKm: number;
}

/** The faction's largest connected piece of ground: its polygons, undissolved, and their area. */
export type Body = Feature<MultiPolygon, { faction: FactionId; areaKm2: number }>;

type Area = Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon;

interface Piece { x0: number; y0: number; x1: number; y1: number; km: number; owner: number }

const rad = (d: number) => (d * Math.PI) / 180;
function haversineKm(a: Position, b: Position): number {
  const dLat = rad(b[1]! - a[1]!), dLon = rad(b[0]! - a[0]!);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1]!)) * Math.cos(rad(b[1]!)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const polygonsOf = (a: Area): Position[][][] => {
  const g = a.type === 'Feature' ? a.geometry : a;
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
};

/** Cuts every ring (outer and holes) into pieces of at most MAX_PIECE_KM. */
function addPieces(polygons: Position[][][], owner: number, out: Piece[]): void {
  for (const poly of polygons) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!, b = ring[i]!;
        const km = haversineKm(a, b);
        if (km === 0) continue;
        const n = Math.ceil(km / MAX_PIECE_KM);
        const dx = (b[0]! - a[0]!) / n, dy = (b[1]! - a[1]!) / n;
        for (let k = 0; k < n; k++) {
          out.push({ x0: a[0]! + dx * k, y0: a[1]! + dy * k, x1: a[0]! + dx * (k + 1), y1: a[1]! + dy * (k + 1), km: km / n, owner });
        }
      }
    }
  }
}

const cellKey = (ix: number, iy: number) => (ix + 4000) * 8000 + (iy + 4000);

/**
 * For each ordered pair of owners (a, b), the km of a's boundary whose pieces have their midpoint
 * within `toleranceKm` of b's boundary. Key: a * owners + b. Only pieces whose owner passes
 * `from` are measured (the others are still matched against).
 */
function contactsKm(pieces: readonly Piece[], owners: number, toleranceKm: number, from: (owner: number) => boolean = () => true): Map<number, number> {
  const tolDeg = toleranceKm / KM_PER_DEG / Math.cos(rad(80)); // generous in longitude up to 80°
  const grid = new Map<number, number[]>();
  pieces.forEach((p, i) => {
    const x0 = Math.floor((Math.min(p.x0, p.x1) - tolDeg) / CELL_DEG), x1 = Math.floor((Math.max(p.x0, p.x1) + tolDeg) / CELL_DEG);
    const y0 = Math.floor((Math.min(p.y0, p.y1) - tolDeg) / CELL_DEG), y1 = Math.floor((Math.max(p.y0, p.y1) + tolDeg) / CELL_DEG);
    for (let ix = x0; ix <= x1; ix++) {
      for (let iy = y0; iy <= y1; iy++) {
        const key = cellKey(ix, iy);
        const list = grid.get(key);
        if (list) list.push(i); else grid.set(key, [i]);
      }
    }
  });
  const out = new Map<number, number>();
  const near: number[] = [];
  for (const p of pieces) {
    if (!from(p.owner)) continue;
    const mx = (p.x0 + p.x1) / 2, my = (p.y0 + p.y1) / 2;
    // Local equirectangular projection around the midpoint: exact enough over ~100 m.
    const kx = Math.cos(rad(my)) * KM_PER_DEG;
    near.length = 0;
    for (const j of grid.get(cellKey(Math.floor(mx / CELL_DEG), Math.floor(my / CELL_DEG))) ?? []) {
      const q = pieces[j]!;
      if (q.owner === p.owner || near.includes(q.owner)) continue;
      if (segmentDistanceKm((mx - q.x0) * kx, (my - q.y0) * KM_PER_DEG, (q.x1 - q.x0) * kx, (q.y1 - q.y0) * KM_PER_DEG) <= toleranceKm) near.push(q.owner);
    }
    for (const o of near) {
      const key = p.owner * owners + o;
      out.set(key, (out.get(key) ?? 0) + p.km);
    }
  }
  return out;
}

/** Planar distance from point (px, py) to the segment from the origin to (dx, dy). */
function segmentDistanceKm(px: number, py: number, dx: number, dy: number): number {
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
  return Math.hypot(px - t * dx, py - t * dy);
}

/**
 * The length of the frontier between each pair of different factions, in km: the mean of the two
 * sides' boundary lengths that lie along each other (within `toleranceKm`). A faction's held and
 * desert ground count as one; its own features touching is no frontier. Pairs that do not touch
 * are absent. Pairs are named in the order of `order` (factions.json's; by default the order in
 * which the snapshot's features name them); factions not in `order` come after, as they appear.
 * @example frontierLengthsKm(snapshot, TOLERANCE_KM, ['side-a', 'side-b']).find((f) => f.factions.join() === 'side-a,side-b')?.lengthKm
 */
export function frontierLengthsKm(snapshot: Snapshot, toleranceKm = TOLERANCE_KM, order: readonly FactionId[] = []): FactionPairKm[] {
  const ids = [...new Set([...order, ...snapshot.features.map((f) => f.properties.faction)])];
  const pieces: Piece[] = [];
  for (const f of snapshot.features) addPieces(polygonsOf(f), ids.indexOf(f.properties.faction), pieces);
  const n = ids.length;
  const c = contactsKm(pieces, n, toleranceKm);
  const out: FactionPairKm[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const km = ((c.get(a * n + b) ?? 0) + (c.get(b * n + a) ?? 0)) / 2;
      if (km > 0) out.push({ factions: [ids[a]!, ids[b]!], lengthKm: km });
    }
  }
  return out;
}

/**
 * The length in km of the boundary two areas share: the mean of each one's boundary lying within
 * `toleranceKm` of the other's.
 * @example sharedBoundaryKm(mainBody(snapshot, 'side-a')!, sideBFeatures)
 */
export function sharedBoundaryKm(a: Area | readonly Area[], b: Area | readonly Area[], toleranceKm = TOLERANCE_KM): number {
  const pieces: Piece[] = [];
  for (const x of ([] as Area[]).concat(a)) addPieces(polygonsOf(x), 0, pieces);
  for (const x of ([] as Area[]).concat(b)) addPieces(polygonsOf(x), 1, pieces);
  const c = contactsKm(pieces, 2, toleranceKm);
  return ((c.get(1) ?? 0) + (c.get(2) ?? 0)) / 2;
}

/**
 * The faction's largest connected piece of ground, held and desert tiers merged: its polygons are
 * grouped where they share at least MIN_CONTACT_KM of boundary, and the group with the largest
 * area wins. Null when the faction holds nothing.
 * @example mainBody(snapshot, 'side-a')?.properties.areaKm2 // the side's ground without its pockets
 */
export function mainBody(snapshot: Snapshot, faction: FactionId, toleranceKm = TOLERANCE_KM): Body | null {
  const polygons = snapshot.features
    .filter((f: TerritoryFeature) => f.properties.faction === faction)
    .flatMap((f) => polygonsOf(f));
  if (polygons.length === 0) return null;
  const pieces: Piece[] = [];
  polygons.forEach((poly, i) => addPieces([poly], i, pieces));
  const n = polygons.length;
  const parent = polygons.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const [key, km] of contactsKm(pieces, n, toleranceKm)) {
    if (km >= MIN_CONTACT_KM) parent[root(Math.floor(key / n))] = root(key % n);
  }
  const areaKm2 = polygons.map((c) => turf.area(turf.polygon(c)) / 1e6);
  const total = new Map<number, number>();
  areaKm2.forEach((a, i) => total.set(root(i), (total.get(root(i)) ?? 0) + a));
  let best = -1;
  for (const [r, a] of total) if (best < 0 || a > total.get(best)!) best = r;
  return {
    type: 'Feature',
    properties: { faction, areaKm2: total.get(best)! },
    geometry: { type: 'MultiPolygon', coordinates: polygons.filter((_, i) => root(i) === best) },
  };
}

/**
 * The length in km of the body's boundary that lies along a country's outline (within
 * `toleranceKm`), e.g. along Turkey's border with Syria. The country's outline must be drawn like
 * the snapshots' clip (both come from the same basemap), or the shapes will not meet.
 * @example borderWithCountryKm(mainBody(snapshot, 'side-a')!, turkey)
 */
export function borderWithCountryKm(body: Area, country: Area, toleranceKm = TOLERANCE_KM): number {
  const pieces: Piece[] = [];
  addPieces(polygonsOf(body), 0, pieces);
  // Only the country's rings near the body can match; skip the rest of its (long) outline.
  const [w, s, e, n] = turf.bbox(body.type === 'Feature' ? body : turf.feature(body));
  const pad = 2 * toleranceKm / KM_PER_DEG / Math.cos(rad(80));
  const rings = polygonsOf(country).flat().filter((r) => {
    const [rw, rs, re, rn] = turf.bbox(turf.lineString(r));
    return rw <= e + pad && re >= w - pad && rs <= n + pad && rn >= s - pad;
  });
  addPieces([rings], 1, pieces);
  return contactsKm(pieces, 2, toleranceKm, (o) => o === 0).get(1) ?? 0;
}
