/**
 * The bundled story's events (data/events.json): enough of them, each sourced, every place on the
 * map, and the events issue 19 names, with their dates and how sure we are.
 */
import { describe, expect, it } from 'vitest';
import { parsePlaces } from '../src/data/contract.ts';
import { parseEvents, placeProblems } from '../src/data/events.ts';
import { dataFolderReader } from './read-text.ts';

const { read } = dataFolderReader('data');
const events = read('events.json', parseEvents);
const byId = new Map(events.map((e) => [e.id, e]));
const get = (id: string) => {
  const e = byId.get(id);
  if (!e) throw new Error(`no event ${id} in data/events.json`);
  return e;
};

describe('data/events.json', () => {
  it('has at least 25 events, each with a source, and every place is in places.geojson', () => {
    expect(events.length).toBeGreaterThanOrEqual(25);
    for (const e of events) expect(e.sources.length, e.id).toBeGreaterThan(0);
    expect(placeProblems(events, new Set(read('places.geojson', parsePlaces).map((p) => p.properties.id)), 'data/events.json')).toEqual([]);
  });

  it('has the events the issue names, on their dates', () => {
    const dates = Object.fromEntries(['mosul-seized', 'caliphate-declared', 'ramadi-falls', 'palmyra-falls', 'jarabulus-lost', 'turkish-border-cleared', 'adnani-killed',
      'russia-claims-baghdadi-killed', 'mosul-retaken', 'raqqa-retaken', 'baghuz-falls', 'baghdadi-killed'].map((id) => [id, get(id).date.iso]));
    expect(dates).toEqual({
      'mosul-seized': '2014-06-10', 'caliphate-declared': '2014-06-29', 'ramadi-falls': '2015-05-17', 'palmyra-falls': '2015-05-20',
      'jarabulus-lost': '2016-08-24', 'turkish-border-cleared': '2016-09-04', 'adnani-killed': '2016-08-30',
      'russia-claims-baghdadi-killed': '2017-06-16', 'mosul-retaken': '2017-07-10', 'raqqa-retaken': '2017-10-17', 'baghuz-falls': '2019-03-23', 'baghdadi-killed': '2019-10-27',
    });
  });

  it('says how sure we are: the Russian claim disproved (with when and by what), al-Adnani\'s death confirmed', () => {
    const claim = get('russia-claims-baghdadi-killed');
    expect(claim.status).toBe('disproved');
    expect(claim.settled?.date.iso).toBe('2017-09-28');
    expect(claim.settled?.source).toMatch(/Reuters/);
    expect(get('adnani-killed').status).toBe('confirmed');
    expect(get('baghdadi-killed').status).toBe('confirmed');
  });

  it('gives a count as an event with its range in the text, and a claimed count as a claim', () => {
    const cia = get('cia-fighter-estimate');
    expect(cia.text?.en).toMatch(/20,000 to 31,500/);
    expect(cia.text?.nl).toMatch(/20\.000 tot 31\.500/);
    expect(cia.title.en).toMatch(/estimate/i);
    const killed = get('pentagon-20000-killed');
    expect(killed.status).toBe('claimed');
    expect(killed.date).toEqual({ iso: '2015-10', monthOnly: true, byIso: '2015-10-31' });
  });
});
