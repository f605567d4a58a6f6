/**
 * How each tier of ground is painted (opacities and hatching), apart from territory-layers.ts so
 * that Node scripts can read it too: the renderer checks its pictures against it (side-pixels.ts).
 */
import type { Tier } from '../data/contract.ts';

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
