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
/**
 * How each tier is drawn: held ground solid; desert a side dominated the same hue, lighter and
 * hatched white; contested ground the holder's hue striped in the attacker's colour and outlined
 * with a dashed line (`pattern: 'attacker'`).
 */
export const TIER_STYLE: Record<Tier, { opacity: number; pattern?: { color: [number, number, number, number] | 'attacker'; opacity: number } }> = {
  held: { opacity: FILL_OPACITY },
  desert: { opacity: 0.45, pattern: { color: [255, 255, 255, 255], opacity: 0.55 } },
  contested: { opacity: FILL_OPACITY, pattern: { color: 'attacker', opacity: 0.95 } },
};
/** The property the contested stripes read: the first side in the feature's `against`. */
const ATTACKER = 'attacker';
const rgba = (hex: string): [number, number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255) as [number, number, number, number];
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
    let image: ExpressionSpecification | string = `${tier}-hatch`;
    if (pattern.color === 'attacker') {
      // One stripe image per side, chosen by the feature's attacker.
      for (const f of factions) {
        const name = `${tier}-hatch-${f.id}`;
        if (!map.hasImage(name)) map.addImage(name, hatchPattern(8, 'diagonal', rgba(f.color), 6), { pixelRatio: 2 });
      }
      image = ['concat', `${tier}-hatch-`, ['get', ATTACKER]];
    } else if (!map.hasImage(image)) {
      map.addImage(image, hatchPattern(8, 'diagonal', pattern.color), { pixelRatio: 2 });
    }
    map.addLayer({
      id: `territory-${tier}-hatch`, type: 'fill', source: TERRITORY_SOURCE,
      filter: ['==', tierOf, tier], paint: { 'fill-pattern': image as ExpressionSpecification, 'fill-opacity': pattern.opacity },
    }, beforeId);
  }
  // Contested ground: a dashed outline, so that it reads as a fight even where it is small.
  map.addLayer({
    id: 'territory-contested-outline', type: 'line', source: TERRITORY_SOURCE, filter: ['==', tierOf, 'contested'],
    paint: { 'line-color': '#1f1d1a', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 9, 2.2], 'line-dasharray': [2, 1.5] },
  }, beforeId);
  // Pockets drawn by hand (features with an `id`) get an outline so they stand out.
  map.addLayer({
    id: 'territory-pocket-outline',
    type: 'line',
    source: TERRITORY_SOURCE,
    filter: ['all', ['has', 'id'], ['!=', tierOf, 'contested']],
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
  await Promise.all([a?.setData(withAttacker(territory)), b?.setData(labels)]);
  await drawn;
}

/** Sets only the sides' name labels (e.g. once the first territory is drawn without them). */
export function setTerritoryLabels(map: MlMap, labels: FeatureCollection): void {
  void map.getSource<GeoJSONSource>(TERRITORY_LABEL_SOURCE)?.setData(labels);
}

/** Contested features get a flat `attacker` property (the first of `against`) for the stripes' colour. */
export function withAttacker(territory: FeatureCollection): FeatureCollection {
  if (!territory.features.some((f) => f.properties?.tier === 'contested')) return territory;
  return {
    ...territory,
    features: territory.features.map((f) => {
      const against = f.properties?.against;
      return f.properties?.tier === 'contested' && Array.isArray(against) && typeof against[0] === 'string'
        ? { ...f, properties: { ...f.properties, [ATTACKER]: against[0] } } : f;
    }),
  };
}
