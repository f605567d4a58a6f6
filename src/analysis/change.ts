/**
 * What changed between two dates: which side's ground passed to which, in km² and as polygons to
 * draw. Pure TypeScript over GeoJSON (Turf overlays); runs in Node, a worker or a page.
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { CONTESTED_HOLDER, type FactionId, type Snapshot } from '../data/contract.ts';
import { pushAll } from '../data/result.ts';
import { changedWindows, clip, cut, minus, multi, oriented, overlapping, part, polygonsOf, splitUnchanged, sumKm2, within, type Part, type Piece } from './polygon-parts.ts';

/** Who holds a piece of ground: a faction, or 'none' where no side holds it. */
export type Holder = FactionId | 'none';


/** One side's balance: gainedKm2 + keptKm2 = afterKm2 and lostKm2 + keptKm2 = beforeKm2. */
export interface ChangeTotals { beforeKm2: number; afterKm2: number; keptKm2: number; gainedKm2: number; lostKm2: number }

/** In `gained`, `faction` is the new holder and `other` the previous one; in `lost`, the reverse. */
export interface ChangeProps { faction: FactionId; other: Holder; areaKm2: number }
export type ChangeFeature = Feature<Polygon | MultiPolygon, ChangeProps>;

export interface ChangeResult {
  /** km² that passed from one holder to another (from ≠ to), as `transfersKm2[from][to]`. */
  transfersKm2: Record<Holder, Record<Holder, number>>;
  /** km² each faction held on both dates. */
  keptKm2: Record<FactionId, number>;
  /** Per faction that holds ground on either date. */
  totals: Record<FactionId, ChangeTotals>;
  /** Ground that changed hands, one feature per (new holder, previous holder) pair; none for 'none'. */
  gained: FeatureCollection<Polygon | MultiPolygon, ChangeProps>;
  /** The same ground seen from the previous holder, plus what it lost to nobody (`other: 'none'`). */
  lost: FeatureCollection<Polygon | MultiPolygon, ChangeProps>;
}

/** Polygons under this many km² are left out of `gained` and `lost` (not of the areas). */
export const MIN_DRAWN_KM2 = 1;
/** Remainders computed by subtracting areas that are below this are floating-point noise. */
const NOISE_KM2 = 1e-3;

/**
 * What changed between two snapshots. A faction's ground is all of its features: held, desert and
 * pockets; contested ground counts apart, as CONTESTED_HOLDER. Areas are Turf's spherical areas (R = 6371.0088 km), summed over a side's polygons as
 * `areasKm2(snapshot, 'all')` sums them, and count every piece however small, so the totals
 * balance (to within a couple of km² on real data, where neighbouring features overlap or leave gaps
 * of a few metres from rounding). The drawn features leave out polygons under 1 km²
 * (MIN_DRAWN_KM2): those are slivers where an approximate front line moved a little, not news;
 * a feature's `areaKm2` is the area drawn. Assumes one date's features do not overlap (beyond
 * such slivers), as `npm run data:check` requires.
 *
 * Fast for nearby dates: polygons that are the same on both dates are skipped, and overlays only
 * see the rectangles where a side's outline changed (see `changedWindows`).
 * @example computeChange(before, after).transfersKm2['side-a']?.['side-b'] // km² side-a lost to side-b
 */
export function computeChange(before: Snapshot, after: Snapshot): ChangeResult {
  const steps = changeSteps(before, after);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * `computeChange` as a generator that yields after each polygon overlay (under 200 ms on real data
 * in Node, usually a few ms), so that a caller on the main thread can let the page breathe.
 */
export function* changeSteps(before: Snapshot, after: Snapshot): Generator<void, ChangeResult, void> {
  // Polygons that appear on both dates with the same faction and coordinates are kept ground and
  // take no part in any overlay: features of one snapshot do not overlap, so no other side's ground
  // can meet them. Between nearby dates most polygons are unchanged.
  const kept: ChangeResult['keptKm2'] = {};
  const beforeKm2 = new Map<FactionId, number>(), afterKm2 = new Map<FactionId, number>();
  const lostBy = new Map<FactionId, Part[]>(), wonBy = new Map<FactionId, Part[]>();
  const b = polygonsByFaction(before), a = polygonsByFaction(after);
  for (const faction of new Set([...b.keys(), ...a.keys()])) {
    const [wasCoords, nowCoords, sameKm2] = splitUnchanged(b.get(faction) ?? [], a.get(faction) ?? []);
    const was = wasCoords.map(oriented).map(part), now = nowCoords.map(oriented).map(part);
    const wasKm2 = sumKm2(was);
    if (b.has(faction)) beforeKm2.set(faction, sameKm2 + wasKm2);
    if (a.has(faction)) afterKm2.set(faction, sameKm2 + sumKm2(now));
    // What the side lost (before minus after) and won (after minus before), window by window: pieces
    // far smaller than its ground, so that the overlays between sides below are cheap.
    const lostParts: Part[] = [], wonParts: Part[] = [];
    for (const window of changedWindows(was, now)) {
      const [g, h] = [within(was, window), within(now, window)];
      pushAll(lostParts, minus(g, h, `${faction}, before minus after`));
      pushAll(wonParts, minus(h, g, `${faction}, after minus before`));
      yield;
    }
    lostBy.set(faction, lostParts);
    wonBy.set(faction, wonParts);
    // Kept is the rest of what it held: G ∩ H = G − (G − H).
    if (b.has(faction) && a.has(faction)) kept[faction] = Math.max(0, sameKm2 + wasKm2 - sumKm2(lostParts));
  }

  const transfers: ChangeResult['transfersKm2'] = {};
  const gained: ChangeFeature[] = [];
  const lost: ChangeFeature[] = [];
  const record = (from: Holder, to: Holder, piece: Piece | null) => {
    if (!piece) return;
    const km2 = turf.area(piece) / 1e6;
    if (km2 <= 0) return;
    (transfers[from] ??= {})[to] = (transfers[from]?.[to] ?? 0) + km2;
    const drawn = dropSlivers(piece.geometry);
    if (!drawn) return;
    if (to !== 'none') gained.push({ type: 'Feature', properties: { faction: to, other: from, areaKm2: drawn.km2 }, geometry: drawn.geometry });
    if (from !== 'none') lost.push({ type: 'Feature', properties: { faction: from, other: to, areaKm2: drawn.km2 }, geometry: drawn.geometry });
  };

  // What f lost and g won is what passed from f to g, since one date's sides do not overlap.
  const passedFrom = new Map<FactionId, Part[]>(), passedTo = new Map<FactionId, Part[]>();
  for (const [from, l] of lostBy) {
    for (const [to, w] of wonBy) {
      if (from === to) continue;
      const [p, q] = overlapping(l, w);
      if (p.length === 0) continue;
      const piece = clip('intersection', [multi(p), multi(q)], `${from} → ${to}`);
      record(from, to, piece);
      const parts = piece ? polygonsOf(piece.geometry).map(part) : [];
      passedFrom.set(from, [...(passedFrom.get(from) ?? []), ...parts]);
      passedTo.set(to, [...(passedTo.get(to) ?? []), ...parts]);
      yield;
    }
  }
  // Lost to nobody: what a side lost that passed to no side; won from nobody: the reverse. Most
  // of it is slivers between features (boundaries are rounded to 1e-4°), so the overlay only runs
  // when the remainder by area could hold a drawn piece; otherwise the remainder is recorded as is.
  for (const [faction, l] of lostBy) {
    const restKm2 = sumKm2(l) - Object.values(transfers[faction] ?? {}).reduce((s, v) => s + v, 0);
    if (restKm2 >= MIN_DRAWN_KM2) { record(faction, 'none', cut(l, passedFrom.get(faction) ?? [], `${faction} → none`)); yield; }
    else if (restKm2 > NOISE_KM2) (transfers[faction] ??= {}).none = restKm2;
  }
  for (const [faction, w] of wonBy) {
    const restKm2 = sumKm2(w) - Object.values(transfers).reduce((s, m) => s + (m[faction] ?? 0), 0);
    if (restKm2 >= MIN_DRAWN_KM2) { record('none', faction, cut(w, passedTo.get(faction) ?? [], `none → ${faction}`)); yield; }
    else if (restKm2 > NOISE_KM2) (transfers.none ??= {})[faction] = restKm2;
  }

  const totals: ChangeResult['totals'] = {};
  for (const faction of new Set([...beforeKm2.keys(), ...afterKm2.keys()])) {
    const gainedKm2 = Object.values(transfers).reduce((s, m) => s + (m[faction] ?? 0), 0);
    const lostKm2 = Object.values(transfers[faction] ?? {}).reduce((s, v) => s + v, 0);
    totals[faction] = { beforeKm2: beforeKm2.get(faction) ?? 0, afterKm2: afterKm2.get(faction) ?? 0, keptKm2: kept[faction] ?? 0, gainedKm2, lostKm2 };
  }
  return {
    transfersKm2: transfers, keptKm2: kept, totals,
    gained: { type: 'FeatureCollection', features: gained },
    lost: { type: 'FeatureCollection', features: lost },
  };
}

function polygonsByFaction(snapshot: Snapshot): Map<FactionId, Position[][][]> {
  const out = new Map<FactionId, Position[][][]>();
  for (const f of snapshot.features) {
    const key = f.properties.tier === 'contested' ? CONTESTED_HOLDER : f.properties.faction;
    const list = out.get(key) ?? [];
    pushAll(list, polygonsOf(f.geometry));
    out.set(key, list);
  }
  return out;
}

/** Drops polygons under MIN_DRAWN_KM2; null when nothing is left. */
function dropSlivers(g: Polygon | MultiPolygon): { geometry: Polygon | MultiPolygon; km2: number } | null {
  let km2 = 0;
  const kept = polygonsOf(g).filter((coords) => {
    const a = turf.area(turf.polygon(coords)) / 1e6;
    if (a < MIN_DRAWN_KM2) return false;
    km2 += a;
    return true;
  });
  if (kept.length === 0) return null;
  return { geometry: kept.length === 1 ? { type: 'Polygon', coordinates: kept[0]! } : { type: 'MultiPolygon', coordinates: kept }, km2 };
}
