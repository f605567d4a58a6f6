/**
 * Which events belong to which snapshot. A snapshot's *period* runs from the day after the
 * snapshot before it up to and including its own date (the first snapshot's from the start), so
 * every event that happened by a date and after the date before is listed with it. An event is
 * placed by `byIso`, its last possible day (a month-only event: the month's last day). Events after
 * the last snapshot belong to no period; the page lists them with the last date as later events.
 * Pure; the events come sorted (src/data/events.ts `parseEvents`).
 */
import type { StoryEvent } from '../data/events.ts';

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** The first index whose date is on or after `byIso` (the period it falls in), or null after the last date. */
export function periodIndex(byIso: string, datesIso: readonly string[]): number | null {
  let lo = 0, hi = datesIso.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (datesIso[mid]! < byIso) lo = mid + 1;
    else hi = mid;
  }
  return lo < datesIso.length ? lo : null;
}

/**
 * The period of snapshot `index`: `fromIso` the first day (null for the first snapshot: from the
 * start), `toIso` its date.
 * @example periodOf(['2017-06-01', '2017-07-01'], 1) // { fromIso: '2017-06-02', toIso: '2017-07-01' }
 */
export function periodOf(datesIso: readonly string[], index: number): { fromIso: string | null; toIso: string } {
  const toIso = datesIso[index]!;
  if (index === 0) return { fromIso: null, toIso };
  return { fromIso: new Date((dayOf(datesIso[index - 1]!) + 1) * DAY_MS).toISOString().slice(0, 10), toIso };
}

/** The events of snapshot `index`'s period, in date order. */
export const eventsOfPeriod = (events: readonly StoryEvent[], datesIso: readonly string[], index: number): StoryEvent[] =>
  events.filter((e) => periodIndex(e.date.byIso, datesIso) === index);

/** Events after `fromIso` up to and including `toIso` (the dates between two snapshots compared). */
export const eventsBetween = (events: readonly StoryEvent[], fromIso: string, toIso: string): StoryEvent[] =>
  events.filter((e) => e.date.byIso > fromIso && e.date.byIso <= toIso);

/** Events after the last snapshot's date. */
export const eventsAfter = (events: readonly StoryEvent[], datesIso: readonly string[]): StoryEvent[] =>
  events.filter((e) => periodIndex(e.date.byIso, datesIso) === null);

/**
 * The nearest snapshot before (`step` -1) or after (+1) `index` whose period has events, or null
 * when there is none that way: what "previous event" and "next event" go to.
 */
export function eventStep(events: readonly StoryEvent[], datesIso: readonly string[], index: number, step: 1 | -1): number | null {
  const withEvents = new Set(events.map((e) => periodIndex(e.date.byIso, datesIso)));
  for (let i = index + step; i >= 0 && i < datesIso.length; i += step) if (withEvents.has(i)) return i;
  return null;
}

/**
 * Where an event stands on the date slider, from 0 (the first snapshot) to 1 (the last): the slider
 * steps evenly from snapshot to snapshot, so the event sits between the two snapshots around it in
 * proportion to the days. Null for an event before the first or after the last snapshot.
 * @example markPosition('2017-06-16', ['2017-06-01', '2017-07-01']) // 0.5
 */
export function markPosition(byIso: string, datesIso: readonly string[]): number | null {
  const n = datesIso.length;
  if (n === 0 || byIso < datesIso[0]! || byIso > datesIso[n - 1]!) return null;
  if (n === 1) return 0;
  const i = periodIndex(byIso, datesIso)!;
  if (datesIso[i] === byIso || i === 0) return i / (n - 1);
  const a = dayOf(datesIso[i - 1]!), b = dayOf(datesIso[i]!);
  return (i - 1 + (dayOf(byIso) - a) / (b - a)) / (n - 1);
}
