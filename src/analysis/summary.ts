/**
 * What changed for each side between two dates, from the precomputed stats (data/stats.json): the
 * figures behind the summary paragraph (src/ui/summary-text.ts words them). Areas are ground
 * *held* (the solid colour on the map, as in the legend's "held" figure). Numbers are rounded as a
 * reporter would: to hundreds of km², finer below 1,000 km² so that a small pocket does not read
 * as "0 km²".
 */
import type { FactionId } from '../data/contract.ts';
import type { SnapshotStats } from '../data/stats.ts';

/** A side "barely moved" when its held ground changed by less than this many km²… */
export const MIN_CHANGE_KM2 = 200;
/** …and by less than this share of what it held before. */
export const MIN_CHANGE_SHARE = 0.01;

export type SideChangeKind = 'new' | 'gone' | 'moved' | 'steady';
export interface SideChange {
  faction: FactionId;
  areaKm2: number;
  prevKm2: number;
  /** areaKm2 − prevKm2 */
  changeKm2: number;
  kind: SideChangeKind;
}

/**
 * Every side held on either date, the biggest changes first (then in the order of `order`, the
 * factions.json order, then as the stats name them).
 * `steady`: moved less than MIN_CHANGE_KM2 and less than MIN_CHANGE_SHARE (or under 0.5 km²,
 * which rounds to nothing).
 * @example sideChanges({ 'side-a': 40590.9 }, { 'side-a': 41440 }) // [{ faction: 'side-a', changeKm2: -849.1, kind: 'moved', … }]
 */
export function sideChanges(held: SnapshotStats['areaKm2']['held'], prevHeld: SnapshotStats['areaKm2']['held'], order: readonly FactionId[] = []): SideChange[] {
  const out: SideChange[] = [];
  for (const faction of new Set([...order, ...Object.keys(held), ...Object.keys(prevHeld)])) {
    const areaKm2 = held[faction] ?? 0, prevKm2 = prevHeld[faction] ?? 0;
    if (areaKm2 <= 0 && prevKm2 <= 0) continue;
    const changeKm2 = areaKm2 - prevKm2;
    const big = Math.abs(changeKm2) >= MIN_CHANGE_KM2 || Math.abs(changeKm2) >= MIN_CHANGE_SHARE * prevKm2;
    const kind: SideChangeKind = prevKm2 <= 0 ? 'new' : areaKm2 <= 0 ? 'gone' : big && Math.abs(changeKm2) >= 0.5 ? 'moved' : 'steady';
    out.push({ faction, areaKm2, prevKm2, changeKm2, kind });
  }
  // Stable sort: equal changes keep the order above.
  return out.sort((a, b) => Math.abs(b.changeKm2) - Math.abs(a.changeKm2));
}

/** The step an area is rounded to in the text: 100 km² from 1,000 km², 10 from 100, else 1. */
export const roundingStep = (km2: number): number => {
  const a = Math.abs(km2);
  return a >= 1000 ? 100 : a >= 100 ? 10 : 1;
};

/** Rounded as in the text: hundreds from 1,000 km², tens from 100, else whole km². */
export function roundKm2(x: number): number {
  const step = roundingStep(x);
  return Math.sign(x) * Math.round(Math.abs(x) / step) * step;
}

/**
 * Whether a change of a side's ground is worth a figure beside its area, where no side moved much:
 * when it is at least the step the area is rounded to ("about 35,700 km² (up 1 km²)" would speak
 * of less than the area's own precision).
 */
export const changeShows = (changeKm2: number, areaKm2: number): boolean => Math.abs(changeKm2) >= roundingStep(areaKm2) && roundKm2(changeKm2) !== 0;
