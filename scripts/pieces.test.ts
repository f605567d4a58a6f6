/**
 * Held ground is a few connected areas, not a scatter of discs: for every snapshot and side, the
 * separate pieces of held ground (held tier and hand-drawn pockets, merged across borders) larger
 * than 5 km² are counted. Documented pockets (Hawija, Tal Afar, the Deir ez-Zor enclave, East
 * Ghouta…) are pieces of their own, so the bound is not 1; a scatter would be dozens.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadSeries } from './series.ts';

const MIN_KM2 = 5;
const MAX_PIECES = 15;
/** The article's date: IS's ground in the story the map was made for. */
const ARTICLE = { dateIso: '2017-07-15', side: 'islamic-state', max: 12 };

/** Pieces of a side's held ground larger than MIN_KM2. */
export function heldPieces(features: Feature<Polygon | MultiPolygon>[]): number {
  if (features.length === 0) return 0;
  const merged = features.length === 1 ? features[0]! : turf.union(turf.featureCollection(features))!;
  const polys = merged.geometry.type === 'Polygon' ? [merged.geometry.coordinates] : merged.geometry.coordinates;
  return polys.filter((c) => turf.area(turf.polygon(c)) / 1e6 > MIN_KM2).length;
}

describe('held ground is continuous', () => {
  const series = loadSeries();
  const counts = series.flatMap(({ entry, snapshot }) => {
    const sides = [...new Set(snapshot.features.map((f) => f.properties.faction))];
    return sides.map((side) => ({
      dateIso: entry.dateIso, side,
      pieces: heldPieces(snapshot.features.filter((f) => f.properties.faction === side && (f.properties.tier === undefined))),
    }));
  });

  it(`no side's held ground falls into more than ${MAX_PIECES} pieces over ${MIN_KM2} km² on any date`, () => {
    const over = counts.filter((c) => c.pieces > MAX_PIECES).map((c) => `${c.dateIso} ${c.side}: ${c.pieces} pieces`);
    expect(over, over.join('\n')).toEqual([]);
  });

  it(`IS's held ground on ${ARTICLE.dateIso} is at most ${ARTICLE.max} pieces`, () => {
    const c = counts.find((x) => x.dateIso === ARTICLE.dateIso && x.side === ARTICLE.side);
    expect(c, `no ${ARTICLE.side} ground on ${ARTICLE.dateIso}`).toBeDefined();
    expect(c!.pieces).toBeLessThanOrEqual(ARTICLE.max);
  });

  it('counts a scatter of discs as many pieces (the measure can fail)', () => {
    const discs = Array.from({ length: 20 }, (_, i) => turf.circle([38 + i * 0.5, 35], 10, { units: 'kilometers' }));
    expect(heldPieces(discs)).toBe(20);
    expect(heldPieces([turf.circle([38, 35], 10, { units: 'kilometers' }), turf.circle([38.1, 35], 10, { units: 'kilometers' })])).toBe(1);
  });
}, 120_000);
