/**
 * The charts: ground held per side over time (from data/stats.json), and for a place the distance
 * to each side's nearest ground over time (data/place-distances.json, loaded when first shown).
 * Choosing a date on a chart selects it on the map.
 */
import type { Faction, Place } from '../data/contract.ts';
import type { Stats } from '../data/stats.ts';
import type { PlaceDistances } from '../data/place-distances.ts';
import type { Lang } from '../i18n/lang.ts';
import { renderLineChart, type LineChart } from './charts.ts';
import { el } from './dom.ts';
import type { Strings } from './strings.ts';

export interface OverTimeOptions {
  container: HTMLElement;
  datesIso: string[];
  factions: readonly Faction[];
  places: readonly Place[];
  /** The place the distance chart opens on. */
  defaultPlace: string | null;
  onSelect: (index: number) => void;
  /** A place chosen for the distance chart. */
  onPlace: (placeId: string) => void;
  /** Which charts the story has figures for (stats.json, place-distances.json); the others are left out. */
  charts: { area: boolean; distances: boolean };
}

export class OverTime {
  readonly #o: OverTimeOptions;
  readonly #areaBox = el('div', { class: 'chart' });
  readonly #distBox = el('div', { class: 'chart' });
  readonly #select = el('select', { id: 'chart-place' });
  readonly #heading = el('h2', {});
  readonly #selectLabel = el('label', { for: 'chart-place' });
  readonly #note = el('p', { class: 'chart-note' });
  #area: LineChart | null = null;
  #dist: LineChart | null = null;
  #placeId: string | null;

  constructor(o: OverTimeOptions) {
    this.#o = o;
    this.#placeId = o.defaultPlace;
    for (const p of [...o.places].sort((a, b) => a.properties.name_en.localeCompare(b.properties.name_en))) {
      this.#select.append(el('option', { value: p.properties.id }));
    }
    if (o.defaultPlace) this.#select.value = o.defaultPlace;
    this.#select.addEventListener('change', () => { this.#placeId = this.#select.value; o.onPlace(this.#select.value); });
    const row = el('div', { class: 'chart-place-row' }, this.#selectLabel, this.#select);
    o.container.replaceChildren(this.#heading, ...(o.charts.area ? [this.#areaBox] : []), ...(o.charts.distances ? [row, this.#distBox, this.#note] : []));
  }

  /** Redraws both charts (new stats or language). */
  render(stats: Stats | null, distances: PlaceDistances | null, index: number, lang: Lang, t: Strings): void {
    this.renderArea(stats, index, lang, t);
    this.renderDistances(distances, index, lang, t);
  }

  renderArea(stats: Stats | null, index: number, lang: Lang, t: Strings): void {
    this.#area?.destroy();
    this.#area = null;
    this.#heading.textContent = t.overTime;
    const { datesIso, factions } = this.#o;
    const strings = { table: t.chartTable, date: t.date };
    if (stats) {
      this.#area = renderLineChart(this.#areaBox, {
        title: t.chartArea, datesIso, unit: 'km²', selectedIndex: index, lang, strings, onSelect: this.#o.onSelect,
        series: factions.map((f) => ({ id: f.id, label: f.short[lang], color: f.color, values: datesIso.map((d) => stats.get(d)?.areaKm2.held[f.id] ?? null) })),
      });
    } else this.#areaBox.replaceChildren(el('p', { class: 'chart-wait' }, t.chartLoading));
  }

  /** Redraws only the distance chart (its figures arrived, or another place), leaving the other alone. */
  renderDistances(distances: PlaceDistances | null, index: number, lang: Lang, t: Strings): void {
    this.#dist?.destroy();
    this.#dist = null;
    this.#selectLabel.textContent = t.distanceFrom;
    this.#note.textContent = t.chartDistanceNote;
    for (const o of this.#select.options) {
      const p = this.#o.places.find((x) => x.properties.id === o.value);
      if (p) o.textContent = p.properties[`name_${lang}`];
    }
    const { datesIso, factions } = this.#o;
    const strings = { table: t.chartTable, date: t.date };
    const series = this.#placeId === null ? undefined : distances?.places.get(this.#placeId);
    const place = this.#o.places.find((p) => p.properties.id === this.#placeId);
    if (distances && series && place) {
      const byDate = new Map(distances.dates.map((d, i) => [d, i]));
      this.#dist = renderLineChart(this.#distBox, {
        title: t.chartDistance(place.properties[`name_${lang}`]), datesIso, unit: 'km', selectedIndex: index, lang, strings, onSelect: this.#o.onSelect,
        series: factions.map((f) => ({ id: f.id, label: f.short[lang], color: f.color, values: datesIso.map((d) => { const i = byDate.get(d); return i === undefined ? null : series[f.id]?.[i] ?? null; }) })),
      });
    } else this.#distBox.replaceChildren(el('p', { class: 'chart-wait' }, t.chartLoading));
  }

  /** Leaves a chart out (its file is broken); the section goes when no chart is left. */
  leaveOut(chart: 'area' | 'distances'): void {
    if (chart === 'area') { this.#area?.destroy(); this.#area = null; this.#areaBox.remove(); }
    else { this.#dist?.destroy(); this.#dist = null; for (const e of [this.#distBox, this.#select.parentElement, this.#note]) e?.remove(); }
    if (!this.#o.container.querySelector('.chart')) this.#o.container.hidden = true;
  }

  setSelected(index: number): void { this.#area?.setSelected(index); this.#dist?.setSelected(index); }
}
