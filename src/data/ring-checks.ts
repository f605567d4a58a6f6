/**
 * Ring geometry of structurally valid territory features (OGC simple-feature validity): repeated
 * points, self-contact (self-contact.ts, a sweep), zero area, and holes against their shell.
 * Messages label rings as contract.ts does ("polygon 1 ring 0").
 */
import { area, booleanPointInPolygon, polygon } from '@turf/turf';
import type { Position } from 'geojson';
import { orient2d } from 'robust-predicates';
import type { TerritoryFeature } from './contract.ts';
import { ringSelfContact, ringsContact } from './self-contact.ts';

/** Below this a ring counts as having zero area: collinear points (1 m² is far under 4-decimal precision, ~10 m). */
const ZERO_AREA_M2 = 1;

const pos = (p: Position) => `[${p[0]}, ${p[1]}]`;
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const same = (a: Readonly<Position>, b: Readonly<Position>) => a[0] === b[0] && a[1] === b[1];
/** Every point on the line through the first two distinct points (exact). */
const allCollinear = (ring: Position[]) => {
  const a = ring[0]!, b = ring.find((p) => !same(p, a));
  return !b || ring.every((p) => orient2d(a[0]!, a[1]!, b[0]!, b[1]!, p[0]!, p[1]!) === 0);
};

/** The first problem of one ring on its own: repeated points, touching or crossing itself, zero area. */
export function ringProblem(ring: Position[], label: string): string | null {
  for (let i = 1; i < ring.length; i++) {
    if (same(ring[i - 1]!, ring[i]!)) return `${label} repeats the point ${pos(ring[i]!)} at positions ${i - 1} and ${i}`;
  }
  const contact = ringSelfContact(ring);
  // Points all on one line also double back over themselves; "zero area" says what is wrong.
  if (contact && !allCollinear(ring)) return `${label} crosses itself at [${round6(contact[0])}, ${round6(contact[1])}]`;
  if (contact) return `${label} has zero area`;
  // After the crossing test: a bow-tie's two lobes cancel to zero signed area.
  return area(polygon([ring])) < ZERO_AREA_M2 ? `${label} has zero area` : null;
}

/**
 * A hole must lie inside its shell and may touch it at one point, no more (OGC simple features:
 * the interior stays connected). Both rings are simple (ringProblem found nothing). The meeting
 * points are never listed, as a hole and shell can cross millions of times in a small file (issue
 * 23): the sweep of self-contact.ts finds the west-most one, and again on the rings turned half
 * round, the east-most; they differ when there is more than one.
 */
export function holeProblem(shell: Position[], hole: Position[], label: string): string | null {
  const first = ringsContact([shell, hole]);
  if (first) {
    const turned = ringsContact([shell.map(halfTurn), hole.map(halfTurn)])!;
    if (!same(first, [-turned[0], -turned[1]])) return `${label} (a hole) meets its shell at more than one point, first at [${round6(first[0])}, ${round6(first[1])}]`;
  }
  const probe = hole.find((p) => !first || !same(p, first))!;
  if (!booleanPointInPolygon(probe, polygon([shell]), { ignoreBoundary: true })) return `${label} (a hole) lies outside its shell`;
  return null;
}
/** A point turned half round the origin: orientation (and so every exact test) is kept, west–east order reversed. */
const halfTurn = (p: Position): Position => [-p[0]!, -p[1]!];

/** The polygons of a feature, each a list of rings (shell first). */
export const polygonsOf = (f: TerritoryFeature): Position[][][] => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);

/** Ring problems of one structurally valid feature, labelled as contract.ts labels rings. */
export function geometryProblems(f: TerritoryFeature): string[] {
  const problems: string[] = [];
  polygonsOf(f).forEach((rings, k) => {
    const label = f.geometry.type === 'Polygon' ? 'polygon' : `polygon ${k}`;
    const bad = rings.map((ring, r) => ringProblem(ring, `${label} ring ${r}`));
    for (let r = 1; r < rings.length; r++) {
      if (!bad[0] && !bad[r]) bad[r] = holeProblem(rings[0]!, rings[r]!, `${label} ring ${r}`);
    }
    for (const m of bad) if (m !== null) problems.push(m);
  });
  return problems;
}
