/**
 * The places on the map: each a dot and its name, drawn by one MapLibre symbol layer, so that dot
 * and name take part in label collision together, as one pair (../shared CARTOGRAPHY.md, "Names on
 * the map"):
 *
 * - a pair is drawn whole or not at all (icon-optional and text-optional false);
 * - larger places are placed first (symbol-sort-key: rank, then the places' order: population, then
 *   English name, src/data/place-order.ts), so a smaller one gives way;
 * - a name tries the cartographer's positions round its dot before the pair is dropped
 *   (NAME_POSITIONS), the left ones first when the place's nearest neighbour of its rank or larger is
 *   east of it (nameSides: its name would otherwise cover that dot, and drop that place), and the
 *   local name sits under it in the same block (one formatted text-field);
 * - a dot's collision box is a TARGET_PX square: no other dot or name comes into it, so the
 *   keyboard's buttons over the dots (place-markers.ts) never overlap either.
 *
 * Symbol layers higher in the style are placed first (MapLibre): this layer is the top one, so every
 * other label (the article's lines and rings, the sides' names, the countries) gives way to a town
 * (article-layers.ts, territory-layers.ts). The dots are drawn here in code (no sprite to fetch).
 */
import type { ExpressionSpecification, Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Place } from '../data/contract.ts';
import type { Lang } from '../i18n/lang.ts';
import { bilingualName, FONT_REGULAR } from './style.ts';
import { COLORS, type Palette } from './palette.ts';

export const PLACE_SOURCE = 'places';
export const PLACE_LAYER = 'places';
/** A dot's target in CSS px, and its collision box: WCAG 2.2's minimum target size, 24 px. */
export const TARGET_PX = 24;
/** Zoom from which a place of each rank is shown. */
export const MIN_ZOOM_BY_RANK: Record<number, number> = { 1: 0, 2: 5, 3: 6.3 };
/** The dot's diameter and ring width in CSS px, by rank (rank 1: a ringed white dot, as on printed maps). */
const DOT_BY_RANK: Record<number, { diameter: number; ring: number }> = { 1: { diameter: 14, ring: 3 }, 2: { diameter: 12, ring: 2 }, 3: { diameter: 10, ring: 2 } };
const dotImage = (rank: number) => `place-dot-${rank}`;
/** MapLibre draws icons from images of this many device px per CSS px: sharp on common screens. */
const PIXEL_RATIO = 2;

/**
 * Where a name may sit round its dot, in the order tried: right and a little above, right below,
 * left above, left below, then straight above and below (Imhof's order, CARTOGRAPHY.md). Each is
 * MapLibre's text anchor (the corner of the name's block at the dot) and an offset in ems that
 * clears the dot: x by about its radius and a gap, y so that "above" keeps the block's foot a little
 * below the dot's centre (the name reads as beside the dot, not over it).
 */
export const NAME_POSITIONS: readonly [anchor: string, offsetEm: [number, number]][] = [
  ['bottom-left', [0.62, 0.35]],
  ['top-left', [0.62, -0.35]],
  ['bottom-right', [-0.62, 0.35]],
  ['top-right', [-0.62, -0.35]],
  ['bottom', [0, -0.6]],
  ['top', [0, 0.6]],
];

/** The same positions with the left ones first, for a place whose nearest neighbour is to its east. */
export const NAME_POSITIONS_LEFT_FIRST: readonly [anchor: string, offsetEm: [number, number]][] = [
  NAME_POSITIONS[2]!, NAME_POSITIONS[3]!, NAME_POSITIONS[0]!, NAME_POSITIONS[1]!, NAME_POSITIONS[4]!, NAME_POSITIONS[5]!,
];

/**
 * For each place, whether its name should try the left of its dot first: when the nearest place of
 * its rank or a larger one (shown at the same zooms) lies east of it, closer than `nearDeg`
 * (degrees, longitudes scaled by the cosine of the latitude). A name placed first would otherwise
 * lie over that neighbour's dot, and the neighbour would be dropped. Pure.
 */
export function nameSides(places: readonly Place[], nearDeg = 1.5): ('left' | 'right')[] {
  return places.map((p, i) => {
    const [x, y] = p.geometry.coordinates as [number, number];
    const k = Math.cos((y * Math.PI) / 180);
    let best = Infinity, east = false;
    places.forEach((q, j) => {
      if (j === i || q.properties.rank > p.properties.rank) return;
      const [qx, qy] = q.geometry.coordinates as [number, number];
      const d = Math.hypot((qx - x) * k, qy - y);
      if (d < best) { best = d; east = qx > x; }
    });
    return best < nearDeg && east ? 'left' : 'right';
  });
}

const byRank = <T>(values: Record<number, T>, fallback: T): ExpressionSpecification =>
  ['match', ['get', 'rank'], ...Object.entries(values).flatMap(([r, v]) => [Number(r), v]), fallback] as unknown as ExpressionSpecification;

/** Adds the places' source, dot images and symbol layer, on top of the style's layers. */
export function addPlaceLayer(map: MlMap, places: readonly Place[], lang: Lang, colors: Palette = COLORS): void {
  for (const [rank, dot] of Object.entries(DOT_BY_RANK)) {
    const name = dotImage(Number(rank));
    // Rank 1 as a white dot in a dark ring, smaller places as dark dots in a white ring.
    const [fill, ring] = Number(rank) === 1 ? [colors.halo, colors.label] : [colors.label, colors.halo];
    if (!map.hasImage(name)) map.addImage(name, dotPixels(TARGET_PX, dot.diameter, dot.ring, hexRgb(fill), hexRgb(ring), PIXEL_RATIO), { pixelRatio: PIXEL_RATIO });
  }
  // `order`: the places' order (src/data/place-order.ts, boot.ts) breaks ties of rank, across
  // tiles too (MapLibre sorts a layer's symbols of all tiles by their sort key).
  const sides = nameSides(places);
  const data: FeatureCollection = { type: 'FeatureCollection', features: places.map((p, i) => ({ ...p, properties: { ...p.properties, order: i, name_side: sides[i] } })) };
  map.addSource(PLACE_SOURCE, { type: 'geojson', data });
  map.addLayer({
    id: PLACE_LAYER,
    type: 'symbol',
    source: PLACE_SOURCE,
    filter: ['>=', ['zoom'], byRank({ 1: MIN_ZOOM_BY_RANK[1]!, 2: MIN_ZOOM_BY_RANK[2]! }, MIN_ZOOM_BY_RANK[3]!)],
    layout: {
      'symbol-sort-key': ['+', ['get', 'rank'], ['/', ['get', 'order'], places.length + 1]],
      'icon-image': byRank({ 1: dotImage(1), 2: dotImage(2) }, dotImage(3)),
      'icon-padding': 0,
      'icon-allow-overlap': false,
      'icon-optional': false,
      'text-field': bilingualName(lang),
      'text-font': [FONT_REGULAR],
      'text-size': byRank({ 1: 13.5, 2: 12.5 }, 11.5),
      'text-variable-anchor-offset': ['case', ['==', ['get', 'name_side'], 'left'],
        ['literal', NAME_POSITIONS_LEFT_FIRST.flat()], ['literal', NAME_POSITIONS.flat()]] as unknown as ExpressionSpecification,
      'text-justify': 'auto',
      'text-padding': 2,
      'text-allow-overlap': false,
      'text-optional': false,
    },
    paint: { 'text-color': colors.label, 'text-halo-color': colors.halo, 'text-halo-width': 1.6 },
  });
}

/** Switches the places' names to another language (the local name stays under them). */
export function setPlaceLang(map: MlMap, lang: Lang): void {
  map.setLayoutProperty(PLACE_LAYER, 'text-field', bilingualName(lang));
}

const hexRgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/**
 * A square image of `sizePx` CSS px (at `ratio` device px per CSS px) with a dot of `diameterPx`
 * in the middle: `fill` inside a `ringPx` ring, edges antialiased by the pixel's coverage (sampled
 * 4 × 4), transparent around it. Pure, so it runs without a canvas.
 * @example dotPixels(24, 12, 2, [0, 0, 0], [255, 255, 255], 2).width // 48
 */
export function dotPixels(sizePx: number, diameterPx: number, ringPx: number, fill: [number, number, number], ring: [number, number, number], ratio = 1): { width: number; height: number; data: Uint8Array } {
  const n = Math.round(sizePx * ratio);
  const outer = (diameterPx / 2) * ratio, inner = outer - ringPx * ratio, c = n / 2;
  const data = new Uint8Array(n * n * 4);
  const S = 4;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let inRing = 0, inFill = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const r = Math.hypot(x + (sx + 0.5) / S - c, y + (sy + 0.5) / S - c);
          if (r <= inner) inFill++;
          else if (r <= outer) inRing++;
        }
      }
      const a = (inFill + inRing) / (S * S);
      if (a === 0) continue;
      const f = inFill / (inFill + inRing);
      const i = (y * n + x) * 4;
      for (let k = 0; k < 3; k++) data[i + k] = Math.round(fill[k]! * f + ring[k]! * (1 - f));
      data[i + 3] = Math.round(a * 255);
    }
  }
  return { width: n, height: n, data };
}
