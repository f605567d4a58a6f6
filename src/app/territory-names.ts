/**
 * The sides' names on the map, kept out of the way of swaps: they are hidden in the frame that
 * shows a new date (a paint change, no new layout), and the new date's names are placed when the
 * page is next idle, then shown. So a reader stepping quickly never sees another date's names,
 * and a swap's frame carries no label layout. Their positions (analysis/labels.ts, Turf and
 * polylabel) are computed once per snapshot, in a module loaded with the first labels.
 */
import type { FeatureCollection } from 'geojson';
import type { Map as MlMap } from 'maplibre-gl';
import type { Snapshot } from '../data/contract.ts';
import { setTerritoryLabels, setTerritoryLabelsShown, TERRITORY_LABEL_SOURCE } from '../map/territory-layers.ts';
import { sourceDrawn } from '../map/source-drawn.ts';

const whenIdle = (fn: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 50));

export class TerritoryNames {
  readonly #map: MlMap;
  readonly #cache = new WeakMap<Snapshot, FeatureCollection>();
  #points: ((s: Snapshot) => FeatureCollection) | null = null;
  /** The snapshot whose names should be on the map. */
  #wanted: Snapshot | null = null;
  #on = false;
  /** Resolves once the wanted snapshot's names are on the map (or another is wanted). */
  #settled: Promise<void> = Promise.resolve();

  constructor(map: MlMap) { this.#map = map; }

  /** Resolves once the names of the snapshot last shown are on the map (a still render waits for it). */
  whenShown(): Promise<void> { return this.#settled; }

  /** Labels are on: loads the module that places them and shows the wanted snapshot's names. */
  start(): Promise<void> {
    this.#settled = (async () => {
      const { labelPoints } = await import('../analysis/labels.ts');
      this.#points = (s) => labelPoints(s);
      this.#on = true;
      if (this.#wanted) { this.show(this.#wanted); await this.#settled; }
    })();
    return this.#settled;
  }

  /** Hides the names at once (a swap is on its way). */
  hide(): void {
    if (this.#on) setTerritoryLabelsShown(this.#map, false);
  }

  /** Places and shows `snapshot`'s names when the page is next idle, unless another is wanted by then. */
  show(snapshot: Snapshot): void {
    this.#wanted = snapshot;
    if (!this.#on) return;
    this.#settled = new Promise<void>((resolve) => {
      whenIdle(async () => {
        try {
          if (this.#wanted !== snapshot || !this.#points) return;
          let fc = this.#cache.get(snapshot);
          if (!fc) this.#cache.set(snapshot, (fc = this.#points(snapshot)));
          const placed = sourceDrawn(this.#map, TERRITORY_LABEL_SOURCE, 'event');
          setTerritoryLabels(this.#map, fc);
          await placed;
          if (this.#wanted === snapshot) setTerritoryLabelsShown(this.#map, true);
        } finally {
          resolve();
        }
      });
    });
  }
}
