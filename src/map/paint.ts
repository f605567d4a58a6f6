/** Paint shared by the territory and change layers: a value per faction, and hatch patterns. */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Faction } from '../data/contract.ts';

/**
 * A `match` on the feature's `faction`: each side's value (its colour, its short name), else
 * `fallback`.
 * @example factionMatch(factions, (f) => f.color, '#999999')
 */
export function factionMatch(factions: readonly Faction[], pick: (f: Faction) => string, fallback: string): ExpressionSpecification {
  return ['match', ['get', 'faction'], ...factions.flatMap((f) => [f.id, pick(f)]), fallback] as unknown as ExpressionSpecification;
}

/**
 * A square tile, `size` CSS px at pixelRatio 2, of `linePx`-px lines (device px) in `rgba` on transparent: diagonal
 * stripes (a tier) or a cross-hatch (ground that changed hands). Both tile seamlessly.
 */
export function hatchPattern(size: number, kind: 'diagonal' | 'cross', rgba: [number, number, number, number], linePx = 2): { width: number; height: number; data: Uint8Array } {
  const n = size * 2;
  const data = new Uint8Array(n * n * 4);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if ((x + y) % n < linePx || (kind === 'cross' && (x - y + n) % n < linePx)) data.set(rgba, (y * n + x) * 4);
    }
  }
  return { width: n, height: n, data };
}
