/**
 * Side by side: a second map drawing another date, laid over the main map and cut at a divider
 * (CSS clip-path), following the main map's view. It takes no input itself, so the reader pans and
 * zooms the main map as usual, and the two stay aligned.
 */
import { Map as MlMap } from 'maplibre-gl';
import type { Faction, Snapshot } from '../data/contract.ts';
import type { Lang } from '../i18n/lang.ts';
import { labelPoints } from '../analysis/labels.ts';
import { buildStyle, showLabels } from './style.ts';
import { addTerritoryLayers, setTerritory } from './territory-layers.ts';

export interface SwipeMapOptions {
  main: MlMap;
  container: HTMLElement;
  factions: readonly Faction[];
  lang: Lang;
  theme: 'light' | 'dark';
  dataBase: string;
  /** The site has a basemap (style.ts buildStyle). */
  basemap: boolean;
}

export class SwipeMap {
  readonly #main: MlMap;
  readonly #map: MlMap;
  readonly #ready: Promise<void>;
  readonly #sync = () => this.#map.jumpTo({ center: this.#main.getCenter(), zoom: this.#main.getZoom() });

  constructor({ main, container, factions, lang, theme, dataBase, basemap }: SwipeMapOptions) {
    this.#main = main;
    this.#map = new MlMap({
      container,
      style: buildStyle(dataBase, document.baseURI, lang, theme, [], basemap),
      center: main.getCenter(),
      zoom: main.getZoom(),
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
    });
    this.#ready = this.#map.once('style.load').then(() => { addTerritoryLayers(this.#map, factions, lang, 'rivers'); showLabels(this.#map); });
    main.on('move', this.#sync);
  }

  /** Draws the other date; resolves once drawn. */
  async show(snapshot: Snapshot): Promise<void> {
    await this.#ready;
    await setTerritory(this.#map, snapshot, labelPoints(snapshot));
  }

  resize(): void { this.#map.resize(); }

  remove(): void {
    this.#main.off('move', this.#sync);
    this.#map.remove();
  }
}
