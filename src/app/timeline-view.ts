/**
 * The date slider, part of the first view: it emits the reader's choice (`store.update`) and is
 * redrawn from `dateIndex`. Choosing a date by hand also tells `onChoose` listeners (the player,
 * loaded later, stops).
 */
import { Timeline } from '../ui/timeline.ts';
import { STRINGS } from '../ui/strings.ts';
import { $, type AppContext } from './context.ts';

export interface DateChoice {
  /** A date chosen by hand (slider, chart). */
  choose(index: number): void;
  onChoose(fn: () => void): void;
}

export function watchTimeline(ctx: AppContext): DateChoice {
  const { store, core } = ctx;
  const listeners: (() => void)[] = [];
  const choose = (i: number) => { for (const fn of listeners) fn(); store.update({ dateIndex: i }); };
  const container = $('#timeline');
  // The player (interactive pages) and the event marks (a story with events, on a page that shows
  // them: events-view.ts) join after the first map, in room kept for them now.
  const reserve = { player: ctx.config.interactive, events: !!$('#events') && core.files.has('events.json') };
  const timeline = container ? new Timeline({ container, datesIso: core.datesIso, onChange: choose, reserve }) : null;
  store.watch((s) => [s.dateIndex, s.lang, s.failedIndex, s.drawn], () => {
    const { dateIndex, lang, failedIndex, drawn } = store.state;
    timeline?.render(dateIndex, lang, STRINGS[lang], failedIndex === dateIndex ? { shownIndex: drawn?.index ?? null } : null);
  });
  return { choose, onChoose: (fn) => { listeners.push(fn); } };
}
