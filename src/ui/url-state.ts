/**
 * The URL as state: `?date=YYYY-MM-DD&place=ID&lang=en|nl&compare=YYYY-MM-DD&swipe=1`. `compare`
 * shows what changed between the two dates; `swipe` shows them side by side. The map view lives in the hash
 * (MapLibre's `hash` option). Pure functions, so both directions are unit-tested.
 */
import { isIsoDate } from '../data/contract.ts';
import { snapshotIndexFor } from '../analysis/snapshot-select.ts';
import { isLang, type Lang } from '../i18n/lang.ts';
import { noticeValue } from '../embed/flags.ts';

export interface UrlState {
  /** Index into the snapshot list. */
  dateIndex: number;
  placeId: string | null;
  lang: Lang | null;
  /** Index of the snapshot to compare with, or null. */
  compareIndex: number | null;
  swipe: boolean;
}

export type UrlNotice =
  | { kind: 'date-malformed'; value: string }
  | { kind: 'date-too-early'; value: string }
  | { kind: 'date-too-late'; value: string }
  | { kind: 'place-unknown'; value: string }
  | { kind: 'lang-unknown'; value: string }
  | { kind: 'compare-malformed'; value: string };

export interface UrlContext {
  datesIso: readonly string[];
  placeIds: ReadonlySet<string>;
  defaultDateIndex: number;
}

/** Reads the query string; bad values fall back to defaults and are reported as notices. */
export function parseUrlState(search: string, ctx: UrlContext): { state: UrlState; notices: UrlNotice[] } {
  const params = new URLSearchParams(search);
  const found: UrlNotice[] = [];
  let dateIndex = ctx.defaultDateIndex;
  const date = params.get('date');
  if (date !== null) {
    if (!isIsoDate(date)) found.push({ kind: 'date-malformed', value: date });
    else {
      dateIndex = snapshotIndexFor(ctx.datesIso, date);
      if (date < ctx.datesIso[0]!) found.push({ kind: 'date-too-early', value: date });
      // Past the last snapshot (e.g. 9999-12-31): the last one is shown, and the reader is told.
      if (date > ctx.datesIso[ctx.datesIso.length - 1]!) found.push({ kind: 'date-too-late', value: date });
    }
  }
  let placeId: string | null = null;
  const place = params.get('place');
  if (place !== null) {
    if (ctx.placeIds.has(place)) placeId = place;
    else found.push({ kind: 'place-unknown', value: place });
  }
  let lang: Lang | null = null;
  const l = params.get('lang');
  if (l !== null) {
    if (isLang(l)) lang = l;
    else found.push({ kind: 'lang-unknown', value: l });
  }
  let compareIndex: number | null = null;
  const compare = params.get('compare');
  if (compare !== null) {
    if (isIsoDate(compare)) compareIndex = snapshotIndexFor(ctx.datesIso, compare);
    else found.push({ kind: 'compare-malformed', value: compare });
  }
  const swipe = compareIndex !== null && params.get('swipe') === '1';
  // A notice quotes at most 40 characters of what the link said.
  const notices = found.map((n) => ({ ...n, value: noticeValue(n.value) }));
  return { state: { dateIndex, placeId, lang, compareIndex, swipe }, notices };
}

/**
 * Writes our keys into an existing query string, keeping any other parameters a host page added.
 * `lang` is written only when it was chosen explicitly.
 */
export function serializeUrlState(
  state: { dateIso: string; placeId: string | null; lang: Lang | null; compareIso?: string | null; swipe?: boolean },
  currentSearch: string,
): string {
  const params = new URLSearchParams(currentSearch);
  params.set('date', state.dateIso);
  if (state.compareIso) params.set('compare', state.compareIso);
  else params.delete('compare');
  if (state.compareIso && state.swipe) params.set('swipe', '1');
  else params.delete('swipe');
  if (state.placeId) params.set('place', state.placeId);
  else params.delete('place');
  if (state.lang) params.set('lang', state.lang);
  else params.delete('lang');
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * True for a map view in the hash as MapLibre writes and reads it, `#zoom/lat/lon` (then
 * optionally bearing and pitch), with numbers in range. Anything else is no view: the map then
 * opens on the story (and on `place`), with a notice.
 * @example isViewHash('#6/35.02/40.45') // true
 */
export function isViewHash(hash: string): boolean {
  const parts = hash.replace(/^#/, '').split('/');
  if (parts.length < 3 || parts.length > 5) return false;
  const n = parts.map((p) => (/^-?\d+(\.\d+)?$/.test(p) ? Number(p) : NaN));
  const [zoom, lat, lon] = n as [number, number, number];
  return n.every(Number.isFinite) && zoom >= 0 && zoom <= 24 && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}
