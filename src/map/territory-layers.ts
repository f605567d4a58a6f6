/** Faction fills, outlines and name labels, redrawn from a snapshot by swapping source data. */
import type { Map as MlMap, ExpressionSpecification, GeoJSONSource, MapSourceDataEvent } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Faction } from '../data/contract.ts';
import type { Lang } from '../ui/i18n.ts';
import { FONT_REGULAR } from './style.ts';

export const TERRITORY_SOURCE = 'territory';
export const TERRITORY_LABEL_SOURCE = 'territory-labels';
/** Opacity of the faction fills, so rivers and borders stay visible beneath. */
export const FILL_OPACITY = 0.72;
/** Desert a side dominated without holding it: the same hue, lighter. */
export const DESERT_OPACITY = 0.45;
const HATCH = 'desert-hatch';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function byFaction(factions: readonly Faction[], pick: (f: Faction) => string, fallback: string): ExpressionSpecification {
  const pairs = factions.flatMap((f) => [f.id, pick(f)]);
  return ['match', ['get', 'faction'], ...pairs, fallback] as unknown as ExpressionSpecification;
}

/** Adds the (empty) territory layers below `beforeId`. */
export function addTerritoryLayers(map: MlMap, factions: readonly Faction[], lang: Lang, beforeId: string): void {
  // buffer 64 (default 128): half the overlap to clip and tessellate per tile; the fills have no
  // wide strokes or labels at tile edges that would need more. Measured in npm run bench.
  map.addSource(TERRITORY_SOURCE, { type: 'geojson', data: EMPTY, buffer: 64, tolerance: 0.5 });
  map.addSource(TERRITORY_LABEL_SOURCE, { type: 'geojson', data: EMPTY });
  const color = byFaction(factions, (f) => f.color, '#999999');
  map.addLayer({ id: 'territory-fill', type: 'fill', source: TERRITORY_SOURCE, paint: { 'fill-color': color, 'fill-opacity': ['case', ['==', ['get', 'tier'], 'desert'], DESERT_OPACITY, FILL_OPACITY] } }, beforeId);
  // Desert tier: a fine white hatch over the lighter fill, so the tier is not told by shade alone.
  if (!map.hasImage(HATCH)) map.addImage(HATCH, hatchPattern(8), { pixelRatio: 2 });
  map.addLayer({
    id: 'territory-desert-hatch',
    type: 'fill',
    source: TERRITORY_SOURCE,
    filter: ['==', ['get', 'tier'], 'desert'],
    paint: { 'fill-pattern': HATCH, 'fill-opacity': 0.55 },
  }, beforeId);
  // Pockets drawn by hand (the Deir ez-Zor enclave and others) get an outline so they stand out.
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
      'text-field': byFaction(factions, (f) => f.short[lang], ''),
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
  map.setLayoutProperty('territory-labels', 'text-field', byFaction(factions, (f) => f.short[lang], ''));
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

/** A square tile of white diagonal lines on transparent, `size` CSS px at pixelRatio 2. */
export function hatchPattern(size: number): { width: number; height: number; data: Uint8Array } {
  const n = size * 2;
  const data = new Uint8Array(n * n * 4);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const d = (x + y) % n; // diagonal stripes that tile seamlessly
      if (d < 2) data.set([255, 255, 255, 255], (y * n + x) * 4);
    }
  }
  return { width: n, height: n, data };
}

/** Sets only the sides' name labels (e.g. once the first territory is drawn without them). */
export function setTerritoryLabels(map: MlMap, labels: FeatureCollection): void {
  void map.getSource<GeoJSONSource>(TERRITORY_LABEL_SOURCE)?.setData(labels);
}
