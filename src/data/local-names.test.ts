import { describe, expect, it } from 'vitest';
import { direction, localLanguage } from './local-names.ts';
import { parsePlaces, type Place } from './contract.ts';
import { formatProblem } from './result.ts';

const place = (props: Record<string, unknown>) => ({ type: 'Feature', properties: { id: 'a', name_en: 'Kyiv', rank: 1, ...props }, geometry: { type: 'Point', coordinates: [30.5, 50.4] } });
const parse = (...props: Record<string, unknown>[]) => parsePlaces({ type: 'FeatureCollection', features: props.map(place) }, 'places.geojson');
const lines = (r: ReturnType<typeof parse>) => (r.ok ? [] : r.problems.map(formatProblem));

describe('place names (parsePlaces)', () => {
  it('needs only an English name; Dutch falls back to it, the local name is optional', () => {
    const r = parse({});
    expect(r.ok && r.value[0]!.properties).toEqual({ id: 'a', name_en: 'Kyiv', name_nl: 'Kyiv', rank: 1 });
    const full = parse({ name_nl: 'Kiev', name_local: 'Київ' });
    expect(full.ok && full.value[0]!.properties).toMatchObject({ name_nl: 'Kiev', name_local: 'Київ' });
  });

  it('reads name_ar as name_local (its older name)', () => {
    const r = parse({ name_ar: 'كييف' });
    expect(r.ok && r.value[0]!.properties.name_local).toBe('كييف');
    expect(lines(parse({ name_ar: 'كييف', name_local: 'Київ' }))).toEqual(['places.geojson: feature 0: a: "name_local" and "name_ar" differ; give the local name once, as "name_local" ("name_ar" is its older name)']);
  });

  it('names an empty or wrong name', () => {
    expect(lines(parse({ name_en: ' ' }))).toEqual(['places.geojson: feature 0: a: "name_en" must be a non-empty string']);
    expect(lines(parse({ name_nl: '' }))).toEqual(['places.geojson: feature 0: a: "name_nl" must be a non-empty string, or absent']);
    expect(lines(parse({ name_local: 7 }))).toEqual(['places.geojson: feature 0: a: "name_local" must be a non-empty string, or absent']);
  });
});

describe('localLanguage and direction', () => {
  const places = (props: Record<string, unknown>) => { const r = parse(props); if (!r.ok) throw new Error('bad'); return r.value as Place[]; };
  it('is story.json\'s, else Arabic for names given as name_ar, else unknown', () => {
    expect(localLanguage({ localLanguage: 'uk' }, places({ name_local: 'Київ' }))).toBe('uk');
    expect(localLanguage({ localLanguage: null }, places({ name_ar: 'كييف' }))).toBe('ar');
    expect(localLanguage({ localLanguage: null }, places({ name_local: 'Київ' }))).toBeNull();
  });

  it('runs right to left for Arabic, Hebrew, Persian and Urdu, left to right for the rest', () => {
    for (const l of ['ar', 'he', 'fa', 'ur', 'ar-SY', 'ckb', 'yi']) expect(direction(l), l).toBe('rtl');
    for (const l of ['uk', 'ru', 'el', 'en', 'sr-Cyrl', 'az-Latn', 'ka']) expect(direction(l), l).toBe('ltr');
    expect(direction(null)).toBe('auto');
  });
});
