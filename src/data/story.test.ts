import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseStory } from './story.ts';
import { parseFactions } from './contract.ts';
import { parseFileList, fileList } from './files.ts';
import { formatProblem } from './result.ts';
import { openingIndex } from '../analysis/snapshot-select.ts';
import { boundsOf } from '../analysis/bounds.ts';
import { formatList } from '../i18n/format.ts';

const lines = (r: { ok: boolean; problems?: { file: string; message: string }[] }) => (r.ok ? [] : r.problems!.map(formatProblem));
const title = { en: 'A war', nl: 'Een oorlog' };

describe('parseStory', () => {
  it('accepts the bundled story.json', () => {
    const r = parseStory(JSON.parse(readFileSync('data/story.json', 'utf8')), 'data/story.json');
    expect(r.ok && r.value.title.en).toBeTruthy();
  });

  it('needs only a title; the rest is null or empty', () => {
    const r = parseStory({ title }, 'story.json');
    expect(r).toEqual({ ok: true, value: { title, subtitle: null, bounds: null, dateIso: null, article: null, method: null, pockets: new Map(), blank: null, licence: null, credits: [], localLanguage: null } });
  });

  it('reads localLanguage as a BCP 47 tag, in its canonical case, and refuses anything else', () => {
    const lang = (v: unknown) => parseStory({ title, localLanguage: v }, 'story.json');
    expect(lang('uk')).toMatchObject({ ok: true, value: { localLanguage: 'uk' } });
    expect(lang('SR-cyrl')).toMatchObject({ ok: true, value: { localLanguage: 'sr-Cyrl' } });
    for (const bad of ['Ukrainian', 'u', 'ar_SY', '', 12, null]) {
      expect(lines(lang(bad)), String(bad)).toEqual([`story.json: "localLanguage" must be a BCP 47 language tag such as "ar", "uk" or "he", got ${JSON.stringify(bad)}`]);
    }
  });

  it('names the file and the field at fault', () => {
    expect(lines(parseStory({
      title: { en: 'x' }, bounds: [[10, 5], [5, 10]], date: '2017-02-30',
      article: { source: 'NRC', place: 'atlantis' }, pockets: { 'Bad Id': { en: 'a', nl: 'b' } },
      licence: { name: 'CC BY 4.0', url: 'javascript:alert(1)' }, credits: ['GeoNames', ''],
    }, 'data/story.json', { places: ['town'] }))).toEqual([
      'data/story.json: "title" must be {"en": string, "nl": string} with both texts filled in',
      'data/story.json: "bounds" [[10, 5], [5, 10]]: west must be less than east and south less than north',
      'data/story.json: "date" must be a date written YYYY-MM-DD, got "2017-02-30"',
      'data/story.json: "article" "place": no place "atlantis" in places.geojson',
      'data/story.json: "pockets" "Bad Id": must be a feature id with a name {"en": string, "nl": string}',
      'data/story.json: "licence" must be {"name": "CC BY 4.0", "url"?: "https://…"}',
      'data/story.json: "credits" must be a list of non-empty strings, one credit each',
    ]);
    expect(lines(parseStory([], 'story.json'))).toEqual(['story.json: expected an object {"title": {"en": …, "nl": …}, …}']);
    expect(lines(parseStory({ title, bounds: [[0, 0], [200, 1]] }, 's'))).toEqual(['s: "bounds" [[0, 0], [200, 1]] is out of range']);
  });

  it('quotes a deep or long value in a few characters (found by the fuzz tests)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const r = lines(parseStory({ title, date: deep, article: { source: 'NRC', place: 'x'.repeat(5000) } }, 's', { places: ['town'] }));
    expect(r).toEqual([
      `s: "date" must be a date written YYYY-MM-DD, got ${'['.repeat(80)}…`,
      `s: "article" "place": no place "${'x'.repeat(79)}… in places.geojson`,
    ]);
  });

  it('takes the article\'s source line in both languages, or one string for both (older stories)', () => {
    const source = { en: 'A newspaper, 2017', nl: 'Een krant, 2017' };
    const both = parseStory({ title, article: { source } }, 's');
    expect(both.ok && both.value.article).toEqual({ source, place: null });
    const one = parseStory({ title, article: { source: 'NRC, 2017' } }, 's');
    expect(one.ok && one.value.article).toEqual({ source: { en: 'NRC, 2017', nl: 'NRC, 2017' }, place: null });
    expect(lines(parseStory({ title, article: { source: { en: 'only English' } } }, 's'))).toEqual([
      's: "article" must be {"source": {"en": string, "nl": string} (or one string for both), "place"?: a place id}',
    ]);
  });

  it('reads pockets\' names, with the form a name takes after another pocket, and refuses a name that would repeat another', () => {
    const enclave = { en: 'the X enclave', nl: 'de enclave in X' };
    const siege = { en: 'the siege line around the X enclave', nl: 'de belegeringslinie rond de enclave in X' };
    const its = { en: 'its siege line', nl: 'de belegeringslinie eromheen' };
    const r = parseStory({ title, pockets: { enclave, siege: { ...siege, after: { enclave: its } } } }, 's');
    expect(r.ok && [...r.value.pockets]).toEqual([['enclave', { ...enclave, after: new Map() }], ['siege', { ...siege, after: new Map([['enclave', its]]) }]]);
    expect(lines(parseStory({ title, pockets: { enclave, siege } }, 's'))).toEqual([
      's: "pockets" "siege": its name "the siege line around the X enclave" repeats the name of "enclave"; give the name it takes after that pocket in a list, "after": {"enclave": {"en": string, "nl": string}}',
    ]);
    expect(lines(parseStory({ title, pockets: { siege: { ...siege, after: { enclave: 'its' } } } }, 's'))).toEqual([
      's: "pockets" "siege": "after" "enclave": must be a pocket id with a name {"en": string, "nl": string}',
    ]);
  });

  it('reads what blank ground means in the story', () => {
    const blank = { en: 'no reports', nl: 'geen berichten' };
    const r = parseStory({ title, blank }, 's');
    expect(r.ok && r.value.blank).toEqual(blank);
    expect(lines(parseStory({ title, blank: 'none' }, 's'))).toEqual(['s: "blank" must be {"en": string, "nl": string} with both texts filled in']);
  });

  it('reads the data licence and the credits', () => {
    const r = parseStory({ title, licence: { name: ' CC BY 4.0 ', url: 'https://creativecommons.org/licenses/by/4.0/' }, credits: ['Places: GeoNames, CC BY 4.0'] }, 's');
    expect(r.ok && [r.value.licence, r.value.credits]).toEqual([{ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' }, ['Places: GeoNames, CC BY 4.0']]);
    expect(lines(parseStory({ title, licence: 'CC BY' }, 's'))).toEqual(['s: "licence" must be {"name": "CC BY 4.0", "url"?: "https://…"}']);
  });
});

describe('parseFactions for any story', () => {
  const side = (id: string, color = '#123456') => ({ id, name: { en: id, nl: id }, color });
  it('takes any well-formed ids, 1 to 12 of them', () => {
    expect(lines(parseFactions({ factions: [side('north-army')] }, 'f'))).toEqual([]);
    expect(lines(parseFactions({ factions: Array.from({ length: 12 }, (_, i) => side(`side-${i}`)) }, 'f'))).toEqual([]);
    expect(lines(parseFactions({ factions: [] }, 'f'))).toEqual(['f: lists 0 factions; a map needs 1 to 12']);
    expect(lines(parseFactions({ factions: Array.from({ length: 13 }, (_, i) => side(`s${i}`)) }, 'f'))).toEqual(['f: lists 13 factions; a map needs 1 to 12']);
  });
  it('fills in the grammar a sentence needs, and checks what is given', () => {
    const r = parseFactions({ factions: [side('a'), { ...side('b'), grammar: { plural: true, article: { nl: 'het' } } }] }, 'f');
    expect(r.ok && r.value.map((f) => f.grammar)).toEqual([
      { plural: false, article: { en: 'the', nl: 'de' }, possessive: { en: 'its', nl: 'zijn' } },
      { plural: true, article: { en: 'the', nl: 'het' }, possessive: { en: 'their', nl: 'hun' } },
    ]);
    expect(lines(parseFactions({ factions: [{ ...side('a'), grammar: { plural: 'yes' } }] }, 'f'))).toEqual(['f: factions[0] (a): "grammar": "plural" must be true or false']);
  });
});

describe('files.json', () => {
  it('lists the JSON files of a folder, and is read back as a set', () => {
    const list = fileList(['story.json', 'places.geojson', 'notes.md', 'files.json']);
    expect(list).toEqual({ files: ['places.geojson', 'story.json'] });
    const r = parseFileList(list, 'data/files.json');
    expect(r.ok && [...r.value]).toEqual(['places.geojson', 'story.json']);
    expect(lines(parseFileList({ files: 'all' }, 'data/files.json'))).toEqual(['data/files.json: expected an object {"files": ["factions.json", …]}']);
  });
});

describe('defaults without story.json', () => {
  it('opens on the story\'s date, else the article entry, else the last date', () => {
    const dates = ['2015-01-01', '2016-01-01', '2017-01-01'];
    expect(openingIndex(dates, -1, null)).toBe(2);
    expect(openingIndex(dates, 0, null)).toBe(0);
    expect(openingIndex(dates, 0, '2016-06-01')).toBe(1);
  });
  it('takes the bounds of the data, widening a single point', () => {
    const pt = (x: number, y: number) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: [x, y] } });
    expect(boundsOf([pt(1, 2), pt(3, -4)])).toEqual([[1, -4], [3, 2]]);
    expect(boundsOf([pt(1, 2)])).toEqual([[0.5, 1.5], [1.5, 2.5]]);
    expect(boundsOf([])).toBeNull();
  });
});

describe('formatList', () => {
  it('joins as each language does', () => {
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b and c');
    expect(formatList(['a', 'b', 'c'], 'nl')).toBe('a, b en c');
    expect(formatList(['a'], 'en')).toBe('a');
  });
});
