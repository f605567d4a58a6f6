/**
 * Where a closed ring touches or crosses itself, found with a Shamos–Hoey sweep in O(n log n)
 * (M. I. Shamos and D. Hoey, "Geometric intersection problems", FOCS 1976; de Berg et al.,
 * Computational Geometry, ch. 2). Turf's `kinks` compares every pair of edges, which took hours on
 * a ring of a million vertices; this takes about a second. Orientation tests are exact
 * (robust-predicates), so touching and collinear cases are decided without rounding.
 *
 * A ring is simple (OGC Simple Features) when each edge meets only its two neighbours, and only at
 * their shared vertex. The answer is the west-most point (then south-most) where that fails: two
 * edges crossing, a vertex lying on another edge, a vertex visited twice, or an edge doubling back
 * over its neighbour. The sweep keeps going past its first find until no event west of the best
 * point is left, so the answer does not depend on the order of the work. (Crossing points are
 * rounded to doubles: of two at one exact longitude, either may be named.)
 */
import type { Position } from 'geojson';
import { orient2d } from 'robust-predicates';

export type Point = readonly [number, number];

/** Lexicographic order: west to east, then south to north (the sweep's order). */
const cmp = (p: Point, q: Point) => p[0] - q[0] || p[1] - q[1];
const same = (p: Point, q: Point) => p[0] === q[0] && p[1] === q[1];
/** > 0 when r lies left of (above) the line p → q, < 0 right of it, 0 on it. Exact. */
const side = (p: Point, q: Point, r: Point) => -orient2d(p[0], p[1], q[0], q[1], r[0], r[1]);

/** An edge with its ends in sweep order: `a` west of (or south of) `b`. */
interface Edge { a: Point; b: Point; id: number }

/** r strictly between the ends of a segment it is collinear with. */
const inside = (r: Point, e: Edge) => cmp(e.a, r) < 0 && cmp(r, e.b) < 0;

/**
 * The west-most point where two distinct edges meet other than at a vertex they share, or null.
 * Assumes the ring's vertices are distinct, so edges share an end only when they are neighbours.
 */
function edgeContact(s: Edge, t: Edge): Point | null {
  const o1 = side(s.a, s.b, t.a), o2 = side(s.a, s.b, t.b);
  const o3 = side(t.a, t.b, s.a), o4 = side(t.a, t.b, s.b);
  if ((o1 > 0 && o2 > 0) || (o1 < 0 && o2 < 0) || (o3 > 0 && o4 > 0) || (o3 < 0 && o4 < 0)) return null;
  if (o1 === 0 && o2 === 0) {
    // Collinear: an end of one strictly inside the other (an overlap, or an edge doubling back).
    const ends = [t.a, t.b].filter((p) => inside(p, s)).concat([s.a, s.b].filter((p) => inside(p, t)));
    return ends.length ? ends.reduce((m, p) => (cmp(p, m) < 0 ? p : m)) : null;
  }
  if (same(s.a, t.a) || same(s.a, t.b) || same(s.b, t.a) || same(s.b, t.b)) return null; // neighbours, at their vertex only
  if (o1 === 0) return t.a;
  if (o2 === 0) return t.b;
  if (o3 === 0) return s.a;
  if (o4 === 0) return s.b;
  // A proper crossing: s.a + u (s.b − s.a), with u from the two cross products.
  const dx = s.b[0] - s.a[0], dy = s.b[1] - s.a[1], ex = t.b[0] - t.a[0], ey = t.b[1] - t.a[1];
  const u = ((t.a[0] - s.a[0]) * ey - (t.a[1] - s.a[1]) * ex) / (dx * ey - dy * ex);
  return [s.a[0] + u * dx, s.a[1] + u * dy];
}

/**
 * Order of two edges along the sweep line, valid while no two edges meet west of the line: the
 * edge that starts later is placed by which side of the other it starts on (or, starting on it,
 * ends on). Needs no sweep position, so the tree never has to be re-sorted.
 */
function below(s: Edge, t: Edge): number {
  if (s === t) return 0;
  const c = cmp(s.a, t.a);
  if (c > 0) return -below(t, s);
  let o = c === 0 ? 0 : side(s.a, s.b, t.a);
  if (o === 0) o = side(s.a, s.b, t.b);
  return o !== 0 ? -Math.sign(o) : s.id - t.id;
}

/** A treap node: the sweep line's edges kept in order, each found again through its own node. */
interface Node { edge: Edge; prio: number; left: Node | null; right: Node | null; up: Node | null }

class SweepLine {
  private root: Node | null = null;
  private seed = 0x2545f491;
  /** Deterministic priorities (xorshift32), so runs are repeatable. */
  private prio(): number {
    let x = this.seed;
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    return (this.seed = x >>> 0);
  }
  private rotateUp(n: Node): void {
    const p = n.up!, g = p.up;
    if (p.left === n) {
      p.left = n.right; if (n.right) n.right.up = p;
      n.right = p;
    } else {
      p.right = n.left; if (n.left) n.left.up = p;
      n.left = p;
    }
    p.up = n; n.up = g;
    if (!g) this.root = n;
    else if (g.left === p) g.left = n;
    else g.right = n;
  }
  insert(edge: Edge): Node {
    const n: Node = { edge, prio: this.prio(), left: null, right: null, up: null };
    if (!this.root) return (this.root = n);
    let at = this.root;
    for (;;) {
      const goLeft = below(edge, at.edge) < 0;
      const next = goLeft ? at.left : at.right;
      if (next) { at = next; continue; }
      if (goLeft) at.left = n; else at.right = n;
      n.up = at;
      break;
    }
    while (n.up && n.up.prio < n.prio) this.rotateUp(n);
    return n;
  }
  remove(n: Node): void {
    // Rotate down (the child with the higher priority up) until a leaf, then cut.
    while (n.left || n.right) {
      const c = !n.left ? n.right! : !n.right ? n.left : n.left.prio > n.right.prio ? n.left : n.right;
      this.rotateUp(c);
    }
    const p = n.up;
    if (!p) this.root = null;
    else if (p.left === n) p.left = null;
    else p.right = null;
    n.up = null;
  }
  /** The neighbour below (prev) or above (next) in sweep order. */
  static step(n: Node, dir: 'left' | 'right'): Node | null {
    const other = dir === 'left' ? 'right' : 'left';
    let c = n[dir];
    if (c) {
      while (c[other]) c = c[other]!;
      return c;
    }
    let m: Node = n;
    while (m.up && m.up[dir] === m) m = m.up;
    return m.up;
  }
}

/** The ring's vertices: consecutive repeats and the closing copy of the first point left out. */
function verticesOf(ring: readonly Position[]): Point[] {
  const out: Point[] = [];
  for (const p of ring) {
    const q: Point = [p[0]!, p[1]!];
    if (!out.length || !same(out[out.length - 1]!, q)) out.push(q);
  }
  if (out.length > 1 && same(out[0]!, out[out.length - 1]!)) out.pop();
  return out;
}

/**
 * The west-most (then south-most) point where a closed ring touches or crosses itself, or null
 * when the ring is simple. Consecutive repeated points are passed over (name them separately);
 * fewer than three distinct vertices is no ring to sweep (its zero area says so).
 * @example ringSelfContact([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]) // [1, 1]
 */
export const ringSelfContact = (ring: readonly Position[]): Point | null => ringsContact([ring]);

/**
 * The west-most (then south-most) point where closed rings meet one another or themselves, or
 * null when they are all simple and apart: the same sweep over the edges of all of them, so a
 * hole's meetings with its shell cost O(n log n) however many there are (ring-checks.ts).
 * @example ringsContact([[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[4, 2], [3, 1], [3, 3], [4, 2]]]) // [4, 2]
 */
export function ringsContact(rings: readonly (readonly Position[])[]): Point | null {
  const v: Point[] = [];
  const edges: Edge[] = [];
  for (const ring of rings) {
    const w = verticesOf(ring);
    const m = w.length;
    if (m < 3) continue;
    for (let i = 0; i < m; i++) {
      const p = w[i]!, q = w[(i + 1) % m]!, id = edges.length;
      edges.push(cmp(p, q) < 0 ? { a: p, b: q, id } : { a: q, b: p, id });
    }
    for (const p of w) v.push(p);
  }
  if (!edges.length) return null;
  let best: Point | null = null;
  const offer = (p: Point | null) => { if (p && (!best || cmp(p, best) < 0)) best = p; };

  // A vertex visited twice: the sweep below needs distinct vertices, so it stops west of the first.
  const order = v.map((_, i) => i).sort((i, j) => cmp(v[i]!, v[j]!));
  let twice: Point | null = null;
  for (let k = 1; k < v.length && !twice; k++) if (same(v[order[k - 1]!]!, v[order[k]!]!)) twice = v[order[k]!]!;

  // Events: each edge enters at its west end and leaves at its east end; at one point, leaving first.
  const events: { at: Point; edge: Edge; enter: boolean }[] = [];
  for (const e of edges) events.push({ at: e.a, edge: e, enter: true }, { at: e.b, edge: e, enter: false });
  events.sort((x, y) => cmp(x.at, y.at) || Number(x.enter) - Number(y.enter) || x.edge.id - y.edge.id);

  const line = new SweepLine();
  const nodes = new Array<Node | undefined>(edges.length);
  for (const ev of events) {
    if (twice && cmp(ev.at, twice) >= 0) break;
    if (best && cmp(ev.at, best) > 0) break;
    if (ev.enter) {
      const n = (nodes[ev.edge.id] = line.insert(ev.edge));
      const lo = SweepLine.step(n, 'left'), hi = SweepLine.step(n, 'right');
      if (lo) offer(edgeContact(lo.edge, ev.edge));
      if (hi) offer(edgeContact(ev.edge, hi.edge));
    } else {
      const n = nodes[ev.edge.id]!;
      const lo = SweepLine.step(n, 'left'), hi = SweepLine.step(n, 'right');
      line.remove(n);
      if (lo && hi) offer(edgeContact(lo.edge, hi.edge));
    }
  }
  if (twice) offer(twice);
  return best;
}
