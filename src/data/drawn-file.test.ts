import { describe, expect, it } from 'vitest';
import { foreignFiles } from '../../tests/fixtures/foreign-files.ts';
import { ARCHIVE_SIDE, writeArchiveStory } from '../../tests/fixtures/daily-archive.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asCollection, checkDrawn, checkDrawnText, placementProblem, storyArea, type StoryArea } from './drawn-file.ts';
import { formatProblem, type Result } from './result.ts';
import type { Bounds } from './story.ts';

const lines = (r: Result<unknown>) => (r.ok ? [] : r.problems.map(formatProblem));
const files = foreignFiles();
// The archive's own story area, as its story.json gives it.
const dir = mkdtempSync(join(tmpdir(), 'frontlines-drawn-'));
writeArchiveStory(dir);
const bounds = (JSON.parse(readFileSync(join(dir, 'story.json'), 'utf8')) as { bounds: Bounds }).bounds;
rmSync(dir, { recursive: true, force: true });
const area: StoryArea = { bounds, from: 'story.json' };
const options = { factions: [ARCHIVE_SIDE], fallback: ARCHIVE_SIDE, area };
const REPROJECT = 'ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson';

describe('checkDrawnText: GeoJSON as people have it', () => {
  it('takes the archive file as it is: a crs member naming CRS84, no properties, 7 decimals', () => {
    const r = checkDrawnText(files.asIs.text, files.asIs.name, options);
    expect(lines(r)).toEqual([]);
    expect(r.ok && r.value.features.map((f) => f.properties.faction)).toEqual([ARCHIVE_SIDE]);
  });

  it('wraps a single Feature, or a bare MultiPolygon, in a collection', () => {
    for (const f of [files.feature, files.bareMultiPolygon]) {
      const r = checkDrawnText(f.text, f.name, options);
      expect(lines(r), f.name).toEqual([]);
      expect(r.ok && r.value.type).toBe('FeatureCollection');
      expect(r.ok && r.value.features[0]!.geometry.type).toBe('MultiPolygon');
    }
    const polygon = { type: 'Polygon', coordinates: [[[61, 48], [61.5, 48], [61.5, 48.5], [61, 48]]] };
    expect(lines(checkDrawn(polygon, 'p.geojson', options))).toEqual([]);
  });

  it('takes 3-D coordinates, and a crs naming EPSG:4326', () => {
    expect(lines(checkDrawnText(files.threeD.text, files.threeD.name, options))).toEqual([]);
    expect(lines(checkDrawnText(files.crs4326.text, files.crs4326.name, options))).toEqual([]);
    const crs = (name: string) => ({ type: 'FeatureCollection', crs: { type: 'name', properties: { name } }, features: [] });
    for (const name of ['urn:ogc:def:crs:OGC:1.3:CRS84', 'urn:ogc:def:crs:OGC::CRS84', 'urn:ogc:def:crs:EPSG::4326', 'urn:ogc:def:crs:EPSG:6.6:4326', 'EPSG:4326', 'CRS84', 'OGC:CRS84', 'http://www.opengis.net/def/crs/EPSG/0/4326']) {
      expect(placementProblem(crs(name), 'x.geojson'), name).toBeNull();
    }
  });

  it('refuses a file in Web Mercator metres as projected, with the ogr2ogr line that fixes it', () => {
    // The message quotes the file's first position, to one decimal.
    const first = (JSON.parse(files.mercator.text) as { features: { geometry: { coordinates: number[][][][] } }[] }).features[0]!.geometry.coordinates[0]![0]![0]!;
    const quoted = `[${first.map((x) => Math.round(x * 10) / 10).join(', ')}]`;
    expect(first[0]).toBeGreaterThan(6e6);
    expect(lines(checkDrawnText(files.mercator.text, files.mercator.name, options))).toEqual([
      `${files.mercator.name}: coordinates such as ${quoted} are not degrees of longitude and latitude: the file looks projected (its "crs" is urn:ogc:def:crs:EPSG::3857). Reproject it to WGS 84 longitude/latitude: ${REPROJECT}`,
    ]);
    // Without a crs member, ogr2ogr must be told the source system too.
    expect(lines(checkDrawnText(files.mercatorNoCrs.text, files.mercatorNoCrs.name, options))).toEqual([
      `${files.mercatorNoCrs.name}: coordinates such as ${quoted} are not degrees of longitude and latitude: the file looks projected (names no "crs"). Reproject it to WGS 84 longitude/latitude: ogr2ogr -s_srs EPSG:XXXX -t_srs EPSG:4326 out.geojson in.geojson, with XXXX its coordinate system (3857 for Web Mercator)`,
    ]);
  });

  it('refuses a crs other than WGS 84 even when its numbers look like degrees', () => {
    const fc = JSON.parse(files.asIs.text) as Record<string, unknown>;
    const etrs = { ...fc, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4258' } } };
    expect(lines(checkDrawn(etrs, 'etrs.geojson', options))).toEqual([
      `etrs.geojson: its "crs" is urn:ogc:def:crs:EPSG::4258, not WGS 84 longitude/latitude (CRS84 or EPSG:4326): the file looks projected. Reproject it: ${REPROJECT}`,
    ]);
    expect(lines(checkDrawn({ ...fc, crs: { type: 'EPSG', properties: { code: 4326 } } }, 'old.geojson', options))).toEqual([]);
  });

  it('refuses latitude and longitude swapped, saying so, and names where the story\'s area comes from', () => {
    expect(lines(checkDrawnText(files.swapped.text, files.swapped.name, options))).toEqual([
      `${files.swapped.name}: lies wholly outside the story's area ([[${bounds[0].map((x) => Math.round(x * 100) / 100).join(', ')}], [${bounds[1].map((x) => Math.round(x * 100) / 100).join(', ')}]], from story.json) but would fall inside it with latitude and longitude swapped: its positions look like [latitude, longitude], where GeoJSON has [longitude, latitude]. Swap them (in QGIS: the Processing tool "Swap X and Y coordinates") and try again`,
    ]);
    // Without an area nothing can be said, and the file is taken as drawn.
    expect(lines(checkDrawnText(files.swapped.text, files.swapped.name, { ...options, area: null }))).toEqual([]);
    // A file merely elsewhere, whose swap lands elsewhere too, is not called swapped.
    const far = { type: 'Polygon', coordinates: [[[-100, 10], [-99, 10], [-99, 11], [-100, 10]]] };
    expect(lines(checkDrawn(far, 'far.geojson', options))).toEqual([]);
  });

  it('says what it takes when the file is something else', () => {
    expect(lines(asCollection({ type: 'Point', coordinates: [1, 2] }, 'p.geojson'))).toEqual(['p.geojson: expected a GeoJSON FeatureCollection, a Feature, or a Polygon or MultiPolygon; got a "Point"']);
    expect(lines(asCollection([1], 'a.geojson'))).toEqual(['a.geojson: expected a GeoJSON FeatureCollection, a Feature, or a Polygon or MultiPolygon; got [1]']);
    expect(lines(asCollection({ type: 'Topology', objects: {} }, 't.json'))).toEqual(['t.json: is TopoJSON; convert it to GeoJSON first, e.g. ogr2ogr out.geojson in.topojson']);
  });

  it('asks for a side when features name none and none is given', () => {
    expect(lines(checkDrawnText(files.asIs.text, files.asIs.name, { ...options, fallback: undefined }))).toEqual([
      `${files.asIs.name}: feature 0: no "faction" property; expected a faction id of factions.json (${ARCHIVE_SIDE}), or a side given to features that name none (data:add --faction)`,
    ]);
  });

  it('survives arrays nested thousands deep', () => {
    let deep: unknown = [61, 48];
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(checkDrawn({ type: 'MultiPolygon', coordinates: deep }, 'deep.geojson', options).ok).toBe(false);
    expect(storyArea(null, [{ geometry: { type: 'Point', coordinates: deep } }])?.bounds).toEqual([[61, 48], [61, 48]]);
  });
});

describe('storyArea', () => {
  it('is story.json\'s bounds, else the bounds of the features given', () => {
    expect(storyArea([[1, 2], [3, 4]])).toEqual({ bounds: [[1, 2], [3, 4]], from: 'story.json' });
    const pt = (c: number[]) => ({ geometry: { type: 'Point', coordinates: c } });
    expect(storyArea(null, [pt([10, 5]), pt([12, 3]), { geometry: 'garbage' }])).toEqual({ bounds: [[10, 3], [12, 5]], from: 'places and snapshots' });
    expect(storyArea(null, [])).toBeNull();
  });
});
