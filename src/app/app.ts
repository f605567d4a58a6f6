/**
 * The app, shared by the explorer (index.html) and the embed (embed.html): boots the map and the
 * core data files, puts the reader's choices into one store, and starts the views that each draw
 * their slice of it (docs/architecture.md). Only what the first map needs is in this module's
 * graph; the rest (labels, places, popups, the article's lines, player, charts, comparison, the
 * figures and the date stack) is after-first-map.ts, loaded once the first territory is drawn
 * (docs/performance.md). Analysis lives in src/analysis, drawing in src/map, controls and words in src/ui.
 */
import { isIsoDate } from '../data/contract.ts';
import { formatProblem } from '../data/result.ts';
import { boundsOf } from '../analysis/bounds.ts';
import { snapshotIndexFor } from '../analysis/snapshot-select.ts';
import { langFromBrowser, isLang, type Lang } from '../i18n/lang.ts';
import { setBasemapLang } from '../map/style.ts';
import { addTerritoryLayers, setTerritoryLang, TERRITORY_BEFORE } from '../map/territory-layers.ts';
import { Messages } from '../ui/messages.ts';
import { STRINGS } from '../ui/strings.ts';
import { isViewHash } from '../ui/url-state.ts';
import { dataLoader, loadCore } from './boot.ts';
import { $, type AppContext } from './context.ts';
import { watchDataPanel } from './data-view.ts';
import { watchPanels } from './panels.ts';
import { SnapshotView, snapshotLoaderFor } from './snapshot-view.ts';
import { preparePrinting } from '../map/print.ts';
import { FIT_PADDING_PX } from '../map/opening-view.ts';
import { dropStill, handOverStill, stillOnScreen } from './still-view.ts';
import { watchTimeline } from './timeline-view.ts';
import { bootState, shownIndex, stateFromUrl, urlFor } from './state.ts';
import { createStore } from './store.ts';
import { urlWriter } from './url-sync.ts';

export interface AppConfig {
  /** Keep the view in the URL hash and the date, place and language in the query (explorer). */
  urlState: boolean;
  /** False for a still picture: no pan, zoom, popups or keyboard. */
  interactive: boolean;
  /** Pan and zoom only with two fingers / a modifier key, so the host page scrolls (embeds). */
  cooperativeGestures: boolean;
  /** Map colours; the embed's `theme` flag. */
  theme: 'light' | 'dark';
  /** A view to open on instead of the story's bounds (embed's `view` flag). */
  view: { center: [number, number]; zoom: number } | null;
  /** Notices from the page's own flags, shown with the app's. */
  notices: string[];
  /** Told every time a snapshot has been drawn. */
  onDrawn?: (dateIso: string) => void;
}

export interface AppHandle {
  /** Shows the latest snapshot on or before the date; false for a malformed date. */
  setDate(dateIso: string): boolean;
  /** The date on the map (after a failed load, still the one drawn before). */
  /** Opens a place's popup (null closes it); false for an unknown place. */
  setPlace(placeId: string | null): boolean;
  readonly dateIso: string;
  readonly lang: Lang;
  readonly placeId: string | null;
  /** The story's title in the current language. */
  readonly title: string;
  readonly view: { center: [number, number]; zoom: number };
}

export async function startApp(config: AppConfig): Promise<AppHandle | null> {
  const mapEl = $('#map')!;
  const dataBase = new URL('data/', document.baseURI).href;
  const browserLang = langFromBrowser(navigator.languages);
  const early = new URLSearchParams(location.search).get('lang');
  const bootLang: Lang = isLang(early) ? early : browserLang;
  const store = createStore(bootState(bootLang), { onError: reportBug });
  // The one place where the map's aria-busy and data-snapshot are set.
  store.watch((s) => s.busy, (busy) => mapEl.setAttribute('aria-busy', String(busy)));
  store.watch((s) => s.shownIso, (d) => { if (d) mapEl.dataset.snapshot = d; });
  const messages = new Messages($('#messages')!, STRINGS[bootLang].dismiss);
  for (const n of config.notices) messages.notice(n);
  // MapLibre's hash writes one as soon as the map moves, so look before it starts. A hash that is
  // not a view (#junk) counts as none: the map opens on the story (and the place), with a notice.
  const hashView = config.urlState && location.hash.length > 1 ? isViewHash(location.hash) : null;
  if (hashView === false) messages.notice(STRINGS[bootLang].noticeView(location.hash));
  const hadView = config.view !== null || hashView === true;

  // The core files first, then the first snapshot's download, then the map: creating the map is
  // one long task of MapLibre's, and what is asked for before it downloads meanwhile.
  // The downloads start now; their parsing waits until the build's still picture, if the page shows
  // one, is on screen (still-view.ts): the browser draws no frame while the app's scripts keep its
  // main thread busy, and the picture came 40-60 ms later when they went first (docs/performance.md).
  const firstPicture = stillOnScreen(mapEl);
  const load = dataLoader(dataBase, firstPicture);
  const coreR = await loadCore(load, dataBase);
  if (!coreR.ok) {
    dropStill(mapEl); // no picture of a story whose files are broken
    for (const p of coreR.problems) messages.error(STRINGS[bootLang].errorStartup(formatProblem(p)));
    store.update({ busy: false });
    return null;
  }
  const core = coreR.value;
  // The events' room under the map is taken before the map is made, so that it never resizes for them.
  $('#events')?.toggleAttribute('hidden', !core.files.has('events.json'));
  const fromUrl = stateFromUrl(location.search, core, browserLang);
  store.update(fromUrl.patch);
  for (const n of fromUrl.notices) messages.notice(n);
  const loader = snapshotLoaderFor(dataBase, core);
  const first = loader.get(core.entries[store.state.dateIndex]!);
  // The build's still picture of the opening view is drawn before MapLibre runs (map-boot.ts) and
  // the map's long start-up task.
  await firstPicture;
  const { createMap } = await import('./map-boot.ts');
  const map = createMap(mapEl, config, dataBase, bootLang, core.places, core.files);
  // For the browser tests, which ask MapLibre itself what it drew and whether it is done
  // (queryRenderedFeatures, loaded()); none of our code reads it.
  Object.defineProperty(mapEl, 'maplibre', { value: map });
  map.on('error', (e) => messages.error(STRINGS[bootLang].errorStartup(e.error?.message ?? 'map error'), 'map'));
  const styleReady = map.isStyleLoaded() ? Promise.resolve() : map.once('style.load');
  const ctx: AppContext = { store, map, mapEl, core, config, messages, load, dataBase };

  const view = new SnapshotView(ctx, loader);
  // Without story.json bounds, the data's: its places and the opening snapshot.
  let bounds = core.story.bounds;
  const openingPlace = store.state.placeId ? core.placeById.get(store.state.placeId) : undefined;
  preparePrinting(map, mapEl, { storyBounds: () => bounds, openedOnView: hadView || !!openingPlace });
  if (!bounds && !hadView) {
    const opening = await first;
    bounds = boundsOf([...core.places, ...(opening.ok ? opening.value.features : [])]);
  }
  if (!hadView) {
    if (bounds) {
      map.fitBounds(bounds, { padding: FIT_PADDING_PX, animate: false });
      // What the opening view fits: the build draws its still pictures for it (scripts/stills.ts).
      mapEl.dataset.fit = bounds.flat().join(',');
    }
    if (openingPlace) map.jumpTo({ center: openingPlace.geometry.coordinates as [number, number], zoom: Math.max(map.getZoom(), 6.5) });
  }
  // The build's still picture of this view, if the page shows one, now follows the live camera.
  handOverStill(ctx);
  await styleReady;
  if (store.state.lang !== bootLang) setBasemapLang(map, store.state.lang);
  addTerritoryLayers(map, core.factions, store.state.lang, TERRITORY_BEFORE);

  if (config.urlState) {
    const writeUrl = urlWriter();
    store.watch((s) => urlFor(s, core.datesIso, location.search), writeUrl);
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    b.addEventListener('click', () => store.update({ lang: b.dataset.lang as Lang, langExplicit: true }));
  }
  watchPanels(ctx);
  const dates = watchTimeline(ctx);
  // The Data control's shell (a closed disclosure) is part of the first view; its code is not.
  watchDataPanel(ctx);
  store.watch((s) => s.lang, (lang) => {
    setBasemapLang(map, lang);
    setTerritoryLang(map, core.factions, lang);
  }, { initial: false });

  await view.redraw();
  // Everything else joins once the first territory is drawn.
  const { afterFirstMap } = await import('./after-first-map.ts');
  afterFirstMap(ctx, view, dates);
  return {
    setDate(dateIso) {
      if (!isIsoDate(dateIso)) return false;
      store.update({ dateIndex: snapshotIndexFor(core.datesIso, dateIso) });
      return true;
    },
    setPlace(placeId) {
      if (placeId !== null && !core.placeById.has(placeId)) return false;
      store.update({ placeId });
      return true;
    },
    get dateIso() { return core.datesIso[shownIndex(store.state)]!; },
    get lang() { return store.state.lang; },
    get placeId() { return store.state.placeId; },
    get title() { return core.story.title[store.state.lang]; },
    get view() { const c = map.getCenter(); return { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom() }; },
  };
}

/** Shows a bug (not bad data) where the user sees messages; the stack stays in the console. */
export function reportBug(err: unknown): void {
  console.error(err);
  dropStill(document.querySelector('#map')); // what the page shows is the live map, as far as it got
  const box = document.querySelector('#messages');
  if (box) box.append(Object.assign(document.createElement('p'), { className: 'message message-error', role: 'alert', textContent: String(err) }));
}
