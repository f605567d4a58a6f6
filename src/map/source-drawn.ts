/**
 * When a source's change is on screen: shared by the date slots (territory-slots.ts), the swipe
 * map's territory (territory-layers.ts) and the sides' names (territory-names.ts).
 */
import type { Map as MlMap, MapSourceDataEvent } from 'maplibre-gl';

/**
 * Resolves at the first frame drawn with `source` fully loaded after a change made just before the
 * call. `after`: 'event' when the change answers asynchronously (setData), so a 'sourcedata' event
 * for it must come first; 'marked' when the tiles are marked as loading by the time of the next
 * frame's 'render' (a global-state filter marks them at once, layers made visible in the frame's
 * update).
 */
export function sourceDrawn(map: MlMap, source: string, after: 'event' | 'marked'): Promise<void> {
  return new Promise<void>((resolve) => {
    let seen = after === 'marked';
    const onData = (e: MapSourceDataEvent) => { if (e.sourceId === source && e.isSourceLoaded) seen = true; };
    const onRender = () => {
      if (!seen || !map.isSourceLoaded(source)) return;
      map.off('sourcedata', onData);
      map.off('render', onRender);
      resolve();
    };
    map.on('sourcedata', onData);
    map.on('render', onRender);
    map.triggerRepaint();
  });
}
