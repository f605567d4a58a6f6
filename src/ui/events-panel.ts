/**
 * The events of the shown date's period, listed with the summary below the map: date, a claim's
 * label, title, one line, what settled a disproved claim, the sources, and a button that shows the
 * event's place on the map; buttons to the previous and next date with events. Also the compact
 * list of a comparison ("between these dates"). It only emits intents (`onStep`, `onPlace`).
 */
import type { StoryEvent } from '../data/events.ts';
import type { Lang } from '../i18n/lang.ts';
import { el } from './dom.ts';
import { EVENT_WORDS, eventDateText, settledText } from './event-words.ts';

export interface EventItemOptions {
  lang: Lang;
  /** The place's name in the reader's language, or null to leave the place out. */
  placeName: (id: string) => string | null;
  /** Shows a place on the map; null where nothing can be chosen (a still picture). */
  onPlace: ((id: string) => void) | null;
  /** Title, status and date only (a comparison's list). */
  compact?: boolean;
}

/** One event as a list item; every text is set as text, never parsed as HTML. */
export function eventItem(e: StoryEvent, o: EventItemOptions): HTMLLIElement {
  const w = EVENT_WORDS[o.lang];
  const status = e.status === 'confirmed' ? null : el('span', { class: 'event-status' }, w.status[e.status]);
  const place = e.place ? o.placeName(e.place) : null;
  const placeButton = place && o.onPlace
    ? el('button', { type: 'button', class: 'event-place', 'data-place': e.place!, 'aria-label': w.showPlace(place) }, el('span', { class: 'event-pin', 'aria-hidden': 'true' }), place)
    : null;
  if (placeButton) placeButton.addEventListener('click', () => o.onPlace!(e.place!));
  const settled = settledText(e, o.lang);
  const sources = o.compact ? null : el('details', { class: 'event-sources' },
    el('summary', {}, w.sources(e.sources.length)),
    el('ul', {}, ...e.sources.map((s) => el('li', {}, s))));
  // What settled a claim comes right after its title: it is what a reader must not miss.
  return el('li', { class: 'event', 'data-event-id': e.id, 'data-status': e.status },
    el('div', { class: 'event-head' }, el('time', { datetime: e.date.iso }, eventDateText(e.date, o.lang)), status, placeButton, sources),
    el('p', { class: 'event-title' }, e.title[o.lang]),
    settled ? el('p', { class: 'event-settled' }, settled) : null,
    !o.compact && e.text ? el('p', { class: 'event-text' }, e.text[o.lang]) : null);
}

export interface EventsView {
  period: readonly StoryEvent[];
  /** Events after the last snapshot, listed with it; [] on other dates. */
  later: readonly StoryEvent[];
  fromIso: string | null;
  toIso: string;
  canPrevious: boolean;
  canNext: boolean;
  lang: Lang;
}

export class EventsPanel {
  readonly #heading: HTMLElement;
  readonly #prev: HTMLButtonElement | null;
  readonly #next: HTMLButtonElement | null;
  readonly #body: HTMLElement;
  readonly #item: Omit<EventItemOptions, 'lang'>;

  /**
   * Fills `container` (the page's #events section). `onStep` goes to the previous (-1) or next (1)
   * date with events; without it (a still picture) there are no buttons.
   */
  constructor(container: HTMLElement, item: Omit<EventItemOptions, 'lang'>, onStep: ((step: 1 | -1) => void) | null) {
    this.#item = item;
    this.#heading = el('h2', { id: 'events-heading', class: 'events-title' });
    const button = (step: 1 | -1) => {
      const b = el('button', { type: 'button', class: 'events-step', 'data-step': String(step) });
      b.addEventListener('click', () => onStep!(step));
      return b;
    };
    this.#prev = onStep ? button(-1) : null;
    this.#next = onStep ? button(1) : null;
    this.#body = el('div', { class: 'events-body' });
    // Named by its heading; focusable, so that a box that scrolls can be scrolled by keyboard.
    container.setAttribute('aria-labelledby', 'events-heading');
    container.tabIndex = 0;
    container.replaceChildren(
      el('div', { class: 'events-head' }, this.#heading, onStep ? el('div', { class: 'events-nav' }, this.#prev, this.#next) : null),
      this.#body);
  }

  render(v: EventsView): void {
    const w = EVENT_WORDS[v.lang];
    this.#heading.replaceChildren(`${w.heading} `, el('span', { class: 'events-period' }, w.period(v.fromIso, v.toIso, v.lang)));
    if (this.#prev && this.#next) {
      // Short words on the buttons, the full ones in their names (which contain the words shown).
      this.#prev.textContent = `‹ ${w.previousShort}`;
      this.#next.textContent = `${w.nextShort} ›`;
      this.#prev.setAttribute('aria-label', w.previous);
      this.#next.setAttribute('aria-label', w.next);
      this.#prev.title = w.previousHint;
      this.#next.title = w.nextHint;
      this.#prev.disabled = !v.canPrevious;
      this.#next.disabled = !v.canNext;
    }
    const item = { ...this.#item, lang: v.lang };
    const nodes: Node[] = [v.period.length
      ? el('ol', { class: 'events-list' }, ...v.period.map((e) => eventItem(e, item)))
      : el('p', { class: 'events-none' }, w.none)];
    if (v.later.length) {
      nodes.push(el('h3', { class: 'events-later' }, w.later(v.toIso, v.lang)),
        el('ol', { class: 'events-list' }, ...v.later.map((e) => eventItem(e, item))));
    }
    this.#body.replaceChildren(...nodes);
  }
}

/** A comparison's events: "Between these dates:" and the events after the earlier date up to the later one. */
export function betweenList(events: readonly StoryEvent[], item: EventItemOptions): HTMLElement {
  const w = EVENT_WORDS[item.lang];
  if (!events.length) return el('div', { class: 'compare-events' }, el('p', { class: 'compare-events-title' }, w.betweenNone));
  return el('div', { class: 'compare-events' },
    el('p', { class: 'compare-events-title', id: 'compare-events-title' }, w.between),
    el('div', { class: 'compare-events-scroll', role: 'region', 'aria-label': w.betweenLabel, tabindex: '0' },
      el('ol', { class: 'events-list' }, ...events.map((e) => eventItem(e, { ...item, compact: true })))));
}
