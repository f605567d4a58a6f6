/**
 * Describes every finished frame on the map's element, once MapLibre is idle: the drawing
 * buffer's size (`data-frame="1200x750"`) and the view's bounds (`data-bounds="w,s,e,n"`). A still
 * render waits for a frame drawn at its final size, and checks the picture against the data in
 * those bounds (scripts/render.ts).
 */
import type { Map as MlMap } from 'maplibre-gl';

export function markFrames(map: MlMap, el: HTMLElement): () => void {
  const mark = () => {
    const c = map.getCanvas();
    const b = map.getBounds();
    el.dataset.frame = `${c.width}x${c.height}`;
    el.dataset.bounds = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(4)).join(',');
  };
  map.on('idle', mark);
  return () => { map.off('idle', mark); };
}
