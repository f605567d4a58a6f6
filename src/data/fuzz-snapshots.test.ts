/**
 * Property-based tests of the snapshot validators (tests/fuzz/run.ts says what each run checks; at least 10,000
 * generated inputs per parser, from tests/fuzz/arbitraries.ts).
 */
import { describe, expect } from 'vitest';
import fc from 'fast-check';
import * as A from '../../tests/fuzz/arbitraries.ts';
import { checkProblems, checkResult, F, fuzz, MAX_MESSAGE, reportTimings } from '../../tests/fuzz/run.ts';
import { parseSnapshot } from './contract.ts';
import { validateSnapshot, validateSnapshotText } from './validate.ts';
import { insertIndexEntry, mapFactions } from './normalize.ts';

reportTimings();
const anyOrCollection = fc.oneof(A.anyValue, A.featureCollection);
const indexEntry = fc.record({ date: fc.oneof(fc.constantFrom('2015-01-01', '2015-02-01', '0001-01-01', '2015-02-30'), A.scalar), file: fc.oneof(fc.constantFrom('a.geojson', 'b.geojson', '../x.geojson'), A.scalar), sources: A.anyValue, precision: A.anyValue, article: A.anyValue }, { requiredKeys: [] });
const index = fc.oneof(A.anyValue, fc.record({ snapshots: A.orHuge(fc.array(fc.oneof(indexEntry, A.anyValue), { maxLength: 6 })) }));

describe('validators of snapshots', () => {
  // Turf measures the overlaps of every well-formed snapshot (about 16 ms each): the slowest of the
  // suite, so one input in 30 or 40 is one, and the text and object forms share 11,000 runs.
  fuzz('validateSnapshot', fc.oneof({ weight: 29, arbitrary: anyOrCollection }, { weight: 1, arbitrary: A.wellFormedSnapshot }), (v) => validateSnapshot(v, F), (r) => checkResult(r), 6_000);
  fuzz('validateSnapshotText', fc.oneof({ weight: 39, arbitrary: A.jsonText }, { weight: 1, arbitrary: A.wellFormedSnapshot.map((v) => JSON.stringify(v)) }), (text) => validateSnapshotText(text, F, text.length * 2), (r) => checkResult(r), 5_000);
  fuzz('mapFactions', anyOrCollection, (v) => mapFactions(v, F, { property: 'faction', map: { ISIS: 'islamic-state', constructor: 'syrian-kurds' } as const }), (r) => checkResult(r));
  fuzz('insertIndexEntry', index, (v) => insertIndexEntry(v, { dateIso: '2015-02-01', file: '2015-02-01.geojson', sources: ['x'] }, F, true), (r) => checkResult(r));
});

