/**
 * The article's distances around its place: a ring for every distance it quotes, and a line to each
 * side's nearest ground computed on the shown snapshot (src/analysis/article.ts, from claims.json).
 */
import type { Map as MlMap, ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { ringPolygon } from '../analysis/rings.ts';
import type { Nearest } from '../analysis/distance.ts';
import { FONT_REGULAR } from './style.ts';
import { dotPixels, PLACE_LAYER } from './place-symbols.ts';

const RINGS = 'article-rings';
const LINES = 'article-lines';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const END_IMAGE = 'article-line-end';
type Away = 'left' | 'right' | 'top' | 'bottom';
type Anchor = Away | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
/** A text anchor's offset in ems, `r` out from the point in the anchor's direction (corners at 45°). */
const out = (a: Anchor, r: number): [number, number] => {
  const x = a.endsWith('left') ? 1 : a.endsWith('right') ? -1 : 0, y = a.startsWith('top') ? 1 : a.startsWith('bottom') ? -1 : 0;
  const k = x && y ? Math.SQRT1_2 : 1;
  return [x * r * k, y * r * k];
};
/**
 * Away from the place first, then round the line's end on that side (never back over the line),
 * then the same a little further out.
 */
const AROUND = Object.fromEntries(([
  ['left', ['left', 'top-left', 'bottom-left', 'top', 'bottom']],
  ['right', ['right', 'top-right', 'bottom-right', 'top', 'bottom']],
  ['top', ['top', 'top-left', 'top-right', 'left', 'right']],
  ['bottom', ['bottom', 'bottom-left', 'bottom-right', 'left', 'right']],
] as [Away, Anchor[]][]).map(([away, anchors]) => [away, [...anchors.map((a) => [a, out(a, 0.6)]), ...anchors.slice(0, 3).map((a) => [a, out(a, 1.8)])]])) as Record<Away, [Anchor, [number, number]][]>;

/** Adds the rings (one per radius) and the (empty) line layers. */
export function addArticleLayers(map: MlMap, center: Position, radiiKm: readonly number[], ringLabel: (km: number) => string): void {
  const rings: Feature[] = radiiKm.map((km) => {
    const r = ringPolygon(center, km);
    return { type: 'Feature', properties: { label: ringLabel(km) }, geometry: { type: 'LineString', coordinates: r.geometry.coordinates[0]! } };
  });
  map.addSource(RINGS, { type: 'geojson', data: { type: 'FeatureCollection', features: rings } });
  map.addSource(LINES, { type: 'geojson', data: EMPTY });
  // All under the places: symbol layers are placed top first, so a town's dot and name are placed
  // before these labels, which give way to them (place-symbols.ts).
  const below = map.getLayer(PLACE_LAYER) ? PLACE_LAYER : undefined;
  map.addLayer({
    id: 'article-rings',
    type: 'line',
    source: RINGS,
    paint: { 'line-color': '#1d3f73', 'line-width': 1.3, 'line-dasharray': [4, 3], 'line-opacity': 0.85 },
  }, below);
  map.addLayer({
    id: 'article-ring-labels',
    type: 'symbol',
    source: RINGS,
    layout: { 'symbol-placement': 'line', 'text-field': ['get', 'label'], 'text-font': [FONT_REGULAR], 'text-size': 11, 'symbol-spacing': 400 },
    paint: { 'text-color': '#1d3f73', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  }, below);
  map.addLayer({
    id: 'article-lines',
    type: 'line',
    source: LINES,
    filter: ['==', ['geometry-type'], 'LineString'],
    layout: { 'line-cap': 'round' },
    paint: { 'line-color': '#0b2447', 'line-width': 2.4 },
  }, below);
  // Each line's end dot, and its label at the far end, facing away from the place (along a short
  // line, 'line-center', it did not fit at the opening zoom and was never drawn). Placed right
  // after the places, and giving way to them: the label tries the positions round the end on that
  // side (AROUND) first; a dot or label that would sit on a town is left out (each on its own), and
  // the line itself and its figure in the claims panel stay. The sides' names and the rings'
  // labels give way to both.
  if (!map.hasImage(END_IMAGE)) map.addImage(END_IMAGE, dotPixels(10, 10, 1.5, [0x0b, 0x24, 0x47], [255, 255, 255], 2), { pixelRatio: 2 });
  map.addLayer({
    id: 'article-line-labels',
    type: 'symbol',
    source: LINES,
    filter: ['all', ['==', ['geometry-type'], 'Point'], ['has', 'label']],
    layout: {
      'icon-image': END_IMAGE,
      'icon-optional': true,
      'text-field': ['get', 'label'],
      'text-font': [FONT_REGULAR],
      'text-size': 12.5,
      'text-variable-anchor-offset': ['match', ['get', 'anchor'], ...(['left', 'right', 'top'] as const).flatMap((a) => [a, ['literal', AROUND[a].flat()]]), ['literal', AROUND.bottom.flat()]] as unknown as ExpressionSpecification,
      'text-justify': 'auto',
      'text-optional': true,
    },
    paint: { 'text-color': '#0b2447', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  }, below);
}

/** Redraws the lines; a side with no ground on the date, or holding the place, draws none. */
export function setArticleLines(map: MlMap, center: Position, lines: readonly { nearest: Nearest | null; label: string }[]): void {
  const features: Feature[] = [];
  for (const { nearest: n, label } of lines) {
    if (!n || n.distanceKm === 0) continue;
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [center, n.nearest] } });
    features.push({ type: 'Feature', properties: { label, anchor: awayFrom(center, n.nearest) }, geometry: { type: 'Point', coordinates: n.nearest } });
  }
  void map.getSource<GeoJSONSource>(LINES)?.setData({ type: 'FeatureCollection', features });
}

/** The text anchor that puts a label at `end` on the side away from `start` (the label's text runs outwards). */
export function awayFrom(start: Position, end: Position): Away {
  const dx = (end[0]! - start[0]!) * Math.cos((((start[1]! + end[1]!) / 2) * Math.PI) / 180), dy = end[1]! - start[1]!;
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 'left' : 'right';
  return dy >= 0 ? 'bottom' : 'top';
}
