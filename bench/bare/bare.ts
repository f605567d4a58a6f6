/**
 * The benchmark's baseline: the least a MapLibre page needs to draw the same data as the explorer
 * (basemap, rivers, one snapshot's faction fills). No labels, controls, analysis or UI.
 * It sets data-snapshot on #map when the snapshot is drawn, as the explorer does.
 */
import { Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);
const data = (p: string) => new URL(`data/${p}`, document.baseURI).href;
const data_ = data;

const [factions, index] = await Promise.all([
  fetch(data('factions.json')).then((r) => r.json()) as Promise<{ factions: { id: string; color: string }[] }>,
  fetch(data('snapshots/index.json')).then((r) => r.json()) as Promise<{ snapshots: { date: string; file: string; article?: boolean }[] }>,
]);
const entry = index.snapshots.find((s) => s.article) ?? index.snapshots[index.snapshots.length - 1]!;
const el = document.getElementById('map')!;
const map = new MlMap({
  container: el,
  bounds: [[35.6, 29.1], [48.6, 37.4]],
  fitBoundsOptions: { padding: 16 },
  style: {
    version: 8,
    sources: {
      basemap: { type: 'geojson', data: data('basemap/basemap.geojson') },
      territory: { type: 'geojson', data: data(`snapshots/${entry.file}`) },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#c9dbe6' } },
      { id: 'land', type: 'fill', source: 'basemap', filter: ['==', ['get', 'kind'], 'country'], paint: { 'fill-color': '#ece9e2' } },
      { id: 'fill', type: 'fill', source: 'territory', paint: { 'fill-color': ['match', ['get', 'faction'], ...factions.factions.flatMap((f) => [f.id, f.color]), '#999'] as never, 'fill-opacity': 0.72 } },
      { id: 'rivers', type: 'line', source: 'basemap', filter: ['==', ['get', 'kind'], 'river'], paint: { 'line-color': '#6f9fc0' } },
      { id: 'borders', type: 'line', source: 'basemap', filter: ['==', ['get', 'kind'], 'border'], paint: { 'line-color': '#8c8577' } },
    ],
  },
});
// "Drawn" as the explorer defines it: the territory source's tiles loaded, then a frame rendered.
let loaded = false;
map.on('sourcedata', (e) => { if (e.sourceId === 'territory' && e.isSourceLoaded) loaded = true; });
map.on('render', () => { if (loaded && map.isSourceLoaded('territory') && !el.hasAttribute('data-snapshot')) el.setAttribute('data-snapshot', entry.date); });

// For the swap benchmark: draw another snapshot the bare way (fetch, setData) and resolve once drawn.
(window as unknown as { __swap: (file: string) => Promise<number> }).__swap = async (file: string) => {
  const t0 = performance.now();
  const data = await (await fetch(data_(`snapshots/${file}`))).json();
  let reloaded = false;
  const drawn = new Promise<void>((resolve) => {
    const onData = (e: { sourceId?: string; isSourceLoaded?: boolean }) => { if (e.sourceId === 'territory' && e.isSourceLoaded) reloaded = true; };
    const onRender = () => { if (reloaded && map.isSourceLoaded('territory')) { map.off('sourcedata', onData); map.off('render', onRender); resolve(); } };
    map.on('sourcedata', onData);
    map.on('render', onRender);
  });
  await map.getSource<import('maplibre-gl').GeoJSONSource>('territory')!.setData(data);
  await drawn;
  return performance.now() - t0;
};
