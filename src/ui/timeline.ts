/**
 * The date control: a slider over the snapshots (arrows step one snapshot, Home/End jump to the
 * ends, as a native range input does), previous/next buttons and the date in words.
 * It only emits intents; the app decides and calls `render`.
 */
import { el } from './dom.ts';
import { formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Strings } from './strings.ts';

export interface TimelineOptions {
  container: HTMLElement;
  datesIso: readonly string[];
  onChange: (index: number) => void;
  /**
   * Room kept from the start for what joins the control after the first map, so that nothing
   * below it moves when it comes: the player's row (its own module fills it) and the row of
   * event marks under the slider (when the story has events).
   */
  reserve?: { player?: boolean; events?: boolean };
}

export class Timeline {
  readonly #slider: HTMLInputElement;
  readonly #prev: HTMLButtonElement;
  readonly #next: HTMLButtonElement;
  readonly #output: HTMLSpanElement;
  readonly #label: HTMLLabelElement;
  readonly #dates: readonly string[];
  #lang: Lang = 'en';

  constructor({ container, datesIso, onChange, reserve = {} }: TimelineOptions) {
    this.#dates = datesIso;
    this.#slider = el('input', { type: 'range', id: 'date-slider', min: '0', max: String(datesIso.length - 1), step: '1' });
    this.#label = el('label', { for: 'date-slider', class: 'timeline-label' });
    this.#prev = el('button', { type: 'button', class: 'timeline-step', 'data-step': '-1' }, '‹');
    this.#next = el('button', { type: 'button', class: 'timeline-step', 'data-step': '1' }, '›');
    // A span, not an <output> (a live region): the slider's value text says the date, and the map's
    // live region (src/app/announce-view.ts) speaks once it is drawn.
    this.#output = el('span', { class: 'timeline-date' });
    this.#slider.addEventListener('input', () => onChange(Number(this.#slider.value)));
    this.#prev.addEventListener('click', () => onChange(Math.max(0, Number(this.#slider.value) - 1)));
    this.#next.addEventListener('click', () => onChange(Math.min(this.#dates.length - 1, Number(this.#slider.value) + 1)));
    const ticks = el('div', { class: 'timeline-years', 'aria-hidden': 'true' });
    const first = Number(datesIso[0]!.slice(0, 4)), last = Number(datesIso[datesIso.length - 1]!.slice(0, 4));
    let lastPct = -Infinity;
    for (let y = first; y <= last; y++) {
      const i = datesIso.findIndex((d) => d >= `${y}-01-01`);
      // A year without a date of its own gets no label (it would stand at a later year's date).
      if (i < 0 || !datesIso[i]!.startsWith(`${y}-`)) continue;
      const pct = (100 * i) / Math.max(1, datesIso.length - 1);
      if (pct - lastPct < 12) continue; // too close to the previous year's label
      const tick = el('span', {}, String(y));
      tick.style.left = `${pct}%`;
      ticks.append(tick);
      lastPct = pct;
    }
    const track = el('div', { class: reserve.events ? 'timeline-track has-events' : 'timeline-track' }, this.#slider, ticks);
    container.append(
      el('div', { class: 'timeline-head' }, this.#label, this.#output),
      el('div', { class: 'timeline-row' }, this.#prev, track, this.#next),
    );
    if (reserve.player) container.append(el('div', { class: 'player' }));
  }

  /**
   * Shows the chosen date; `failed` when its snapshot did not load, with the index still on the
   * map (or null), so the failure is plain to see and to hear.
   */
  render(index: number, lang: Lang, t: Strings, failed: { shownIndex: number | null } | null = null): void {
    this.#lang = lang;
    const chosen = formatDate(this.#dates[index]!, this.#lang);
    const words = failed ? t.dateFailed(chosen, failed.shownIndex === null ? null : formatDate(this.#dates[failed.shownIndex]!, lang)) : chosen;
    this.#slider.value = String(index);
    this.#slider.setAttribute('aria-valuetext', words);
    this.#label.textContent = t.date;
    this.#output.textContent = words;
    this.#output.classList.toggle('timeline-failed', failed !== null);
    this.#prev.setAttribute('aria-label', t.previous);
    this.#next.setAttribute('aria-label', t.next);
    this.#prev.disabled = index <= 0;
    this.#next.disabled = index >= this.#dates.length - 1;
  }
}
