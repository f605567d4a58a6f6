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
import { checkDrawn } from './drawn-file.ts';
import { dateFromName } from './file-date.ts';

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
  // Files as people have them: bare geometries, single features, crs members of any shape.
  const drawn = fc.oneof(
    { weight: 10, arbitrary: anyOrCollection },
    { weight: 10, arbitrary: fc.record({ type: fc.constantFrom('Polygon', 'MultiPolygon', 'Feature', 'Topology', 'GeometryCollection'), coordinates: A.coordinates, geometry: A.geometry, crs: A.anyValue }, { requiredKeys: ['type'] }) },
    { weight: 10, arbitrary: fc.record({ type: fc.constant('FeatureCollection'), crs: fc.oneof(A.anyValue, fc.record({ type: fc.constantFrom('name', 'EPSG'), properties: fc.record({ name: fc.oneof(fc.constantFrom('EPSG:3857', 'urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326'), A.scalar), code: A.scalar }, { requiredKeys: [] }) })), features: fc.array(A.feature, { maxLength: 3 }) }) },
    { weight: 1, arbitrary: A.wellFormedSnapshot },
  );
  fuzz('checkDrawn', drawn, (v) => checkDrawn(v, F, { fallback: 'islamic-state', area: { bounds: [[35.6, 29.1], [48.6, 37.4]], from: 'story.json' } }), (r) => checkResult(r), 6_000);
  fuzz('dateFromName', fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('a_20250230.geojson', 'x2025_01_02', '12345678901'), fc.string({ maxLength: 40, unit: fc.constantFrom('0', '1', '2', '9', '-', '_', '/') })), (name) => dateFromName(name), (r, name) => checkResult(r, name));
  fuzz('insertIndexEntry', index, (v) => insertIndexEntry(v, { dateIso: '2015-02-01', file: '2015-02-01.geojson', sources: ['x'] }, F, true), (r) => checkResult(r));
});

