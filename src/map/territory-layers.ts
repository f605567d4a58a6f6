/**
 * Faction fills, outlines and name labels, redrawn from a snapshot by swapping source data. Each
 * tier (src/data/contract.ts TIERS) is drawn as TIER_STYLE says: a fill opacity, and a pattern
 * over it so that the tier is never told by shade alone.
 */
import type { Map as MlMap, ExpressionSpecification, GeoJSONSource, MapSourceDataEvent } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Faction, Tier } from '../data/contract.ts';
import type { Lang } from '../i18n/lang.ts';
import { FONT_REGULAR } from './style.ts';
import { factionMatch, hatchPattern } from './paint.ts';

export const TERRITORY_SOURCE = 'territory';
export const TERRITORY_LABEL_SOURCE = 'territory-labels';
/** Opacity of the faction fills, so rivers and borders stay visible beneath. */
export const FILL_OPACITY = 0.72;
/** How each tier is drawn: held ground solid; desert a side dominated the same hue, lighter and hatched white. */
export const TIER_STYLE: Record<Tier, { opacity: number; pattern?: { color: [number, number, number, number]; opacity: number } }> = {
  held: { opacity: FILL_OPACITY },
  desert: { opacity: 0.45, pattern: { color: [255, 255, 255, 255], opacity: 0.55 } },
};
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const tierOf: ExpressionSpecification = ['coalesce', ['get', 'tier'], 'held'];
const shortNames = (factions: readonly Faction[], lang: Lang) => factionMatch(factions, (f) => f.short[lang], '');

/** Adds the (empty) territory layers below `beforeId`. */
export function addTerritoryLayers(map: MlMap, factions: readonly Faction[], lang: Lang, beforeId: string): void {
  // buffer 64 (default 128): half the overlap to clip and tessellate per tile; the fills have no
  // wide strokes or labels at tile edges that would need more. Measured in npm run bench.
  map.addSource(TERRITORY_SOURCE, { type: 'geojson', data: EMPTY, buffer: 64, tolerance: 0.5 });
  map.addSource(TERRITORY_LABEL_SOURCE, { type: 'geojson', data: EMPTY });
  const opacity = ['match', tierOf, ...Object.entries(TIER_STYLE).flatMap(([tier, st]) => [tier, st.opacity]), FILL_OPACITY] as unknown as ExpressionSpecification;
  map.addLayer({ id: 'territory-fill', type: 'fill', source: TERRITORY_SOURCE, paint: { 'fill-color': factionMatch(factions, (f) => f.color, '#999999'), 'fill-opacity': opacity } }, beforeId);
  for (const [tier, { pattern }] of Object.entries(TIER_STYLE)) {
    if (!pattern) continue;
    const image = `${tier}-hatch`;
    if (!map.hasImage(image)) map.addImage(image, hatchPattern(8, 'diagonal', pattern.color), { pixelRatio: 2 });
    map.addLayer({
      id: `territory-${tier}-hatch`, type: 'fill', source: TERRITORY_SOURCE,
      filter: ['==', tierOf, tier], paint: { 'fill-pattern': image, 'fill-opacity': pattern.opacity },
    }, beforeId);
  }
  // Pockets drawn by hand (features with an `id`) get an outline so they stand out.
  map.addLayer({
    id: 'territory-pocket-outline',
    type: 'line',
    source: TERRITORY_SOURCE,
    filter: ['has', 'id'],
    paint: { 'line-color': '#1f1d1a', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 9, 2] },
  }, beforeId);
  map.addLayer({
    id: 'territory-labels',
    type: 'symbol',
    source: TERRITORY_LABEL_SOURCE,
    layout: {
      'text-field': shortNames(factions, lang),
      'text-font': [FONT_REGULAR],
      'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 8, 15],
      'text-transform': 'uppercase',
      'text-letter-spacing': 0.12,
      'text-padding': 20,
    },
    paint: { 'text-color': '#ffffff', 'text-halo-color': 'rgba(0,0,0,0.55)', 'text-halo-width': 1.4, 'text-opacity': 0.95 },
  });
}

export function setTerritoryLang(map: MlMap, factions: readonly Faction[], lang: Lang): void {
  map.setLayoutProperty('territory-labels', 'text-field', shortNames(factions, lang));
}

/**
 * Swaps the drawn territory. Resolves once a frame has been drawn with the new fills: the source's
 * tiles are loaded again and a render has followed. (Waiting for 'idle' would also wait for label
 * placement and fonts elsewhere on the map, which is not what "drawn" means here.)
 */
export async function setTerritory(map: MlMap, territory: FeatureCollection, labels: FeatureCollection): Promise<void> {
  const drawn = new Promise<void>((resolve) => {
    let reloaded = false;
    const onData = (e: MapSourceDataEvent) => { if (e.sourceId === TERRITORY_SOURCE && e.isSourceLoaded) reloaded = true; };
    const onRender = () => {
      if (!reloaded || !map.isSourceLoaded(TERRITORY_SOURCE)) return;
      map.off('sourcedata', onData);
      map.off('render', onRender);
      resolve();
    };
    map.on('sourcedata', onData);
    map.on('render', onRender);
  });
  const a = map.getSource<GeoJSONSource>(TERRITORY_SOURCE);
  const b = map.getSource<GeoJSONSource>(TERRITORY_LABEL_SOURCE);
  await Promise.all([a?.setData(territory), b?.setData(labels)]);
  await drawn;
}

/** Sets only the sides' name labels (e.g. once the first territory is drawn without them). */
export function setTerritoryLabels(map: MlMap, labels: FeatureCollection): void {
  void map.getSource<GeoJSONSource>(TERRITORY_LABEL_SOURCE)?.setData(labels);
}
