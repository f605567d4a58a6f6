/**
 * data/events.json (optional): dated events of the story, what happened and how sure we are. Each
 * has a date (or only a month), a title and an optional one-line text in English and Dutch, an
 * optional place, a status (confirmed, claimed, disproved; a disproved claim says when and by
 * what it was settled) and its sources. Parsed without trust; problems name the file, the event
 * and the field, quote at most 80 characters, and stop after MAX_EVENT_PROBLEMS.
 */
import { isId, type Text } from './contract.ts';
import { maxDateIso, MIN_DATE_ISO } from './dates.ts';
import { clip, echo } from './echo.ts';
import { ok, type Problem, type Result } from './result.ts';

export const EVENT_STATUSES = ['confirmed', 'claimed', 'disproved'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** A date written YYYY-MM-DD, or YYYY-MM when only the month is known. */
export interface EventDate {
  /** As written in the file. */
  iso: string;
  monthOnly: boolean;
  /**
   * The last day it can have been: the date itself, or the month's last day. A month-only event
   * is listed with the first snapshot by which it had certainly happened, and sorts at the end of
   * its month.
   */
  byIso: string;
}

export interface StoryEvent {
  id: string;
  date: EventDate;
  title: Text;
  /** One line more, or null. */
  text: Text | null;
  /** A place id of places.geojson, or null. */
  place: string | null;
  status: EventStatus;
  /** What settled the claim (required for `disproved`, allowed for `confirmed`), or null. */
  settled: { date: EventDate; source: string } | null;
  sources: string[];
}

/** A file with more problems than this is reported with the first ones and a count of the rest. */
export const MAX_EVENT_PROBLEMS = 20;
/** Beyond these the list and the slider stop being readable; longer texts are a mistake. */
export const MAX_TITLE_CHARS = 120;
export const MAX_TEXT_CHARS = 300;

const DATE_RE = /^(\d{4})-(0[1-9]|1[0-2])(?:-(\d{2}))?$/;
/** Days in a month of the Gregorian calendar (month 1–12). */
const daysIn = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const filled = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/**
 * A date or month as an EventDate, or a message saying what is wrong. Dates run from 1900 to a year
 * after today (`maxIso`, src/data/dates.ts), as snapshots' do. Without Date objects: a file of
 * thousands of events is read in a blink.
 * @example eventDate('2015-10') // { iso: '2015-10', monthOnly: true, byIso: '2015-10-31' }
 */
export function eventDate(v: unknown, maxIso: string = maxDateIso()): EventDate | string {
  const m = typeof v === 'string' ? DATE_RE.exec(v) : null;
  const y = Number(m?.[1]), mo = Number(m?.[2]), days = m ? daysIn(y, mo) : 0;
  if (!m || (m[3] !== undefined && !(Number(m[3]) >= 1 && Number(m[3]) <= days))) {
    return `must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known; got ${echo(v)}`;
  }
  const iso = v as string;
  const monthOnly = m[3] === undefined;
  const first = monthOnly ? `${iso}-01` : iso;
  if (first < MIN_DATE_ISO || first > maxIso) return `${first} is outside the accepted range ${MIN_DATE_ISO} to ${maxIso} (a year after today)`;
  return { iso, monthOnly, byIso: monthOnly ? `${iso}-${String(days).padStart(2, '0')}` : iso };
}

/** In the order they happened (by `byIso`, then as listed). */
export const sortEvents = (events: readonly StoryEvent[]): StoryEvent[] =>
  events.map((e, i) => ({ e, i })).sort((a, b) => (a.e.date.byIso < b.e.date.byIso ? -1 : a.e.date.byIso > b.e.date.byIso ? 1 : a.i - b.i)).map((x) => x.e);

/**
 * Checks a parsed events file: `{"events": [...]}` (other keys, such as "about", are left alone).
 * Events come back in date order. Place ids are checked against places.geojson by `placeProblems`.
 * @example parseEvents({ events: [{ id: 'a', date: '2015-10', title: { en: 'A', nl: 'A' }, status: 'confirmed', sources: ['x'] }] }, 'data/events.json')
 */
export function parseEvents(data: unknown, file: string, now?: Date): Result<StoryEvent[]> {
  const maxIso = maxDateIso(now);
  if (!isObject(data) || !Array.isArray(data.events)) return { ok: false, problems: [{ file, message: 'expected an object {"events": [...]}' }] };
  const problems: Problem[] = [];
  let more = 0;
  const add = (message: string) => { if (problems.length < MAX_EVENT_PROBLEMS) problems.push({ file, message }); else more++; };
  const events: StoryEvent[] = [];
  const ids = new Set<string>();
  const list = data.events;
  for (let i = 0; i < list.length; i++) {
    const e = parseEvent(list[i], i, maxIso);
    if (typeof e === 'string') { add(e); continue; }
    if (ids.has(e.id)) { add(`events[${i}] (${clip(e.id)}): the id is used twice`); continue; }
    ids.add(e.id);
    events.push(e);
  }
  if (more) problems.push({ file, message: `and ${more.toLocaleString('en')} more problems` });
  return problems.length ? { ok: false, problems } : ok(sortEvents(events));
}

const TEXT = (max: number) => `{"en": string, "nl": string}, both filled in, each at most ${max} characters`;

function parseEvent(e: unknown, i: number, maxIso: string): StoryEvent | string {
  if (!isObject(e)) return `events[${i}]: expected an object with "id", "date", "title", "status" and "sources", got ${echo(e)}`;
  if (!isId(e.id)) return `events[${i}]: "id" must be lower-case letters, digits and hyphens, got ${echo(e.id)}`;
  const at = `events[${i}] (${clip(e.id)})`;
  const date = eventDate(e.date, maxIso);
  if (typeof date === 'string') return `${at}: "date" ${date}`;
  const text = (key: 'title' | 'text', max: number): Text | string => {
    const v = e[key];
    return isObject(v) && filled(v.en, max) && filled(v.nl, max) ? { en: v.en.trim(), nl: v.nl.trim() } : `${at}: "${key}" must be ${TEXT(max)}, got ${echo(v)}`;
  };
  const title = text('title', MAX_TITLE_CHARS);
  if (typeof title === 'string') return title;
  const line = e.text === undefined ? null : text('text', MAX_TEXT_CHARS);
  if (typeof line === 'string') return line;
  if (e.place !== undefined && !isId(e.place)) return `${at}: "place" must be a place id of places.geojson (lower-case letters, digits and hyphens), got ${echo(e.place)}`;
  if (!(EVENT_STATUSES as readonly unknown[]).includes(e.status)) return `${at}: "status" must be ${EVENT_STATUSES.map((s) => `"${s}"`).join(', ')}, got ${echo(e.status)}`;
  const status = e.status as EventStatus;
  let settled: StoryEvent['settled'] = null;
  if (e.settled !== undefined) {
    if (status === 'claimed') return `${at}: "settled" is for a claim that was later disproved or confirmed; give "status": "disproved" or "confirmed", or leave "settled" out`;
    const s = e.settled;
    if (!isObject(s) || !filled(s.source, 2000)) return `${at}: "settled" must be {"date": "YYYY-MM-DD", "source": "who or what settled it"}, got ${echo(s)}`;
    const d = eventDate(s.date, maxIso);
    if (typeof d === 'string') return `${at}: "settled" "date" ${d}`;
    const first = date.monthOnly ? `${date.iso}-01` : date.iso;
    if (d.byIso < first) return `${at}: "settled" "date" ${d.iso} is before the event's date ${date.iso}`;
    settled = { date: d, source: s.source.trim() };
  } else if (status === 'disproved') {
    return `${at}: a disproved claim needs "settled": {"date": "YYYY-MM-DD", "source": "…"}, saying when and by what it was disproved`;
  }
  const sources = e.sources;
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => filled(s, 2000))) {
    return `${at}: "sources" must be a list of one or more sources (non-empty strings), got ${echo(sources)}`;
  }
  return { id: e.id, date, title, text: line, place: typeof e.place === 'string' ? e.place : null, status, settled, sources: (sources as string[]).map((s) => s.trim()) };
}

/**
 * The events' places that places.geojson does not have, as problems; `data:check` reports them,
 * and the page shows the events without those places and says so.
 * @example placeProblems(events, new Set(['town-a']), 'data/events.json')
 */
export function placeProblems(events: readonly StoryEvent[], places: ReadonlySet<string>, file: string): Problem[] {
  const bad = events.filter((e) => e.place !== null && !places.has(e.place));
  const problems = bad.slice(0, MAX_EVENT_PROBLEMS).map((e) => ({ file, message: `event ${clip(e.id)}: "place": no place ${echo(e.place)} in places.geojson` }));
  if (bad.length > MAX_EVENT_PROBLEMS) problems.push({ file, message: `and ${(bad.length - MAX_EVENT_PROBLEMS).toLocaleString('en')} more events with a place not in places.geojson` });
  return problems;
}

/** The events with every place that places.geojson lacks left out (the page's fallback). */
export const withKnownPlaces = (events: readonly StoryEvent[], places: ReadonlySet<string>): StoryEvent[] =>
  events.map((e) => (e.place !== null && !places.has(e.place) ? { ...e, place: null } : e));
