/**
 * The controls loaded after the first map (player, charts, comparison, file preview), each
 * redrawn from its slice; the date slider is timeline-view.ts. Controls emit intents
 * (`store.update`); they never draw the map.
 */
import { BASEMAP_FILE } from '../data/files.ts';
import { Player } from '../ui/player.ts';
import { OverTime } from '../ui/over-time.ts';
import { Preview } from '../ui/preview.ts';
import { STRINGS } from '../ui/strings.ts';
import { CompareController } from './compare.ts';
import { $, type AppContext } from './context.ts';
import { loadDistancesWhenSeen } from './lazy-stats.ts';
import type { SnapshotView } from './snapshot-view.ts';
import type { DateChoice } from './timeline-view.ts';
import { watchLater } from './watch-later.ts';
import { storyArea } from '../data/story-area.ts';

export function watchControls(ctx: AppContext, view: SnapshotView, dates: DateChoice): void {
  const { store, core, config, mapEl } = ctx;
  const { datesIso } = core;
  const last = datesIso.length - 1;
  const interactive = config.interactive;
  const timelineEl = $('#timeline');
  const player = timelineEl && interactive ? new Player({
    container: timelineEl,
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
    atEnd: () => store.state.dateIndex >= last,
    rewind: async () => { store.update({ dateIndex: 0 }); await view.whenDrawn(); },
    step: async () => {
      if (store.state.dateIndex >= last) return false;
      store.update({ dateIndex: store.state.dateIndex + 1 });
      await view.whenDrawn();
      return true;
    },
  }) : null;
  // A date chosen by hand stops the player.
  dates.onChoose(() => player?.stop());
  const choose = dates.choose;
  store.watch((s) => s.lang, (lang) => player?.render(STRINGS[lang]));

  const compareEl = $('#compare');
  const compare = compareEl && interactive ? new CompareController({
    map: ctx.map, mapWrap: mapEl.parentElement!, panel: compareEl, factions: core.factions, entries: core.entries, loader: view.loader,
    dataBase: ctx.dataBase, basemap: core.files.has(BASEMAP_FILE), theme: config.theme,
    onCompare: (i) => store.update({ compareIndex: i, swipe: i === null ? false : store.state.swipe }),
    onSwipe: (on) => store.update({ swipe: on }),
    onSwipeProblem: (p) => {
      if (p) ctx.messages.error(STRINGS[store.state.lang].errorSwipe(p.file, p.reason), 'swipe');
      else ctx.messages.clear('swipe');
    },
  }) : null;
  // Compared with the date on the map (not a previewed file), once its territory is in: at once
  // when the reader changes the comparison, when the page is next idle after a swap (its change
  // layers and table then never hold up the swap's frame).
  const updateCompare = () => {
    const { drawn, compareIndex, swipe, lang } = store.state;
    if (drawn?.preview) return;
    compare?.update({ dateIndex: drawn?.index ?? store.state.dateIndex, compareIndex, swipe, lang, t: STRINGS[lang], drawn: drawn?.snapshot ?? null });
  };
  store.watch((s) => [s.compareIndex, s.swipe, s.lang], updateCompare);
  watchLater(store, (s) => s.drawn, updateCompare, { initial: false });

  const overTimeEl = $('#over-time');
  if (overTimeEl && interactive && !core.files.has('stats.json') && !core.files.has('place-distances.json')) overTimeEl.hidden = true;
  else if (overTimeEl && interactive) {
    const place = core.story.article?.place ?? core.places[0]?.properties.id ?? null;
    store.update({ chartPlace: place });
    const overTime = new OverTime({
      container: overTimeEl, datesIso, factions: core.factions, places: core.places, defaultPlace: place,
      onSelect: choose, onPlace: (id) => store.update({ chartPlace: id }),
      charts: { area: core.files.has('stats.json'), distances: core.files.has('place-distances.json') },
    });
    store.watch((s) => [s.stats, s.lang], () => overTime.renderArea(store.state.stats, store.state.dateIndex, store.state.lang, STRINGS[store.state.lang]));
    store.watch((s) => [s.distances, s.chartPlace, s.lang], () => overTime.renderDistances(store.state.distances, store.state.dateIndex, store.state.lang, STRINGS[store.state.lang]));
    watchLater(store, (s) => s.dateIndex, (i) => overTime.setSelected(i), { initial: false });
    store.watch((s) => s.brokenFiles, (broken) => {
      if (broken.includes('stats.json')) overTime.leaveOut('area');
      if (broken.includes('place-distances.json')) overTime.leaveOut('distances');
    });
    loadDistancesWhenSeen(ctx, overTimeEl);
  }

  // Data editors' check of a file dropped on the map.
  const previewEl = $('#preview');
  const preview = previewEl && interactive ? new Preview({
    mapEl, container: previewEl, messages: ctx.messages, strings: () => STRINGS[store.state.lang], factions: core.factions,
    area: storyArea(core.story.bounds, [...core.places, ...(store.state.drawn?.snapshot.features ?? [])]),
    draw: (snapshot, name) => { player?.stop(); return view.preview(snapshot, name); },
    restore: () => { void view.redraw(); },
  }) : null;
  store.watch((s) => s.lang, (lang) => preview?.render(STRINGS[lang], lang));
  store.watch((s) => s.dateIndex, () => preview?.end(), { initial: false });
}
