/**
 * The hand-over from the build's still picture (first-picture.ts put it in #map) to the live map.
 * From the moment the map exists, the still is lined up with the live camera (so a resize, or any
 * move of the map's own, keeps its ground where the live map draws it); the live canvas stays
 * hidden under it. The still goes, and the canvas shows, once the live map has drawn a complete
 * frame (#map's data-complete: territory, names, places), or at once when the reader moves the map
 * or asks for another date, language, place or comparison, or when the still is not of the date
 * and language the app opens on (a data folder changed since the build).
 */
import type { MapLibreEvent } from 'maplibre-gl';
import { stillBox } from '../map/opening-view.ts';
import type { AppContext } from './context.ts';
import { HAS_STILL_CLASS, placeStill, STILL_CLASS, stillGeometry } from './first-picture.ts';

type Ctx = Pick<AppContext, 'store' | 'map' | 'mapEl' | 'core'>;

/** Takes the still over from the first script, if there is one; call once the map's camera is set. */
export function handOverStill({ store, map, mapEl, core }: Ctx): void {
  const img = mapEl.querySelector<HTMLImageElement>(`img.${STILL_CLASS}`);
  if (!img) return;
  img.dataset.live = 'true'; // the first script stops following the map's size
  const still = stillGeometry(img);
  const align = () => {
    const c = map.getCenter();
    placeStill(img, stillBox(still, { center: [c.lng, c.lat], zoom: map.getZoom() }, { width: mapEl.clientWidth, height: mapEl.clientHeight }));
  };
  const onMove = (e: MapLibreEvent<unknown>) => { if (e.originalEvent) drop(); };
  const complete = new MutationObserver(() => { if (mapEl.dataset.complete === 'true') drop(); });
  let unwatch = () => {};
  function drop(): void {
    map.off('move', align);
    map.off('resize', align);
    map.off('movestart', onMove);
    complete.disconnect();
    unwatch();
    dropStill(mapEl);
  }
  const opening = store.state;
  if (core.datesIso[opening.dateIndex] !== img.dataset.date || opening.lang !== img.dataset.lang) { drop(); return; }
  align();
  map.on('move', align);
  map.on('resize', align);
  map.on('movestart', onMove);
  complete.observe(mapEl, { attributes: true, attributeFilter: ['data-complete'] });
  unwatch = store.watch((s) => [s.dateIndex, s.lang, s.placeId, s.compareIndex], drop, { initial: false });
}

/** Removes the still, if any, and shows the map's canvas. */
export function dropStill(mapEl: Element | null): void {
  mapEl?.querySelector(`img.${STILL_CLASS}`)?.remove();
  mapEl?.classList.remove(HAS_STILL_CLASS);
}

/**
 * Resolves once the still, if there is one, is on screen. Creating the map is one long task
 * (docs/performance.md) that also keeps the GPU process busy, so the app waits for this first:
 * where the browser reports paints of elements (Element Timing: the still's `elementtiming`
 * attribute), for the frame with the still to be shown, elsewhere for it to be decoded and a frame
 * drawn; never longer than `maxMs`, so that a slow picture does not hold up the live map.
 */
export async function stillOnScreen(mapEl: Element, maxMs = 500): Promise<void> {
  const img = mapEl.querySelector<HTMLImageElement>(`img.${STILL_CLASS}`);
  if (!img) return;
  let observer: PerformanceObserver | undefined;
  const shown = PerformanceObserver.supportedEntryTypes?.includes('element')
    ? new Promise<void>((resolve) => {
      observer = new PerformanceObserver((list) => { if (list.getEntries().some((e) => (e as PerformanceEntry & { identifier?: string }).identifier === img.getAttribute('elementtiming'))) resolve(); });
      observer.observe({ type: 'element', buffered: true });
    })
    : img.decode().catch(() => {}).then(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  await Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, maxMs))]);
  observer?.disconnect();
}
