/**
 * Places as focusable buttons (MapLibre markers), so a reader can reach every town by keyboard,
 * plus a symbol layer for their names (in the reader's language, and the local name in its own
 * script under it, drawn with the bundled fonts: style.ts).
 * Smaller places appear as the reader zooms in, and a place whose button would overlap a bigger
 * one's stays hidden until the reader zooms in further, so every button is a target of at least
 * TARGET_PX square that no other covers (WCAG 2.2 target size); hidden buttons leave the tab order.
 */
import { Marker, type Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Place } from '../data/contract.ts';
import type { Lang } from '../i18n/lang.ts';
import { FONT_REGULAR, bilingualName, COLORS, type Palette } from './style.ts';

/** Zoom from which a place of each rank is shown. */
export const MIN_ZOOM_BY_RANK: Record<number, number> = { 1: 0, 2: 5, 3: 6.3 };
const minZoom = (rank: number) => MIN_ZOOM_BY_RANK[rank] ?? 6.3;
/** A button's side in CSS px (the dot is drawn inside it): WCAG 2.2's minimum target, 24 px. */
export const TARGET_PX = 24;

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
  readonly #onZoom = () => this.#updateVisibility();
  /** Set while focus is moved by code (back from a closed popup), so the focus does not reopen it. */
  #quiet = false;

  constructor({ map, places, lang, colors = COLORS, onSelect, interactive = true }: PlaceMarkersOptions) {
    this.#map = map;
    const data: FeatureCollection = { type: 'FeatureCollection', features: places as Place[] };
    map.addSource('places', { type: 'geojson', data });
    map.addLayer({
      id: 'place-labels',
      type: 'symbol',
      source: 'places',
      filter: ['>=', ['zoom'], ['match', ['get', 'rank'], 1, 0, 2, MIN_ZOOM_BY_RANK[2]!, MIN_ZOOM_BY_RANK[3]!]],
      layout: {
        'text-field': bilingualName(lang),
        'text-font': [FONT_REGULAR],
        'text-size': ['match', ['get', 'rank'], 1, 13.5, 2, 12.5, 11.5],
        'text-anchor': 'left',
        'text-offset': [0.75, 0],
        'text-justify': 'left',
        'text-padding': 3,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': colors.label, 'text-halo-color': colors.halo, 'text-halo-width': 1.6 },
    });
    if (!interactive) {
      map.addLayer({
        id: 'place-dots',
        type: 'circle',
        source: 'places',
        filter: ['>=', ['zoom'], ['match', ['get', 'rank'], 1, 0, 2, MIN_ZOOM_BY_RANK[2]!, MIN_ZOOM_BY_RANK[3]!]],
        paint: { 'circle-radius': ['match', ['get', 'rank'], 1, 5, 4], 'circle-color': colors.halo, 'circle-stroke-color': colors.label, 'circle-stroke-width': ['match', ['get', 'rank'], 1, 2.5, 2] },
      }, 'place-labels');
    }
    for (const place of interactive ? places : []) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `place-dot rank-${place.properties.rank}`;
      button.dataset.placeId = place.properties.id;
      button.addEventListener('click', (e) => { e.stopPropagation(); onSelect(place.properties.id); });
      button.addEventListener('focus', () => { if (!this.#quiet && button.matches(':focus-visible')) onSelect(place.properties.id); });
      const marker = new Marker({ element: button }).setLngLat(place.geometry.coordinates as [number, number]).addTo(map);
      this.#items.push({ place, marker, button });
    }
    this.setLang(lang);
    map.on('moveend', this.#onZoom); // after a pan too: a place may come out from under a control
    map.on('resize', this.#onZoom);
    this.#updateVisibility();
  }

  setLang(lang: Lang): void {
    this.#map.setLayoutProperty('place-labels', 'text-field', bilingualName(lang));
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
    const z = this.#map.getZoom();
    const shown = this.#items.filter(({ place }) => z >= minZoom(place.properties.rank));
    // Places come by rank (core.places), so a bigger place keeps its button over a smaller neighbour.
    // The map's own controls (zoom buttons, attribution) are targets too: a place's button must not
    // sit under one, nor hang over the map's edge.
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
    this.#map.off('moveend', this.#onZoom);
    this.#map.off('resize', this.#onZoom);
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
