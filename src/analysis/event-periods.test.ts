import { describe, expect, it } from 'vitest';
import { parseEvents, type StoryEvent } from '../data/events.ts';
import { eventsAfter, eventsBetween, eventsOfPeriod, eventStep, markPosition, periodIndex, periodOf } from './event-periods.ts';

const DATES = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'];
const make = (dates: [string, string][]): StoryEvent[] => {
  const r = parseEvents({ events: dates.map(([id, date]) => ({ id, date, title: { en: id, nl: id }, status: 'confirmed', sources: ['s'] })) }, 'data/events.json');
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.value;
};
const ids = (es: readonly StoryEvent[]) => es.map((e) => e.id);
const EVENTS = make([['before', '2023-12-24'], ['on-first', '2024-01-01'], ['jan-2', '2024-01-02'], ['on-feb', '2024-02-01'], ['march', '2024-03'], ['april-2', '2024-04-02']]);

describe('the period of a snapshot', () => {
  it('runs from the day after the snapshot before it to its own date; the first from the start', () => {
    expect(periodOf(DATES, 0)).toEqual({ fromIso: null, toIso: '2024-01-01' });
    expect(periodOf(DATES, 1)).toEqual({ fromIso: '2024-01-02', toIso: '2024-02-01' });
    expect(periodOf(['2024-02-28', '2024-03-01'], 1)).toEqual({ fromIso: '2024-02-29', toIso: '2024-03-01' });
  });
  it('holds the events after the date before, up to and including its own date', () => {
    expect(ids(eventsOfPeriod(EVENTS, DATES, 0))).toEqual(['before', 'on-first']);
    expect(ids(eventsOfPeriod(EVENTS, DATES, 1))).toEqual(['jan-2', 'on-feb']);
    expect(ids(eventsOfPeriod(EVENTS, DATES, 2))).toEqual([]);
    // A month-only event counts as its last day: by 1 April it had surely happened, by 1 March not.
    expect(ids(eventsOfPeriod(EVENTS, DATES, 3))).toEqual(['march']);
    expect(ids(eventsAfter(EVENTS, DATES))).toEqual(['april-2']);
  });
  it('every event is in exactly one period, or after the last date', () => {
    const listed = [...DATES.flatMap((_, i) => ids(eventsOfPeriod(EVENTS, DATES, i))), ...ids(eventsAfter(EVENTS, DATES))];
    expect(listed).toEqual(ids(EVENTS));
    expect(periodIndex('2024-04-02', DATES)).toBeNull();
  });
});

describe('a comparison', () => {
  it('lists the events after the earlier date up to and including the later one', () => {
    expect(ids(eventsBetween(EVENTS, '2024-01-01', '2024-04-01'))).toEqual(['jan-2', 'on-feb', 'march']);
    expect(ids(eventsBetween(EVENTS, '2024-02-01', '2024-03-01'))).toEqual([]);
  });
});

describe('previous and next event', () => {
  it('go to the nearest date either way whose period has events, and nowhere past the ends', () => {
    expect(eventStep(EVENTS, DATES, 0, 1)).toBe(1);
    expect(eventStep(EVENTS, DATES, 1, 1)).toBe(3);
    expect(eventStep(EVENTS, DATES, 3, 1)).toBeNull();
    expect(eventStep(EVENTS, DATES, 3, -1)).toBe(1);
    expect(eventStep(EVENTS, DATES, 0, -1)).toBeNull();
    expect(eventStep([], DATES, 1, 1)).toBeNull();
  });
});

describe('marks on the slider', () => {
  it('stand between the snapshots around the event, in proportion to the days', () => {
    expect(markPosition('2024-01-01', DATES)).toBe(0);
    expect(markPosition('2024-04-01', DATES)).toBe(1);
    expect(markPosition('2024-02-01', DATES)).toBeCloseTo(1 / 3, 12);
    // 15 of February's 29 days after 1 February, in the second of three steps.
    expect(markPosition('2024-02-16', DATES)).toBeCloseTo((1 + 15 / 29) / 3, 12);
    expect(markPosition('2023-12-31', DATES)).toBeNull();
    expect(markPosition('2024-04-02', DATES)).toBeNull();
    expect(markPosition('2024-01-01', ['2024-01-01'])).toBe(0);
  });
});
