/**
 * The map itself: MapLibre (its script, its worker) and the map, created by app.ts once the core
 * files are in and the first snapshot is asked for. A module of its own, loaded then: MapLibre's
 * script is downloaded with the page (the build lists it for prefetching, vite.config.ts), but
 * compiled and run only now, after the still picture of the opening view is on screen
 * (still-view.ts), whose first frame would otherwise wait for it (docs/performance.md).
 */
import { Map as MlMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { Place } from '../data/contract.ts';
import { BASEMAP_FILE } from '../data/files.ts';
import type { Lang } from '../i18n/lang.ts';
import { buildStyle, placeNames } from '../map/style.ts';
import { MAX_ZOOM, MIN_ZOOM } from '../map/opening-view.ts';
import type { AppConfig } from './app.ts';

setWorkerUrl(workerUrl);

/** The map, with no camera yet unless the page or its URL has a view. */
export function createMap(mapEl: HTMLElement, config: AppConfig, dataBase: string, lang: Lang, places: readonly Place[], files: ReadonlySet<string>): MlMap {
  const map = new MlMap({
    container: mapEl,
    // A folder copied in by hand may have no basemap (the build makes it): the map goes without.
    style: buildStyle(dataBase, document.baseURI, lang, config.theme, placeNames(places), files.has(BASEMAP_FILE)),
    ...(config.view ? { center: config.view.center, zoom: config.view.zoom } : {}),
    hash: config.urlState,
    interactive: config.interactive,
    cooperativeGestures: config.cooperativeGestures,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    attributionControl: { compact: true },
    // Labels appear at once instead of fading in over 300 ms: swaps are done sooner, and there is
    // no motion for readers who prefer none.
    fadeDuration: 0,
    // Kept so that the frame can be copied for printing (src/map/print.ts, set up in app.ts).
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  if (config.interactive) map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  return map;
}
