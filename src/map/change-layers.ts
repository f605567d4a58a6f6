/**
 * What changed between two dates, over the territory: ground that changed hands is cross-hatched
 * and outlined in its new holder's colour; ground that nobody holds any more has a dashed outline.
 * Hatching and line style, not colour alone, mark the change.
 */
import type { Map as MlMap, GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Faction } from '../data/contract.ts';
import { factionMatch, hatchPattern } from './paint.ts';
import { PLACE_LAYER } from './place-symbols.ts';

const GAINED = 'change-gained';
const LOST = 'change-lost';
const CROSS = 'change-cross-hatch';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function addChangeLayers(map: MlMap, factions: readonly Faction[], below?: string): void {
  // Under `below` (the article's rings) when it is there, and always under the places' dots and names.
  const beforeId = [below, PLACE_LAYER].find((id) => id !== undefined && map.getLayer(id));
  const color = factionMatch(factions, (f) => f.color, '#666666');
  if (!map.hasImage(CROSS)) map.addImage(CROSS, hatchPattern(6, 'cross', [20, 20, 20, 200]), { pixelRatio: 2 });
  map.addSource(GAINED, { type: 'geojson', data: EMPTY });
  map.addSource(LOST, { type: 'geojson', data: EMPTY });
  map.addLayer({ id: 'change-gained-hatch', type: 'fill', source: GAINED, paint: { 'fill-pattern': CROSS, 'fill-opacity': 0.7 } }, beforeId);
  map.addLayer({
    id: 'change-gained-outline', type: 'line', source: GAINED,
    paint: { 'line-color': color, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.5, 9, 3.5] },
  }, beforeId);
  map.addLayer({
    id: 'change-lost-outline', type: 'line', source: LOST, filter: ['==', ['get', 'other'], 'none'],
    paint: { 'line-color': '#1f1d1a', 'line-width': 1.5, 'line-dasharray': [2, 2] },
  }, beforeId);
}

/** Draws a change (or clears it with null). */
export function setChange(map: MlMap, change: { gained: FeatureCollection; lost: FeatureCollection } | null): void {
  void map.getSource<GeoJSONSource>(GAINED)?.setData(change?.gained ?? EMPTY);
  void map.getSource<GeoJSONSource>(LOST)?.setData(change?.lost ?? EMPTY);
}
