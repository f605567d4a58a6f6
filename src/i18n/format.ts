/**
 * Dates, numbers and lists in words, per interface language (Intl, so no tables of our own).
 * The bottom layer: data, analysis, map and ui may all use it; it uses nothing of theirs.
 */
import type { Lang } from './lang.ts';

const LOCALE: Record<Lang, string> = { en: 'en-GB', nl: 'nl-NL' };

/** Intl formatters are slow to make (a date menu of a thousand options made one each), so they are kept. */
const made = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();
function kept<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let f = made.get(key) as T | undefined;
  if (!f) made.set(key, (f = make()));
  return f;
}

/** A date in words, e.g. "15 July 2017" / "15 juli 2017". Dates are calendar dates, so UTC. */
export function formatDate(dateIso: string, lang: Lang): string {
  return kept(`date ${lang}`, () => new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }))
    .format(new Date(`${dateIso}T00:00:00Z`));
}

/** A number with the language's digit grouping: 36,200 / 36.200. */
export function formatNumber(value: number, lang: Lang, digits = 0): string {
  return kept(`number ${lang} ${digits}`, () => new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: digits })).format(value);
}

/**
 * Parts joined as a sentence lists them: "a, b and c" / "a, b en c".
 * @example formatList(['the regime', 'the rebels'], 'en') // "the regime and the rebels"
 */
export function formatList(parts: readonly string[], lang: Lang): string {
  return kept(`list ${lang}`, () => new Intl.ListFormat(LOCALE[lang], { style: 'long', type: 'conjunction' })).format(parts);
}

/** A month in words, e.g. "October 2015" / "oktober 2015", from YYYY-MM (a date known only to the month). */
export function formatMonth(monthIso: string, lang: Lang): string {
  return kept(`month ${lang}`, () => new Intl.DateTimeFormat(LOCALE[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }))
    .format(new Date(`${monthIso}-01T00:00:00Z`));
}

/**
 * Two dates as a span, sharing what they share: "2 June – 1 July 2017" / "2 juni – 1 juli 2017";
 * one date when they are the same day.
 */
export function formatDateRange(fromIso: string, toIso: string, lang: Lang): string {
  if (fromIso === toIso) return formatDate(fromIso, lang);
  return (kept(`date ${lang}`, () => new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })) as Intl.DateTimeFormat)
    .formatRange(new Date(`${fromIso}T00:00:00Z`), new Date(`${toIso}T00:00:00Z`));
}
