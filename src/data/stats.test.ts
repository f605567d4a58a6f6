import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStats } from './stats.ts';
import { formatProblem } from './result.ts';

const F = 'data/stats.json';
const lines = (r: ReturnType<typeof parseStats>) => (r.ok ? [] : r.problems.map(formatProblem));
const snapshot = (extra: Record<string, unknown> = {}) => ({
  date: '2017-07-15',
  areaKm2: { held: { 'islamic-state': 40_000.5 }, desert: {} },
  frontierKm: { 'islamic-state|syrian-kurds': 310.2 },
  claims: { 'mayadeen-syrian-kurds-km': { value: 79.9, verdict: 'differs' } },
  ...extra,
});

describe('parseStats', () => {
  it('reads the real data/stats.json', () => {
    const text = readFileSync(join(import.meta.dirname, '../../data/stats.json'), 'utf8');
    const r = parseStats(JSON.parse(text), F);
    expect(lines(r)).toEqual([]);
    expect(r.ok && r.value.size).toBeGreaterThan(50);
  });

  it('rejects every wrong shape with the file, the snapshot and the field', () => {
    const wrong: [Record<string, unknown>, string][] = [
      [{ areaKm2: {} }, '"areaKm2.held" must be an object of km², got undefined'],
      [{ areaKm2: { held: {}, desert: [] } }, '"areaKm2.desert" must be an object of km², got []'],
      [{ areaKm2: { held: { 'islamic-state': {} }, desert: {} } }, '"areaKm2.held.islamic-state" must be a number of km² ≥ 0, got {}'],
      [{ areaKm2: { held: { 'islamic-state': -1 }, desert: {} } }, '"areaKm2.held.islamic-state" must be a number of km² ≥ 0, got -1'],
      [{ areaKm2: { held: { 'islamic-state': '5' }, desert: {} } }, '"areaKm2.held.islamic-state" must be a number of km² ≥ 0, got "5"'],
      [{ areaKm2: 7 }, '"areaKm2" must be {"held": {...}, "desert": {...}} (and "contested" on dates with any), got 7'],
      [{ frontierKm: { 'a|b': null } }, '"frontierKm.a|b" must be a number of km ≥ 0, got null'],
      [{ claims: [] }, '"claims" must be an object of claim id → {"value", "verdict"}, got []'],
      [{ claims: { c: { value: 1, verdict: 'maybe' } } }, 'claim "c" needs a "verdict" of agrees, close, differs, n/a, got "maybe"'],
      [{ claims: { c: { value: [1], verdict: 'close' } } }, 'claim "c": "value" must be a number, a string or null, got [1]'],
    ];
    for (const [extra, message] of wrong) {
      expect(lines(parseStats({ snapshots: [snapshot(extra)] }, F))).toEqual([`${F}: snapshots[0] (2017-07-15): ${message}`]);
    }
    expect(lines(parseStats({ snapshots: [snapshot({ date: 20170715 }), 3, snapshot(), snapshot()] }, F))).toEqual([
      `${F}: snapshots[0]: "date" must be a date written YYYY-MM-DD, got 20170715`,
      `${F}: snapshots[1]: expected an object with "date", "areaKm2" and "claims", got 3`,
      `${F}: snapshots[3] (2017-07-15): date is listed twice`,
    ]);
    expect(lines(parseStats([], F))).toEqual([`${F}: expected an object {"snapshots": [...]}`]);
  });

  it('treats __proto__ and constructor as ordinary keys, and absent ones as absent', () => {
    const text = JSON.stringify({ snapshots: [snapshot({ claims: { ['__proto__']: { value: 1, verdict: 'agrees' } } })] })
      .replace('"islamic-state":40000.5', '"islamic-state":40000.5,"constructor":2,"__proto__":3');
    const r = parseStats(JSON.parse(text), F);
    expect(lines(r)).toEqual([]);
    const s = r.ok ? r.value.get('2017-07-15')! : null;
    expect(Object.keys(s!.claims)).toEqual(['__proto__']);
    expect(s!.claims['__proto__']).toEqual({ value: 1, verdict: 'agrees' });
    // A claim the file does not have reads as undefined, not as Object's constructor.
    expect(s!.claims['constructor']).toBeUndefined();
    expect(s!.frontierKm['toString']).toBeUndefined();
    expect({ ...s!.areaKm2.held }).toEqual(JSON.parse('{"islamic-state":40000.5,"constructor":2,"__proto__":3}'));
  });
});
