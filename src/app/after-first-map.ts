/**
 * What joins the app once the first territory is drawn (app.ts loads this module then, so none of
 * it is in the first view's script): labels of every kind, the places, their popups, the
 * article's rings and lines, the player, charts, comparison and file check, the figures of
 * claims.json and stats.json with the legend's areas, and the date stack (docs/performance.md).
 */
import { palette, showLabels } from '../map/style.ts';
import { PlaceMarkers } from '../map/place-markers.ts';
import { markFrames } from '../map/frame-marks.ts';
import { $, type AppContext } from './context.ts';
import { watchAnnouncer } from './announce-view.ts';
import { watchArticle } from './article-view.ts';
import { watchControls } from './controls.ts';
import { watchFigurePanels } from './figure-panels.ts';
import { loadStats } from './lazy-stats.ts';
import { watchLegendAreas } from './legend-areas.ts';
import { watchPlacePopup } from './place-popup.ts';
import type { SnapshotView } from './snapshot-view.ts';
import type { DateChoice } from './timeline-view.ts';

export function afterFirstMap(ctx: AppContext, view: SnapshotView, dates: DateChoice): void {
  const { store, map, mapEl, core, config } = ctx;
  watchFigurePanels(ctx);
  watchLegendAreas(ctx, view.stack);
  watchPlacePopup(ctx);
  watchArticle(ctx);
  watchControls(ctx, view, dates);
  watchAnnouncer(ctx, view.loader);
  // Labels of every kind (sides' names, the article's rings, places, countries) join now: their
  // glyphs and placement would otherwise have held up the first map.
  showLabels(map);
  store.update({ labelsOn: true });
  const markers = new PlaceMarkers({ map, places: core.places, lang: store.state.lang, colors: palette(config.theme), interactive: config.interactive, onSelect: (id) => store.update({ placeId: id }) });
  store.watch((s) => s.lang, (lang) => markers.setLang(lang), { initial: false });
  // Escape closes a place's popup and gives the focus back to its place.
  mapEl.addEventListener('keydown', (e) => {
    const id = store.state.placeId;
    if (e.key !== 'Escape' || !id) return;
    e.preventDefault(); // handled: a dialog around an embed preview stays open
    store.update({ placeId: null });
    markers.focusQuietly(id);
  });
  // Everything is on the map (places included) once it is next idle; --render waits for this.
  markFrames(map, mapEl);
  void view.namesShown().then(() => map.once('idle')).then(() => { mapEl.dataset.complete = 'true'; });
  void loadStats(ctx, !!($('#claims') || $('#summary') || $('#over-time') || $('#legend')));
  void view.startStack();
}
