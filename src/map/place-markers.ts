/**
 * The places for keyboard and screen-reader users: a focusable button (a MapLibre marker, drawn
 * transparent) over every dot MapLibre has placed (place-symbols.ts draws the dots and names), so a
 * reader can reach every town shown by Tab and open it with Enter. What is placed changes with the
 * view and the labels of other layers, so the buttons follow the placement once the map is idle:
 * a place whose pair gave way has no button (and leaves the tab order) until it is drawn again.
 * Every button is a target of TARGET_PX square that no other covers (WCAG 2.2 target size): the
 * dots' collision boxes are that size, and `declutter` checks it again against the map's edges and
 * its own controls (zoom buttons, attribution), which MapLibre's placement does not know about.
 */
import { Marker, type Map as MlMap } from 'maplibre-gl';
import type { Place } from '../data/contract.ts';
import type { Lang } from '../i18n/lang.ts';
import { addPlaceLayer, PLACE_LAYER, setPlaceLang, TARGET_PX } from './place-symbols.ts';
import { COLORS, type Palette } from './palette.ts';

export { MIN_ZOOM_BY_RANK, TARGET_PX } from './place-symbols.ts';

export interface PlaceMarkersOptions {
  map: MlMap;
  places: readonly Place[];
  lang: Lang;
  /** Label colours (light or dark theme); defaults to the light palette. */
  colors?: Palette;
  /** Called when a place is clicked, tapped, or focused by keyboard. */
  onSelect: (placeId: string) => void;
  /** False for a still picture: names and dots are drawn, but there are no buttons. */
  interactive?: boolean;
}

/** Where place buttons may go: the map's size in px and rectangles they must keep clear of. */
export interface DeclutterArea {
  width?: number;
  height?: number;
  obstacles?: readonly { x: number; y: number; width: number; height: number }[];
}

export class PlaceMarkers {
  readonly #map: MlMap;
  readonly #items: { place: Place; marker: Marker; button: HTMLButtonElement }[] = [];
  readonly #onIdle = () => this.#updateVisibility();
  /** Set while focus is moved by code (back from a closed popup), so the focus does not reopen it. */
  #quiet = false;

  constructor({ map, places, lang, colors = COLORS, onSelect, interactive = true }: PlaceMarkersOptions) {
    this.#map = map;
    addPlaceLayer(map, places, lang, colors);
    for (const place of interactive ? places : []) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `place-dot rank-${place.properties.rank}`;
      button.dataset.placeId = place.properties.id;
      button.hidden = true; // until MapLibre has placed its dot
      button.addEventListener('click', (e) => { e.stopPropagation(); onSelect(place.properties.id); });
      button.addEventListener('focus', () => { if (!this.#quiet && button.matches(':focus-visible')) onSelect(place.properties.id); });
      const marker = new Marker({ element: button }).setLngLat(place.geometry.coordinates as [number, number]).addTo(map);
      this.#items.push({ place, marker, button });
    }
    this.setLang(lang);
    // Placement is final when the map is idle: after a move, a resize, new data in any symbol layer.
    if (interactive) map.on('idle', this.#onIdle);
  }

  setLang(lang: Lang): void {
    setPlaceLang(this.#map, lang);
    for (const { place, button } of this.#items) {
      const local = place.properties.name_local;
      button.setAttribute('aria-label', local ? `${place.properties[`name_${lang}`]} (${local})` : place.properties[`name_${lang}`]);
      button.lang = lang;
    }
  }

  /** Moves the keyboard focus to a place's button without selecting it (e.g. after Escape closed its popup). */
  focusQuietly(placeId: string): void {
    const b = this.button(placeId);
    if (!b || b.hidden) return;
    this.#quiet = true;
    try { b.focus(); } finally { this.#quiet = false; }
  }

  button(placeId: string): HTMLButtonElement | undefined {
    return this.#items.find((i) => i.place.properties.id === placeId)?.button;
  }

  #updateVisibility(): void {
    if (!this.#map.getLayer(PLACE_LAYER)) return;
    // The places whose dot and name MapLibre drew in this placement.
    const placed = new Set(this.#map.queryRenderedFeatures({ layers: [PLACE_LAYER] }).map((f) => f.properties.id as string));
    const shown = this.#items.filter(({ place }) => placed.has(place.properties.id));
    // Places come by rank (core.places), so a bigger place keeps its button over a smaller neighbour.
    // The map's own controls are targets too: a place's button must not sit under one, nor hang
    // over the map's edge (its dot then stays drawn, and is reached once the reader pans).
    const box = this.#map.getContainer().getBoundingClientRect();
    const controls = [...this.#map.getContainer().querySelectorAll('.maplibregl-ctrl')].map((c) => {
      const r = c.getBoundingClientRect();
      return { x: r.left - box.left, y: r.top - box.top, width: r.width, height: r.height };
    }).filter((r) => r.width > 0 && r.height > 0);
    const keep = declutter(shown.map(({ place }) => this.#map.project(place.geometry.coordinates as [number, number])), TARGET_PX,
      { obstacles: controls, width: box.width, height: box.height });
    const visible = new Set(shown.filter((_, i) => keep[i]));
    for (const item of this.#items) item.button.hidden = !visible.has(item);
  }

  remove(): void {
    this.#map.off('idle', this.#onIdle);
    for (const { marker } of this.#items) marker.remove();
  }
}

/**
 * Which of the points (in priority order) keep a square target of `sizePx`, centred on the point,
 * that no earlier kept point's square overlaps. Greedy, so the first point is kept unless `within`
 * rules it out. With `within`, a square must also lie inside `width` × `height` (when given) and
 * clear of every obstacle rectangle (other targets, such as the map's zoom buttons).
 * @example declutter([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 30, y: 0 }], 24) // [true, false, true]
 */
export function declutter(points: readonly { x: number; y: number }[], sizePx: number, within: DeclutterArea = {}): boolean[] {
  const kept: { x: number; y: number }[] = [];
  const h = sizePx / 2;
  const { obstacles = [], width, height } = within;
  return points.map((p) => {
    if (width !== undefined && (p.x - h < 0 || p.x + h > width)) return false;
    if (height !== undefined && (p.y - h < 0 || p.y + h > height)) return false;
    if (obstacles.some((o) => p.x + h > o.x && p.x - h < o.x + o.width && p.y + h > o.y && p.y - h < o.y + o.height)) return false;
    if (kept.some((k) => Math.abs(k.x - p.x) < sizePx && Math.abs(k.y - p.y) < sizePx)) return false;
    kept.push(p);
    return true;
  });
}
