import { describe, expect, it } from 'vitest';
import { eventDate, MAX_EVENT_PROBLEMS, parseEvents, placeProblems, withKnownPlaces, type StoryEvent } from './events.ts';
import { validateDataFolder, type DataFolder } from './data-folder.ts';
import { formatProblem } from './result.ts';

const F = 'data/events.json';
const NOW = new Date('2026-12-01T00:00:00Z');
const event = (over: Record<string, unknown> = {}) => ({
  id: 'a', date: '2024-03-05', title: { en: 'Bridge taken', nl: 'Brug ingenomen' }, status: 'confirmed', sources: ['Our reporter, 5 March 2024'], ...over,
});
const parse = (events: unknown[]) => parseEvents({ events }, F, NOW);
const messages = (events: unknown[]) => {
  const r = parse(events);
  return r.ok ? [] : r.problems.map(formatProblem);
};

describe('parseEvents', () => {
  it('reads an event with every field, and one with only the required ones', () => {
    const r = parse([
      event({ id: 'full', text: { en: 'One line.', nl: 'Eén regel.' }, place: 'town-a', status: 'disproved', settled: { date: '2024-04', source: 'Agency, April 2024' }, sources: [' x ', 'y'] }),
      event({ id: 'bare' }),
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]).toEqual({
      id: 'full', date: { iso: '2024-03-05', monthOnly: false, byIso: '2024-03-05' }, title: { en: 'Bridge taken', nl: 'Brug ingenomen' },
      text: { en: 'One line.', nl: 'Eén regel.' }, place: 'town-a', status: 'disproved',
      settled: { date: { iso: '2024-04', monthOnly: true, byIso: '2024-04-30' }, source: 'Agency, April 2024' }, sources: ['x', 'y'],
    });
    expect(r.value[1]).toMatchObject({ id: 'bare', text: null, place: null, settled: null });
  });

  it('takes a month where only the month is known, as its last day, and sorts by that', () => {
    expect(eventDate('2015-10')).toEqual({ iso: '2015-10', monthOnly: true, byIso: '2015-10-31' });
    expect(eventDate('2016-02')).toEqual({ iso: '2016-02', monthOnly: true, byIso: '2016-02-29' });
    const r = parse([event({ id: 'mid-month', date: '2015-10-15' }), event({ id: 'month', date: '2015-10' }), event({ id: 'early', date: '2015-10-01' })]);
    expect(r.ok && r.value.map((e) => e.id)).toEqual(['early', 'mid-month', 'month']);
  });

  it('names the file, the event and the field of every problem', () => {
    expect(messages([
      'x',
      event({ id: 'Bad Id' }),
      event({ id: 'b', date: '2015-13' }),
      event({ id: 'c', date: '15 October 2015' }),
      event({ id: 'd', date: '0001-01-01' }),
      event({ id: 'e', title: { en: 'Only English' } }),
      event({ id: 'f', text: { en: '', nl: 'x' } }),
      event({ id: 'g', place: 'Not An Id' }),
      event({ id: 'h', status: 'rumour' }),
      event({ id: 'i', status: 'disproved' }),
      event({ id: 'j', status: 'claimed', settled: { date: '2024-04-01', source: 'x' } }),
      event({ id: 'k', status: 'disproved', settled: { date: '2024-03-01', source: 'x' } }),
      event({ id: 'l', sources: [] }),
      event({ id: 'a' }), event({ id: 'a' }),
    ])).toEqual([
      `${F}: events[0]: expected an object with "id", "date", "title", "status" and "sources", got "x"`,
      `${F}: events[1]: "id" must be lower-case letters, digits and hyphens, got "Bad Id"`,
      `${F}: events[2] (b): "date" must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known; got "2015-13"`,
      `${F}: events[3] (c): "date" must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known; got "15 October 2015"`,
      `${F}: events[4] (d): "date" 0001-01-01 is outside the accepted range 1900-01-01 to 2027-12-01 (a year after today)`,
      `${F}: events[5] (e): "title" must be {"en": string, "nl": string}, both filled in, each at most 120 characters, got {"en":"Only English"}`,
      `${F}: events[6] (f): "text" must be {"en": string, "nl": string}, both filled in, each at most 300 characters, got {"en":"","nl":"x"}`,
      `${F}: events[7] (g): "place" must be a place id of places.geojson (lower-case letters, digits and hyphens), got "Not An Id"`,
      `${F}: events[8] (h): "status" must be "confirmed", "claimed", "disproved", got "rumour"`,
      `${F}: events[9] (i): a disproved claim needs "settled": {"date": "YYYY-MM-DD", "source": "…"}, saying when and by what it was disproved`,
      `${F}: events[10] (j): "settled" is for a claim that was later disproved or confirmed; give "status": "disproved" or "confirmed", or leave "settled" out`,
      `${F}: events[11] (k): "settled" "date" 2024-03-01 is before the event's date 2024-03-05`,
      `${F}: events[12] (l): "sources" must be a list of one or more sources (non-empty strings), got []`,
      `${F}: events[14] (a): the id is used twice`,
    ]);
    expect(parseEvents([], F).ok).toBe(false);
    expect(parseEvents({ events: {} }, F)).toEqual({ ok: false, problems: [{ file: F, message: 'expected an object {"events": [...]}' }] });
  });

  it('quotes at most 80 characters of what a file holds, and lists at most a bounded number of problems', () => {
    const long = 'x'.repeat(10_000);
    const [m] = messages([event({ title: { en: long, nl: long } })]);
    expect(m!.length).toBeLessThan(300);
    expect(m).toContain('…');
    const r = parse(Array.from({ length: 1000 }, () => event({ status: 'rumour' })));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.length).toBe(MAX_EVENT_PROBLEMS + 1);
    expect(r.problems.at(-1)!.message).toBe(`and ${(1000 - MAX_EVENT_PROBLEMS).toLocaleString('en')} more problems`);
  });

  it('a settled date may fall in the event\'s own month when only the month is known', () => {
    expect(parse([event({ date: '2024-03', status: 'disproved', settled: { date: '2024-03-02', source: 'x' } })]).ok).toBe(true);
  });
});

describe('places of events', () => {
  const events = (parse([event({ id: 'a', place: 'town-a' }), event({ id: 'b', place: 'nowhere' }), event({ id: 'c' })]) as { ok: true; value: StoryEvent[] }).value;
  it('names each event whose place places.geojson lacks', () => {
    expect(placeProblems(events, new Set(['town-a']), F)).toEqual([{ file: F, message: 'event b: "place": no place "nowhere" in places.geojson' }]);
  });
  it('the page keeps such an event, without its place', () => {
    expect(withKnownPlaces(events, new Set(['town-a'])).map((e) => e.place)).toEqual(['town-a', null, null]);
  });
  it('a long list is bounded too', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...events[1]!, id: `e${i}` }));
    const p = placeProblems(many, new Set(), F);
    expect(p.length).toBe(MAX_EVENT_PROBLEMS + 1);
    expect(p.at(-1)!.message).toBe('and 30 more events with a place not in places.geojson');
  });
});

describe('npm run data:check reads events.json', () => {
  const folder = (events: string): DataFolder => {
    const files = new Map([
      ['factions.json', JSON.stringify({ factions: [{ id: 'north', name: { en: 'North', nl: 'Noord' }, color: '#1f5fa8' }] })],
      ['places.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 1] }, properties: { id: 'town-a', name_en: 'A', name_nl: 'A', name_ar: 'ا' } }] })],
      ['snapshots/index.json', JSON.stringify({ snapshots: [{ date: '2024-01-01', file: 'a.geojson' }] })],
      ['snapshots/a.geojson', JSON.stringify({ type: 'FeatureCollection', features: [] })],
      ['events.json', events],
    ]);
    return { readFile: (p) => files.get(p) ?? null, sizeOf: (p) => files.get(p)?.length ?? null, list: (d) => [...files.keys()].filter((p) => (d ? p.startsWith(`${d}/`) : !p.includes('/'))).map((p) => p.slice(d ? d.length + 1 : 0)) };
  };
  it('a place that places.geojson lacks is a problem of events.json', () => {
    const r = validateDataFolder(folder(JSON.stringify({ events: [event({ place: 'town-a' }), event({ id: 'b', place: 'town-z' })] })), 'data/', { now: NOW });
    expect(r.problems.map(formatProblem)).toEqual(['data/events.json: event b: "place": no place "town-z" in places.geojson']);
  });
  it('so is a broken file, and a file that is fine has none', () => {
    expect(validateDataFolder(folder('{"events": [1]}'), 'data/', { now: NOW }).problems.map(formatProblem)).toEqual([
      'data/events.json: events[0]: expected an object with "id", "date", "title", "status" and "sources", got 1',
    ]);
    expect(validateDataFolder(folder(JSON.stringify({ about: 'x', events: [event({ place: 'town-a' })] })), 'data/', { now: NOW }).problems).toEqual([]);
  });
});
