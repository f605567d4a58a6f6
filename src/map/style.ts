/**
 * The map style: an offline basemap (Natural Earth countries, borders and labels for the story's
 * bounds, and the story's rivers if it has any; one file made at build time by
 * scripts/site-data.ts) with labels drawn from bundled Noto Sans fonts through MapLibre's
 * `font-faces`. No URL in it leaves the page's own origin.
 */
import type { Map as MlMap, StyleSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { Place } from '../data/contract.ts';
import type { Lang } from '../i18n/lang.ts';
import { FONT_REGULAR, fontFaces } from './fonts.ts';

export { FONT_REGULAR, fontFaces };

/** MapLibre loads sources from absolute URLs only. */
const abs = (url: string, base: string) => new URL(url, base).href;

/** Every name of the places (English, Dutch, local): what the label fonts must draw. */
export const placeNames = (places: readonly Place[]): string[] =>
  places.flatMap((p) => [p.properties.name_en, p.properties.name_nl, p.properties.name_local ?? '']);

export { COLORS, COLORS_DARK, palette, type Palette } from './palette.ts';
import { palette } from './palette.ts';

/** `name_en`/`name_nl` for the UI language, then the local name (if any) on a second line, smaller. */
export function bilingualName(lang: Lang): ExpressionSpecification {
  return ['case', ['has', 'name_local'],
    ['format', ['get', `name_${lang}`], {}, '\n', {}, ['get', 'name_local'], { 'font-scale': 0.85 }],
    ['format', ['get', `name_${lang}`], {}]];
}

/**
 * The style, with label fonts for `names` (placeNames; fonts.ts loads a script's file only when they
 * need it). `basemap`: the site has basemap/basemap.geojson (the build makes it; a folder copied in
 * by hand may not): else none is drawn.
 */
export function buildStyle(dataBase: string, pageBase: string, lang: Lang, theme: 'light' | 'dark' = 'light', names: readonly string[] = [], basemap = true): StyleSpecification {
  const COLORS = palette(theme);
  const data = (path: string) => abs(`${dataBase}${path}`, pageBase);
  return {
    version: 8,
    'font-faces': fontFaces(pageBase, names),
    sources: {
      basemap: { type: 'geojson', data: basemap ? data('basemap/basemap.geojson') : { type: 'FeatureCollection', features: [] }, attribution: 'Natural Earth' },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
      {
        id: 'land',
        type: 'fill',
        source: 'basemap',
        filter: ['==', ['get', 'kind'], 'country'],
        paint: { 'fill-color': ['case', ['get', 'focus'], COLORS.focusLand, COLORS.land] },
      },
      {
        id: 'rivers',
        type: 'line',
        source: 'basemap',
        filter: ['==', ['get', 'kind'], 'river'],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': COLORS.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1, 8, 2.5] },
      },
      {
        id: 'borders',
        type: 'line',
        source: 'basemap',
        filter: ['==', ['get', 'kind'], 'border'],
        paint: { 'line-color': COLORS.border, 'line-width': 1, 'line-dasharray': [3, 2] },
      },
      {
        id: 'country-labels',
        type: 'symbol',
        source: 'basemap',
        filter: ['==', ['get', 'kind'], 'label'],
        // Shown once the first territory is drawn (showLabels), so glyphs do not hold it up.
        layout: { visibility: 'none', 'text-field': ['get', `name_${lang}`], 'text-font': [FONT_REGULAR], 'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 7, 15], 'text-letter-spacing': 0.25 },
        paint: { 'text-color': COLORS.countryLabel, 'text-halo-color': COLORS.land, 'text-halo-width': 1 },
      },
    ],
  };
}

/** Switches the basemap's labels to another language. */
export function setBasemapLang(map: MlMap, lang: Lang): void {
  map.setLayoutProperty('country-labels', 'text-field', ['get', `name_${lang}`]);
}


/** Turns on the labels that wait for the first drawn territory. */
export function showLabels(map: MlMap): void {
  map.setLayoutProperty('country-labels', 'visibility', 'visible');
}
