/**
 * Compare two dates: choose the other date and how to show it (changes on the map, or side by
 * side), then read what changed: km² gained and lost per side, and where the biggest loser's ground
 * went. The panel only emits intents; the app computes and calls `render`.
 */
import { CONTESTED_HOLDER, type Faction } from '../data/contract.ts';
import type { ChangeResult } from '../analysis/change.ts';
import { compareSentence } from './compare-text.ts';
import { roundKm2 } from '../analysis/summary.ts';
import { el } from './dom.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Strings } from './strings.ts';

export interface ChangeSummary extends Pick<ChangeResult, 'totals' | 'transfersKm2'> {
  fromIso: string;
  toIso: string;
}

export interface ComparePanelOptions {
  container: HTMLElement;
  datesIso: readonly string[];
  onCompare: (index: number | null) => void;
  onSwipe: (on: boolean) => void;
}

export type CompareStatus = { kind: 'off' } | { kind: 'busy' } | { kind: 'error'; message: string } | { kind: 'done'; summary: ChangeSummary };

/** As the sentence rounds (analysis/summary.ts roundKm2): hundreds from 1,000 km², finer below. */
const rounded = (km2: number) => Math.abs(roundKm2(km2));

export class ComparePanel {
  readonly #o: ComparePanelOptions;
  readonly #select: HTMLSelectElement;
  readonly #swipe: HTMLInputElement;
  readonly #result: HTMLElement;
  readonly #heading: HTMLElement;
  readonly #selectLabel: HTMLElement;
  readonly #swipeLabel: HTMLElement;
  /** The language the date menu was last written in: it is written again only when that changes. */
  #optionsLang: Lang | null = null;

  constructor(o: ComparePanelOptions) {
    this.#o = o;
    this.#select = el('select', { id: 'compare-date' });
    this.#swipe = el('input', { type: 'checkbox', id: 'compare-swipe' });
    this.#heading = el('h2', {});
    this.#selectLabel = el('label', { for: 'compare-date' });
    this.#swipeLabel = el('label', { for: 'compare-swipe' });
    this.#result = el('div', { class: 'compare-result', 'aria-live': 'polite' });
    this.#select.addEventListener('change', () => o.onCompare(this.#select.value === '' ? null : Number(this.#select.value)));
    this.#swipe.addEventListener('change', () => o.onSwipe(this.#swipe.checked));
    o.container.replaceChildren(this.#heading,
      el('div', { class: 'compare-controls' }, this.#selectLabel, this.#select, el('span', { class: 'check' }, this.#swipe, this.#swipeLabel)),
      this.#result);
  }

  render(compareIndex: number | null, swipe: boolean, status: CompareStatus, factions: readonly Faction[], lang: Lang, t: Strings): void {
    this.#heading.textContent = t.compareTitle;
    this.#selectLabel.textContent = t.compareWith;
    this.#swipeLabel.textContent = ` ${t.sideBySide}`;
    if (this.#optionsLang !== lang) {
      this.#optionsLang = lang;
      this.#select.replaceChildren(el('option', { value: '' }, t.compareNone), ...this.#o.datesIso.map((d, i) => el('option', { value: String(i) }, formatDate(d, lang))));
    }
    this.#select.value = compareIndex === null ? '' : String(compareIndex);
    this.#swipe.checked = swipe;
    this.#swipe.disabled = compareIndex === null;
    this.#result.replaceChildren(...this.#body(status, factions, lang, t));
  }

  #body(status: CompareStatus, factions: readonly Faction[], lang: Lang, t: Strings): Node[] {
    if (status.kind === 'off') return [el('p', { class: 'compare-hint' }, t.compareHint)];
    if (status.kind === 'busy') return [el('p', { class: 'compare-hint' }, t.compareBusy)];
    if (status.kind === 'error') return [el('p', { class: 'compare-error', role: 'alert' }, status.message)];
    const { summary } = status;
    const from = formatDate(summary.fromIso, lang), to = formatDate(summary.toIso, lang);
    const n = (x: number) => formatNumber(rounded(x), lang);
    // A change that rounds to 0 km² is "0", without a sign.
    const signed = (x: number, sign: '+' | '−' = x < 0 ? '−' : '+') => (rounded(x) === 0 ? '0' : `${sign}${n(x)}`);
    // The sides, then contested ground (counted apart, CONTESTED_HOLDER) when there is any.
    const holders = [...factions.map((f) => ({ id: f.id, label: f.short[lang] })), { id: CONTESTED_HOLDER, label: t.contestedGround }];
    const rows = holders.filter((f) => summary.totals[f.id]).map((f) => {
      const s = summary.totals[f.id]!;
      const net = s.afterKm2 - s.beforeKm2;
      return el('tr', { 'data-faction': f.id, 'data-gained-km2': s.gainedKm2.toFixed(0), 'data-lost-km2': s.lostKm2.toFixed(0) },
        el('th', { scope: 'row' }, f.label),
        el('td', {}, n(s.beforeKm2)),
        el('td', {}, n(s.afterKm2)),
        el('td', {}, signed(s.gainedKm2, '+')),
        el('td', {}, signed(s.lostKm2, '−')),
        el('td', { class: rounded(net) === 0 ? undefined : net < 0 ? 'net-down' : 'net-up' }, signed(net)));
    });
    // A table wider than the panel scrolls inside its own labelled, focusable box, not the page;
    // its title stays outside the box, so that it wraps in the panel's width.
    const caption = el('p', { class: 'compare-caption', id: 'compare-caption' }, t.compareCaption(from, to));
    const table = el('div', { class: 'compare-table-scroll', role: 'region', 'aria-labelledby': 'compare-caption', tabindex: '0' },
      el('table', { class: 'compare-table', 'aria-labelledby': 'compare-caption' },
        el('thead', {}, el('tr', {}, ...['', from, to, t.gained, t.lost, t.net].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...rows)));
    const sentences: Node[] = [el('p', { class: 'compare-sentence' }, compareSentence(summary, summary.fromIso, summary.toIso, factions, lang))];
    return [...sentences, caption, table, el('p', { class: 'compare-key' }, t.compareKey)];
  }
}
