import type { Place } from './contract.ts';

/**
 * The order in which places claim room on the map (symbol-sort-key, src/map/place-symbols.ts) and
 * are listed: by rank, then the larger population (a place without one after those with one), then
 * the English name. A smaller town gives way to a larger one of the same rank (CARTOGRAPHY.md).
 */
export function placeOrder(a: Place, b: Place): number {
  const pa = a.properties.population ?? -1, pb = b.properties.population ?? -1;
  return a.properties.rank - b.properties.rank || pb - pa || a.properties.name_en.localeCompare(b.properties.name_en);
}
