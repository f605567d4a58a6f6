/**
 * Printing a WebGL map: browsers may print the canvas blank, so just before printing the drawn
 * frame is copied into an <img> that the print stylesheet shows instead (needs the map's
 * preserveDrawingBuffer). Details elements open so that sources are printed too.
 */
import type { Map as MlMap } from 'maplibre-gl';

export function preparePrinting(map: MlMap, container: HTMLElement): () => void {
  let img: HTMLImageElement | null = null;
  const before = () => {
    img?.remove();
    img = document.createElement('img');
    img.className = 'print-map';
    img.alt = container.getAttribute('aria-label') ?? '';
    try {
      img.src = map.getCanvas().toDataURL('image/png');
    } catch {
      return; // a tainted or lost canvas: print without the picture rather than fail
    }
    container.append(img);
    for (const d of document.querySelectorAll('details')) d.open = true;
  };
  const after = () => { img?.remove(); img = null; };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => { window.removeEventListener('beforeprint', before); window.removeEventListener('afterprint', after); after(); };
}
