/**
 * GeoJSON as data editors have it (drawn in QGIS, written by ogr2ogr, downloaded from an archive),
 * checked and made into a snapshot's FeatureCollection for `npm run data:add` and the page's
 * "Check a snapshot file", with the same messages in both:
 * - a single Feature, or a bare Polygon or MultiPolygon, is wrapped in a collection;
 * - a `crs` member (GeoJSON 2008) naming WGS 84 longitude/latitude (CRS84, EPSG:4326) is fine;
 *   any other `crs`, or coordinates that are not degrees (metres), is refused as projected, with
 *   the ogr2ogr line that reprojects it;
 * - a file wholly outside the story's area that would fall inside it with latitude and longitude
 *   swapped is refused with that diagnosis;
 * - sides come from a property, mapped (`--faction-property`, `--map`), and features naming none
 *   can be given one (`--faction`); then every check of validate.ts.
 */
import { parseJson, type Snapshot } from './contract.ts';
import { clip, echo } from './echo.ts';
import { mapFactions, type FactionMapping } from './normalize.ts';
import { fail, ok, type Problem, type Result } from './result.ts';
import { extent, type StoryArea } from './story-area.ts';
import type { Bounds } from './story.ts';
import { validateSnapshot, type ValidateOptions } from './validate.ts';

export { storyArea, type StoryArea } from './story-area.ts';

export interface DrawnOptions extends FactionMapping, Pick<ValidateOptions, 'overlapToleranceKm2' | 'cache'> {
  /** The story's area (storyArea); without it, no file is found swapped. */
  area?: StoryArea | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const REPROJECT = 'ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson';

/** A FeatureCollection as is; a Feature or a Polygon/MultiPolygon geometry wrapped in one. */
export function asCollection(data: unknown, file: string): Result<Record<string, unknown>> {
  const type = isObject(data) ? data.type : undefined;
  if (type === 'FeatureCollection') return ok(data as Record<string, unknown>);
  const crs = isObject(data) && data.crs !== undefined ? { crs: data.crs } : {};
  if (type === 'Feature') return ok({ type: 'FeatureCollection', ...crs, features: [data] });
  if (type === 'Polygon' || type === 'MultiPolygon') return ok({ type: 'FeatureCollection', ...crs, features: [{ type: 'Feature', properties: {}, geometry: data }] });
  if (type === 'Topology') return fail({ file, message: 'is TopoJSON; convert it to GeoJSON first, e.g. ogr2ogr out.geojson in.topojson' });
  const got = typeof type === 'string' ? `a ${echo(type, 40)}` : isObject(data) ? 'an object with no "type"' : echo(data, 40);
  return fail({ file, message: `expected a GeoJSON FeatureCollection, a Feature, or a Polygon or MultiPolygon; got ${got}` });
}

/** The coordinate system a `crs` member (GeoJSON 2008) names, as written (at most 60 characters); null for none. */
function crsName(crs: unknown): string | null {
  if (crs === undefined || crs === null) return null;
  const p = isObject(crs) && isObject(crs.properties) ? crs.properties : {};
  if (isObject(crs) && crs.type === 'name' && typeof p.name === 'string') return clip(p.name.trim());
  if (isObject(crs) && crs.type === 'EPSG' && (typeof p.code === 'number' || typeof p.code === 'string')) return clip(`EPSG:${p.code}`);
  return echo(crs, 60);
}

/** Names of WGS 84 longitude/latitude as QGIS, GDAL and others write them (OGC URN and URL forms, EPSG codes). */
const WGS84 = [
  /^urn:ogc:def:crs:OGC:(1\.3)?:CRS84$/i, /^urn:ogc:def:crs:EPSG:[\d.]*:4326$/i, /^EPSG::?4326$/i, /^(OGC:)?CRS84$/i, /^WGS ?84$/i,
  /^https?:\/\/www\.opengis\.net\/def\/crs\/(OGC\/1\.3\/CRS84|EPSG\/0\/4326)$/i,
];
const isWgs84 = (name: string) => WGS84.some((re) => re.test(name));

const meets = (a: readonly number[], b: Bounds) => a[0]! <= b[1][0] && b[0][0] <= a[2]! && a[1]! <= b[1][1] && b[0][1] <= a[3]!;
const r2 = (x: number) => Math.round(x * 100) / 100;
const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The one problem of a whole file's coordinates, or null: a `crs` other than WGS 84, coordinates
 * that are not degrees (a projected file), or latitude and longitude swapped.
 */
export function placementProblem(collection: Record<string, unknown>, file: string, area: StoryArea | null = null): Problem | null {
  const name = crsName(collection.crs);
  const features = Array.isArray(collection.features) ? collection.features : [];
  const { box, notDegrees } = extent(features.map((f: unknown) => (isObject(f) && isObject(f.geometry) ? f.geometry.coordinates : null)));
  const crsSays = name === null ? 'names no "crs"' : `its "crs" is ${name}`;
  if (notDegrees) {
    const fix = name === null
      ? 'ogr2ogr -s_srs EPSG:XXXX -t_srs EPSG:4326 out.geojson in.geojson, with XXXX its coordinate system (3857 for Web Mercator)'
      : REPROJECT;
    return { file, message: `coordinates such as [${r1(notDegrees[0])}, ${r1(notDegrees[1])}] are not degrees of longitude and latitude: the file looks projected (${crsSays}). Reproject it to WGS 84 longitude/latitude: ${fix}` };
  }
  if (name !== null && !isWgs84(name)) {
    return { file, message: `${crsSays}, not WGS 84 longitude/latitude (CRS84 or EPSG:4326): the file looks projected. Reproject it: ${REPROJECT}` };
  }
  if (box && area && !meets(box, area.bounds) && meets([box[1], box[0], box[3], box[2]], area.bounds)) {
    const [[aw, as], [ae, an]] = area.bounds;
    return {
      file,
      message: `lies wholly outside the story's area ([[${r2(aw)}, ${r2(as)}], [${r2(ae)}, ${r2(an)}]], from ${area.from === 'story.json' ? 'story.json' : 'its places and snapshots'}) `
        + 'but would fall inside it with latitude and longitude swapped: its positions look like [latitude, longitude], where GeoJSON has [longitude, latitude]. '
        + 'Swap them (in QGIS: the Processing tool "Swap X and Y coordinates") and try again',
    };
  }
  return null;
}

/**
 * A parsed file as drawn, checked and made into a snapshot: wrapped (asCollection), placed
 * (placementProblem), its sides set (mapFactions), then validateSnapshot. Not yet normalised.
 * @example checkDrawn(JSON.parse(text), 'occupied_20250102.geojson', { factions: ['east'], fallback: 'east', area })
 */
export function checkDrawn(data: unknown, file: string, options: DrawnOptions = {}): Result<Snapshot> {
  const collection = asCollection(data, file);
  if (!collection.ok) return collection;
  const placed = placementProblem(collection.value, file, options.area ?? null);
  if (placed) return fail(placed);
  const mapped = mapFactions(collection.value, file, options);
  if (!mapped.ok) return mapped;
  return validateSnapshot(mapped.value, file, { factions: options.factions, overlapToleranceKm2: options.overlapToleranceKm2, cache: options.cache });
}

/** JSON text (decoded as text.ts does), then checkDrawn: what data:add and the page check a file with. */
export function checkDrawnText(text: string, file: string, options: DrawnOptions = {}): Result<Snapshot> {
  const json = parseJson(text, file);
  return json.ok ? checkDrawn(json.value, file, options) : json;
}
