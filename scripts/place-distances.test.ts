/**
 * data/place-distances.json is committed data derived from the snapshots and places: this test fails
 * when it no longer matches them (by hash), checks that the page's parser accepts it, and recomputes
 * the article's snapshot for three places to catch changes in the distance code that hashes cannot see.
 */
import { describe, expect, it } from 'vitest';
import { parseFactions } from '../src/data/contract.ts';
import { readFileSync } from 'node:fs';
import { formatProblem } from '../src/data/result.ts';
import { distancesOn, parsePlaceDistances } from '../src/data/place-distances.ts';
import { staleInputs } from './derived-file.ts';
import { distanceInputFiles, distancesForSnapshot, loadDistanceInputs, PLACE_DISTANCES_FILE, readPlaceDistances, type DistanceInputs } from './build-place-distances.ts';

const HOW = 'run npm run data:stats';
const stored = readPlaceDistances();
let inputs: DistanceInputs | null = null;
const load = (): DistanceInputs => {
  if (inputs) return inputs;
  const r = loadDistanceInputs();
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return (inputs = r.value);
};

describe(PLACE_DISTANCES_FILE, () => {
  it('exists and parses', () => {
    expect(stored, `${PLACE_DISTANCES_FILE} is missing or not JSON; ${HOW}`).not.toBeNull();
    const r = parsePlaceDistances(stored, PLACE_DISTANCES_FILE, load().factions);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
  });

  it('was made from the current inputs (SHA-256)', () => {
    const stale = staleInputs(stored!.generated.sha256, distanceInputFiles(load().entries));
    expect(stale, `${PLACE_DISTANCES_FILE} is stale: ${stale.join('; ')}; ${HOW}`).toEqual([]);
  });

  it('lists every snapshot date, every place, and every side of data/factions.json', () => {
    const { entries, places, factions } = load();
    for (const [id, row] of Object.entries(stored!.places)) {
      expect(Object.keys(row), `${PLACE_DISTANCES_FILE}: ${id} lists other sides than data/factions.json; ${HOW}`).toEqual(factions);
    }
    expect(stored!.dates, `${PLACE_DISTANCES_FILE} lists other dates than data/snapshots/index.json; ${HOW}`).toEqual(entries.map((e) => e.dateIso));
    expect(Object.keys(stored!.places).sort(), `${PLACE_DISTANCES_FILE} lists other places than data/places.geojson; ${HOW}`)
      .toEqual(places.map((p) => p.properties.id).sort());
  });

  it('holds what distancesToFactions computes now, for three places on the article\'s snapshot', () => {
    const { entries, places, snapshot } = load();
    const entry = entries.find((e) => e.article) ?? entries[Math.floor(entries.length / 2)]!;
    const picks = places.filter((p) => ['mayadeen', 'mosul', 'raqqa'].includes(p.properties.id));
    expect(picks, 'data/places.geojson should hold mayadeen, mosul and raqqa').toHaveLength(3);
    const now = distancesForSnapshot(snapshot(entry), picks, load().factions);
    const parsed = parsePlaceDistances(stored, PLACE_DISTANCES_FILE);
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
    for (const p of picks) {
      const id = p.properties.id;
      expect(distancesOn(parsed.value, id, entry.dateIso), `${PLACE_DISTANCES_FILE} differs from a fresh computation for ${id} on ${entry.dateIso}; ${HOW}`)
        .toEqual(now.get(id));
    }
  }, 20_000);
});

describe('parsePlaceDistances', () => {
  const factionsR = parseFactions(JSON.parse(readFileSync('data/factions.json', 'utf8')), 'data/factions.json');
  const FACTION_IDS = factionsR.ok ? factionsR.value.map((f) => f.id) : [];
  const series = (v: (number | null)[]) => Object.fromEntries(FACTION_IDS.map((f) => [f, v]));

  it('accepts distances and nulls, and finds the snapshot on or before a date', () => {
    const r = parsePlaceDistances({ dates: ['2017-07-01', '2017-08-01'], places: { a: series([0, null]) } }, 'x.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(distancesOn(r.value, 'a', '2017-07-20')?.['syrian-kurds']).toBe(0);
    expect(distancesOn(r.value, 'a', '2017-08-01')?.['syrian-kurds']).toBeNull();
    expect(distancesOn(r.value, 'a', '2017-06-30')).toBeNull();
    expect(distancesOn(r.value, 'b', '2017-07-01')).toBeNull();
  });

  it('names the file, place and faction of a bad series', () => {
    const bad = { ...series([1]), 'syrian-kurds': [1, -2] };
    const r = parsePlaceDistances({ dates: ['2017-07-01'], places: { a: bad } }, 'x.json');
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'x.json: places.a.syrian-kurds: expected 1 distances (km ≥ 0, or null where the faction held nothing), one per date',
    ]);
  });

  it('rejects dates out of order and a file of the wrong shape', () => {
    const r = parsePlaceDistances({ dates: ['2017-08-01', '2017-07-01'], places: {} }, 'x.json');
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual(['x.json: dates[1]: expected dates written YYYY-MM-DD in ascending order, got "2017-07-01"']);
    expect(parsePlaceDistances([], 'x.json').ok).toBe(false);
  });
});
