import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../analysis/claims.ts';
import { roundKm2, sideChanges } from '../analysis/summary.ts';
import { summarize, summaryForAll, type SummaryInput } from './summary-text.ts';
import { parseFactions, parsePlaces, type Place } from '../data/contract.ts';
import { parseStats, type SnapshotStats } from '../data/stats.ts';
import { parseClaims } from '../analysis/claims.ts';
import { parseStory } from '../data/story.ts';
import { formatDate } from '../i18n/format.ts';
import type { Result } from '../data/result.ts';

// Names and grammar as in data/factions.json: Dutch articles, number and possessives come from there.
const parsedFactions = parseFactions({ factions: [
  { id: 'islamic-state', name: { en: 'Islamic State', nl: 'Islamitische Staat' }, color: '#2e2e2e', grammar: { article: { nl: '' } } },
  { id: 'syrian-kurds', name: { en: 'Syrian Kurds', nl: 'Syrische Koerden' }, color: '#f3dd5c', grammar: { plural: true } },
  { id: 'syrian-regime', name: { en: 'Syrian regime', nl: 'Syrisch regime' }, color: '#d23b2c', grammar: { article: { nl: 'het' } } },
  { id: 'iraqi-government', name: { en: 'Iraqi government', nl: 'Iraakse regering' }, color: '#e59ab0', grammar: { possessive: { nl: 'haar' } } },
] }, 'factions');
if (!parsedFactions.ok) throw new Error('test factions do not parse');
const factions = parsedFactions.value;
const pockets = new Map([['deir-ez-zor-enclave', { en: 'the Deir ez-Zor enclave', nl: 'de enclave in Deir ez-Zor' }]]);
const mayadeen: Place = {
  type: 'Feature', geometry: { type: 'Point', coordinates: [40.45, 35.02] },
  properties: { id: 'mayadeen', name_en: 'Mayadeen', name_nl: 'Mayadin', name_ar: 'الميادين', rank: 2 },
};
const text = { en: '…', nl: '…' };
const claims: Claim[] = [
  { id: 'kurds-km', kind: 'distance', place: 'mayadeen', faction: 'syrian-kurds', exclude: [], article: 60, text },
  { id: 'regime-km', kind: 'distance', place: 'mayadeen', faction: 'syrian-regime', exclude: ['deir-ez-zor-enclave'], article: 80, text },
  { id: 'borders-kurds', kind: 'borders', faction: 'islamic-state', with: { faction: 'syrian-kurds' }, article: true, text },
  { id: 'mosul-holder', kind: 'holder', place: 'mosul', article: 'iraqi-government', text },
];

type Held = SnapshotStats['areaKm2']['held'];
const snap = (dateIso: string, held: Held, claimValues: SnapshotStats['claims'] = {}): SnapshotStats =>
  ({ dateIso, areaKm2: { held, desert: {} }, frontierKm: {}, claims: claimValues });
const input = (stats: SnapshotStats, prevStats: SnapshotStats | null, more: Partial<SummaryInput> = {}): SummaryInput =>
  ({ dateIso: stats.dateIso, prevDateIso: prevStats?.dateIso ?? null, stats, prevStats, factions, claims: [], places: [mayadeen], pockets, ...more });

const july1 = snap('2017-07-01', { 'islamic-state': 43_712.4, 'syrian-kurds': 27_398.3, 'syrian-regime': 41_191.8, 'iraqi-government': 80_870 });
const july15 = snap('2017-07-15', { 'islamic-state': 40_590.9, 'syrian-kurds': 28_560.2, 'syrian-regime': 41_300, 'iraqi-government': 83_976.4 });

describe('summarize', () => {
  it('names every side on the first snapshot, the biggest first', () => {
    expect(summarize(input(july1, null), 'en')).toBe(
      'On 1 July 2017, the first date on the map, the Iraqi government held about 80,900 km², the Islamic State about 43,700 km², '
      + 'the Syrian regime about 41,200 km² and the Syrian Kurds about 27,400 km².');
    expect(summarize(input(july1, null), 'nl')).toBe(
      "Op 1 juli 2017, de eerste datum op de kaart, had de Iraakse regering zo'n 80.900 km² in handen, Islamitische Staat zo'n 43.700 km², "
      + "het Syrische regime zo'n 41.200 km² en de Syrische Koerden zo'n 27.400 km².");
  });

  it('tells the changes since the snapshot before, biggest first, and names the sides that barely moved', () => {
    expect(summarize(input(july15, july1), 'en')).toBe(
      'On 15 July 2017 the Islamic State held about 40,600 km² (down 3,100 km² since 1 July 2017), the Iraqi government about 84,000 km² (up 3,100 km²) '
      + 'and the Syrian Kurds about 28,600 km² (up 1,200 km²). The ground of the Syrian regime hardly changed.');
    expect(summarize(input(july15, july1), 'nl')).toBe(
      "Op 15 juli 2017 had Islamitische Staat zo'n 40.600 km² in handen (3.100 km² minder dan op 1 juli 2017), de Iraakse regering zo'n 84.000 km² (3.100 km² meer) "
      + "en de Syrische Koerden zo'n 28.600 km² (1.200 km² meer). Het gebied van het Syrische regime veranderde nauwelijks.");
  });

  it('puts a plural side\'s verb in the plural (Dutch)', () => {
    const a = snap('2016-01-01', { 'syrian-kurds': 20_000, 'syrian-regime': 40_000 });
    const b = snap('2016-02-01', { 'syrian-kurds': 22_000, 'syrian-regime': 40_000 });
    expect(summarize(input(b, a), 'nl')).toBe(
      "Op 1 februari 2016 hadden de Syrische Koerden zo'n 22.000 km² in handen (2.000 km² meer dan op 1 januari 2016). Het gebied van het Syrische regime veranderde nauwelijks.");
  });

  it('tells of a side that appears and one that disappears', () => {
    const a = snap('2019-03-01', { 'islamic-state': 96.6, 'syrian-kurds': 34_254.4, 'syrian-regime': 64_434.4 });
    const b = snap('2019-04-01', { 'syrian-kurds': 34_351, 'syrian-regime': 64_434.4, 'iraqi-government': 1_234 });
    expect(summarize(input(b, a), 'en')).toBe(
      'On 1 April 2019 the Iraqi government held about 1,200 km² (none on 1 March 2019) and the Islamic State none any more (about 97 km² before). '
      + 'The ground of the Syrian Kurds and the Syrian regime hardly changed.');
    expect(summarize(input(b, a), 'nl')).toBe(
      "Op 1 april 2019 had de Iraakse regering zo'n 1.200 km² in handen (op 1 maart 2019 nog niets) en Islamitische Staat geen gebied meer (eerder nog zo'n 97 km²). "
      + 'Het gebied van de Syrische Koerden en het Syrische regime veranderde nauwelijks.');
    // The other way round: the side that goes is the biggest change, so it leads.
    const c = snap('2019-04-01', { 'syrian-kurds': 34_254.4, 'iraqi-government': 12 });
    const d = snap('2019-05-01', { 'syrian-kurds': 34_254.4, 'islamic-state': 0.3 });
    expect(summarize(input(d, c), 'en')).toBe(
      'On 1 May 2019 the Iraqi government held no ground any more (about 12 km² on 1 April 2019) and the Islamic State under 1 km² (none before). '
      + 'The ground of the Syrian Kurds hardly changed.');
    expect(summarize(input(d, c), 'nl')).toBe(
      "Op 1 mei 2019 had de Iraakse regering geen gebied meer in handen (op 1 april 2019 nog zo'n 12 km²) en Islamitische Staat minder dan 1 km² (eerder niets). "
      + 'Het gebied van de Syrische Koerden veranderde nauwelijks.');
  });

  it('says so when nothing changed much, and still tells what the map shows', () => {
    const a = snap('2015-09-01', { 'islamic-state': 89_063, 'syrian-regime': 27_568.5 });
    const b = snap('2015-10-01', { 'islamic-state': 89_063, 'syrian-regime': 27_500 });
    expect(summarize(input(b, a), 'en')).toBe(
      'On 1 October 2015 no side had gained or lost much ground since 1 September 2015: the Islamic State held about 89,100 km² and the Syrian regime about 27,500 km².');
    expect(summarize(input(b, a), 'nl')).toBe(
      "Op 1 oktober 2015 had geen partij sinds 1 september 2015 veel gebied gewonnen of verloren: Islamitische Staat had zo'n 89.100 km² in handen en het Syrische regime zo'n 27.500 km².");
    // A change is named beside an area when it is at least the step the area is rounded to.
    const c = snap('2015-11-01', { 'islamic-state': 88_900, 'syrian-regime': 27_500 });
    expect(summarize(input(c, b), 'en')).toBe(
      'On 1 November 2015 no side had gained or lost much ground since 1 October 2015: the Islamic State held about 88,900 km² (down 160 km²) and the Syrian regime about 27,500 km².');
  });

  it('adds one sentence on the article\'s claims: how many agree, and the distances from Mayadeen next to the article\'s', () => {
    const values: SnapshotStats['claims'] = {
      'kurds-km': { value: 79.9, verdict: 'differs' },
      'regime-km': { value: 114.7, verdict: 'differs' },
      'borders-kurds': { value: 382.8, verdict: 'agrees' },
      'mosul-holder': { value: 'iraqi-government', verdict: 'agrees' },
    };
    const s = snap('2017-07-15', july15.areaKm2.held, values);
    const en = summarize(input(s, july1, { claims }), 'en');
    expect(en.endsWith('hardly changed. On this date 2 of the article\'s 4 claims agree with our data (2 differ); from Mayadeen it was 80 km to the Syrian Kurds '
      + 'and 115 km to the Syrian regime (not counting the Deir ez-Zor enclave), where the article says about 60 and 80 km.'), en).toBe(true);
    const nl = summarize(input(s, july1, { claims }), 'nl');
    expect(nl.endsWith('veranderde nauwelijks. Op deze datum stemmen 2 van de 4 beweringen uit het artikel overeen met onze gegevens (2 wijken af); vanuit Mayadin was het 80 km tot '
      + "de Syrische Koerden en 115 km tot het Syrische regime (de enclave in Deir ez-Zor niet meegeteld), waar het artikel zo'n 60 en 80 km noemt."), nl).toBe(true);
  });

  it('counts claims in the singular and plural, and words a distance of 0 or none', () => {
    const values: SnapshotStats['claims'] = {
      'kurds-km': { value: null, verdict: 'n/a' },
      'regime-km': { value: 0, verdict: 'differs' },
      'borders-kurds': { value: 20, verdict: 'agrees' },
      'mosul-holder': { value: 'iraqi-government', verdict: 'close' },
    };
    const s = snap('2018-01-01', { 'syrian-regime': 1000 }, values);
    const claimsOf = (lang: 'en' | 'nl') => summarize(input(s, null, { claims, prevDateIso: '2017-12-01' }), lang).split(/(?<=\.) (?=Op deze|On this)/)[1];
    expect(claimsOf('en')).toBe('On this date 1 of the article\'s 4 claims agrees with our data (1 is close, 1 differs, 1 cannot be checked); '
      + 'from Mayadeen it was no distance to the Syrian Kurds (no ground on this date) and 0 km to the Syrian regime (not counting the Deir ez-Zor enclave; Mayadeen was in its hands), '
      + 'where the article says about 60 and 80 km.');
    expect(claimsOf('nl')).toBe('Op deze datum stemt 1 van de 4 beweringen uit het artikel overeen met onze gegevens (1 klopt ongeveer, 1 wijkt af, 1 is niet te toetsen); '
      + 'vanuit Mayadin was het geen afstand tot de Syrische Koerden (geen gebied op deze datum) en 0 km tot het Syrische regime (de enclave in Deir ez-Zor niet meegeteld; Mayadin was in zijn handen), '
      + "waar het artikel zo'n 60 en 80 km noemt.");
    const none = snap('2018-01-01', { 'syrian-regime': 1000 }, { 'borders-kurds': { value: 0, verdict: 'differs' }, 'mosul-holder': { value: null, verdict: 'differs' } });
    expect(summarize(input(none, null, { claims }), 'en')).toContain('On this date none of the article\'s 2 claims agrees with our data (2 differ).');
    expect(summarize(input(none, null, { claims }), 'nl')).toContain('Op deze datum stemt geen van de 2 beweringen uit het artikel overeen met onze gegevens (2 wijken af).');
    const all = snap('2018-01-01', { 'syrian-regime': 1000 }, { 'borders-kurds': { value: 3, verdict: 'agrees' }, 'mosul-holder': { value: 'iraqi-government', verdict: 'agrees' } });
    expect(summarize(input(all, null, { claims }), 'en')).toContain('On this date all 2 of the article\'s claims agree with our data.');
    expect(summarize(input(all, null, { claims }), 'nl')).toContain('Op deze datum stemmen alle 2 beweringen uit het artikel overeen met onze gegevens.');
  });

  it('leaves the claims sentence out when the date has no claim values', () => {
    expect(summarize(input(july15, july1, { claims }), 'en')).not.toContain('claims');
  });
});

describe('summarize for any story', () => {
  it('words sides with no grammar given as singular, with "the" / "de"', () => {
    const f = parseFactions({ factions: [{ id: 'north-army', name: { en: 'North Army', nl: 'Noordelijke Brigade' }, color: '#123456' }] }, 'f');
    if (!f.ok) throw new Error('does not parse');
    const s = snap('2020-01-01', { 'north-army': 1234 });
    expect(summarize({ ...input(s, null), factions: f.value }, 'en')).toBe('On 1 January 2020, the first date on the map, the North Army held about 1,200 km².');
    expect(summarize({ ...input(s, null), factions: f.value }, 'nl')).toBe("Op 1 januari 2020, de eerste datum op de kaart, had de Noordelijke Brigade zo'n 1.200 km² in handen.");
  });
  it('words a story of one side: its change since the date before however small, or that it held as much', () => {
    const f = parseFactions({ factions: [{ id: 'occupied', name: { en: 'occupied area', nl: 'bezet gebied' }, color: '#aa3333', grammar: { article: { nl: 'het' } } }] }, 'f');
    if (!f.ok) throw new Error('does not parse');
    const day1 = snap('2025-01-01', { occupied: 113_090 }), day2 = snap('2025-01-02', { occupied: 113_105 }), day3 = snap('2025-01-03', { occupied: 113_105.3 });
    const one = (now: SnapshotStats, before: SnapshotStats | null, lang: 'en' | 'nl', more: Partial<SummaryInput> = {}) => summarize({ ...input(now, before), factions: f.value, ...more }, lang);
    expect(one(day2, day1, 'en')).toBe('On 2 January 2025 the occupied area held about 113,100 km² (up 15 km² since 1 January 2025).');
    expect(one(day2, day1, 'nl')).toBe("Op 2 januari 2025 had het bezet gebied zo'n 113.100 km² in handen (15 km² meer dan op 1 januari 2025).");
    expect(one(day3, day2, 'en')).toBe('On 3 January 2025 the occupied area held about 113,100 km², as on 2 January 2025.');
    expect(one(day3, day2, 'nl')).toBe("Op 3 januari 2025 had het bezet gebied zo'n 113.100 km² in handen, evenveel als op 2 januari 2025.");
    expect(one(day1, null, 'en', { dateCount: 1 })).toBe('On 1 January 2025, the only date on the map, the occupied area held about 113,100 km².');
    expect(one(day1, null, 'nl', { dateCount: 1 })).toBe("Op 1 januari 2025, de enige datum op de kaart, had het bezet gebied zo'n 113.100 km² in handen.");
  });
  it('names a left-out pocket by its id when story.json gives no name', () => {
    const c: Claim[] = [{ id: 'k', kind: 'distance', place: 'mayadeen', faction: 'syrian-regime', exclude: ['west-pocket'], article: 10, text }];
    const s = snap('2017-07-15', { 'syrian-regime': 1000 }, { k: { value: 12, verdict: 'close' } });
    expect(summarize(input(s, null, { claims: c, pockets: undefined }), 'en')).toContain('(not counting west pocket)');
  });
});

describe('sideChanges', () => {
  it('skips sides that moved less than 200 km² and less than 1%', () => {
    const kinds = (held: Held, prev: Held) => sideChanges(held, prev).map((c) => `${c.faction}:${c.kind}`);
    expect(kinds({ 'islamic-state': 30_199 }, { 'islamic-state': 30_000 })).toEqual(['islamic-state:steady']);
    expect(kinds({ 'islamic-state': 30_200 }, { 'islamic-state': 30_000 })).toEqual(['islamic-state:moved']);
    expect(kinds({ 'islamic-state': 10_150 }, { 'islamic-state': 10_000 })).toEqual(['islamic-state:moved']);
    expect(kinds({ 'islamic-state': 11 }, { 'islamic-state': 10 })).toEqual(['islamic-state:moved']);
    // 3% of a pocket, but 0.3 km² rounds to nothing in the text.
    expect(kinds({ 'islamic-state': 10.3 }, { 'islamic-state': 10 })).toEqual(['islamic-state:steady']);
    expect(kinds({ 'syrian-kurds': 5 }, { 'islamic-state': 50 })).toEqual(['islamic-state:gone', 'syrian-kurds:new']);
  });
});

describe('roundKm2', () => {
  it('rounds to hundreds, finer for small areas', () => {
    expect([40_590.9, -3_121.5, 849.1, -356, 96.6, 0.3].map(roundKm2)).toEqual([40_600, -3_100, 850, -360, 97, 0]);
  });
});

describe('summaryForAll over data/stats.json', () => {
  const root = join(import.meta.dirname, '..', '..');
  const read = <T>(file: string, parse: (d: unknown, f: string) => Result<T>): T => {
    const r = parse(JSON.parse(readFileSync(join(root, file), 'utf8')), file);
    if (!r.ok) throw new Error(r.problems.map((p) => `${p.file}: ${p.message}`).join('\n'));
    return r.value;
  };
  it('gives every snapshot a paragraph in English and Dutch that names its date', () => {
    const stats = read('data/stats.json', parseStats);
    const rest = {
      factions: read('data/factions.json', parseFactions),
      claims: read('data/claims.json', parseClaims).claims,
      places: read('data/places.geojson', parsePlaces),
      pockets: read('data/story.json', parseStory).pockets,
    };
    expect(stats.size).toBeGreaterThan(0);
    for (const lang of ['en', 'nl'] as const) {
      const all = summaryForAll(stats, lang, rest);
      expect([...all.keys()]).toEqual([...stats.keys()].sort());
      for (const [dateIso, text] of all) {
        expect(text, `${lang} ${dateIso}`).toContain(formatDate(dateIso, lang));
        expect(text, `${lang} ${dateIso}`).toMatch(/km²/);
        expect(text, `${lang} ${dateIso}`).not.toMatch(/undefined|NaN|null|\s\s|\(\)/);
      }
    }
  });
});
