/**
 * The words of the story's events in English and Dutch: their dates (a month where only the month is
 * known), how sure we are (a claim is always called one; a disproved claim says when and by what),
 * the period a list covers, and the sentence the map's live region speaks. Pure.
 */
import { eventsAfter, eventsOfPeriod } from '../analysis/event-periods.ts';
import type { EventDate, StoryEvent } from '../data/events.ts';
import { formatDate, formatDateRange, formatMonth } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';

/** "10 July 2017", or "October 2015" for a month-only date. */
export const eventDateText = (d: EventDate, lang: Lang): string => (d.monthOnly ? formatMonth(d.iso, lang) : formatDate(d.iso, lang));

export interface EventWords {
  heading: string;
  /** The period a date's list covers: from the day after the date before (null: from the start) to the date. */
  period(fromIso: string | null, toIso: string, lang: Lang): string;
  none: string;
  /** Heading of the events after the last snapshot, listed with it. */
  later(lastIso: string, lang: Lang): string;
  /** The status label before the title; confirmed events have none. */
  status: { claimed: string; disproved: string };
  disprovedOn(date: string, source: string): string;
  confirmedOn(date: string, source: string): string;
  sources(n: number): string;
  showPlace(name: string): string;
  previous: string;
  next: string;
  previousShort: string;
  nextShort: string;
  /** The buttons' tooltips: where they go, and the keys that do the same. */
  previousHint: string;
  nextHint: string;
  /** In a comparison: the events after the earlier date up to the later one. */
  between: string;
  betweenNone: string;
  betweenLabel: string;
  /** The date slider's description: how many events the shown period has, and the keys. */
  slider(count: number): string;
  /** The live region's sentence for the events of the date drawn. */
  spoken(parts: string[]): string;
  spokenLater(lastIso: string, lang: Lang, parts: string[]): string;
  /** The notice for events whose place places.geojson lacks. */
  placesLeftOut(problems: string): string;
}

const en: EventWords = {
  heading: 'Events',
  period: (from, to, lang) => (from === null ? `up to ${formatDate(to, lang)}` : formatDateRange(from, to, lang)),
  none: 'No events recorded in this period.',
  later: (last, lang) => `After ${formatDate(last, lang)}, the last date on the map`,
  status: { claimed: 'Claim', disproved: 'Disproved claim' },
  disprovedOn: (date, source) => `Disproved on ${date}: ${source}`,
  confirmedOn: (date, source) => `Confirmed on ${date}: ${source}`,
  sources: (n) => (n === 1 ? 'Source' : `Sources (${n})`),
  showPlace: (name) => `Show ${name} on the map`,
  previous: 'Previous event',
  next: 'Next event',
  previousShort: 'Previous',
  nextShort: 'Next',
  previousHint: 'The previous date with events (on the date slider: Shift + left arrow)',
  nextHint: 'The next date with events (on the date slider: Shift + right arrow)',
  between: 'Between these dates:',
  betweenNone: 'Between these dates: no events recorded.',
  betweenLabel: 'Events between the two dates',
  slider: (n) => `${n === 0 ? 'No events' : n === 1 ? '1 event' : `${n} events`} in this period (listed below the map). Shift with the left or right arrow key: previous or next date with events.`,
  spoken: (parts) => `Events: ${parts.join('; ')}.`,
  spokenLater: (last, lang, parts) => `After ${formatDate(last, lang)}: ${parts.join('; ')}.`,
  placesLeftOut: (problems) => `Events shown without their place: ${problems}`,
};

const nl: EventWords = {
  heading: 'Gebeurtenissen',
  period: (from, to, lang) => (from === null ? `tot en met ${formatDate(to, lang)}` : formatDateRange(from, to, lang)),
  none: 'Geen gebeurtenissen vastgelegd in deze periode.',
  later: (last, lang) => `Na ${formatDate(last, lang)}, de laatste datum op de kaart`,
  status: { claimed: 'Bewering', disproved: 'Weerlegde bewering' },
  disprovedOn: (date, source) => `Weerlegd op ${date}: ${source}`,
  confirmedOn: (date, source) => `Bevestigd op ${date}: ${source}`,
  sources: (n) => (n === 1 ? 'Bron' : `Bronnen (${n})`),
  showPlace: (name) => `Toon ${name} op de kaart`,
  previous: 'Vorige gebeurtenis',
  next: 'Volgende gebeurtenis',
  previousShort: 'Vorige',
  nextShort: 'Volgende',
  previousHint: 'De vorige datum met gebeurtenissen (op de datumschuif: Shift + pijl naar links)',
  nextHint: 'De volgende datum met gebeurtenissen (op de datumschuif: Shift + pijl naar rechts)',
  between: 'Tussen deze datums:',
  betweenNone: 'Tussen deze datums: geen gebeurtenissen vastgelegd.',
  betweenLabel: 'Gebeurtenissen tussen de twee datums',
  slider: (n) => `${n === 0 ? 'Geen gebeurtenissen' : n === 1 ? '1 gebeurtenis' : `${n} gebeurtenissen`} in deze periode (onder de kaart). Shift met de pijl naar links of rechts: vorige of volgende datum met gebeurtenissen.`,
  spoken: (parts) => `Gebeurtenissen: ${parts.join('; ')}.`,
  spokenLater: (last, lang, parts) => `Na ${formatDate(last, lang)}: ${parts.join('; ')}.`,
  placesLeftOut: (problems) => `Gebeurtenissen getoond zonder hun plaats: ${problems}`,
};

export const EVENT_WORDS: Record<Lang, EventWords> = { en, nl };

/** The settling line of a disproved (or later confirmed) claim, or null. */
export function settledText(e: StoryEvent, lang: Lang): string | null {
  if (!e.settled) return null;
  const w = EVENT_WORDS[lang];
  const date = eventDateText(e.settled.date, lang);
  return e.status === 'disproved' ? w.disprovedOn(date, e.settled.source) : w.confirmedOn(date, e.settled.source);
}

/**
 * One event as a screen reader hears it: the status first when it is not confirmed, then the date
 * and title, and for a disproved claim when it was disproved.
 * @example spokenEvent(e, 'en') // "Claim: 16 June 2017, Russia says …, disproved on 28 September 2017"
 */
export function spokenEvent(e: StoryEvent, lang: Lang): string {
  const w = EVENT_WORDS[lang];
  const status = e.status === 'confirmed' ? '' : `${w.status[e.status]}: `;
  const settled = e.status === 'disproved' && e.settled ? `, ${lang === 'nl' ? 'weerlegd op' : 'disproved on'} ${eventDateText(e.settled.date, lang)}` : '';
  return `${status}${eventDateText(e.date, lang)}, ${e.title[lang]}${settled}`;
}

/** What the live region adds for a date's events (and, at the last date, the later ones); '' when none. */
export function spokenEvents(period: readonly StoryEvent[], later: readonly StoryEvent[], lastIso: string, lang: Lang): string {
  const w = EVENT_WORDS[lang];
  const out: string[] = [];
  if (period.length) out.push(w.spoken(period.map((e) => spokenEvent(e, lang))));
  if (later.length) out.push(w.spokenLater(lastIso, lang, later.map((e) => spokenEvent(e, lang))));
  return out.join(' ');
}

/** What the live region adds once snapshot `index` is drawn: its period's events, and at the last date the later ones. */
export function spokenForDate(events: readonly StoryEvent[] | null, datesIso: readonly string[], index: number, lang: Lang): string {
  if (!events?.length) return '';
  const last = index === datesIso.length - 1;
  return spokenEvents(eventsOfPeriod(events, datesIso, index), last ? eventsAfter(events, datesIso) : [], datesIso[datesIso.length - 1]!, lang);
}
