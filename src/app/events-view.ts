/**
 * The story's events (data/events.json, optional), loaded after the first map like the other
 * optional files: marks on the date slider, the shown date's events with the summary (#events),
 * the previous and next date with events (buttons, and Shift with an arrow key on the slider),
 * "between these dates" in a comparison, and the event's place on the map when its button is
 * pressed. The live region speaks the events too (announce-view.ts, `spokenForDate`). A page
 * without #events (an embed with `events=0`) or a story without the file loads nothing.
 */
import { eventsAfter, eventsBetween, eventsOfPeriod, eventStep, markPosition, periodIndex, periodOf } from '../analysis/event-periods.ts';
import { parseEvents, placeProblems, withKnownPlaces } from '../data/events.ts';
import { formatProblem } from '../data/result.ts';
import type { Lang } from '../i18n/lang.ts';
import { el } from '../ui/dom.ts';
import { drawEventMarks } from '../ui/event-marks.ts';
import { EVENT_WORDS } from '../ui/event-words.ts';
import { betweenList, EventsPanel, type EventItemOptions } from '../ui/events-panel.ts';
import { $, type AppContext } from './context.ts';
import { leaveOut } from './lazy-stats.ts';
import type { DateChoice } from './timeline-view.ts';
import { watchLater } from './watch-later.ts';

export async function watchEvents(ctx: AppContext, dates: DateChoice): Promise<void> {
  const { store, core, config, messages } = ctx;
  const section = $('#events');
  if (!section || !core.files.has('events.json')) return;
  const r = await ctx.load('events.json', parseEvents);
  if (!r.ok) {
    leaveOut(ctx, 'events.json', r.problems);
    // No marks will come: the row kept for them under the slider goes (timeline-view.ts).
    $('#date-slider')?.closest('.timeline-track')?.classList.remove('has-events');
    return;
  }
  // A place that places.geojson lacks is left out of its event, with a notice; the event stays.
  const places = new Set(core.placeById.keys());
  const missing = placeProblems(r.value, places, 'data/events.json');
  if (missing.length) messages.notice(EVENT_WORDS[store.state.lang].placesLeftOut(missing.slice(0, 3).map(formatProblem).join('; ')), 'events-places');
  const events = withKnownPlaces(r.value, places);
  store.update({ events });

  const { datesIso } = core;
  const shown = () => store.state.drawn?.index ?? store.state.dateIndex;
  const go = (step: 1 | -1) => {
    const i = eventStep(events, datesIso, store.state.dateIndex, step);
    if (i !== null) dates.choose(i);
  };
  const item: Omit<EventItemOptions, 'lang'> = {
    placeName: (id) => placeName(ctx, id, store.state.lang),
    onPlace: config.interactive ? (id) => showPlace(ctx, id) : null,
  };
  const panel = new EventsPanel(section, item, config.interactive ? go : null);

  // The slider: marks, the keys, and a description in words (the marks are a picture only).
  const slider = $<HTMLInputElement>('#date-slider');
  const track = slider?.closest<HTMLElement>('.timeline-track');
  const showPeriod = track ? drawEventMarks(track, events.flatMap((e) => {
    const position = markPosition(e.date.byIso, datesIso);
    return position === null ? [] : [{ id: e.id, position, period: periodIndex(e.date.byIso, datesIso)!, claim: e.status !== 'confirmed' }];
  })) : null;
  const described = slider ? el('span', { id: 'date-events', class: 'visually-hidden' }) : null;
  if (slider && described) {
    slider.after(described);
    slider.setAttribute('aria-describedby', described.id);
    if (config.interactive) slider.addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : 0;
      if (!step || !e.shiftKey || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault(); // not the slider's own step
      go(step);
    });
  }
  store.watch((s) => [s.dateIndex, s.lang], () => {
    const { dateIndex, lang } = store.state;
    showPeriod?.(dateIndex);
    if (described) described.textContent = EVENT_WORDS[lang].slider(eventsOfPeriod(events, datesIso, dateIndex).length);
  });

  // The list follows the date on the map: at once the first time (no empty buttons are ever
  // shown), then when the page is next idle after a swap (as the summary).
  const renderList = () => {
    const index = shown(), lang = store.state.lang;
    panel.render({
      ...periodOf(datesIso, index), lang,
      period: eventsOfPeriod(events, datesIso, index),
      later: index === datesIso.length - 1 ? eventsAfter(events, datesIso) : [],
      canPrevious: eventStep(events, datesIso, index, -1) !== null,
      canNext: eventStep(events, datesIso, index, 1) !== null,
    });
  };
  renderList();
  section.hidden = false;
  watchLater(store, (s) => [s.drawn, s.lang], renderList, { initial: false });

  // A comparison: the events after the earlier date up to the later one, under its figures.
  const compareEl = $('#compare');
  if (compareEl) watchLater(store, (s) => [s.compareIndex, s.drawn, s.lang], () => {
    const { compareIndex, drawn, lang } = store.state;
    compareEl.querySelector('.compare-events')?.remove();
    const index = drawn?.index ?? null;
    if (compareIndex === null || index === null || compareIndex === index || drawn?.preview) return;
    const [a, b] = [datesIso[Math.min(index, compareIndex)]!, datesIso[Math.max(index, compareIndex)]!];
    compareEl.append(betweenList(eventsBetween(events, a, b), { ...item, lang }));
  });
}

/** A place's name in the reader's language (English where a Dutch one is missing). */
function placeName(ctx: AppContext, id: string, lang: Lang): string | null {
  const p = ctx.core.placeById.get(id)?.properties;
  if (!p) return null;
  return (lang === 'nl' && typeof p.name_nl === 'string' && p.name_nl) || p.name_en;
}

/** Opens the place's popup, and brings it into view first if it is off the map. */
function showPlace(ctx: AppContext, id: string): void {
  const place = ctx.core.placeById.get(id);
  if (!place) return;
  const at = place.geometry.coordinates as [number, number];
  if (!ctx.map.getBounds().contains(at)) {
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) ctx.map.jumpTo({ center: at });
    else ctx.map.easeTo({ center: at, duration: 500 });
  }
  ctx.store.update({ placeId: id });
}

