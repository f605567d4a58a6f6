import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { formatProblem, type Problem, type Result } from './result.ts';
import { overlapProblems, validateGeoJson, validateIndex, validateSnapshot, validateSnapshotText } from './validate.ts';
import type { TerritoryFeature } from './contract.ts';
import { formatWarning, validateDataFolder, type DataFolder } from './data-folder.ts';
import { rectAreaKm2 } from '../../tests/fixtures/load.ts';

const lines = (r: Result<unknown> | Problem[]) => (Array.isArray(r) ? r : r.ok ? [] : r.problems).map(formatProblem);
const square = (w: number, s: number, e: number, n: number): Position[] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const feature = (faction: string, rings: Position[][], extra: Record<string, unknown> = {}) =>
  ({ type: 'Feature', properties: { faction, ...extra }, geometry: { type: 'Polygon', coordinates: rings } });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const F = 'data/snapshots/x.geojson';

describe('validateSnapshot: rings', () => {
  it('accepts squares that share an edge, and a hole inside its shell', () => {
    const r = validateSnapshot(collection(
      feature('islamic-state', [square(0, 0, 4, 4), [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]]),
      feature('syrian-regime', [square(4, 0, 8, 4)]),
    ), F);
    expect(lines(r)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('names where a bow-tie crosses itself', () => {
    // Edges (0,0)–(2,2) and (2,0)–(0,2) cross at (1,1).
    expect(lines(validateSnapshot(collection(feature('syrian-regime', [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]])), F)))
      .toEqual([`${F}: feature 0: polygon ring 0 crosses itself at [1, 1]`]);
  });

  it('finds repeated consecutive points and zero area', () => {
    expect(lines(validateSnapshot(collection(
      feature('syrian-regime', [[[0, 0], [1, 0], [1, 0], [1, 1], [0, 0]]]),
      feature('syrian-rebels', [[[0, 0], [1, 0], [2, 0], [0, 0]]]),
    ), F))).toEqual([
      `${F}: feature 0: polygon ring 0 repeats the point [1, 0] at positions 1 and 2`,
      `${F}: feature 1: polygon ring 0 has zero area`,
    ]);
  });

  it('finds holes outside their shell or meeting it twice, and allows one touching point', () => {
    const shell = square(0, 0, 4, 4);
    expect(lines(validateSnapshot(collection(
      feature('iraqi-kurds', [shell, [[5, 1], [5, 2], [6, 2], [6, 1], [5, 1]]]),
      // The triangle leaves the shell across x = 4 at y = 1.5 and comes back at y = 2.5.
      feature('iraqi-kurds', [shell, [[3, 1], [5, 2], [3, 3], [3, 1]]]),
      // Touches the shell at (4, 2) only: valid.
      feature('iraqi-kurds', [shell, [[4, 2], [3, 1], [2, 2], [3, 3], [4, 2]]]),
    ), F))).toEqual([
      `${F}: feature 0: polygon ring 1 (a hole) lies outside its shell`,
      `${F}: feature 1: polygon ring 1 (a hole) meets its shell at more than one point, first at [4, 1.5]`,
    ]);
  });

  it('labels the polygons of a MultiPolygon, and reports structure through parseSnapshot', () => {
    const multi = { type: 'Feature', properties: { faction: 'syrian-kurds' }, geometry: { type: 'MultiPolygon', coordinates: [[square(0, 0, 1, 1)], [[[2, 0], [3, 1], [3, 0], [2, 1], [2, 0]]]] } };
    const point = { type: 'Feature', properties: { faction: 'syrian-kurds' }, geometry: { type: 'Point', coordinates: [0, 0] } };
    expect(lines(validateSnapshot(collection(point, multi), F))).toEqual([
      `${F}: feature 0: geometry must be a Polygon or MultiPolygon, got Point`,
      `${F}: feature 1: polygon 1 ring 0 crosses itself at [2.5, 0.5]`,
    ]);
    expect(lines(validateSnapshot({ type: 'Feature' }, F))).toEqual([`${F}: expected a GeoJSON FeatureCollection`]);
  });
});

describe('validateSnapshot: inputs that used to crash it', () => {
  it('names an empty MultiPolygon instead of throwing a TypeError', () => {
    const empty = { type: 'Feature', properties: { faction: 'syrian-kurds' }, geometry: { type: 'MultiPolygon', coordinates: [] } };
    expect(lines(validateSnapshot(collection(empty, feature('islamic-state', [square(0, 0, 1, 1)])), F)))
      .toEqual([`${F}: feature 0: MultiPolygon coordinates must be a non-empty array of polygons`]);
    // The overlap pass on its own (it is handed only well-formed features) measures nothing for it.
    expect(overlapProblems([{ index: 0, feature: empty as TerritoryFeature }, { index: 1, feature: feature('islamic-state', [square(0, 0, 1, 1)]) as TerritoryFeature }], F)).toEqual([]);
  });

  it('quotes values nested 100,000 deep in a few characters', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    const r = validateSnapshot(collection(
      { type: 'Feature', properties: { faction: deep }, geometry: null },
      { type: 'Feature', properties: { faction: 'islamic-state', id: deep }, geometry: null },
      { type: 'Feature', properties: { faction: 'islamic-state' }, geometry: { type: deep } },
    ), F);
    expect(lines(r)).toEqual([
      `${F}: feature 0: unknown faction ${'['.repeat(80)}…; expected a faction id (lower-case letters, digits and hyphens)`,
      `${F}: feature 1: "id" must be a non-empty string or absent, got ${'['.repeat(80)}…`,
      `${F}: feature 2: geometry must be a Polygon or MultiPolygon, got ${'['.repeat(80)}…`,
    ]);
  });
});

describe('validateSnapshot: overlaps', () => {
  it('reports different factions overlapping, desert tier included, with the area in km²', () => {
    const held = rectAreaKm2(38.4, 35, 38.5, 35.5);
    const desert = rectAreaKm2(38.8, 35.4, 38.9, 35.45);
    expect(lines(validateSnapshot(collection(
      feature('islamic-state', [square(38, 35, 38.5, 35.5)]),
      feature('syrian-regime', [square(38.4, 35, 38.9, 35.5)]),
      feature('islamic-state', [square(38.8, 35.4, 38.9, 35.45)], { tier: 'desert' }),
    ), F))).toEqual([
      `${F}: feature 0: islamic-state overlaps feature 1 (syrian-regime) by ${held.toFixed(2)} km²; different factions must not overlap`,
      `${F}: feature 1: syrian-regime overlaps feature 2 (islamic-state desert) by ${desert.toFixed(2)} km²; different factions must not overlap`,
    ]);
  });

  it('lets the same faction overlap, neighbours touch, and tolerates slivers up to the tolerance', () => {
    const data = collection(
      feature('islamic-state', [square(38, 35, 38.5, 35.5)]),
      feature('islamic-state', [square(38.2, 35.2, 38.3, 35.3)], { tier: 'desert' }),
      feature('syrian-regime', [square(38.5, 35, 39, 35.5)]),
      // 0.005° × 0.005° over the regime: about 0.25 km².
      feature('syrian-kurds', [square(38.995, 35, 39.2, 35.005)], { id: 'pocket' }),
    );
    const sliver = rectAreaKm2(38.995, 35, 39, 35.005);
    expect(sliver).toBeGreaterThan(0.2);
    expect(sliver).toBeLessThan(0.5);
    expect(lines(validateSnapshot(data, F))).toEqual([]);
    expect(lines(validateSnapshot(data, F, { overlapToleranceKm2: 0.1 }))).toEqual([
      `${F}: feature 2: syrian-regime overlaps feature 3 (syrian-kurds pocket) by ${sliver.toFixed(2)} km²; different factions must not overlap`,
    ]);
  });

  it('passes the biggest real snapshot (its time is measured by bench/rings.ts, not here)', () => {
    const dir = join(import.meta.dirname, '../../data/snapshots');
    const biggest = readdirSync(dir).filter((f) => f.endsWith('.geojson')).map((f) => join(dir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
    expect(lines(validateSnapshotText(readFileSync(biggest, 'utf8'), biggest, statSync(biggest).size))).toEqual([]);
  });
});

describe('validateSnapshotText', () => {
  it('names JSON syntax errors by line and column', () => {
    expect(lines(validateSnapshotText('{"type": "FeatureCollection",\n "features": [}', F, 40)))
      .toEqual([`${F}: invalid JSON at line 2, column 15: expected a value, found "}"`]);
  });
  it('reports a file over the size limit without parsing it', () => {
    // Not even JSON: over the limit, the text is never handed to JSON.parse.
    expect(lines(validateSnapshotText('{"features": [', F, 2500, { maxSnapshotBytes: 2000 }))).toEqual([
      `${F}: is 2,500 bytes; a snapshot may be at most 2,000 (simplify its polygons); its content was not checked`,
    ]);
    expect(lines(validateSnapshotText(JSON.stringify(collection()), F, 2_000_000))).toEqual([]);
    expect(lines(validateSnapshotText(JSON.stringify(collection()), F, 2_000_001))).toHaveLength(1);
  });
});

describe('validateIndex', () => {
  const I = 'data/snapshots/index.json';
  it('finds unsorted and duplicate dates and missing files, and returns the entries it can check', () => {
    const r = validateIndex({ snapshots: [
      { date: '2015-02-01', file: 'b.geojson' },
      { date: '2015-01-01', file: 'a.geojson' },
      { date: '2015-01-01', file: 'gone.geojson' },
      { date: 'soon', file: 'c.geojson' },
    ] }, I, (f) => f !== 'gone.geojson');
    expect(lines(r.problems)).toEqual([
      `${I}: snapshots[3]: "date" must be a date written YYYY-MM-DD, got "soon"`,
      `${I}: dates are not in order: 2015-02-01 comes before 2015-01-01`,
      `${I}: date 2015-01-01 is listed twice`,
      `${I}: snapshots[2] (2015-01-01): file gone.geojson does not exist`,
    ]);
    expect(r.entries.map((e) => e.file)).toEqual(['b.geojson', 'a.geojson']);
  });
  it('names dates outside 1900-01-01 to a year after today', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const r = validateIndex({ snapshots: [
      { date: '0001-01-01', file: 'a.geojson' }, { date: '1900-01-01', file: 'b.geojson' }, { date: '2027-11-20', file: 'c.geojson' }, { date: '2027-11-21', file: 'd.geojson' },
    ] }, I, () => true, now);
    expect(lines(r.problems)).toEqual([
      `${I}: snapshots[0]: "date" 0001-01-01 is outside the accepted range 1900-01-01 to 2027-11-20 (a year after today)`,
      `${I}: snapshots[3]: "date" 2027-11-21 is outside the accepted range 1900-01-01 to 2027-11-20 (a year after today)`,
    ]);
  });
  it('does not throw on what is not an index', () => {
    expect(lines(validateIndex(null, I, () => true).problems)).toEqual([`${I}: expected an object {"snapshots": [...]}`]);
  });
});

describe('validateGeoJson', () => {
  it('checks geometry types, nesting and ranges', () => {
    const R = 'data/basemap/rivers.geojson';
    expect(lines(validateGeoJson(collection(
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[38, 35], [39, 36]] } },
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[38, 35], [39, -91]] } },
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[38, 35]] } },
      { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[38, 35], [39, 36]] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Circle', coordinates: [38, 35] } },
    ), R))).toEqual([
      `${R}: feature 1: coordinate [39, -91] is out of range`,
      `${R}: feature 2: a LineString needs at least 2 positions`,
      `${R}: feature 3: coordinates are not nested as the geometry type requires`,
      `${R}: feature 4: expected a Feature with a geometry of type Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon`,
    ]);
  });
});

/** A data folder in memory. */
function memoryFolder(files: Record<string, string>): DataFolder {
  return {
    readFile: (p) => files[p] ?? null,
    sizeOf: (p) => (p in files ? new TextEncoder().encode(files[p]).length : null),
    list: (dir) => Object.keys(files).filter((p) => p.startsWith(dir ? `${dir}/` : '')).map((p) => p.slice(dir ? dir.length + 1 : 0)).filter((p) => !p.includes('/')),
  };
}

describe('validateDataFolder', () => {
  const factions = readFileSync(join(import.meta.dirname, '../../tests/fixtures/small-data/factions.json'), 'utf8');
  const places = JSON.stringify(collection({ type: 'Feature', properties: { id: 'a', name_en: 'A', name_nl: 'A', name_ar: 'أ', rank: 1 }, geometry: { type: 'Point', coordinates: [38, 35] } }));
  const rivers = JSON.stringify(collection());
  const snap = JSON.stringify(collection(feature('islamic-state', [square(38, 35, 39, 36)])));

  it('passes a good folder and counts what it checked', () => {
    const r = validateDataFolder(memoryFolder({
      'factions.json': factions, 'places.geojson': places, 'basemap/rivers.geojson': rivers, 'claims.json': '{}',
      'snapshots/index.json': JSON.stringify({ snapshots: [{ date: '2015-01-01', file: 'a.geojson' }] }), 'snapshots/a.geojson': snap,
    }));
    expect(r).toEqual({ problems: [], warnings: [], checked: { snapshots: 1, places: 1, factions: 6, files: 6 } });
  });

  it('reports a bad claims.json (rivers are optional), other JSON that does not parse, unlisted snapshots, and checks each listed snapshot once', () => {
    const r = validateDataFolder(memoryFolder({
      'factions.json': factions, 'places.geojson': places, 'claims.json': '[1]', 'stats.json': '{"a": 1,}', 'notes.md': '{',
      'snapshots/index.json': JSON.stringify({ snapshots: [{ date: '2015-01-01', file: 'a.geojson' }, { date: '2015-02-01', file: 'a.geojson' }] }),
      'snapshots/a.geojson': snap.replace('islamic-state', 'isil'),
      'snapshots/extra.geojson': snap, 'snapshots/notes.txt': '',
    }), 'web/');
    expect(lines(r.problems)).toEqual([
      'web/claims.json: expected a JSON object at the top',
      'web/stats.json: invalid JSON at line 1, column 9: expected a property name in double quotes, found "}"',
      'web/snapshots/a.geojson: feature 0: unknown faction "isil"; expected a faction id of factions.json (islamic-state, syrian-kurds, syrian-regime, syrian-rebels, iraqi-government, iraqi-kurds)',
    ]);
    expect(r.warnings.map(formatWarning)).toEqual(['web/snapshots/extra.geojson: warning: not listed in snapshots/index.json, so the app never shows it']);
  });
});

// One fixture per broken rule (tests/fixtures/broken/README.md); the lines are worked out by hand there.
const IDS = ['islamic-state', 'syrian-kurds', 'syrian-regime', 'syrian-rebels', 'iraqi-government', 'iraqi-kurds'];

describe('fixtures in tests/fixtures/broken/snapshots', () => {
  const dir = join(import.meta.dirname, '../../tests/fixtures/broken/snapshots');
  const expected: Record<string, string[]> = {
    'json-syntax-error.geojson': ['invalid JSON at line 5, column 3: expected a comma or ], found "{"'],
    'unknown-faction.geojson': ['feature 1: unknown faction "isis"; expected a faction id of factions.json (islamic-state, syrian-kurds, syrian-regime, syrian-rebels, iraqi-government, iraqi-kurds)'],
    'self-intersecting-ring.geojson': ['feature 0: polygon ring 0 crosses itself at [38.25, 35.25]'],
    'unclosed-ring.geojson': ['feature 0: polygon ring 0 is not closed (first and last positions differ)'],
    'coordinates-out-of-range.geojson': ['feature 0: polygon 1 ring 0: coordinate [181, 35] is out of range'],
    'factions-overlap.geojson': [
      `feature 0: islamic-state overlaps feature 1 (syrian-regime) by ${rectAreaKm2(38.4, 35, 38.5, 35.5).toFixed(2)} km²; different factions must not overlap`,
      `feature 1: syrian-regime overlaps feature 3 (islamic-state desert) by ${rectAreaKm2(38.8, 35.4, 38.9, 35.45).toFixed(2)} km²; different factions must not overlap`,
    ],
    'hole-outside-shell.geojson': ['feature 0: polygon ring 1 (a hole) lies outside its shell'],
    'repeated-point.geojson': ['feature 0: polygon ring 0 repeats the point [38.5, 35] at positions 1 and 2'],
    'zero-area-ring.geojson': ['feature 0: polygon ring 0 has zero area'],
    'not-in-index.geojson': [],
  };
  it('has an expectation for every fixture', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.geojson')).sort()).toEqual(Object.keys(expected).sort());
  });
  for (const [name, want] of Object.entries(expected)) {
    it(name, () => {
      const file = `tests/fixtures/broken/snapshots/${name}`;
      const got = validateSnapshotText(readFileSync(join(dir, name), 'utf8'), file, statSync(join(dir, name)).size, { factions: IDS });
      expect(lines(got)).toEqual(want.map((m) => `${file}: ${m}`));
    });
  }
});
