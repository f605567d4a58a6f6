/**
 * The camera the map opens on, and how a still picture of the map lines up with it. Pure Web
 * Mercator arithmetic (no MapLibre), so that the page's first script can place the build's still
 * picture of the opening view (app/first-picture.ts) before MapLibre has even loaded, where the
 * live map will draw the same ground.
 *
 * The opening view fits the story's bounds with FIT_PADDING_PX round them, as MapLibre's
 * `cameraForBounds` does for a flat map with no bearing (the centre is the middle of the bounds in
 * Mercator, the zoom the largest that fits both ways), clamped to the map's zoom range.
 */
import type { Bounds } from '../data/story.ts';

/** Padding round the story's bounds in the opening view, CSS px. */
export const FIT_PADDING_PX = 16;
/** The map's zoom range (boot.ts). */
export const MIN_ZOOM = 2;
export const MAX_ZOOM = 11;
/** MapLibre's tiles are 512 px: the whole world is 512 × 2^zoom px wide. */
const TILE_PX = 512;
/**
 * A still is shown only at a scale this close to 1: further off, its names would be drawn visibly
 * larger or smaller than the live map's and change at the hand-over.
 */
export const MAX_STILL_SCALE = 1.25;

export interface Camera { center: [number, number]; zoom: number }
export interface Size { width: number; height: number }

/** x and y of a longitude and latitude in a world of width 1 (Web Mercator, y down). */
export function mercator([lng, lat]: readonly [number, number]): [number, number] {
  const s = Math.sin((lat * Math.PI) / 180);
  return [(lng + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}
const unmercator = ([x, y]: [number, number]): [number, number] =>
  [x * 360 - 180, (360 / Math.PI) * Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) - 90];

/**
 * The camera that fits `bounds` into a map of `size` with `padding` px round them, or null when
 * the map is too small to hold the padding.
 * @example fitCamera([[0, 0], [10, 10]], { width: 800, height: 600 }).zoom // ≈ 5.6
 */
export function fitCamera(bounds: Bounds, size: Size, padding = FIT_PADDING_PX): Camera | null {
  const [x0, y1] = mercator(bounds[0]), [x1, y0] = mercator(bounds[1]);
  const w = size.width - 2 * padding, h = size.height - 2 * padding;
  if (w <= 0 || h <= 0 || x1 <= x0 || y1 <= y0) return null;
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.log2(Math.min(w / (x1 - x0), h / (y1 - y0)) / TILE_PX)));
  return { center: unmercator([(x0 + x1) / 2, (y0 + y1) / 2]), zoom };
}

/** Where `lngLat` is drawn in a map of `size` showing `camera`, in CSS px from its top left. */
export function project(lngLat: readonly [number, number], camera: Camera, size: Size): { x: number; y: number } {
  const world = TILE_PX * 2 ** camera.zoom;
  const [x, y] = mercator(lngLat), [cx, cy] = mercator(camera.center);
  return { x: size.width / 2 + (x - cx) * world, y: size.height / 2 + (y - cy) * world };
}

/** A still picture of the map: its size in CSS px and the camera it was drawn with. */
export interface StillPicture extends Size { camera: Camera }

/**
 * The box (CSS px, in the map's element) in which `still` must be drawn so that its ground lies
 * where a map of `size` showing `camera` draws it, and the scale it is drawn at.
 */
export function stillBox(still: StillPicture, camera: Camera, size: Size): { left: number; top: number; width: number; height: number; scale: number } {
  const scale = 2 ** (camera.zoom - still.camera.zoom);
  const c = project(still.camera.center, camera, size);
  const width = still.width * scale, height = still.height * scale;
  return { left: c.x - width / 2, top: c.y - height / 2, width, height, scale };
}

/**
 * Of `stills`, the one to show in a map of `size` that opens on `camera`: it must cover the whole
 * map at a scale within MAX_STILL_SCALE of 1; the closest to 1 wins. Null when none will do.
 */
export function chooseStill<T extends StillPicture>(stills: readonly T[], camera: Camera, size: Size): T | null {
  let best: T | null = null, bestOff = Infinity;
  for (const s of stills) {
    const b = stillBox(s, camera, size);
    const off = Math.abs(Math.log(b.scale));
    const covers = b.left <= 0.5 && b.top <= 0.5 && b.left + b.width >= size.width - 0.5 && b.top + b.height >= size.height - 0.5;
    if (covers && off <= Math.log(MAX_STILL_SCALE) + 1e-9 && off < bestOff) { best = s; bestOff = off; }
  }
  return best;
}

/**
 * Whether two cameras show the same view of a map of `size`, up to the rounding of a URL's view
 * (MapLibre's hash keeps 2 decimals of zoom): zooms within 0.01 and centres within 2 px.
 */
export function sameView(a: Camera, b: Camera, size: Size): boolean {
  const p = project(a.center, b, size);
  return Math.abs(a.zoom - b.zoom) <= 0.01 && Math.hypot(p.x - size.width / 2, p.y - size.height / 2) <= 2;
}

/**
 * The camera of a MapLibre hash (`#zoom/lat/lng`, as the explorer writes it), or null for anything
 * else; a bearing or pitch other than 0 is another view than a still can show.
 * @example hashCamera('#5.45/33.349/42.1') // { center: [42.1, 33.349], zoom: 5.45 }
 */
export function hashCamera(hash: string): Camera | null {
  const parts = hash.replace(/^#/, '').split('/');
  if (parts.length < 3 || parts.length > 5 || !parts.every((p) => /^-?\d+(\.\d+)?$/.test(p))) return null;
  const [zoom, lat, lng, bearing = 0, pitch = 0] = parts.map(Number) as [number, number, number, number?, number?];
  if (bearing !== 0 || pitch !== 0 || Math.abs(lat) > 85 || Math.abs(lng) > 180) return null;
  return { center: [lng, lat], zoom };
}
