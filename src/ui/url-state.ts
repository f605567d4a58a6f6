/**
 * The URL as state: `?date=YYYY-MM-DD&place=ID&lang=en|nl`. The map view lives in the hash
 * (MapLibre's `hash` option). Pure functions, so both directions are unit-tested.
 */
import { isIsoDate } from '../data/contract.ts';
import { snapshotIndexFor } from '../analysis/snapshot-select.ts';
import { isLang, type Lang } from './i18n.ts';

export interface UrlState {
  /** Index into the snapshot list. */
  dateIndex: number;
  placeId: string | null;
  lang: Lang | null;
}

export type UrlNotice =
  | { kind: 'date-malformed'; value: string }
  | { kind: 'date-too-early'; value: string }
  | { kind: 'place-unknown'; value: string }
  | { kind: 'lang-unknown'; value: string };

export interface UrlContext {
  datesIso: readonly string[];
  placeIds: ReadonlySet<string>;
  defaultDateIndex: number;
}

/** Reads the query string; bad values fall back to defaults and are reported as notices. */
export function parseUrlState(search: string, ctx: UrlContext): { state: UrlState; notices: UrlNotice[] } {
  const params = new URLSearchParams(search);
  const notices: UrlNotice[] = [];
  let dateIndex = ctx.defaultDateIndex;
  const date = params.get('date');
  if (date !== null) {
    if (!isIsoDate(date)) notices.push({ kind: 'date-malformed', value: date });
    else {
      dateIndex = snapshotIndexFor(ctx.datesIso, date);
      if (date < ctx.datesIso[0]!) notices.push({ kind: 'date-too-early', value: date });
    }
  }
  let placeId: string | null = null;
  const place = params.get('place');
  if (place !== null) {
    if (ctx.placeIds.has(place)) placeId = place;
    else notices.push({ kind: 'place-unknown', value: place });
  }
  let lang: Lang | null = null;
  const l = params.get('lang');
  if (l !== null) {
    if (isLang(l)) lang = l;
    else notices.push({ kind: 'lang-unknown', value: l });
  }
  return { state: { dateIndex, placeId, lang }, notices };
}

/**
 * Writes our keys into an existing query string, keeping any other parameters a host page added.
 * `lang` is written only when it was chosen explicitly.
 */
export function serializeUrlState(state: { dateIso: string; placeId: string | null; lang: Lang | null }, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  params.set('date', state.dateIso);
  if (state.placeId) params.set('place', state.placeId);
  else params.delete('place');
  if (state.lang) params.set('lang', state.lang);
  else params.delete('lang');
  const s = params.toString();
  return s ? `?${s}` : '';
}
