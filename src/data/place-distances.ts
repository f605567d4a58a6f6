/**
 * data/place-distances.json (written by scripts/build-place-distances.ts): for every place and
 * every faction, the distance in km from the place to the faction's nearest ground on each snapshot
 * date, so a chart of "how close was the front" never loads all snapshots. 0 when the place lies
 * inside the faction's ground, null when the faction held nothing that day. Parsed without trust.
 */
import { factionIdCheck, isIsoDate, type FactionId } from './contract.ts';
import { clip, echo } from './echo.ts';
import { fail, failAll, ok, type Problem, type Result } from './result.ts';

/** km to the nearest ground, one per date (in `dates` order); null: the faction held nothing. */
export type DistanceSeries = (number | null)[];

export interface PlaceDistances {
  /** Snapshot dates, YYYY-MM-DD, ascending. */
  dates: string[];
  /** place id → faction id → one value per date. Every faction of factions.json is present for every place. */
  places: Map<string, Record<FactionId, DistanceSeries>>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDistance = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0);

/**
 * Checks a parsed place-distances file. Problems name the file, the place and the faction. With the
 * ids of factions.json (`factions`), every place must have exactly those.
 * @example parsePlaceDistances(JSON.parse(text), 'data/place-distances.json', ['side-a', 'side-b'])
 */
export function parsePlaceDistances(data: unknown, file: string, factions?: readonly FactionId[]): Result<PlaceDistances> {
  if (!isObject(data) || !Array.isArray(data.dates) || !isObject(data.places)) {
    return fail({ file, message: 'expected an object {"dates": [...], "places": {...}}' });
  }
  const dates = data.dates;
  const badDate = dates.findIndex((d, i) => !isIsoDate(d) || (i > 0 && !((dates[i - 1] as string) < (d as string))));
  if (badDate >= 0) return fail({ file, message: `dates[${badDate}]: expected dates written YYYY-MM-DD in ascending order, got ${echo(dates[badDate])}` });
  const problems: Problem[] = [];
  const places = new Map<string, Record<FactionId, DistanceSeries>>();
  for (const [key, byFaction] of Object.entries(data.places)) {
    const id = key.length > 60 ? `${key.slice(0, 60)}…` : key;
    if (!isObject(byFaction)) {
      problems.push({ file, message: `places.${id}: expected an object of faction id → distances` });
      continue;
    }
    const series: Record<FactionId, DistanceSeries> = {};
    let good = true;
    const check = factionIdCheck(factions);
    for (const f of factions ?? Object.keys(byFaction)) {
      const v = byFaction[f];
      if (!Array.isArray(v) || v.length !== dates.length || !v.every(isDistance)) {
        problems.push({ file, message: `places.${id}.${clip(f)}: expected ${dates.length} distances (km ≥ 0, or null where the faction held nothing), one per date` });
        good = false;
        continue;
      }
      series[f] = v as DistanceSeries;
    }
    const unknown = Object.keys(byFaction).filter((k) => !check.ok(k));
    if (unknown.length) {
      problems.push({ file, message: `places.${id}: unknown faction ${unknown.slice(0, 5).map((k) => echo(k, 60)).join(', ')}${unknown.length > 5 ? ' and more' : ''}; expected ${check.expected}` });
      good = false;
    }
    if (good) places.set(key, series);
  }
  return problems.length ? failAll(problems) : ok({ dates: dates as string[], places });
}

/**
 * One place's distances on one date (the snapshot on or before it), or null when the place or the
 * date is not in the file.
 * @example distancesOn(pd, 'town-a', '2017-07-15') // { 'side-b': 79.9, 'side-a': 0, ... }
 */
export function distancesOn(pd: PlaceDistances, placeId: string, dateIso: string): Record<FactionId, number | null> | null {
  const series = pd.places.get(placeId);
  let i = -1;
  for (let k = 0; k < pd.dates.length && pd.dates[k]! <= dateIso; k++) i = k;
  if (!series || i < 0) return null;
  return Object.fromEntries(Object.entries(series).map(([f, v]) => [f, v[i] ?? null]));
}
