/**
 * The app, shared by the explorer (index.html) and the embed (embed.html): loads the data files,
 * builds the map and whichever controls the page has, and keeps them in step with one state
 * object. Analysis lives in src/analysis, drawing in src/map, controls in src/ui.
 */
import { Map as MlMap, Popup, setWorkerUrl, NavigationControl, ScaleControl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { isIsoDate, parseFactions, parsePlaces, parseSnapshotIndex, type Faction, type Place, type Snapshot, type SnapshotEntry } from '../data/contract.ts';
import { fetchParsed } from '../data/load.ts';
import { formatProblem, type Result } from '../data/result.ts';
import { areasKm2 } from '../analysis/area.ts';
import { articleDistances } from '../analysis/article.ts';
import { distancesToFactions } from '../analysis/distance.ts';
import { featureNear } from '../analysis/territory.ts';
import { snapshotIndexFor } from '../analysis/snapshot-select.ts';
import { labelPoints } from '../analysis/labels.ts';
import { buildStyle, palette, setBasemapLang, showLabels } from '../map/style.ts';
import { addTerritoryLayers, setTerritory, setTerritoryLabels, setTerritoryLang } from '../map/territory-layers.ts';
import { addArticleLayers, setArticleLines } from '../map/article-layers.ts';
import { PlaceMarkers } from '../map/place-markers.ts';
import { preparePrinting } from '../map/print.ts';
import { STRINGS, formatDate, formatNumber, langFromBrowser, type Lang } from '../ui/i18n.ts';
import { parseUrlState, serializeUrlState, type UrlNotice } from '../ui/url-state.ts';
import { Messages } from '../ui/messages.ts';
import { Timeline } from '../ui/timeline.ts';
import { Player } from '../ui/player.ts';
import { Preview } from './preview.ts';
import { renderLegend } from '../ui/legend.ts';
import { placeCard } from '../ui/place-card.ts';
import { renderClaimsPanel } from '../ui/claims-panel.ts';
import { parseClaims, type Claim } from '../analysis/claims.ts';
import { parseStats, type Stats } from '../data/stats.ts';
import { renderSourcesPanel } from '../ui/sources-panel.ts';
import { SnapshotLoader } from './snapshot-loader.ts';
import { urlWriter } from './url-sync.ts';
import { CompareController } from './compare.ts';
import { OverTime } from './over-time.ts';
import { summarize } from '../analysis/summary.ts';
import { parsePlaceDistances, type PlaceDistances } from '../data/place-distances.ts';

setWorkerUrl(workerUrl);

const ARTICLE_PLACE = 'mayadeen';
const NO_LABELS: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** Syria and Iraq, [[west, south], [east, north]]. */
const DEFAULT_BOUNDS: [[number, number], [number, number]] = [[35.6, 29.1], [48.6, 37.4]];

/** An element of the page, or null when this page (e.g. an embed) does not have it. */
const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel);
const dataBase = new URL('data/', document.baseURI).href;

export interface AppConfig {
  /** Keep the view in the URL hash and the date, place and language in the query (explorer). */
  urlState: boolean;
  /** False for a still picture: no pan, zoom, popups or keyboard. */
  interactive: boolean;
  /** Pan and zoom only with two fingers / a modifier key, so the host page scrolls (embeds). */
  cooperativeGestures: boolean;
  /** Map colours; the embed's `theme` flag. */
  theme: 'light' | 'dark';
  /** A view to open on instead of the whole region (embed's `view` flag). */
  view: { center: [number, number]; zoom: number } | null;
  /** Notices from the page's own flags, shown with the app's. */
  notices: string[];
  /** Told every time a snapshot has been drawn. */
  onDrawn?: (dateIso: string) => void;
}

export interface AppHandle {
  /** Shows the latest snapshot on or before the date; false for a malformed date. */
  setDate(dateIso: string): boolean;
  /** Opens a place's popup (null closes it); false for an unknown place. */
  setPlace(placeId: string | null): boolean;
  readonly dateIso: string;
  readonly lang: Lang;
  readonly placeId: string | null;
  readonly view: { center: [number, number]; zoom: number };
}

interface State { dateIndex: number; placeId: string | null; lang: Lang; langExplicit: boolean; compareIndex: number | null; swipe: boolean }

function noticeText(n: UrlNotice, lang: Lang, shownIso: string): string {
  const t = STRINGS[lang];
  const shown = formatDate(shownIso, lang);
  switch (n.kind) {
    case 'date-malformed': return t.noticeDate(n.value, shown);
    case 'date-too-early': return t.noticeDateEarly(n.value, shown);
    case 'place-unknown': return t.noticePlace(n.value);
    case 'lang-unknown': return t.noticeLang(n.value);
    case 'compare-malformed': return t.noticeCompare(n.value);
  }
}

export async function startApp(config: AppConfig): Promise<AppHandle | null> {
  const mapEl = $('#map')!;
  const browserLang = langFromBrowser(navigator.languages);
  const early = new URLSearchParams(location.search).get('lang');
  const bootLang: Lang = early === 'nl' || early === 'en' ? early : browserLang;
  const messages = new Messages($('#messages')!, STRINGS[bootLang].dismiss);
  for (const n of config.notices) messages.notice(n);
  mapEl.setAttribute('aria-busy', 'true');
  // MapLibre's hash writes one as soon as the map moves, so look before it starts.
  const hadView = config.view !== null || (config.urlState && location.hash.length > 1);

  // The map and its basemap load while the data files download.
  const map = new MlMap({
    container: mapEl,
    style: buildStyle(dataBase, document.baseURI, bootLang, config.theme),
    ...(config.view ? { center: config.view.center, zoom: config.view.zoom } : { bounds: DEFAULT_BOUNDS, fitBoundsOptions: { padding: 16 } }),
    hash: config.urlState,
    interactive: config.interactive,
    cooperativeGestures: config.cooperativeGestures,
    minZoom: 3.5,
    maxZoom: 11,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    attributionControl: { compact: true },
    // Labels appear at once instead of fading in over 300 ms: swaps are done sooner, and there is
    // no motion for readers who prefer none.
    fadeDuration: 0,
    // Kept so that the frame can be copied for printing (src/map/print.ts).
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  if (config.interactive) map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  preparePrinting(map, mapEl);
  map.on('error', (e) => messages.error(STRINGS[bootLang].errorStartup(e.error?.message ?? 'map error'), 'map'));
  const styleReady = map.isStyleLoaded() ? Promise.resolve() : map.once('style.load');

  const load = <T>(file: string, parse: (d: unknown, f: string) => Result<T>) => fetchParsed(new URL(file, dataBase).href, `data/${file}`, parse);
  const [factionsR, placesR, indexR] = await Promise.all([
    load('factions.json', parseFactions),
    load('places.geojson', parsePlaces),
    load('snapshots/index.json', parseSnapshotIndex),
  ]);
  const startupProblems = [factionsR, placesR, indexR].flatMap((r) => (r.ok ? [] : r.problems));
  if (!factionsR.ok || !placesR.ok || !indexR.ok) {
    for (const p of startupProblems) messages.error(STRINGS[bootLang].errorStartup(formatProblem(p)));
    mapEl.setAttribute('aria-busy', 'false');
    return null;
  }
  const factions: Faction[] = factionsR.value;
  const places: Place[] = [...placesR.value].sort((a, b) => a.properties.rank - b.properties.rank || a.properties.name_en.localeCompare(b.properties.name_en));
  const entries: SnapshotEntry[] = indexR.value;
  const datesIso = entries.map((e) => e.dateIso);
  const placeById = new Map(places.map((p) => [p.properties.id, p]));
  const articlePlace = placeById.get(ARTICLE_PLACE);
  const articleIndex = entries.findIndex((e) => e.article);

  const parsed = parseUrlState(location.search, {
    datesIso,
    placeIds: new Set(placeById.keys()),
    defaultDateIndex: articleIndex >= 0 ? articleIndex : entries.length - 1,
  });
  const state: State = {
    dateIndex: parsed.state.dateIndex,
    placeId: parsed.state.placeId,
    lang: parsed.state.lang ?? browserLang,
    langExplicit: parsed.state.lang !== null,
    compareIndex: parsed.state.compareIndex,
    swipe: parsed.state.swipe,
  };
  for (const n of parsed.notices) messages.notice(noticeText(n, state.lang, datesIso[state.dateIndex]!));

  const loader = new SnapshotLoader(new URL('snapshots/', dataBase).href);
  void loader.get(entries[state.dateIndex]!); // start the first snapshot's download while the map loads


  await styleReady;
  if (state.lang !== bootLang) setBasemapLang(map, state.lang);
  addTerritoryLayers(map, factions, state.lang, 'rivers');
  // Labels of every kind (sides' names, the article's rings, places, countries) join the map once
  // the first territory is drawn: their glyphs and placement would otherwise hold it up.
  let labelsOn = false;
  const popup = new Popup({ closeOnClick: true, focusAfterOpen: false, maxWidth: `${Math.min(300, mapEl.clientWidth - 48)}px`, offset: 10 });
  popup.on('close', () => { if (popupPlace !== null) { popupPlace = null; setState({ placeId: null }); } });
  let popupPlace: string | null = null;
  // Places (buttons, names) are added once the first territory is drawn: their fonts and label
  // placement would otherwise hold up the first map (measured in npm run bench).
  let markers: PlaceMarkers | null = null;

  const writeUrl = config.urlState ? urlWriter() : () => {};
  const timelineEl = $('#timeline');
  const timeline = timelineEl ? new Timeline({ container: timelineEl, datesIso, onChange: (i) => { player?.stop(); setState({ dateIndex: i }); } }) : null;
  let lastDraw: Promise<void> = Promise.resolve();
  const urlFor = () => serializeUrlState({
    dateIso: datesIso[state.dateIndex]!, placeId: state.placeId, lang: state.langExplicit ? state.lang : null,
    compareIso: state.compareIndex === null ? null : datesIso[state.compareIndex]!, swipe: state.swipe,
  }, location.search);
  const compareEl = $('#compare');
  const compare = compareEl && config.interactive ? new CompareController({
    map, mapWrap: mapEl.parentElement!, panel: compareEl, factions, entries, loader, dataBase, theme: config.theme,
    onCompare: (i) => setState({ compareIndex: i, swipe: i === null ? false : state.swipe }),
    onSwipe: (on) => setState({ swipe: on }),
  }) : null;
  const updateCompare = () => compare?.update({ dateIndex: drawn?.index ?? state.dateIndex, compareIndex: state.compareIndex, swipe: state.swipe, lang: state.lang, t: STRINGS[state.lang], drawn: drawn?.snapshot ?? null });
  const player = timelineEl && config.interactive ? new Player({
    container: timelineEl,
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
    atEnd: () => state.dateIndex >= datesIso.length - 1,
    rewind: async () => { setState({ dateIndex: 0 }); await lastDraw; },
    step: async () => {
      if (state.dateIndex >= datesIso.length - 1) return false;
      setState({ dateIndex: state.dateIndex + 1 });
      await lastDraw;
      return true;
    },
  }) : null;
  let drawn: { index: number; snapshot: Snapshot } | null = null;
  // The article's claims and their precomputed values: loaded after the first map is drawn.
  let claims: Claim[] | null = null;
  let stats: Stats | null = null;
  let distances: PlaceDistances | null = null;
  const overTimeEl = $('#over-time');
  const overTime = overTimeEl && config.interactive ? new OverTime({
    container: overTimeEl, datesIso, factions, places, defaultPlace: ARTICLE_PLACE,
    onSelect: (i) => { player?.stop(); setState({ dateIndex: i }); },
  }) : null;
  overTime?.onPlaceChange(() => overTime.renderDistances(distances, state.dateIndex, state.lang, STRINGS[state.lang]));
  async function loadStats(): Promise<void> {
    if (!$('#claims') && !$('#summary') && !overTime) return;
    const [c, st] = await Promise.all([
      load('claims.json', (d, f) => parseClaims(d, f, { places: placeById.keys() })),
      load('stats.json', parseStats),
    ]);
    for (const r of [c, st]) if (!r.ok) for (const p of r.problems) messages.error(formatProblem(p), `stats-${p.file}`);
    if (c.ok) claims = c.value.claims;
    if (st.ok) stats = st.value;
    renderDrawn();
    overTime?.render(stats, distances, state.dateIndex, state.lang, STRINGS[state.lang]);
    // The distance chart's figures load when the charts come into view, not with the first map.
    if (overTime && overTimeEl) {
      const seen = new IntersectionObserver(async (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        seen.disconnect();
        const pd = await load('place-distances.json', parsePlaceDistances);
        if (!pd.ok) for (const p of pd.problems) messages.error(formatProblem(p), `stats-${p.file}`);
        else distances = pd.value;
        overTime.renderDistances(distances, state.dateIndex, state.lang, STRINGS[state.lang]);
      }, { rootMargin: '200px' });
      seen.observe(overTimeEl);
    }
  }

  function renderSummary(index: number): void {
    const box = $('#summary');
    const s = stats?.get(datesIso[index]!);
    if (!box || !s || !claims) return;
    const prev = index > 0 ? datesIso[index - 1]! : null;
    box.textContent = summarize({ dateIso: datesIso[index]!, prevDateIso: prev, stats: s, prevStats: prev ? stats!.get(prev) ?? null : null, factions, claims, places }, state.lang);
    mapEl.setAttribute('aria-describedby', box.id);
  }

  function renderText(): void {
    const t = STRINGS[state.lang];
    document.documentElement.lang = state.lang;
    const title = $('#title'), subtitle = $('#subtitle'), langSwitch = $('#lang-switch');
    if (title && !title.dataset.fixed) title.textContent = t.title;
    if (subtitle && !subtitle.dataset.fixed) subtitle.textContent = t.subtitle;
    document.title = `${title?.textContent ?? t.title} – Frontlines`;
    mapEl.setAttribute('aria-label', t.mapLabel);
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
    langSwitch?.setAttribute('aria-label', t.language);
    timeline?.render(state.dateIndex, state.lang, t);
    player?.render(t);
    preview?.render(t);
  }

  function renderDrawn(): void {
    if (!drawn) return;
    const t = STRINGS[state.lang];
    const { snapshot, index } = drawn;
    const legendEl = $('#legend'), sourcesEl = $('#sources'), claimsEl = $('#claims'), dateLine = $('#date-line');
    if (dateLine) dateLine.textContent = formatDate(datesIso[index]!, state.lang);
    if (legendEl) renderLegend(legendEl, factions, areasKm2(snapshot, 'held'), areasKm2(snapshot, 'desert'), state.lang, t);
    if (sourcesEl) renderSourcesPanel(sourcesEl, entries[index]!, state.lang, t);
    if (articlePlace) {
      const d = articleDistances(snapshot, articlePlace.geometry.coordinates);
      const who = { kurds: factions.find((f) => f.id === 'syrian-kurds'), regime: factions.find((f) => f.id === 'syrian-regime') };
      setArticleLines(map, articlePlace.geometry.coordinates, d, (side, km) => t.lineLabel(who[side]?.name[state.lang] ?? side, formatNumber(km, state.lang)));
    }
    renderSummary(index);
    if (claimsEl && claims) renderClaimsPanel(claimsEl, claims, stats?.get(datesIso[index]!)?.claims ?? null, factions, datesIso[index]!, state.lang, t);
    renderPopup();
  }

  function renderPopup(): void {
    const place = state.placeId ? placeById.get(state.placeId) : undefined;
    if (!place || !drawn) {
      if (popupPlace !== null) { popupPlace = null; popup.remove(); }
      return;
    }
    const at = place.geometry.coordinates;
    const content = placeCard({
      place,
      holder: featureNear(drawn.snapshot, at),
      distances: distancesToFactions(drawn.snapshot, at),
      factions,
      dateIso: datesIso[drawn.index]!,
      lang: state.lang,
      t: STRINGS[state.lang],
    });
    popupPlace = place.properties.id;
    popup.setLngLat(at as [number, number]).setDOMContent(content);
    if (!popup.isOpen()) popup.addTo(map);
  }

  async function drawSnapshot(index: number): Promise<void> {
    const entry = entries[index]!;
    mapEl.setAttribute('aria-busy', 'true');
    const result = await loader.latest(entry);
    if (result === null) return; // superseded by a later choice
    const ticket = loader.ticket;
    const t = STRINGS[state.lang];
    if (!result.ok) {
      const shown = drawn ? formatDate(datesIso[drawn.index]!, state.lang) : null;
      messages.error(t.errorSnapshot(`data/snapshots/${entry.file}`, result.problems.map((p) => (p.feature === undefined ? p.message : `feature ${p.feature}: ${p.message}`)).join('; '), shown), 'snapshot');
      mapEl.setAttribute('aria-busy', 'false');
      return;
    }
    messages.clear('snapshot');
    const shown = setTerritory(map, result.value, labelsOn ? labelPoints(result.value) : NO_LABELS);
    drawn = { index, snapshot: result.value };
    renderDrawn();
    await shown;
    if (!loader.isLatest(ticket)) return;
    mapEl.dataset.snapshot = entry.dateIso;
    mapEl.setAttribute('aria-busy', 'false');
    updateCompare();
    // The dates a reader most likely picks next: fetched while idle, so stepping is a cached swap.
    const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
    idle(() => { for (const j of [index + 1, index - 1]) if (entries[j]) void loader.get(entries[j]!); });
    config.onDrawn?.(entry.dateIso);
  }

  // Data editors' check of a file dropped on the map.
  const previewEl = $('#preview');
  const preview = previewEl && config.interactive ? new Preview({
    mapEl, container: previewEl, messages, strings: () => STRINGS[state.lang],
    draw: async (snapshot) => {
      player?.stop();
      mapEl.setAttribute('aria-busy', 'true');
      const shown = setTerritory(map, snapshot, labelPoints(snapshot));
      drawn = { index: state.dateIndex, snapshot };
      renderDrawn();
      await shown;
      mapEl.setAttribute('aria-busy', 'false');
    },
    restore: () => { lastDraw = drawSnapshot(state.dateIndex); },
  }) : null;

  function setState(patch: Partial<State>): void {
    const before = { ...state };
    Object.assign(state, patch);
    if (patch.lang) state.langExplicit = true;
    writeUrl(urlFor());
    if (before.lang !== state.lang) {
      markers?.setLang(state.lang);
      setBasemapLang(map, state.lang);
      setTerritoryLang(map, factions, state.lang);
      renderText();
      renderDrawn();
    } else timeline?.render(state.dateIndex, state.lang, STRINGS[state.lang]);
    if (before.dateIndex !== state.dateIndex) { preview?.end(); lastDraw = drawSnapshot(state.dateIndex); overTime?.setSelected(state.dateIndex); }
    if (before.lang !== state.lang) overTime?.render(stats, distances, state.dateIndex, state.lang, STRINGS[state.lang]);
    if (before.compareIndex !== state.compareIndex || before.swipe !== state.swipe || before.lang !== state.lang) updateCompare();
    else if (before.placeId !== state.placeId) renderPopup();
  }

  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    b.addEventListener('click', () => setState({ lang: b.dataset.lang as Lang }));
  }
  renderText();
  if (state.placeId && !hadView) {
    const p = placeById.get(state.placeId);
    if (p) map.jumpTo({ center: p.geometry.coordinates as [number, number], zoom: Math.max(map.getZoom(), 6.5) });
  }
  const first = drawSnapshot(state.dateIndex);
  writeUrl(urlFor());
  await first;
  showLabels(map);
  labelsOn = true;
  if (articlePlace) addArticleLayers(map, articlePlace.geometry.coordinates, STRINGS[state.lang].ringLabel);
  const firstDrawn = drawn as { index: number; snapshot: Snapshot } | null;
  if (firstDrawn) setTerritoryLabels(map, labelPoints(firstDrawn.snapshot));
  renderDrawn(); // the article's lines, now that their layers exist
  markers = new PlaceMarkers({ map, places, lang: state.lang, colors: palette(config.theme), interactive: config.interactive, onSelect: (id) => setState({ placeId: id }) });
  // Everything is on the map (places included) once it is next idle; --render waits for this.
  void map.once('idle').then(() => { mapEl.dataset.complete = 'true'; });
  void loadStats();
  return {
    setDate(dateIso) {
      if (!isIsoDate(dateIso)) return false;
      setState({ dateIndex: snapshotIndexFor(datesIso, dateIso) });
      return true;
    },
    setPlace(placeId) {
      if (placeId !== null && !placeById.has(placeId)) return false;
      setState({ placeId });
      return true;
    },
    get dateIso() { return datesIso[state.dateIndex]!; },
    get lang() { return state.lang; },
    get placeId() { return state.placeId; },
    get view() { const c = map.getCenter(); return { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom() }; },
  };
}

/** Shows a bug (not bad data) where the user sees messages; the stack stays in the console. */
export function reportBug(err: unknown): void {
  console.error(err);
  const box = document.querySelector('#messages');
  if (box) box.append(Object.assign(document.createElement('p'), { className: 'message message-error', role: 'alert', textContent: String(err) }));
  document.querySelector('#map')?.setAttribute('aria-busy', 'false');
}
