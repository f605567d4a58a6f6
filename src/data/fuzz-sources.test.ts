/**
 * Property-based tests of the parsers the other fuzz files leave out: the files the page reads
 * besides snapshots (story.json, files.json, downloads/index.json, fallback/fallback.json,
 * stack/index.json) and the generator's source tables (control points, overrides, method, fights,
 * settlements). tests/fuzz/run.ts says what each run checks: no throw, under a second per input,
 * every problem naming the file in a message shorter than 1,000 characters.
 */
import { describe, expect } from 'vitest';
import fc from 'fast-check';
import * as A from '../../tests/fuzz/arbitraries.ts';
import { checkResult, F, fuzz, reportTimings } from '../../tests/fuzz/run.ts';
import { parseStory } from './story.ts';
import { parseFileList } from './files.ts';
import { parseDownloads } from './downloads.ts';
import { parseFallback } from './fallback.ts';
import { parseStackManifest } from './date-stack.ts';
import { parseControlPoints, parseOverrides } from './control-points.ts';
import { parseContested, parseMethod, parseSettlements } from './method.ts';

reportTimings();
const SIDES = ['islamic-state', 'syrian-kurds', 'syrian-regime'];
/** A value that is usually of the right kind for its field, now and then anything. */
const or = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: good as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: A.anyValue });
const date = or(fc.oneof(fc.constantFrom('2015-01-01', '2016-06-30', '2015-02-30', '15-01-01'), A.oddKey));
const text = or(fc.record({ en: fc.oneof(fc.constant('A war'), A.scalar), nl: fc.oneof(fc.constant('Een oorlog'), A.scalar) }, { requiredKeys: [] }));
const id = fc.oneof(fc.constantFrom('mosul', 'raqqa', '__proto__', 'constructor', 'Mosul'), A.scalar);
const side = fc.oneof(fc.constantFrom(...SIDES, 'none'), A.factionLike);
const fileName = fc.oneof(fc.constantFrom('a.geojson', 'frontlines-2017-07-15.geojson', 'en.png', '../x', '.hidden', 'a b', 'https://x.example/a'), A.scalar);
const featureOf = <T>(properties: fc.Arbitrary<T>, geometry: fc.Arbitrary<unknown> = A.geometry) => or(fc.record({ type: fc.constant('Feature'), properties: or(properties), geometry }, { requiredKeys: [] }));
const collectionOf = (feature: fc.Arbitrary<unknown>) => or(fc.record({ type: fc.oneof({ weight: 8, arbitrary: fc.constant('FeatureCollection') }, { weight: 1, arbitrary: A.scalar }), features: A.orHuge(fc.array(feature, { maxLength: 5 })) }));
const point = fc.oneof(fc.record({ type: fc.constant('Point'), coordinates: or(fc.tuple(fc.double({ min: 35, max: 45, noNaN: true }), fc.double({ min: 30, max: 38, noNaN: true }))) }), A.geometry);

describe('parsers of the page\'s other files', () => {
  const bounds = or(fc.oneof(fc.constant([[35, 30], [45, 38]]), fc.constant([[45, 30], [35, 38]]), fc.array(fc.array(A.oddNumber, { maxLength: 3 }), { maxLength: 3 })));
  const story = fc.record({
    title: text, subtitle: text, method: text, bounds, date,
    localLanguage: fc.oneof(fc.constantFrom('uk', 'ar', 'sr-Cyrl', 'x-private', 'und', 'ar_SY', 'zh-Hant-TW', 'a'.repeat(300)), A.scalar),
    article: or(fc.record({ source: A.scalar, place: id }, { requiredKeys: [] })),
    pockets: or(A.oddObject(text)),
    licence: or(fc.record({ name: fc.oneof(fc.constant('CC BY 4.0'), A.scalar), url: fc.oneof(fc.constantFrom('https://creativecommons.org/licenses/by/4.0/', 'javascript:alert(1)', 'http://a b'), A.scalar) }, { requiredKeys: [] })),
    credits: or(A.orHuge(fc.array(A.scalar, { maxLength: 4 }))),
  }, { requiredKeys: [] });
  fuzz('parseStory', or(story), (v) => parseStory(v, F, { places: ['mosul', 'raqqa'] }), (r) => {
    checkResult(r);
    // A licence link the page shows must be a web address, whatever the file says.
    if (r.ok && r.value.licence?.url) expect(r.value.licence.url).toMatch(/^https?:\/\//);
  });
  fuzz('parseFileList', or(fc.record({ files: or(A.orHuge(fc.array(fc.oneof(fileName, A.scalar), { maxLength: 5 }))) })), (v) => parseFileList(v, F), (r) => checkResult(r));
  const names = (ok: (name: string) => boolean) => (name: unknown) => typeof name !== 'string' || ok(name);
  const plainName = (n: string) => /^[\w.-]{1,100}$/.test(n) && !n.startsWith('.');
  fuzz('parseDownloads', or(fc.record({ sources: fc.oneof(fc.constant(null), fileName), csv: fc.oneof(fc.constant(null), fileName), licence: fc.oneof(fc.constant(null), fileName), events: fc.oneof(fc.constant(null), fileName, A.scalar) }, { requiredKeys: [] })), (v) => parseDownloads(v, F), (r) => {
    checkResult(r);
    // Every file name it lets through is a plain name in downloads/: no folder, no URL, not hidden.
    if (r.ok) for (const n of [r.value.sources, r.value.csv, r.value.licence, r.value.events]) expect(names(plainName)(n)).toBe(true);
  });
  const picture = or(fc.record({ file: fileName, width: fc.oneof(fc.constant(1200), A.oddNumber), height: fc.oneof(fc.constant(630), A.oddNumber), alt: A.scalar }, { requiredKeys: [] }));
  fuzz('parseFallback', or(fc.record({ date, pictures: or(fc.dictionary(fc.oneof(fc.constantFrom('en', 'nl', 'ar', '__proto__'), A.oddKey), picture, { maxKeys: 3 })), social: fc.oneof(fc.constant(null), picture) }, { requiredKeys: [] })), (v) => parseFallback(v, F), (r) => {
    checkResult(r);
    if (r.ok) for (const p of [...Object.values(r.value.pictures), r.value.social]) if (p) expect(plainName(p.file) && p.width > 0 && p.height > 0).toBe(true);
  });
  const stackSnapshot = or(fc.record({ date, file: fileName, hash: A.scalar, statsCurrent: fc.oneof(fc.boolean(), A.scalar) }, { requiredKeys: [] }));
  const block = or(fc.record({ dir: fc.oneof(fc.constantFrom('b0', 'b1', '../b', 'a/b'), A.scalar), from: fc.oneof(fc.integer({ min: -1, max: 4 }), A.oddNumber), to: fc.oneof(fc.integer({ min: -1, max: 4 }), A.oddNumber) }, { requiredKeys: [] }));
  fuzz('parseStackManifest', or(fc.record({ snapshots: A.orHuge(fc.array(stackSnapshot, { maxLength: 4 })), blocks: A.orHuge(fc.array(block, { maxLength: 3 })), bounds: or(fc.array(A.oddNumber, { minLength: 3, maxLength: 5 })), maxzoom: fc.oneof(fc.constant(8), A.oddNumber) }, { requiredKeys: [] })), (v) => parseStackManifest(v, F), (r) => {
    checkResult(r);
    // Block folders are plain names and their ranges lie inside the snapshot list.
    if (r.ok) for (const b of r.value.blocks) expect(/^[\w-]+$/.test(b.dir) && b.from >= 0 && b.from <= b.to && b.to < r.value.snapshots.length).toBe(true);
  });
});

describe('parsers of the generator\'s source tables', () => {
  const entry = or(fc.record({ from: date, faction: side, source: A.scalar }, { requiredKeys: [] }));
  const controlPoint = or(fc.record({ id, name: A.scalar, lat: fc.oneof(fc.constant(36.3), A.oddNumber), lon: fc.oneof(fc.constant(43.1), A.oddNumber), kind: fc.oneof(fc.constantFrom('town', 'area'), A.scalar), history: or(A.orHuge(fc.array(entry, { maxLength: 4 }))) }, { requiredKeys: [] }));
  fuzz('parseControlPoints', or(fc.record({ points: or(A.orHuge(fc.array(controlPoint, { maxLength: 4 }))) })), (v) => parseControlPoints(v, F, SIDES), (r) => {
    checkResult(r);
    // Each history it keeps is in date order.
    if (r.ok) for (const p of r.value) for (let i = 1; i < p.history.length; i++) expect(p.history[i - 1]!.fromIso <= p.history[i]!.fromIso).toBe(true);
  });
  fuzz('parseOverrides', collectionOf(featureOf(fc.record({ id, faction: side, from: date, to: date, source: A.scalar }, { requiredKeys: [] }))), (v) => parseOverrides(v, F), (r) => checkResult(r));
  const pair = fc.oneof(fc.tuple(side, side), fc.array(side, { maxLength: 3 }));
  const method = fc.record({
    settlementRadiusKm: fc.oneof(fc.constant(12), A.oddNumber, A.scalar), riverCorridorKm: fc.oneof(fc.constant(6), A.oddNumber), linkCorridorKm: fc.oneof(fc.constant(5), A.oddNumber),
    linkMaxKm: fc.oneof(fc.constant(70), A.oddNumber), smoothKm: fc.oneof(fc.constant(4), A.oddNumber), frontDepthKm: fc.oneof(fc.constant(30), A.oddNumber), minHeldPieceKm2: fc.oneof(fc.constant(50), A.oddNumber),
    rivers: or(fc.array(fc.oneof(fc.constantFrom('Euphrates', 'Tigris', ' '), A.scalar), { maxLength: 3 })),
    supportZones: or(A.orHuge(fc.array(or(fc.record({ side, source: A.scalar }, { requiredKeys: [] })), { maxLength: 3 }))),
    notFighting: or(A.orHuge(fc.array(or(fc.record({ sides: or(pair), source: A.scalar, from: date, to: date }, { requiredKeys: [] })), { maxLength: 3 }))),
  }, { requiredKeys: [] });
  fuzz('parseMethod', or(method), (v) => parseMethod(v, F, SIDES), (r) => {
    checkResult(r);
    // Every side it names is a known side, and every width is a finite number.
    if (r.ok) {
      for (const s of [...r.value.supportZones.map((z) => z.side), ...r.value.notFighting.flatMap((n) => n.sides)]) expect(SIDES).toContain(s);
      for (const k of ['settlementRadiusKm', 'riverCorridorKm', 'linkCorridorKm', 'linkMaxKm', 'smoothKm', 'frontDepthKm', 'minHeldPieceKm2'] as const) expect(Number.isFinite(r.value[k])).toBe(true);
    }
  });
  const fight = fc.record({ id, faction: side, against: or(fc.array(side, { maxLength: 3 })), from: date, to: date, source: A.scalar }, { requiredKeys: [] });
  fuzz('parseContested', collectionOf(featureOf(fight)), (v) => parseContested(v, F, SIDES), (r) => {
    checkResult(r);
    // A fight it keeps is between known sides, never a side against itself, and has a real span.
    if (r.ok) for (const c of r.value) expect(SIDES.includes(c.properties.faction) && c.properties.against.every((s) => SIDES.includes(s) && s !== c.properties.faction) && c.properties.fromIso < c.properties.toIso).toBe(true);
  });
  fuzz('parseSettlements', collectionOf(featureOf(fc.record({ name: A.scalar }, { requiredKeys: [] }), point)), (v) => parseSettlements(v, F), (r) => {
    checkResult(r);
    if (r.ok) for (const s of r.value) expect(Number.isFinite(s.lon) && Number.isFinite(s.lat)).toBe(true);
  });
});
