/**
 * Builds the offline basemap from Natural Earth (the world-atlas package): country shapes and
 * borders clipped to a box and simplified, with labels. `buildBasemap()` with its defaults is the
 * IS story's region, which the data scripts use (the outlines snapshots are clipped to, Turkey for
 * a claim); `storyBasemap(dataDir)` fits any story's bounds, for the site (scripts/site-data.ts).
 * Pure apart from reading files, so the build and the scripts share it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Topology, GeometryCollection } from 'topojson-specification';
import * as turf from '@turf/turf';
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, MultiLineString, Point, Position } from 'geojson';
import { boundsProblem, type Bounds } from '../src/data/story.ts';

const require = createRequire(import.meta.url);

type BBox = [number, number, number, number];
/** The region of the IS story's data scripts, [west, south, east, north] in degrees. */
export const REGION_BBOX: BBox = [33.5, 28.5, 50.5, 39.5];

/** ISO 3166 numeric ids (Natural Earth / world-atlas) of the two countries the data covers. */
export const SYRIA_ID = '760';
export const IRAQ_ID = '368';

interface CountryLabel { id: string; name_en: string; name_nl: string; lon: number; lat: number }

/** Label positions and names chosen by hand for legibility at the IS story's view; others are placed by polylabel. */
const COUNTRY_LABELS: CountryLabel[] = [
  { id: '760', name_en: 'SYRIA', name_nl: 'SYRIË', lon: 38.2, lat: 35.15 },
  { id: '368', name_en: 'IRAQ', name_nl: 'IRAK', lon: 43.4, lat: 32.3 },
  { id: '792', name_en: 'TURKEY', name_nl: 'TURKIJE', lon: 37.5, lat: 38.3 },
  { id: '400', name_en: 'JORDAN', name_nl: 'JORDANIË', lon: 37.0, lat: 31.0 },
  { id: '682', name_en: 'SAUDI ARABIA', name_nl: 'SAOEDI-ARABIË', lon: 42.0, lat: 29.6 },
  { id: '364', name_en: 'IRAN', name_nl: 'IRAN', lon: 47.5, lat: 34.6 },
  { id: '422', name_en: 'LEBANON', name_nl: 'LIBANON', lon: 35.55, lat: 33.6 },
  { id: '376', name_en: 'ISRAEL', name_nl: 'ISRAËL', lon: 34.85, lat: 31.2 },
  { id: '414', name_en: 'KUWAIT', name_nl: 'KOEWEIT', lon: 47.6, lat: 29.3 },
];

export interface Basemap {
  countries: FeatureCollection<Polygon | MultiPolygon>;
  borders: FeatureCollection<MultiLineString>;
  labels: FeatureCollection<Point>;
}

type CountryProps = { name: string };
type Countries = Topology<{ countries: GeometryCollection<CountryProps> }>;

const cachedTopology = new Map<number, Countries>();
/**
 * Natural Earth 1:10m, simplified on the topology (Visvalingam, topojson-simplify) so that a
 * border shared by two countries stays one line: both countries keep exactly the same vertices.
 */
function topology(minWeight: number): Countries {
  let topo = cachedTopology.get(minWeight);
  if (!topo) {
    // Parsed afresh (presimplify changes it), not required: require would keep a second copy for good.
    const raw = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Countries;
    topo = simplify(presimplify(raw), minWeight) as Countries;
    cachedTopology.set(minWeight, topo);
  }
  return topo;
}

function roundCoords<T>(value: T, digits: number): T {
  const f = 10 ** digits;
  const walk = (v: unknown): unknown =>
    typeof v === 'number' ? Math.round(v * f) / f : Array.isArray(v) ? v.map(walk) : v;
  return walk(value) as T;
}

/**
 * Country polygons inside `box`; `focus` countries are drawn lighter (the story's). `minWeight` is
 * the smallest triangle area (in square degrees) a vertex may span and still be kept; 2e-4 (e.g. a
 * bend 0.04° long and 0.01° deep, about 4 km by 1 km) keeps borders true at the zooms the map
 * allows while the file stays near 40 kB gzipped.
 */
export function buildBasemap(minWeight = 2e-4, box: BBox = REGION_BBOX, focus: readonly string[] = [SYRIA_ID, IRAQ_ID]): Basemap {
  const topo = topology(minWeight);
  const all = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  const countries: Feature<Polygon | MultiPolygon>[] = [];
  for (const f of all.features) {
    const fb = turf.bbox(f);
    if (fb[2] < box[0] || fb[0] > box[2] || fb[3] < box[1] || fb[1] > box[3]) continue;
    const simple = turf.bboxClip(f, box) as Feature<Polygon | MultiPolygon>;
    if (turf.area(simple) < 1e6) continue;
    countries.push({
      type: 'Feature',
      id: Number(f.id),
      properties: { id: String(f.id), name: f.properties.name, focus: focus.includes(String(f.id)) },
      geometry: roundCoords(simple.geometry, 3),
    });
  }
  // Shared borders only (a !== b), so each border line is drawn once.
  const meshed = mesh(topo, topo.objects.countries, (a, b) => a !== b) as MultiLineString;
  const simpleBorders = turf.bboxClip(turf.feature(meshed), box) as Feature<MultiLineString>;
  const borders: FeatureCollection<MultiLineString> = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: roundCoords(simpleBorders.geometry, 3) }],
  };
  const inBox = ([x, y]: Position) => x! >= box[0] && x! <= box[2] && y! >= box[1] && y! <= box[3];
  const labels: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: countries.flatMap((c) => {
      const l = COUNTRY_LABELS.find((x) => x.id === c.properties?.id) ?? placedLabel(c);
      if (!l || !inBox([l.lon, l.lat])) return [];
      return [{
        type: 'Feature' as const,
        properties: { id: l.id, name_en: l.name_en, name_nl: l.name_nl },
        geometry: { type: 'Point' as const, coordinates: [l.lon, l.lat] },
      }];
    }),
  };
  return { countries: { type: 'FeatureCollection', features: countries }, borders, labels };
}

/**
 * A label inside the largest piece of a country's clipped shape (polylabel), named as Natural Earth
 * names it (in English for every language: world-atlas has no other names).
 */
function placedLabel(c: Feature<Polygon | MultiPolygon>): CountryLabel | null {
  const polys = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
  const largest = polys.map((p) => ({ p, a: turf.area(turf.polygon(p)) })).sort((a, b) => b.a - a.a)[0];
  if (!largest || largest.a < 5e9) return null; // under 5,000 km² in view: no room for a name
  const [lon, lat] = polylabel(largest.p as number[][][], 0.05);
  const name = String(c.properties?.name ?? '').toUpperCase();
  return name ? { id: String(c.properties?.id), name_en: name, name_nl: name, lon: lon!, lat: lat! } : null;
}

/**
 * The box the site's basemap covers: the story's bounds with room around them (15% of their size,
 * at least 2°), so the reader can zoom out a little and still see land.
 */
export function paddedBox([[w, s], [e, n]]: Bounds): BBox {
  const dx = Math.max(2, (e - w) * 0.15), dy = Math.max(2, (n - s) * 0.15);
  return [Math.max(-180, w - dx), Math.max(-85, s - dy), Math.min(180, e + dx), Math.min(85, n + dy)];
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/**
 * A story's bounds: story.json's, else the bounds of its places and every snapshot listed in the
 * index (what the page falls back to is the places and the opening snapshot; this covers them all).
 */
export function storyBounds(dataDir: string): Bounds {
  const story = existsSync(join(dataDir, 'story.json')) ? readJson(join(dataDir, 'story.json')) as { bounds?: unknown } : {};
  if (story.bounds !== undefined && !boundsProblem(story.bounds)) return story.bounds as Bounds;
  const features: Feature[] = [...(readJson(join(dataDir, 'places.geojson')) as FeatureCollection).features];
  const index = readJson(join(dataDir, 'snapshots', 'index.json')) as { snapshots: { file: string }[] };
  for (const s of index.snapshots) for (const f of (readJson(join(dataDir, 'snapshots', s.file)) as FeatureCollection).features) features.push(f);
  const [w, s, e, n] = turf.bbox(turf.featureCollection(features));
  return [[w, s], [e, n]];
}

/**
 * The site's basemap for the story in `dataDir`, as one file: every feature carries `kind`
 * ('country', 'border', 'label', or 'river' from the optional basemap/rivers.geojson). The story's
 * countries, those holding at least one place in twenty (and at least one), are drawn lighter.
 */
export function storyBasemap(dataDir: string, minWeight = 2e-4): FeatureCollection {
  const box = paddedBox(storyBounds(dataDir));
  const places = (readJson(join(dataDir, 'places.geojson')) as FeatureCollection<Point>).features;
  const all = buildBasemap(minWeight, box, []).countries.features;
  const count = (c: Feature<Polygon | MultiPolygon>) => places.filter((p) => turf.booleanPointInPolygon(p, c)).length;
  const focus = all.filter((c) => count(c) >= Math.max(1, places.length / 20)).map((c) => String(c.properties?.id));
  const b = buildBasemap(minWeight, box, focus);
  const riversFile = join(dataDir, 'basemap', 'rivers.geojson');
  const rivers = existsSync(riversFile) ? (readJson(riversFile) as FeatureCollection).features : [];
  const tag = (kind: string) => (f: Feature) => ({ ...f, properties: { ...f.properties, kind } });
  return {
    type: 'FeatureCollection',
    features: [...b.countries.features.map(tag('country')), ...b.borders.features.map(tag('border')), ...b.labels.features.map(tag('label')), ...rivers.map(tag('river'))],
  };
}

