/**
 * The article's distances around its place: a ring for every distance it quotes, and a line to each
 * side's nearest ground computed on the shown snapshot (src/analysis/article.ts, from claims.json).
 */
import type { Map as MlMap, GeoJSONSource } from 'maplibre-gl';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { ringPolygon } from '../analysis/rings.ts';
import type { Nearest } from '../analysis/distance.ts';
import { FONT_REGULAR } from './style.ts';
import { dotPixels, PLACE_LAYER } from './place-symbols.ts';

const RINGS = 'article-rings';
const LINES = 'article-lines';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** The layer of the lines' labels and end dots, above the places (see addArticleLayers). */
export const ARTICLE_LINE_LABELS = 'article-line-labels';
const END_IMAGE = 'article-line-end';

/** Adds the rings (one per radius) and the (empty) line layers. */
export function addArticleLayers(map: MlMap, center: Position, radiiKm: readonly number[], ringLabel: (km: number) => string): void {
  const rings: Feature[] = radiiKm.map((km) => {
    const r = ringPolygon(center, km);
    return { type: 'Feature', properties: { label: ringLabel(km) }, geometry: { type: 'LineString', coordinates: r.geometry.coordinates[0]! } };
  });
  map.addSource(RINGS, { type: 'geojson', data: { type: 'FeatureCollection', features: rings } });
  map.addSource(LINES, { type: 'geojson', data: EMPTY });
  // The rings and lines are drawn under the places, and the rings' labels are placed after them
  // (they give way to a town); the lines' labels and end dots come on top (see below).
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
  // Each line's end dot and label: always drawn (the article's figures), and, as the top symbol
  // layer, placed first, so they keep their ground in the collision and a place there gives way
  // (place-symbols.ts). The label sits at the line's far end, on the side facing away from the
  // place: along a short line ('line-center') it did not fit at the opening zoom and was never drawn.
  if (!map.hasImage(END_IMAGE)) map.addImage(END_IMAGE, dotPixels(10, 10, 1.5, [0x0b, 0x24, 0x47], [255, 255, 255], 2), { pixelRatio: 2 });
  map.addLayer({
    id: ARTICLE_LINE_LABELS,
    type: 'symbol',
    source: LINES,
    filter: ['all', ['==', ['geometry-type'], 'Point'], ['has', 'label']],
    layout: {
      'icon-image': END_IMAGE,
      'icon-allow-overlap': true,
      'text-field': ['get', 'label'],
      'text-font': [FONT_REGULAR],
      'text-size': 12.5,
      'text-anchor': ['get', 'anchor'],
      'text-radial-offset': 0.6,
      'text-allow-overlap': true,
    },
    paint: { 'text-color': '#0b2447', 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
  });
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
export function awayFrom(start: Position, end: Position): 'left' | 'right' | 'top' | 'bottom' {
  const dx = (end[0]! - start[0]!) * Math.cos((((start[1]! + end[1]!) / 2) * Math.PI) / 180), dy = end[1]! - start[1]!;
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 'left' : 'right';
  return dy >= 0 ? 'bottom' : 'top';
}
