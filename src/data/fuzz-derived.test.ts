/**
 * Property-based tests of the parsers of derived files and the folder walk (tests/fuzz/run.ts says what each run checks; at least 10,000
 * generated inputs per parser, from tests/fuzz/arbitraries.ts).
 */
import { describe, expect } from 'vitest';
import fc from 'fast-check';
import * as A from '../../tests/fuzz/arbitraries.ts';
import { checkProblems, checkResult, F, fuzz, MAX_MESSAGE, reportTimings } from '../../tests/fuzz/run.ts';
import { parseStats } from './stats.ts';
import { parsePlaceDistances } from './place-distances.ts';
import { parseClaims } from '../analysis/claims.ts';
import { validateDataFolder, type DataFolder } from './data-folder.ts';

reportTimings();

describe('parsers of derived files', () => {
  const snapshotStats = fc.record({ date: fc.oneof(fc.constantFrom('2015-01-01', '2015-02-01'), A.scalar), areaKm2: fc.oneof(A.anyValue, fc.record({ held: fc.oneof(A.oddObject(fc.oneof(A.oddNumber, A.scalar)), A.anyValue), desert: fc.oneof(fc.constant({}), A.anyValue) })), frontierKm: A.anyValue, claims: fc.oneof(A.anyValue, A.oddObject(fc.oneof(fc.record({ value: A.anyValue, verdict: fc.oneof(fc.constantFrom('agrees', 'n/a'), A.scalar) }), A.anyValue))) }, { requiredKeys: [] });
  fuzz('parseStats', fc.oneof(A.anyValue, fc.record({ snapshots: A.orHuge(fc.array(fc.oneof(snapshotStats, A.anyValue), { maxLength: 4 })) })), (v) => parseStats(v, F), (r) => checkResult(r));
  const series = fc.oneof(fc.constant([1, null]), fc.array(fc.oneof(A.oddNumber, fc.constant(null), A.scalar), { maxLength: 3 }), A.anyValue);
  const byFaction = fc.oneof(A.anyValue, fc.record({ 'islamic-state': series, 'syrian-kurds': series, 'syrian-regime': series, 'syrian-rebels': series, 'iraqi-government': series, 'iraqi-kurds': series }, { requiredKeys: [] }), A.oddObject(series));
  fuzz('parsePlaceDistances', fc.oneof(A.anyValue, fc.record({ dates: fc.oneof(fc.constant(['2015-01-01', '2016-01-01']), fc.array(A.scalar, { maxLength: 3 }), A.anyValue), places: fc.oneof(A.oddObject(byFaction), A.anyValue) })), (v) => parsePlaceDistances(v, F), (r) => checkResult(r));
  const claim = fc.record({ id: fc.oneof(fc.constantFrom('a', 'constructor', '__proto__'), A.scalar), kind: fc.oneof(fc.constantFrom('distance', 'borders', 'holder'), A.scalar), text: fc.oneof(fc.constant({ en: 'a', nl: 'b' }), A.anyValue), place: fc.oneof(fc.constantFrom('mosul', 'constructor'), A.scalar), faction: A.factionLike, article: fc.oneof(A.oddNumber, fc.boolean(), A.factionLike), with: A.anyValue, exclude: A.anyValue, statement: A.anyValue }, { requiredKeys: [] });
  fuzz('parseClaims', fc.oneof(A.anyValue, fc.record({ source: A.scalar, dateIso: fc.oneof(fc.constant('2017-07-15'), A.scalar), claims: A.orHuge(fc.array(fc.oneof(claim, A.anyValue), { maxLength: 4 })) })), (v) => parseClaims(v, F, { places: ['mosul'], countries: ['792'] }), (r) => checkResult(r));
});

describe('a whole data folder', () => {
  const names = ['factions.json', 'places.geojson', 'basemap/rivers.geojson', 'claims.json', 'events.json', 'stats.json', 'snapshots/index.json', 'snapshots/a.geojson', 'snapshots/b.geojson', 'constructor.json', '__proto__.geojson'];
  const folder = fc.array(fc.tuple(fc.constantFrom(...names), A.shortText), { maxLength: 6 }).map((entries): DataFolder => {
    const files = new Map(entries);
    return {
      readFile: (p) => files.get(p) ?? null,
      sizeOf: (p) => (files.has(p) ? files.get(p)!.length : null),
      list: (dir) => [...files.keys()].filter((p) => p.startsWith(dir ? `${dir}/` : '')).map((p) => p.slice(dir ? dir.length + 1 : 0)).filter((p) => !p.includes('/')),
    };
  });
  fuzz('validateDataFolder', folder, (f) => validateDataFolder(f, 'data/'), (r) => {
    for (const p of [...r.problems, ...r.warnings]) {
      if (!p.file.startsWith('data/') || !(p.message.length > 0 && p.message.length < MAX_MESSAGE)) throw new Error(`bad problem ${p.file}: ${p.message.slice(0, 200)}`);
    }
  });
});
