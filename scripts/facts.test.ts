/**
 * Checks the generated snapshots against data/sources/facts.json: a table of who held a place
 * over a period, each with a source. For every fact and every snapshot dated in [from, to), the
 * feature at the place (featureNear, 3 km, as the place card reads it; desert tier counts as the
 * side's) must belong to the fact's faction. All mismatches are gathered and reported one per line,
 * `place date: expected X, map shows Y`, so a failure reads as a to-do list for the control data.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIsoDate, parseFactions, parseJson, parsePlaces, parseSnapshot, parseSnapshotIndex, type Place, type SnapshotEntry } from '../src/data/contract.ts';
import { formatProblem, type Result } from '../src/data/result.ts';
import { featureNear } from '../src/analysis/territory.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FACTS_FILE = 'data/sources/facts.json';
/** As the place card and the holder claims: a town just outside a simplified border still counts. */
const TOLERANCE_KM = 3;

interface Fact { place: string; from: string; to: string; faction: string; source: string }

function parsed<T>(path: string, parse: (data: unknown, file: string) => Result<T>): T {
  const json = parseJson(readFileSync(join(ROOT, path), 'utf8'), path);
  const r = json.ok ? parse(json.value, path) : json;
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.value;
}

const facts = (JSON.parse(readFileSync(join(ROOT, FACTS_FILE), 'utf8')) as { facts: Fact[] }).facts;
const places = new Map<string, Place>(parsed('data/places.geojson', parsePlaces).map((p) => [p.properties.id, p]));
const entries: SnapshotEntry[] = parsed('data/snapshots/index.json', parseSnapshotIndex);

const factionsR = parseFactions(JSON.parse(readFileSync('data/factions.json', 'utf8')), 'data/factions.json');
const FACTION_IDS: string[] = factionsR.ok ? factionsR.value.map((f) => f.id) : [];

describe(FACTS_FILE, () => {
  it('lists well-formed facts: a known place and faction, a period, a source', () => {
    const bad: string[] = [];
    facts.forEach((f, i) => {
      const at = `facts[${i}] (${f.place} ${f.from})`;
      if (!places.has(f.place)) bad.push(`${at}: no place "${f.place}" in data/places.geojson`);
      if (!FACTION_IDS.includes(f.faction)) bad.push(`${at}: unknown faction "${f.faction}"`);
      if (!isIsoDate(f.from) || !isIsoDate(f.to) || f.from >= f.to) bad.push(`${at}: "from" and "to" must be YYYY-MM-DD dates with from < to`);
      if (typeof f.source !== 'string' || !f.source.trim()) bad.push(`${at}: "source" must name where the fact comes from`);
    });
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('does not contradict itself: no two facts give one place different holders on one day', () => {
    const bad: string[] = [];
    facts.forEach((a, i) => facts.slice(i + 1).forEach((b) => {
      if (a.place === b.place && a.faction !== b.faction && a.from < b.to && b.from < a.to) {
        bad.push(`${a.place}: ${a.faction} [${a.from}, ${a.to}) overlaps ${b.faction} [${b.from}, ${b.to})`);
      }
    }));
    expect(bad, bad.join('\n')).toEqual([]);
  });

  it('matches the snapshots on every date each fact covers', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const e of entries) {
      const due = facts.filter((f) => f.from <= e.dateIso && e.dateIso < f.to && places.has(f.place));
      if (due.length === 0) continue;
      const snapshot = parsed(`data/snapshots/${e.file}`, parseSnapshot);
      for (const f of due) {
        const shown = featureNear(snapshot, places.get(f.place)!.geometry.coordinates, TOLERANCE_KM);
        const holder = shown?.properties.faction ?? 'nobody';
        checked += 1;
        if (holder !== f.faction) mismatches.push(`${f.place} ${e.dateIso}: expected ${f.faction}, map shows ${holder}`);
      }
    }
    expect(checked, 'no fact falls on a snapshot date').toBeGreaterThan(0);
    expect(mismatches, `${mismatches.length} of ${checked} checks differ:\n${mismatches.join('\n')}`).toEqual([]);
  }, 30_000);
});
