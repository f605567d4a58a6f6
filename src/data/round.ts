/**
 * Rounding coordinates to a fixed number of digits without breaking polygons: the generator's last
 * step, so that snapshot files stay small and valid.
 */
import polyclip from 'polygon-clipping';
import type { MultiPolygon, Polygon, Position } from 'geojson';

const mapCoords = (g: Polygon | MultiPolygon, fn: (p: Position) => Position): Polygon | MultiPolygon =>
  g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(fn)) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r) => r.map(fn))) };

function roundGeometry(g: Polygon | MultiPolygon, digits: number): Polygon | MultiPolygon {
  const f = 10 ** digits;
  const r = (p: Position): Position => [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f];
  return mapCoords(g, r);
}

const samePos = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Drops repeated consecutive positions (rounding can merge neighbours) and rings left too short. */
function dedupe(polys: Position[][][]): Position[][][] {
  return polys
    .map((rings) => rings.map((ring) => ring.filter((p, i) => i === 0 || !samePos(p, ring[i - 1]!))).filter((ring) => ring.length >= 4))
    .filter((rings) => rings.length > 0);
}

/**
 * Rounds to `digits` and keeps the result valid. Rounding moves vertices by up to half a unit,
 * which can make a ring cross itself where two edges run within metres of each other; polyclip's
 * union of the shape with itself re-nodes such spots, and that result is rounded again, until
 * rounding no longer changes it (in practice after one or two passes).
 */
export function roundValid(g: Polygon | MultiPolygon, digits: number): Polygon | MultiPolygon | null {
  let polys = dedupe(g.type === 'Polygon' ? [roundGeometry(g, digits).coordinates as Position[][]] : (roundGeometry(g, digits) as MultiPolygon).coordinates);
  for (let pass = 0; pass < 4 && polys.length; pass++) {
    const cleaned = polyclip.union(polys as polyclip.Geom) as Position[][][];
    const next = dedupe((roundGeometry({ type: 'MultiPolygon', coordinates: cleaned }, digits) as MultiPolygon).coordinates);
    if (JSON.stringify(next) === JSON.stringify(polys)) break;
    polys = next;
  }
  if (!polys.length) return null;
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
}
