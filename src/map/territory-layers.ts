/**
 * Faction fills, outlines and name labels, redrawn from a snapshot by swapping source data. Each
 * tier (src/data/contract.ts TIERS) is drawn as TIER_STYLE says: a fill opacity, and a pattern
 * over it so that the tier is never told by shade alone.
 */
import type { Map as MlMap, ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Faction, Tier } from '../data/contract.ts';
import type { Lang } from '../i18n/lang.ts';
import { sourceDrawn } from './source-drawn.ts';
import { FONT_REGULAR } from './style.ts';
import { factionMatch, hatchPattern } from './paint.ts';
import { FILL_OPACITY, TIER_STYLE } from './tier-style.ts';

export const TERRITORY_SOURCE = 'territory';
/** The basemap layer the territory is drawn below (rivers and borders stay on top). */
export const TERRITORY_BEFORE = 'rivers';
export const TERRITORY_LABEL_SOURCE = 'territory-labels';
export { FILL_OPACITY, TIER_STYLE } from './tier-style.ts';
/** The property the contested stripes read: the first side in the feature's `against`. */
const ATTACKER = 'attacker';
const rgba = (hex: string): [number, number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255) as [number, number, number, number];
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const LABEL_OPACITY = 0.95;
const tierOf: ExpressionSpecification = ['coalesce', ['get', 'tier'], 'held'];
const shortNames = (factions: readonly Faction[], lang: Lang) => factionMatch(factions, (f) => f.short[lang], '');

/** Adds the (empty) territory layers below `beforeId`, and the sides' name labels. */
export function addTerritoryLayers(map: MlMap, factions: readonly Faction[], lang: Lang, beforeId: string): void {
  // buffer 64 (default 128): half the overlap to clip and tessellate per tile; the fills have no
  // wide strokes or labels at tile edges that would need more. Measured in npm run bench.
  map.addSource(TERRITORY_SOURCE, { type: 'geojson', data: EMPTY, buffer: 64, tolerance: 0.5 });
  addTerritorySlotLayers(map, factions, TERRITORY_SOURCE, beforeId);
  map.addSource(TERRITORY_LABEL_SOURCE, { type: 'geojson', data: EMPTY });
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
      'text-padding': 4,
      // The larger piece of a side's ground is named first. The layer sits under the places, so a
      // side's name gives way to a town's dot and name (place-symbols.ts), never the other way.
      'symbol-sort-key': ['-', ['get', 'areaKm2']],
    },
    paint: { 'text-color': '#ffffff', 'text-halo-color': 'rgba(0,0,0,0.55)', 'text-halo-width': 1.4, 'text-opacity': LABEL_OPACITY },
  });
}

/** The ids addTerritorySlotLayers gives the layers of a source. */
export function slotLayerIds(source: string): string[] {
  const prefix = source === TERRITORY_SOURCE ? 'territory' : source;
  return [`${prefix}-fill`, `${prefix}-hatch`, `${prefix}-outline`];
}

/**
 * The layers that draw one territory source, below `beforeId`: the fills; the tiers' patterns
 * (one layer: desert hatched white, contested ground striped in its attacker's colour); and the
 * outlines (one layer: contested ground dashed, hand-drawn pockets solid). Three layers, not one
 * per tier and outline: every layer is a pass over the tile's features in MapLibre's worker, at
 * every swap (docs/performance.md). `only`: a filter every feature drawn must also pass (the date
 * stack's date, territory-slots.ts); `sourceLayer` for a vector source; `invisible` adds them at
 * layer opacity 0 (MapLibre loads their tiles but skips drawing them). Returns the layers' ids.
 */
export function addTerritorySlotLayers(map: MlMap, factions: readonly Faction[], source: string, beforeId: string,
  opts: { only?: ExpressionSpecification; sourceLayer?: string; invisible?: boolean } = {}): string[] {
  const [fillId, hatchId, outlineId] = slotLayerIds(source) as [string, string, string];
  const { only, sourceLayer, invisible } = opts;
  const add = (layer: { id: string; type: 'fill' | 'line'; filter?: ExpressionSpecification; paint: Record<string, unknown> }) => {
    // The date first: most features fail it, and are then not asked for their tier.
    const filter = only ? (layer.filter ? ['all', only, layer.filter] : only) : layer.filter;
    // Slots are switched by layer opacity in one frame (territory-slots.ts): no 300 ms fade.
    const paint = { ...layer.paint, [`${layer.type}-layer-opacity-transition`]: { duration: 0, delay: 0 }, ...(invisible ? { [`${layer.type}-layer-opacity`]: 0 } : {}) };
    map.addLayer({ ...layer, source, paint, ...(sourceLayer ? { 'source-layer': sourceLayer } : {}), ...(filter ? { filter } : {}) } as never, beforeId);
  };
  const byTier = <T>(value: (tier: Tier) => T, fallback: T) => ['match', tierOf, ...Object.keys(TIER_STYLE).flatMap((tier) => [tier, value(tier as Tier)]), fallback] as unknown as ExpressionSpecification;
  add({ id: fillId, type: 'fill', paint: { 'fill-color': factionMatch(factions, (f) => f.color, '#999999'), 'fill-opacity': byTier((t) => TIER_STYLE[t].opacity, FILL_OPACITY) } });
  const patterned = (Object.keys(TIER_STYLE) as Tier[]).filter((t) => TIER_STYLE[t].pattern);
  for (const tier of patterned) {
    const pattern = TIER_STYLE[tier].pattern!;
    if (pattern.color === 'attacker') {
      // One stripe image per side, chosen by the feature's attacker.
      for (const f of factions) {
        const name = `${tier}-hatch-${f.id}`;
        if (!map.hasImage(name)) map.addImage(name, hatchPattern(8, 'diagonal', rgba(f.color), 6), { pixelRatio: 2 });
      }
    } else if (!map.hasImage(`${tier}-hatch`)) {
      map.addImage(`${tier}-hatch`, hatchPattern(8, 'diagonal', pattern.color), { pixelRatio: 2 });
    }
  }
  const image = (t: Tier): unknown => (TIER_STYLE[t].pattern?.color === 'attacker' ? ['concat', `${t}-hatch-`, ['get', ATTACKER]] : `${t}-hatch`);
  add({
    id: hatchId, type: 'fill', filter: ['in', tierOf, ['literal', patterned]],
    paint: { 'fill-pattern': byTier(image, ''), 'fill-opacity': byTier((t) => TIER_STYLE[t].pattern?.opacity ?? 0, 0) },
  });
  // Contested ground: a dashed outline, so that it reads as a fight even where it is small.
  // Pockets drawn by hand (features with an `id`) get a solid one so they stand out.
  const contested: ExpressionSpecification = ['==', tierOf, 'contested'];
  add({
    id: outlineId, type: 'line', filter: ['any', contested, ['has', 'id']],
    paint: {
      'line-color': '#1f1d1a',
      'line-width': ['interpolate', ['linear'], ['zoom'], 5, ['case', contested, 1, 0.8], 9, ['case', contested, 2.2, 2]],
      'line-dasharray': ['case', contested, ['literal', [2, 1.5]], ['literal', [1, 0]]],
    },
  });
  return [fillId, hatchId, outlineId];
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
  const drawn = sourceDrawn(map, TERRITORY_SOURCE, 'event');
  const a = map.getSource<GeoJSONSource>(TERRITORY_SOURCE);
  const b = map.getSource<GeoJSONSource>(TERRITORY_LABEL_SOURCE);
  await Promise.all([a?.setData(withAttacker(territory)), b?.setData(labels)]);
  await drawn;
}

/** Sets only the sides' name labels (e.g. once the first territory is drawn without them). */
export function setTerritoryLabels(map: MlMap, labels: FeatureCollection): void {
  void map.getSource<GeoJSONSource>(TERRITORY_LABEL_SOURCE)?.setData(labels);
}

/** Shows or hides the sides' names without laying them out again (a paint change). */
export function setTerritoryLabelsShown(map: MlMap, shown: boolean): void {
  map.setPaintProperty('territory-labels', 'text-opacity', shown ? LABEL_OPACITY : 0);
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
