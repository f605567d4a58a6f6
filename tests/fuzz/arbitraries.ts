/**
 * Generated inputs for the property-based tests of the data parsers (fast-check): arbitrary JSON,
 * and GeoJSON-shaped values with wrong types, empty and huge arrays, NaN and Infinity, deep nesting
 * and odd keys. Deep and huge values are built with loops and shared, so generating them is cheap.
 */
import fc from 'fast-check';

/** Keys that break naive code: prototype names, empty, long, non-ASCII. */
export const oddKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'type', 'features', 'faction', 'id', 'coordinates'),
  fc.string({ maxLength: 8 }),
  fc.constant('k'.repeat(2000)),
  fc.constantFrom('ﷺ', '\u0000', '\uFEFF', 'دير الزور', '😀'),
);

/** Numbers JSON.parse can give (1e400 is Infinity) and ones code might pass (NaN, -0). */
export const oddNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, 2, 3, 1e400, -1e-320, Number.MAX_VALUE, 181, -91, 1.5),
  fc.double(),
  fc.integer({ min: -200, max: 200 }),
);

export const scalar = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), oddNumber, fc.string({ maxLength: 12 }), oddKey);

/** An object built with own keys (own `__proto__` too, as JSON.parse makes them). */
export const oddObject = <T>(value: fc.Arbitrary<T>) => fc.array(fc.tuple(oddKey, value), { maxLength: 5 }).map((entries) => Object.fromEntries(entries));

/** `leaf` nested `depth` deep in arrays or objects (alternating when 'mixed'). Built with a loop. */
export function nest(leaf: unknown, depth: number, how: 'array' | 'object' | 'mixed'): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = how === 'array' || (how === 'mixed' && i % 2) ? [v] : { a: v };
  return v;
}
export const deep = fc.tuple(scalar, fc.integer({ min: 100, max: 30_000 }), fc.constantFrom<'array' | 'object' | 'mixed'>('array', 'object', 'mixed')).map(([leaf, d, how]) => nest(leaf, d, how));

/** Arrays of 10,000 to 20,000 copies of one small value. */
export const huge = fc.tuple(fc.oneof(fc.constantFrom(null, 0, NaN, 'x', '2015-01-01', true), fc.constant([38, 35]), fc.constant([[38, 35], [39, 35]]), fc.constant({})), fc.integer({ min: 10_000, max: 20_000 })).map(([x, n]) => new Array<unknown>(n).fill(x));

/** Small values: JSON, and values with odd keys and special numbers. */
export const smallValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.letrec((tie) => ({ v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 4 }), oddObject(tie('v'))) })).v },
);
/** Any value: mostly small, now and then nested thousands deep or an array of thousands. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 40, arbitrary: smallValue },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: huge },
);

const gridPoint = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).map(([x, y]) => [38 + x / 4, 35 + y / 4]);
/** A closed ring on a small grid near 38°E 35°N: often valid, often crossing, touching or flat. */
export const ring = fc.array(gridPoint, { minLength: 3, maxLength: 9 }).map((pts) => [...pts, pts[0]!]);
const badRing = fc.oneof(
  ring.map((r) => r.slice(0, -1)), // not closed
  ring.map((r) => r.slice(0, 2)), // too short
  fc.constant([]),
  ring.map((r) => r.map((p, i) => (i === 1 ? [p[0], NaN] : p))),
  ring.map((r) => r.map((p, i) => (i === 1 ? [p[0], '35'] : p))),
  ring.map((r) => r.map((p, i) => (i === 1 ? [181, p[1]] : p))),
  ring.map((r) => r.map((p) => [...p!, 0, 0])),
  anyValue,
);
const rings = fc.oneof({ weight: 4, arbitrary: fc.array(ring, { minLength: 1, maxLength: 2 }) }, { weight: 1, arbitrary: fc.array(badRing, { maxLength: 3 }) });
export const coordinates = fc.oneof(
  { weight: 4, arbitrary: rings },
  { weight: 2, arbitrary: fc.array(rings, { maxLength: 3 }) },
  { weight: 1, arbitrary: anyValue },
);

export const factionLike = fc.oneof(
  fc.constantFrom('islamic-state', 'syrian-kurds', 'syrian-regime', 'syrian-rebels', 'iraqi-government', 'iraqi-kurds'),
  scalar,
  fc.constant(['islamic-state']),
);
export const geometry = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('Polygon', 'MultiPolygon', 'Point', 'LineString', 'MultiLineString', 'GeometryCollection', 'constructor') }, { weight: 1, arbitrary: scalar }), coordinates }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constantFrom('Point', 'MultiPoint'), coordinates: fc.oneof(gridPoint, fc.array(gridPoint, { maxLength: 3 }), anyValue) }) },
  { weight: 1, arbitrary: anyValue },
);
export const feature = fc.oneof(
  { weight: 8, arbitrary: fc.record({
    type: fc.oneof({ weight: 6, arbitrary: fc.constant('Feature') }, { weight: 1, arbitrary: scalar }),
    properties: fc.oneof({ weight: 6, arbitrary: fc.record({ faction: factionLike, tier: fc.oneof(fc.constant(undefined), fc.constant('desert'), scalar), id: fc.oneof(fc.constant(undefined), fc.constantFrom('pocket', '__proto__'), scalar) }, { requiredKeys: ['faction'] }) }, { weight: 1, arbitrary: anyValue }),
    geometry,
  }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: anyValue },
);
/** A FeatureCollection-shaped value, usually nearly right, often wrong somewhere. */
export const featureCollection = fc.oneof(
  { weight: 8, arbitrary: fc.record({ type: fc.oneof({ weight: 8, arbitrary: fc.constant('FeatureCollection') }, { weight: 1, arbitrary: scalar }), features: fc.oneof({ weight: 30, arbitrary: fc.array(feature, { maxLength: 4 }) }, { weight: 1, arbitrary: huge }, { weight: 3, arbitrary: anyValue }) }) },
  { weight: 1, arbitrary: anyValue },
);

/** JSON.stringify, or a stand-in where it would overflow the stack (values nested very deep). */
const stringify = (v: unknown) => { try { return JSON.stringify(v) ?? 'undefined'; } catch { return '"too deep to write"'; } };

/** Text: JSON of the above (big texts kept rare), JSON cut short, any string, deep or long text. */
const written = featureCollection.map(stringify).filter((t) => t.length < 20_000);
export const jsonText = fc.oneof(
  { weight: 100, arbitrary: written },
  { weight: 50, arbitrary: fc.tuple(written, fc.nat()).map(([t, k]) => t.slice(0, t.length ? k % t.length : 0)) },
  { weight: 25, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 50_000 }).map((d) => '{"a": ['.repeat(d)) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 30_000 }).map((n) => `[${'[38.5, 35.25],'.repeat(n)}]`) },
  { weight: 25, arbitrary: fc.constantFrom('\uFEFF{}', '{"a": 1e400}', '[1,]', '{"__proto__": {"x": 1}}', '', '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"faction": "syrian-kurds"}, "geometry": {"type": "MultiPolygon", "coordinates": []}}]}') },
);

/** `arb` most of the time, an array of thousands now and then. */
export const orHuge = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 30, arbitrary: arb as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: huge });

/** Short texts for the files of a generated data folder (each parser has its own, bigger inputs). */
export const shortText = fc.oneof(
  { weight: 20, arbitrary: written.filter((t) => t.length < 2_000) },
  { weight: 5, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 5, arbitrary: fc.constantFrom('{}', '[]', '{"snapshots": [{"date": "2015-01-01", "file": "a.geojson"}]}', '{"factions": []}', '\uFEFF{"type": "FeatureCollection", "features": []}') },
  { weight: 1, arbitrary: fc.constant('{"a": ['.repeat(20_000)) },
);

/** Snapshots that pass the structure check, so the ring, hole and overlap checks (Turf) run on them. */
const knownFaction = fc.constantFrom('islamic-state', 'syrian-kurds', 'syrian-regime', 'desert');
export const wellFormedSnapshot = fc.array(fc.tuple(knownFaction, fc.array(ring, { minLength: 1, maxLength: 2 }), fc.boolean()).map(([f, rs, multi]) => ({
  type: 'Feature',
  properties: f === 'desert' ? { faction: 'islamic-state', tier: 'desert' } : { faction: f },
  geometry: multi ? { type: 'MultiPolygon', coordinates: rs.map((r) => [r]) } : { type: 'Polygon', coordinates: rs },
})), { minLength: 1, maxLength: 4 }).map((features) => ({ type: 'FeatureCollection', features }));
