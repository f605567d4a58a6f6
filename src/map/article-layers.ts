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
type Anchor = 'left' | 'right' | 'top' | 'bottom' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
/** Each text anchor by the direction its text lies in from the point: 0° east, 90° north. */
const DIRECTION: Record<Anchor, number> = { left: 0, 'bottom-left': 45, bottom: 90, 'bottom-right': 135, right: 180, 'top-right': 225, top: 270, 'top-left': 315 };
const ANCHORS = Object.keys(DIRECTION) as Anchor[];
/** Ties are broken in the cartographer's order of a name round its dot (CARTOGRAPHY.md). */
const PREFERENCE: Anchor[] = ['bottom-left', 'top-left', 'bottom-right', 'top-right', 'bottom', 'top', 'left', 'right'];
/** A text anchor's offset in ems, `r` out from the point in the anchor's direction. */
const out = (a: Anchor, r: number): [number, number] => {
  const rad = (DIRECTION[a] * Math.PI) / 180;
  return [Math.round(r * Math.cos(rad) * 100) / 100, Math.round(-r * Math.sin(rad) * 100) / 100];
};
const turn = (a: number, b: number) => { const d = Math.abs(a - b) % 360; return Math.min(d, 360 - d); };

/**
 * Where a line's label may sit round the line's far end, in the order tried: straight away from the
 * place (`away`, the anchor whose text lies that way), then turning from it up to a right angle on
 * either side; then the two at 45° to the line, a little further out so that they clear it; then the
 * first three further out still. Never straight back along the line.
 * @example labelPositions('left').map(([a]) => a) // ['left', 'bottom-left', 'top-left', 'bottom', 'top', 'bottom-right', 'top-right', 'left', 'bottom-left', 'top-left']
 */
export function labelPositions(away: Anchor): [Anchor, [number, number]][] {
  const by = (max: number, min = 0) => ANCHORS.filter((a) => turn(DIRECTION[a], DIRECTION[away]) <= max && turn(DIRECTION[a], DIRECTION[away]) >= min)
    .sort((a, b) => turn(DIRECTION[a], DIRECTION[away]) - turn(DIRECTION[b], DIRECTION[away]) || PREFERENCE.indexOf(a) - PREFERENCE.indexOf(b));
  const at = (anchors: Anchor[], r: number) => anchors.map((a) => [a, out(a, r)] as [Anchor, [number, number]]);
  const near = by(90);
  return [...at(near, 0.6), ...at(by(135, 135), 0.9), ...at(near.slice(0, 3), 1.8)];
}

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
      'text-variable-anchor-offset': ['match', ['get', 'anchor'], ...ANCHORS.slice(1).flatMap((a) => [a, ['literal', labelPositions(a).flat()]]), ['literal', labelPositions(ANCHORS[0]!).flat()]] as unknown as ExpressionSpecification,
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

/**
 * The text anchor that puts a label at `end` on the side away from `start` (the label's text runs
 * outwards), to the nearest eighth of a turn.
 * @example awayFrom([0, 0], [1, 1]) // 'bottom-left': the text lies north-east of the end
 */
export function awayFrom(start: Position, end: Position): Anchor {
  const dx = (end[0]! - start[0]!) * Math.cos((((start[1]! + end[1]!) / 2) * Math.PI) / 180), dy = end[1]! - start[1]!;
  const deg = (Math.atan2(dy, dx) * 180) / Math.PI;
  return ANCHORS.reduce((best, a) => (turn(DIRECTION[a], deg) < turn(DIRECTION[best], deg) ? a : best));
}
