import { describe, expect, it } from 'vitest';
import { contestedAreas } from '../analysis/area.ts';
import { parseFactions, type Snapshot } from '../data/contract.ts';
import { rectAreaKm2 } from '../../tests/fixtures/load.ts';
import { announceText, type AnnounceInput } from './announce-text.ts';

const parsed = parseFactions({ factions: [
  { id: 'islamic-state', name: { en: 'Islamic State', nl: 'Islamitische Staat' }, color: '#2e2e2e', grammar: { article: { nl: '' } } },
  { id: 'syrian-kurds', name: { en: 'Syrian Kurds', nl: 'Syrische Koerden' }, color: '#f3dd5c', grammar: { plural: true } },
  { id: 'syrian-regime', name: { en: 'Syrian regime', nl: 'Syrisch regime' }, color: '#d23b2c', grammar: { article: { nl: 'het' } } },
] }, 'factions');
if (!parsed.ok) throw new Error('test factions do not parse');
const factions = parsed.value;

const base: AnnounceInput = {
  dateIso: '2017-07-15', preview: null, factions,
  held: new Map([['islamic-state', 40_590.9], ['syrian-kurds', 28_560.2], ['syrian-regime', 41_300]]),
  desert: new Map([['islamic-state', 12_049]]),
  contested: [{ holder: 'islamic-state', against: ['syrian-kurds'], areaKm2: 1_234 }, { holder: 'syrian-regime', against: ['islamic-state', 'syrian-kurds'], areaKm2: 56.4 }],
  prev: { dateIso: '2017-07-01', held: new Map([['islamic-state', 43_712.4], ['syrian-kurds', 27_398.3], ['syrian-regime', 41_191.8]]) },
};

describe('announceText (the map in words for screen readers)', () => {
  it('says the date, who holds what with the change since the date before, the desert and the contested ground', () => {
    expect(announceText(base, 'en')).toBe('15 July 2017 on the map. '
      + 'Held: the Syrian regime about 41,300 km² (up 110 km² since 1 July 2017), the Islamic State about 40,600 km² (down 3,100 km²) and the Syrian Kurds about 28,600 km² (up 1,200 km²). '
      + 'Desert dominated but not held: the Islamic State about 12,000 km². '
      + 'Contested: about 1,200 km² held by the Islamic State and attacked by the Syrian Kurds; about 56 km² held by the Syrian regime and attacked by the Islamic State and the Syrian Kurds.');
    expect(announceText(base, 'nl')).toBe('15 juli 2017 op de kaart. '
      + "In handen: het Syrische regime zo'n 41.300 km² (110 km² meer sinds 1 juli 2017), Islamitische Staat zo'n 40.600 km² (3.100 km² minder) en de Syrische Koerden zo'n 28.600 km² (1.200 km² meer). "
      + "Woestijn beheerst maar niet in handen: Islamitische Staat zo'n 12.000 km². "
      + "Omstreden: zo'n 1.200 km² in handen van Islamitische Staat en aangevallen door de Syrische Koerden; zo'n 56 km² in handen van het Syrische regime en aangevallen door Islamitische Staat en de Syrische Koerden.");
  });

  it('names sides that are new or gone, and leaves out the change for the first date and for a preview', () => {
    const prev = { dateIso: '2017-07-01', held: new Map([['islamic-state', 500], ['syrian-regime', 300]]) };
    expect(announceText({ ...base, held: new Map([['syrian-kurds', 800], ['syrian-regime', 300]]), desert: new Map(), contested: [], prev }, 'en'))
      .toBe('15 July 2017 on the map. Held: the Syrian Kurds about 800 km² (new since 1 July 2017), the Syrian regime about 300 km² and the Islamic State none any more (about 500 km² before).');
    // No side's held ground changed, to the km² the text rounds to: said once, not side by side.
    const same = { dateIso: '2017-07-01', held: new Map([['syrian-kurds', 800.2], ['syrian-regime', 300]]) };
    expect(announceText({ ...base, held: new Map([['syrian-kurds', 800], ['syrian-regime', 300.3]]), desert: new Map(), contested: [], prev: same }, 'en'))
      .toBe('15 July 2017 on the map. Held: the Syrian Kurds about 800 km² and the Syrian regime about 300 km². Little change in held ground since 1 July 2017.');
    // Changes under an area's rounding step are not named, but for a story of one side.
    const small = { dateIso: '2017-07-01', held: new Map([['syrian-kurds', 35_733], ['syrian-regime', 47_480]]) };
    expect(announceText({ ...base, held: new Map([['syrian-kurds', 35_734], ['syrian-regime', 47_400]]), desert: new Map(), contested: [], prev: small }, 'en'))
      .toBe('15 July 2017 on the map. Held: the Syrian regime about 47,400 km² and the Syrian Kurds about 35,700 km². Little change in held ground since 1 July 2017.');
    const one = { dateIso: '2017-07-01', held: new Map([['syrian-kurds', 35_719]]) };
    expect(announceText({ ...base, held: new Map([['syrian-kurds', 35_734]]), desert: new Map(), contested: [], prev: one }, 'en'))
      .toBe('15 July 2017 on the map. Held: the Syrian Kurds about 35,700 km² (up 15 km² since 1 July 2017).');
    expect(announceText({ ...base, held: new Map([['syrian-kurds', 800], ['syrian-regime', 300.3]]), desert: new Map(), contested: [], prev: same }, 'nl'))
      .toBe("15 juli 2017 op de kaart. In handen: de Syrische Koerden zo'n 800 km² en het Syrische regime zo'n 300 km². Weinig verandering in gebied in handen sinds 1 juli 2017.");
    const first = announceText({ ...base, prev: null, desert: new Map(), contested: [] }, 'en');
    expect(first).toBe('15 July 2017 on the map. Held: the Syrian regime about 41,300 km², the Islamic State about 40,600 km² and the Syrian Kurds about 28,600 km².');
    expect(announceText({ ...base, preview: 'mine.geojson', prev: null, desert: new Map(), contested: [] }, 'nl'))
      .toMatch(/^Voorbeeld van mine\.geojson in plaats van 15 juli 2017\. In handen: /);
    expect(announceText({ ...base, held: new Map(), desert: new Map(), contested: [], prev: null }, 'en')).toBe('15 July 2017 on the map. No side held any ground.');
  });
});

describe('contestedAreas', () => {
  it('groups contested ground by holder and attackers, the largest first, with spherical areas', () => {
    const box = (w: number, s: number, e: number, n: number) => ({ type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
    const snap: Snapshot = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { faction: 'islamic-state' }, geometry: box(38, 34, 39, 35) },
      { type: 'Feature', properties: { faction: 'islamic-state', tier: 'contested', against: ['syrian-kurds'] }, geometry: box(39, 35, 39.5, 35.5) },
      { type: 'Feature', properties: { faction: 'islamic-state', tier: 'contested', against: ['syrian-kurds'] }, geometry: box(40, 35, 40.5, 35.5) },
      { type: 'Feature', properties: { faction: 'syrian-regime', tier: 'contested', against: ['islamic-state'] }, geometry: box(37, 33, 37.2, 33.2) },
    ] };
    const got = contestedAreas(snap);
    expect(got.map((c) => [c.holder, c.against])).toEqual([['islamic-state', ['syrian-kurds']], ['syrian-regime', ['islamic-state']]]);
    expect(got[0]!.areaKm2).toBeCloseTo(2 * rectAreaKm2(39, 35, 39.5, 35.5), -1);
    expect(got[1]!.areaKm2).toBeCloseTo(rectAreaKm2(37, 33, 37.2, 33.2), -1);
  });
});
