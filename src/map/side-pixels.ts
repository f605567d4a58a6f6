/**
 * Counts, in a picture of the map, the pixels that show each side's ground as the map paints it
 * (tier-style.ts over the land colours of palette.ts): held ground, and desert between and under
 * its white hatch. Pure: RGBA pixels in, counts out. The renderer (scripts/render.ts) and the
 * browser tests check their pictures with it, so a blank or half-drawn map cannot pass.
 */
import type { Faction, FactionId } from '../data/contract.ts';
import { palette } from './palette.ts';
import { TIER_STYLE } from './tier-style.ts';

export type Rgb = [number, number, number];
export interface Rgba { data: Uint8Array; width: number; height: number }
/** A rectangle of the picture in its pixels (device pixels for a picture taken at a scale). */
export interface PixelRect { x: number; y: number; width: number; height: number }
/** A side's colours; `maxDistance` overrides the count's own for this look (e.g. a tighter one for flat basemap colours). */
export interface SideLook { id: FactionId; rgb: Rgb[]; maxDistance?: number }

/** Largest RGB distance at which a pixel still counts as a side's colour. */
export const MATCH_DISTANCE = 14;

export const hexRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const over = (fg: Rgb, bg: Rgb, alpha: number): Rgb => fg.map((v, i) => v * alpha + bg[i]! * (1 - alpha)) as Rgb;

/**
 * The colours each side's ground shows in a theme: held (and the holder's part of contested
 * ground) and desert, over both land colours, and desert under its hatch.
 * @example sideLooks([{ id: 'a', color: '#2e2e2e', … }], 'light')[0].rgb[0] // ≈ [102, 102, 101]
 */
export function sideLooks(factions: readonly Pick<Faction, 'id' | 'color'>[], theme: 'light' | 'dark'): SideLook[] {
  const p = palette(theme);
  const hatch = TIER_STYLE.desert.pattern;
  return factions.map((f) => {
    const c = hexRgb(f.color);
    const rgb = [p.focusLand, p.land].flatMap((landHex) => {
      const land = hexRgb(landHex);
      const desert = over(c, land, TIER_STYLE.desert.opacity);
      const looks = [over(c, land, TIER_STYLE.held.opacity), desert];
      if (hatch && hatch.color !== 'attacker') looks.push(over(hatch.color.slice(0, 3) as Rgb, desert, hatch.opacity));
      return looks;
    });
    return { id: f.id, rgb };
  });
}

/**
 * How many pixels of `rect` (default: the whole picture) are nearest to each side's looks, within
 * `maxDistance` (or the look's own). Every side is in the result, with 0 when none of its colour was found.
 */
export function countSidePixels(img: Rgba, looks: readonly SideLook[], rect?: PixelRect, maxDistance = MATCH_DISTANCE): Map<FactionId, number> {
  const counts = new Map<FactionId, number>(looks.map((l) => [l.id, 0]));
  const x0 = Math.max(0, Math.floor(rect?.x ?? 0)), y0 = Math.max(0, Math.floor(rect?.y ?? 0));
  const x1 = Math.min(img.width, Math.ceil((rect?.x ?? 0) + (rect?.width ?? img.width)));
  const y1 = Math.min(img.height, Math.ceil((rect?.y ?? 0) + (rect?.height ?? img.height)));
  // Most pixels share a few colours: classify each colour once.
  const seen = new Map<number, FactionId | null>();
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      const r = img.data[i]!, g = img.data[i + 1]!, b = img.data[i + 2]!;
      const key = (r << 16) | (g << 8) | b;
      let side = seen.get(key);
      if (side === undefined) {
        side = null;
        let best = Infinity;
        for (const l of looks) {
          for (const c of l.rgb) {
            const d = Math.hypot(r - c[0], g - c[1], b - c[2]);
            if (d < best) { best = d; side = d <= (l.maxDistance ?? maxDistance) ? l.id : null; }
          }
        }
        seen.set(key, side);
      }
      if (side !== null) counts.set(side, counts.get(side)! + 1);
    }
  }
  return counts;
}
