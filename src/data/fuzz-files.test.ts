/**
 * Property-based tests of the parsers of the data files (tests/fuzz/run.ts says what each run checks; at least 10,000
 * generated inputs per parser, from tests/fuzz/arbitraries.ts).
 */
import { describe, expect } from 'vitest';
import fc from 'fast-check';
import * as A from '../../tests/fuzz/arbitraries.ts';
import { checkProblems, checkResult, F, fuzz, MAX_MESSAGE, reportTimings } from '../../tests/fuzz/run.ts';
import { isIsoDate, parseFactions, parseJson, parsePlaces, parseSnapshot, parseSnapshotIndex } from './contract.ts';
import { validateGeoJson, validateIndex } from './validate.ts';
import { locateJsonError } from './json-locate.ts';

reportTimings();
const anyOrCollection = fc.oneof(A.anyValue, A.featureCollection);
const indexEntry = fc.record({ date: fc.oneof(fc.constantFrom('2015-01-01', '2015-02-01', '0001-01-01', '2015-02-30'), A.scalar), file: fc.oneof(fc.constantFrom('a.geojson', 'b.geojson', '../x.geojson'), A.scalar), sources: A.anyValue, precision: A.anyValue, article: A.anyValue }, { requiredKeys: [] });
const index = fc.oneof(A.anyValue, fc.record({ snapshots: A.orHuge(fc.array(fc.oneof(indexEntry, A.anyValue), { maxLength: 6 })) }));

describe('parsers of data files', () => {
  fuzz('parseJson', A.jsonText, (text) => parseJson(text, F), (r) => checkResult(r));
  fuzz('locateJsonError', A.jsonText, (text) => locateJsonError(text), (at, text) => {
    let valid = true;
    try { JSON.parse(text); } catch { valid = false; }
    expect(at === null).toBe(valid);
    if (at) expect(at.offset >= 0 && at.offset <= text.length).toBe(true);
  });
  fuzz('isIsoDate', A.anyValue, (v) => isIsoDate(v), (b) => expect(typeof b).toBe('boolean'));
  fuzz('parseFactions', fc.oneof(A.anyValue, fc.record({ factions: fc.array(fc.oneof(A.anyValue, fc.record({ id: A.factionLike, name: fc.oneof(A.anyValue, fc.constant({ en: 'a', nl: 'b' })), color: fc.oneof(fc.constant('#aabbcc'), A.scalar), short: A.anyValue })), { maxLength: 8 }) })), (v) => parseFactions(v, F), (r) => checkResult(r));
  fuzz('parseSnapshotIndex', index, (v) => parseSnapshotIndex(v, F), (r) => checkResult(r));
  fuzz('validateIndex', index, (v) => validateIndex(v, F, (f) => f !== 'b.geojson'), (r) => {
    expect(Array.isArray(r.entries)).toBe(true);
    checkProblems(r.problems);
  });
  fuzz('parseSnapshot', anyOrCollection, (v) => parseSnapshot(v, F), (r) => checkResult(r));
  const place = fc.record({ type: fc.constant('Feature'), properties: fc.oneof(A.anyValue, fc.record({ id: fc.oneof(fc.constantFrom('a', 'b', '__proto__'), A.scalar), name_en: fc.oneof(fc.constant('A'), A.scalar), name_nl: fc.constant('A'), name_ar: fc.oneof(fc.constant('ا'), A.scalar), name_local: fc.oneof(fc.constantFrom('ا', 'Київ'), A.scalar), rank: fc.oneof(fc.constantFrom(1, 2, 3, '1'), A.scalar) }, { requiredKeys: [] })), geometry: fc.oneof(fc.record({ type: fc.constant('Point'), coordinates: fc.oneof(fc.constant([38, 35]), A.anyValue) }), A.anyValue) });
  fuzz('parsePlaces', fc.oneof(A.anyValue, fc.record({ type: fc.constant('FeatureCollection'), features: A.orHuge(fc.array(fc.oneof(place, A.anyValue), { maxLength: 5 })) })), (v) => parsePlaces(v, F), (r) => checkResult(r));
  fuzz('validateGeoJson', anyOrCollection, (v) => validateGeoJson(v, F), (problems) => checkProblems(problems));
});

