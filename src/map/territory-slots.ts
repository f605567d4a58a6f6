/**
 * The main map's territory, drawn from one of several sources ("slots", docs/performance.md):
 *  - the plain source (territory-layers.ts), which holds one snapshot: a swap sets its data and
 *    MapLibre cuts it into tiles again;
 *  - a few date slots over the date stack's vector tiles (src/data/date-stack.ts, cut at build
 *    time), each drawing one date of a block, chosen by a filter on the map's global state.
 * One slot is shown; the others are readied in the background with the dates a reader is likely
 * to pick next, their layers at layer opacity 0 (MapLibre skips drawing them, but their tiles are
 * loaded and their buffers built). A swap to a readied date only sets layer opacities, in one go,
 * so that no frame shows two slots or none, and no tile is cut, parsed or built at swap time.
 */
import type { Map as MlMap, ExpressionSpecification, GeoJSONSource, VectorTileSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Faction } from '../data/contract.ts';
import { ON_PROPERTY, STACK_LAYER } from '../data/date-stack.ts';
import { sourceDrawn } from './source-drawn.ts';
import { addTerritorySlotLayers, slotLayerIds, TERRITORY_SOURCE, withAttacker } from './territory-layers.ts';

/** A date of the stack: its block's tiles (URL template), the date, and its place in the block (what the tiles' `on` lists). */
export interface StackDate { tiles: string; dateIso: string; at: number }
/** What every block's tiles have in common. */
export interface StackTiles { bounds: [number, number, number, number]; maxzoom: number }

interface Slot {
  source: string;
  layers: string[];
  /** Global-state key of a date slot's filter; null for the plain slot. */
  key: string | null;
  tiles: string | null;
  dateIso: string | null;
  /** Resolves once the slot's tiles for its date are loaded and drawn (invisibly). */
  ready: Promise<void>;
  usedAt: number;
  /** Swaps waiting on this slot: it is not retargeted meanwhile. */
  pending: number;
}

/** Date slots: the date shown and one either side. */
export const DATE_SLOTS = 3;

const nextFrame = (map: MlMap) => new Promise<void>((resolve) => { map.once('render', () => resolve()); map.triggerRepaint(); });
const opacityOf = (map: MlMap, id: string) => (map.getLayer(id)?.type === 'line' ? 'line-layer-opacity' : 'fill-layer-opacity');

export class TerritorySlots {
  readonly #map: MlMap;
  readonly #factions: readonly Faction[];
  readonly #beforeId: string;
  readonly #plain: Slot;
  readonly #dates: Slot[] = [];
  #stack: StackTiles | null = null;
  #shown: Slot;
  #clock = 0;
  /** Bumped by every show: a show overtaken by a later one does not switch slots. */
  #seq = 0;

  /** The plain source and its layers are added by `addTerritoryLayers`, before any show. */
  constructor(map: MlMap, factions: readonly Faction[], beforeId: string) {
    this.#map = map;
    this.#factions = factions;
    this.#beforeId = beforeId;
    this.#plain = { source: TERRITORY_SOURCE, layers: slotLayerIds(TERRITORY_SOURCE), key: null, tiles: null, dateIso: null, ready: Promise.resolve(), usedAt: 0, pending: 0 };
    this.#shown = this.#plain;
  }

  /** Lets dates be drawn from the stack's tiles from now on. */
  useStack(stack: StackTiles): void { this.#stack = stack; }

  /** Draws a snapshot from the plain source; resolves once a frame shows it. */
  async showSnapshot(territory: FeatureCollection): Promise<void> {
    const slot = this.#plain, ticket = ++this.#seq;
    this.#map.getContainer().dataset.territoryFrom = 'file';
    if (this.#shown !== slot) this.#hide(slot, false);
    const drawn = sourceDrawn(this.#map, slot.source, 'event');
    await this.#map.getSource<GeoJSONSource>(slot.source)?.setData(withAttacker(territory));
    await drawn;
    if (ticket === this.#seq) await this.#show(slot);
  }

  /**
   * Draws a date of the stack (useStack first); resolves once a frame shows it (or a later show
   * overtook it), to false when there is no date slot to draw it in.
   */
  async showDate(date: StackDate): Promise<boolean> {
    const ticket = ++this.#seq;
    const slot = this.#holding(date) ?? this.#forShow(date);
    if (!slot) return false;
    slot.pending++;
    try {
      await slot.ready;
      if (ticket === this.#seq) await this.#show(slot);
    } finally {
      slot.pending--;
    }
    return true;
  }

  /**
   * A date slot for a date to show now: a spare one; else, when every other slot is awaited (by
   * shows this one overtakes, so they will not switch), the one used longest ago; the shown date
   * slot last. Never the plain slot, which is no date slot.
   */
  #forShow(date: StackDate): Slot | null {
    if (!this.#stack) return null;
    const slot = this.#spare([date]) ?? this.#dates.filter((s) => s !== this.#shown).sort((a, b) => a.usedAt - b.usedAt)[0]
      ?? (this.#shown !== this.#plain ? this.#shown : null);
    return slot ? this.#target(slot, date) : null;
  }

  /** Readies dates in slots not shown (the shown date first), in the background. */
  prepare(dates: readonly StackDate[]): void {
    for (const date of dates) {
      if (this.#holding(date)) continue;
      const slot = this.#spare(dates);
      if (!slot) return;
      this.#target(slot, date);
    }
  }

  #holding(date: StackDate): Slot | undefined {
    return this.#dates.find((s) => s.tiles === date.tiles && s.dateIso === date.dateIso);
  }

  /** A date slot to retarget: a new one while there are fewer than DATE_SLOTS, else the one used longest ago that nobody needs. */
  #spare(wanted: readonly StackDate[]): Slot | null {
    if (!this.#stack) return null;
    if (this.#dates.length < DATE_SLOTS) return this.#add();
    const needed = (s: Slot) => wanted.some((d) => d.tiles === s.tiles && d.dateIso === s.dateIso);
    return this.#dates.filter((s) => s !== this.#shown && !s.pending && !needed(s)).sort((a, b) => a.usedAt - b.usedAt)[0] ?? null;
  }

  #add(): Slot {
    const n = this.#dates.length;
    const slot: Slot = { source: `territory-date-${n}`, layers: [], key: `date${n}`, tiles: null, dateIso: null, ready: Promise.resolve(), usedAt: 0, pending: 0 };
    this.#dates.push(slot);
    return slot;
  }

  /** Points a date slot at a date; its tiles load and build, invisibly, from now on. */
  #target(slot: Slot, date: StackDate): Slot {
    const map = this.#map;
    if (slot.tiles === null) {
      map.setGlobalStateProperty(slot.key!, date.at);
      map.addSource(slot.source, { type: 'vector', tiles: [date.tiles], bounds: this.#stack!.bounds, minzoom: 0, maxzoom: this.#stack!.maxzoom });
      // A piece without `on` is drawn on every date of its block (src/data/date-stack.ts).
      const only = ['any', ['!', ['has', ON_PROPERTY]], ['in', ['concat', ',', ['to-string', ['global-state', slot.key!]], ','], ['get', ON_PROPERTY]]] as ExpressionSpecification;
      slot.layers = addTerritorySlotLayers(map, this.#factions, slot.source, this.#beforeId, { only, sourceLayer: STACK_LAYER, invisible: true });
      slot.ready = sourceDrawn(map, slot.source, 'marked');
    } else {
      if (slot === this.#shown) { /* retargeting the shown slot: the next frames show the new date as its tiles come */ }
      const drawn = sourceDrawn(map, slot.source, slot.tiles === date.tiles ? 'marked' : 'event');
      if (slot.tiles !== date.tiles) map.getSource<VectorTileSource>(slot.source)?.setTiles([date.tiles]);
      map.setGlobalStateProperty(slot.key!, date.at);
      slot.ready = drawn;
    }
    slot.tiles = date.tiles;
    slot.dateIso = date.dateIso;
    return slot;
  }

  /** Sets a slot's layer opacities (0 hides it without unloading its tiles). */
  #opacity(slot: Slot, value: number): void {
    for (const id of slot.layers) this.#map.setPaintProperty(id, opacityOf(this.#map, id), value);
  }

  /** The plain slot, not shown: hidden entirely (no tiles for it while panning), or made drawable but invisible. */
  #hide(slot: Slot, unload: boolean): void {
    this.#opacity(slot, 0);
    for (const id of slot.layers) this.#map.setLayoutProperty(id, 'visibility', unload ? 'none' : 'visible');
  }

  /** Shows `slot` instead of the one shown, in one frame. */
  async #show(slot: Slot): Promise<void> {
    slot.usedAt = ++this.#clock;
    const before = this.#shown;
    if (before === slot) return;
    this.#opacity(slot, 1);
    this.#opacity(before, 0);
    this.#shown = slot;
    // What draws the territory now, for tests and for anyone looking at the page: the stack or a file.
    this.#map.getContainer().dataset.territoryFrom = slot === this.#plain ? 'file' : 'stack';
    await nextFrame(this.#map);
    if (before === this.#plain && this.#shown !== before) this.#hide(before, true);
  }
}
