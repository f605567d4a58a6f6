/**
 * IS's loss per country on our map, on both bases, for the official statements of
 * data/sources/losses.json (read by scripts/losses.test.ts and scripts/data-losses.ts).
 * The ground IS once held in a country is all it held there on any of our dates (held tier and its
 * pockets, merged). On a date (interpolated linearly in time between the snapshots around it):
 * - "lost": the share of that ground IS no longer held;
 * - "recovered": the share of it the coalition's partners (`partners` in the file) held, any tier.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { loadSeries } from './series.ts';
import { ROOT } from './derived-file.ts';
import { countryShapes } from './sources.ts';

export type Country = 'iraq' | 'syria';
export const COUNTRIES: readonly Country[] = ['iraq', 'syria'];
/** What a statement's figure counts, as its own words say (the file's `rule` decides from them). */
export type Basis = 'lost' | 'recovered' | 'populated' | 'country';
/** The bases our map can be held to; the other two are other measures, listed but not checked. */
export const CHECKED_BASES: readonly Basis[] = ['lost', 'recovered'];

export interface Reading { basis: Basis; words: string | null; from: string; note?: string }
export interface Statement {
  date: string; who: string; iraqPct: number | null; syriaPct: number | null; measure: string; source: string;
  reading: Partial<Record<Country, Reading>>;
  disagree?: Partial<Record<Country, { ours: number; why: string }>>;
}
export interface Rule { basis: Basis; words: string[] }
export interface LossesFile { about: string; rule: Rule[]; statements: Statement[]; partners: Record<Country, string[]> }

export const LOSSES_FILE = 'data/sources/losses.json';
export const readLossesFile = (): LossesFile =>
  JSON.parse(readFileSync(join(ROOT, LOSSES_FILE), 'utf8')) as LossesFile;

/**
 * The basis the file's rule gives a statement's words: the first rule (in the file's order) one of
 * whose words (case-insensitive; a word matches at the start of a word, so "liberat" finds
 * "liberated") occurs in them; null when none does.
 */
export function basisOfWords(rule: readonly Rule[], words: string): Basis | null {
  const text = words.toLowerCase();
  const found = (w: string) => new RegExp(`(^|[^a-z])${w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(text);
  return rule.find((r) => r.words.some(found))?.basis ?? null;
}

type Ground = Feature<Polygon | MultiPolygon> | null;
const unite = (fs: Ground[]): Ground => {
  const xs = fs.filter((f): f is Feature<Polygon | MultiPolygon> => f !== null);
  return xs.length === 0 ? null : xs.length === 1 ? xs[0]! : turf.union(turf.featureCollection(xs));
};
const meet = (a: Ground, b: Ground): Ground => (a && b ? turf.intersect(turf.featureCollection([a, b])) : null);
const km2 = (g: Ground) => (g ? turf.area(g) / 1e6 : 0);
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export interface LossSeries {
  /** km² IS once held per country (the base of both percentages). */
  onceKm2: Record<Country, number>;
  /** Our loss in percent on a date, on the basis given. */
  at: (country: Country, basis: 'lost' | 'recovered', dateIso: string) => number;
}

/** Reads the committed snapshots once and computes both bases for every snapshot. */
export function lossSeries(partners: Record<Country, string[]>): LossSeries {
  const shapes = countryShapes();
  const rows = loadSeries().map(({ entry, snapshot }) => {
    const of = (sides: string[], heldOnly: boolean) =>
      unite(snapshot.features.filter((f) => sides.includes(f.properties.faction) && (!heldOnly || f.properties.tier === undefined)));
    const is = of(['islamic-state'], true);
    const row = { dateIso: entry.dateIso } as { dateIso: string } & Record<Country, { is: Ground; partners: Ground }>;
    for (const c of COUNTRIES) {
      const shape = shapes.get(c)! as Ground;
      row[c] = { is: meet(is, shape), partners: meet(of(partners[c], false), shape) };
    }
    return row;
  });
  const once = Object.fromEntries(COUNTRIES.map((c) => [c, unite(rows.map((r) => r[c].is))])) as Record<Country, Ground>;
  const onceKm2 = Object.fromEntries(COUNTRIES.map((c) => [c, km2(once[c])])) as Record<Country, number>;
  const pct = {} as Record<string, number[]>;
  for (const c of COUNTRIES) {
    pct[`${c} lost`] = rows.map((r) => 100 * (1 - km2(r[c].is) / onceKm2[c]));
    pct[`${c} recovered`] = rows.map((r) => 100 * km2(meet(once[c], r[c].partners)) / onceKm2[c]);
  }
  const at = (country: Country, basis: 'lost' | 'recovered', dateIso: string) => {
    const values = pct[`${country} ${basis}`]!;
    const i = rows.findIndex((r) => r.dateIso > dateIso);
    if (i <= 0) return values[i === 0 ? 0 : values.length - 1]!;
    const w = (day(dateIso) - day(rows[i - 1]!.dateIso)) / (day(rows[i]!.dateIso) - day(rows[i - 1]!.dateIso));
    return values[i - 1]! * (1 - w) + values[i]! * w;
  };
  return { onceKm2, at };
}

export const saidPct = (s: Statement, c: Country) => (c === 'iraq' ? s.iraqPct : s.syriaPct);
