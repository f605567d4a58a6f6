/**
 * The app's state, kept in one store (store.ts): what the reader chose (date, place, language,
 * comparison), what the map shows, and the figures loaded later. The URL is written from it
 * (url-sync.ts) and read into it here.
 */
import type { FactionId, Snapshot, Tier } from '../data/contract.ts';
import type { Claim } from '../analysis/claims.ts';
import type { Stats } from '../data/stats.ts';
import type { PlaceDistances } from '../data/place-distances.ts';
import type { StoryEvent } from '../data/events.ts';
import { openingIndex } from '../analysis/snapshot-select.ts';
import { formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { parseUrlState, serializeUrlState, type UrlNotice } from '../ui/url-state.ts';
import { STRINGS } from '../ui/strings.ts';
import type { Core } from './boot.ts';

/** What the map draws: a date's snapshot, or a file a data editor previews in its place. */
export interface Drawn { index: number; snapshot: Snapshot; preview: string | null }
/** The legend's km² per tier and side, for one drawn snapshot (legend-areas.ts). */
export interface DrawnAreas { drawn: Drawn; km2: ReadonlyMap<Tier, ReadonlyMap<FactionId, number>>; from: 'stats' | 'computed' }

export interface AppState {
  /** The chosen snapshot. */
  dateIndex: number;
  placeId: string | null;
  lang: Lang;
  /** The language was chosen (URL or buttons), so the URL keeps it. */
  langExplicit: boolean;
  compareIndex: number | null;
  swipe: boolean;
  /** Set once a frame shows the territory (panels follow it, after the map). */
  drawn: Drawn | null;
  /** The date whose territory has been fully drawn: the map's data-snapshot. */
  shownIso: string | null;
  /** The map's aria-busy. */
  busy: boolean;
  /** The chosen date whose snapshot failed to load (the map still shows `drawn`); null once one draws. */
  failedIndex: number | null;
  /** Optional files that failed to load or parse (e.g. 'stats.json'): their panels are left out. */
  brokenFiles: readonly string[];
  /** Labels (sides, places, rings) join once the first territory is drawn. */
  labelsOn: boolean;
  /** From claims.json, stats.json and place-distances.json, loaded after the first map; null: not (yet) there. */
  claims: Claim[] | null;
  stats: Stats | null;
  distances: PlaceDistances | null;
  /** claims.json and stats.json have been loaded (or failed, or are not there). */
  figuresLoaded: boolean;
  /** The date stack's manifest has been loaded (or failed, or is not there). */
  stackLoaded: boolean;
  /** The legend's areas, for `drawn` once they are known. */
  areas: DrawnAreas | null;
  /** The place of the distance chart. */
  chartPlace: string | null;
  /** From events.json, loaded after the first map (events-view.ts); null: not (yet) there. */
  events: StoryEvent[] | null;
}

/** The state before the core files are in: busy, in the language of the URL or the browser. */
export function bootState(lang: Lang): AppState {
  return {
    dateIndex: 0, placeId: null, lang, langExplicit: false, compareIndex: null, swipe: false,
    drawn: null, shownIso: null, busy: true, failedIndex: null, brokenFiles: [], labelsOn: false, claims: null, stats: null, distances: null,
    figuresLoaded: false, stackLoaded: false, areas: null, chartPlace: null, events: null,
  };
}

/** The reader's choices from the query string, with notices in words for what could not be used. */
export function stateFromUrl(search: string, core: Core, fallbackLang: Lang): { patch: Partial<AppState>; notices: string[] } {
  const articleIndex = core.entries.findIndex((e) => e.article);
  const parsed = parseUrlState(search, {
    datesIso: core.datesIso,
    placeIds: new Set(core.placeById.keys()),
    defaultDateIndex: openingIndex(core.datesIso, articleIndex, core.story.dateIso),
  });
  const s = parsed.state;
  const lang = s.lang ?? fallbackLang;
  const shown = core.datesIso[s.dateIndex]!;
  return {
    patch: { dateIndex: s.dateIndex, placeId: s.placeId, lang, langExplicit: s.lang !== null, compareIndex: s.compareIndex, swipe: s.swipe },
    notices: parsed.notices.map((n) => noticeText(n, lang, shown)),
  };
}

/** The date on the map: the drawn one (the chosen one until a first is drawn, or after a failed load). */
export const shownIndex = (s: AppState): number => s.drawn?.index ?? s.dateIndex;

/**
 * The query string for the state, keeping any other parameters of `search`. The date is the one
 * on the map, so a copied link reproduces what is seen even after a date failed to load.
 */
export function urlFor(s: AppState, datesIso: readonly string[], search: string): string {
  return serializeUrlState({
    dateIso: datesIso[shownIndex(s)]!, placeId: s.placeId, lang: s.langExplicit ? s.lang : null,
    compareIso: s.compareIndex === null ? null : datesIso[s.compareIndex]!, swipe: s.swipe,
  }, search);
}

function noticeText(n: UrlNotice, lang: Lang, shownIso: string): string {
  const t = STRINGS[lang];
  const shown = formatDate(shownIso, lang);
  switch (n.kind) {
    case 'date-malformed': return t.noticeDate(n.value, shown);
    case 'date-too-early': return t.noticeDateEarly(n.value, shown);
    case 'date-too-late': return t.noticeDateLate(n.value, shown);
    case 'place-unknown': return t.noticePlace(n.value);
    case 'lang-unknown': return t.noticeLang(n.value);
    case 'compare-malformed': return t.noticeCompare(n.value);
  }
}
