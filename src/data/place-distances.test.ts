import { describe, expect, it } from 'vitest';
/** Any well-formed side ids: without factions.json the parser accepts every one. */
const FACTION_IDS = ['north-army', 'river-league', 'hill-militia'];
import { distancesOn, parsePlaceDistances } from './place-distances.ts';
import { formatProblem } from './result.ts';

const F = 'data/place-distances.json';
const series = (v: number | null) => Object.fromEntries(FACTION_IDS.map((f) => [f, [v, v]]));
const lines = (r: ReturnType<typeof parsePlaceDistances>) => (r.ok ? [] : r.problems.map(formatProblem));

describe('parsePlaceDistances', () => {
  it('keeps place ids such as __proto__ and constructor as ordinary keys', () => {
    const text = JSON.stringify({ dates: ['2015-01-01', '2016-01-01'], places: { mosul: series(1), constructor: series(2) } }).replace('"mosul"', '"__proto__"');
    const r = parsePlaceDistances(JSON.parse(text), F);
    expect(lines(r)).toEqual([]);
    const pd = r.ok ? r.value : null;
    expect([...pd!.places.keys()]).toEqual(['__proto__', 'constructor']);
    expect(distancesOn(pd!, '__proto__', '2015-06-01')!['north-army']).toBe(1);
    expect(distancesOn(pd!, 'constructor', '2016-06-01')!['north-army']).toBe(2);
    expect(distancesOn(pd!, 'toString', '2016-06-01')).toBeNull();
  });

  it('quotes deep or long bad values briefly', () => {
    const deep = JSON.parse('['.repeat(50_000) + ']'.repeat(50_000)) as unknown;
    expect(lines(parsePlaceDistances({ dates: [deep], places: {} }, F))).toEqual([
      `${F}: dates[0]: expected dates written YYYY-MM-DD in ascending order, got ${'['.repeat(80)}…`,
    ]);
    const long = 'x'.repeat(1000);
    expect(lines(parsePlaceDistances({ dates: [], places: { [long]: 1 } }, F))).toEqual([
      `${F}: places.${'x'.repeat(60)}…: expected an object of faction id → distances`,
    ]);
  });
});
