/**
 * Printing a WebGL map. Browsers may print a canvas blank, and the print layout gives the map
 * another size than the screen, so just before printing the map draws one frame of the region to
 * print into a picture that the print stylesheet shows instead of the canvas. The region is the
 * story's bounds, or the reader's own view once they have moved the map (or opened a link with one).
 *
 * `beforeprint` cannot wait for tiles, so the frame is drawn at the zoom already on screen, where
 * the region's tiles are loaded (MapLibre keeps tiles that left the view in its cache and reuses
 * them at once): the map is sized to the region's own pixel size at that zoom, and the pixel ratio
 * is raised so that the picture is sharp on paper. The camera, size and ratio are put back after.
 * Details elements open so that sources are printed too. Needs the map's preserveDrawingBuffer.
 */
import type { Map as MlMap, MapLibreEvent } from 'maplibre-gl';
import type { Bounds } from '../data/story.ts';

/** The printed picture's longer side in device pixels: a page's printable width (about 7.5 in) at 192 dpi. */
export const PRINT_PICTURE_PX = 1440;
/** The pixel ratio is kept within these: no blurrier than the screen, no larger than WebGL allows easily. */
const MIN_RATIO = 1;
const MAX_RATIO = 4;

export interface PrintOptions {
  /** The story's bounds (story.json, else its data); null before they are known. */
  storyBounds: () => Bounds | null;
  /** True when the page opened on a view of its own (a link's #zoom/lat/lon, a place, an embed's view). */
  openedOnView: boolean;
}

/** Size in CSS pixels of `region` on a Web Mercator map of 512-px tiles at `zoom`. */
export function regionSizePx(region: Bounds, zoom: number): { width: number; height: number } {
  const scale = 512 * 2 ** zoom;
  const y = (lat: number) => {
    const s = Math.sin((lat * Math.PI) / 180);
    return (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * scale;
  };
  return { width: ((region[1][0] - region[0][0]) / 360) * scale, height: y(region[0][1]) - y(region[1][1]) };
}

/** The pixel ratio that makes a picture of `size` CSS pixels about PRINT_PICTURE_PX on its longer side. */
export function printRatio(size: { width: number; height: number }): number {
  const longer = Math.max(size.width, size.height, 1);
  return Math.min(MAX_RATIO, Math.max(MIN_RATIO, PRINT_PICTURE_PX / longer));
}

export function preparePrinting(map: MlMap, container: HTMLElement, options: PrintOptions): () => void {
  let img: HTMLImageElement | null = null;
  let readerView: Bounds | null = null;
  const viewNow = (): Bounds => {
    const b = map.getBounds();
    return [[b.getWest(), b.getSouth()], [b.getEast(), b.getNorth()]];
  };
  if (options.openedOnView) map.once('load', () => { readerView ??= viewNow(); });
  // Only the reader's own moves count (their events carry the input event); the map's own moves
  // (fitting the story, a resize, this module) do not.
  const onMoveEnd = (e: MapLibreEvent<unknown>) => { if (e.originalEvent) readerView = viewNow(); };
  map.on('moveend', onMoveEnd);

  const before = () => {
    img?.remove();
    img = null;
    const region = readerView ?? options.storyBounds() ?? viewNow();
    const picture = drawRegion(map, container, region);
    if (!picture) return; // a tainted or lost canvas: print without the picture rather than fail
    img = document.createElement('img');
    img.className = 'print-map';
    img.alt = container.getAttribute('aria-label') ?? '';
    img.src = picture.url;
    img.width = Math.round(picture.width);
    img.height = Math.round(picture.height);
    img.dataset.bounds = region.flat().map((v) => v.toFixed(4)).join(',');
    container.append(img);
    for (const d of document.querySelectorAll('details')) d.open = true;
  };
  const after = () => { img?.remove(); img = null; };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    map.off('moveend', onMoveEnd);
    after();
  };
}

/**
 * Draws `region` at the current zoom into the canvas, synchronously, and returns it as a PNG data
 * URL with its size in CSS pixels; the map's camera, size and pixel ratio are restored after.
 */
function drawRegion(map: MlMap, container: HTMLElement, region: Bounds): { url: string; width: number; height: number } | null {
  const zoom = map.getZoom();
  const center = map.getCenter();
  const ratio = map.getPixelRatio();
  // Through the CSSOM, property by property: a strict CSP refuses a written style attribute.
  const props = ['position', 'inset', 'left', 'top', 'width', 'height'];
  const saved = props.map((p) => [p, container.style.getPropertyValue(p), container.style.getPropertyPriority(p)] as const);
  const size = regionSizePx(region, zoom);
  const width = Math.max(1, Math.round(size.width)), height = Math.max(1, Math.round(size.height));
  try {
    Object.assign(container.style, { position: 'absolute', inset: 'auto', left: '0', top: '0', width: `${width}px`, height: `${height}px` });
    map.setPixelRatio(printRatio(size)); // resizes the map to the container too
    const fit = map.cameraForBounds(region, { padding: 0 });
    map.jumpTo({ center: fit?.center ?? center, zoom });
    map.redraw();
    return { url: map.getCanvas().toDataURL('image/png'), width, height };
  } catch {
    return null;
  } finally {
    for (const [p, value, priority] of saved) {
      if (value) container.style.setProperty(p, value, priority);
      else container.style.removeProperty(p);
    }
    // The ratio the map had (the device's, unless one was set) and the camera the reader left.
    map.setPixelRatio(ratio);
    map.jumpTo({ center, zoom });
  }
}
