/**
 * Checks that a picture of the map shows what the data says it should: every side with a fair
 * share of the view has its colour on the map (src/map/side-pixels.ts counts the pixels). A blank
 * map, a map drawn before its territory or at the wrong size fails. Used by `npm run render`,
 * `npm run render:fallbacks` and the browser tests.
 */
import * as turf from '@turf/turf';
import type { Faction, FactionId, Snapshot } from '../src/data/contract.ts';
import { palette } from '../src/map/palette.ts';
import { countSidePixels, hexRgb, sideLooks, type PixelRect, type Rgba } from '../src/map/side-pixels.ts';

/** [west, south, east, north] in degrees: the view the picture shows. */
export type BBox = [number, number, number, number];

/** A side is expected in the picture when its ground covers at least this share of the view… */
export const MIN_SHARE = 0.003;
/**
 * …and then at least this fraction of its share of the map's pixels must show its colour. Labels,
 * markers, lines and contested stripes cover some of it; a blank or half-drawn map has none.
 * (The pictures the tests take show 55–95% of the share; see scripts/picture-check.test.ts.)
 */
export const MIN_FRACTION_OF_SHARE = 0.2;
/** Fewer pixels than this never count as a side being shown. */
export const MIN_PIXELS = 12;
/** At least this share of the map's pixels must be basemap (land, sea) or a side's ground. */
export const MIN_DRAWN = 0.5;
/** Not a side id (ids have no '~'): the basemap's own colours. */
const BASEMAP = '~basemap';
/**
 * The basemap is flat colour, matched closely: the page's paper, which a blank map shows, is only
 * 9.5 away from the light theme's land.
 */
const BASEMAP_DISTANCE = 3;

/** Share of the view's area (km², spherical) that each side's ground covers, any tier. */
export function sideShares(snapshot: Snapshot, bbox: BBox): Map<FactionId, number> {
  const viewKm2 = turf.area(turf.bboxPolygon(bbox)) / 1e6;
  const out = new Map<FactionId, number>();
  for (const f of snapshot.features) {
    const inView = turf.area(turf.bboxClip(f, bbox)) / 1e6;
    out.set(f.properties.faction, (out.get(f.properties.faction) ?? 0) + inView / viewKm2);
  }
  return out;
}

export interface SideResult { id: FactionId; share: number; pixels: number; needed: number }
export interface PictureReport {
  ok: boolean;
  /** Every side of factions.json: its share of the view, the pixels of its colour, and the pixels needed (0: not expected). */
  sides: SideResult[];
  /** Share of the map's pixels in the basemap's or a side's colours. */
  drawn: number;
  /** One line for a person: what is missing, or the counts. */
  message: string;
}

export interface PictureInput {
  img: Rgba;
  /** The map's area in the picture, in the picture's pixels. */
  mapRect: PixelRect;
  factions: readonly Faction[];
  snapshot: Snapshot;
  bbox: BBox;
  theme: 'light' | 'dark';
}

/**
 * @example checkPicture({ img: PNG.sync.read(buf), mapRect, factions, snapshot, bbox, theme: 'light' }).ok
 */
export function checkPicture({ img, mapRect, factions, snapshot, bbox, theme }: PictureInput): PictureReport {
  const shares = sideShares(snapshot, bbox);
  const p = palette(theme);
  const looks = [...sideLooks(factions, theme), { id: BASEMAP, rgb: [p.sea, p.land, p.focusLand].map(hexRgb), maxDistance: BASEMAP_DISTANCE }];
  const counts = countSidePixels(img, looks, mapRect);
  const mapPixels = mapRect.width * mapRect.height;
  const drawn = [...counts.values()].reduce((a, b) => a + b, 0) / mapPixels;
  const sides = factions.map((f) => {
    const share = shares.get(f.id) ?? 0;
    const needed = share >= MIN_SHARE ? Math.max(MIN_PIXELS, Math.ceil(MIN_FRACTION_OF_SHARE * share * mapPixels)) : 0;
    return { id: f.id, share, pixels: counts.get(f.id) ?? 0, needed };
  });
  const missing = sides.filter((s) => s.pixels < s.needed);
  const expected = sides.filter((s) => s.needed > 0);
  const message = drawn < MIN_DRAWN ? `only ${pct(drawn)} of the map area shows the map's colours (land, sea or a side's ground): it looks blank`
    : missing.length ? `the map shows too little of ${missing.map((s) => `${s.id} (${s.pixels} pixels of its colour, ${s.needed} needed for ${pct(s.share)} of the view)`).join(', ')}`
    : expected.length === 0 ? `no side covers ${pct(MIN_SHARE)} of this view, so only the basemap was checked (${pct(drawn)} of the map)`
    : `every side in view shows: ${expected.map((s) => `${s.id} ${s.pixels} px`).join(', ')}`;
  return { ok: drawn >= MIN_DRAWN && missing.length === 0, sides, drawn, message };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
