/**
 * Builds the offline basemap from Natural Earth (the world-atlas package): country shapes and
 * borders clipped to the region and simplified, plus the outline of Syria and Iraq that the
 * snapshots are clipped to. Runs at build time (vite.config.ts) and in the data scripts; it is
 * pure (no file writes) so both can share it.
 */
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Topology, GeometryCollection } from 'topojson-specification';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, MultiLineString, Point } from 'geojson';

const require = createRequire(import.meta.url);

/** The region shown by the map, [west, south, east, north] in degrees. */
export const REGION_BBOX: [number, number, number, number] = [33.5, 28.5, 50.5, 39.5];

/** ISO 3166 numeric ids (Natural Earth / world-atlas) of the two countries the data covers. */
export const SYRIA_ID = '760';
export const IRAQ_ID = '368';

interface CountryLabel { id: string; name_en: string; name_nl: string; name_ar: string; lon: number; lat: number }

/** Label positions chosen by hand for legibility at the default view. */
const COUNTRY_LABELS: CountryLabel[] = [
  { id: '760', name_en: 'SYRIA', name_nl: 'SYRIË', name_ar: 'سوريا', lon: 38.2, lat: 35.15 },
  { id: '368', name_en: 'IRAQ', name_nl: 'IRAK', name_ar: 'العراق', lon: 43.4, lat: 32.3 },
  { id: '792', name_en: 'TURKEY', name_nl: 'TURKIJE', name_ar: 'تركيا', lon: 37.5, lat: 38.3 },
  { id: '400', name_en: 'JORDAN', name_nl: 'JORDANIË', name_ar: 'الأردن', lon: 37.0, lat: 31.0 },
  { id: '682', name_en: 'SAUDI ARABIA', name_nl: 'SAOEDI-ARABIË', name_ar: 'السعودية', lon: 42.0, lat: 29.6 },
  { id: '364', name_en: 'IRAN', name_nl: 'IRAN', name_ar: 'إيران', lon: 47.5, lat: 34.6 },
  { id: '422', name_en: 'LEBANON', name_nl: 'LIBANON', name_ar: 'لبنان', lon: 35.55, lat: 33.6 },
  { id: '376', name_en: 'ISRAEL', name_nl: 'ISRAËL', name_ar: 'إسرائيل', lon: 34.85, lat: 31.2 },
  { id: '414', name_en: 'KUWAIT', name_nl: 'KOEWEIT', name_ar: 'الكويت', lon: 47.6, lat: 29.3 },
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
    const raw = structuredClone(require('world-atlas/countries-10m.json')) as Countries;
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
 * Country polygons inside the region. `minWeight` is the smallest triangle area (in square
 * degrees) a vertex may span and still be kept; 2e-4 (e.g. a bend 0.04° long and 0.01° deep, about 4 km by 1 km) keeps borders true at the zooms the map allows while the file stays near 40 kB gzipped.
 */
export function buildBasemap(minWeight = 2e-4): Basemap {
  const topo = topology(minWeight);
  const all = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, CountryProps>;
  const countries: Feature<Polygon | MultiPolygon>[] = [];
  for (const f of all.features) {
    const box = turf.bbox(f);
    if (box[2] < REGION_BBOX[0] || box[0] > REGION_BBOX[2] || box[3] < REGION_BBOX[1] || box[1] > REGION_BBOX[3]) continue;
    const simple = turf.bboxClip(f, REGION_BBOX) as Feature<Polygon | MultiPolygon>;
    if (turf.area(simple) < 1e6) continue;
    countries.push({
      type: 'Feature',
      id: Number(f.id),
      properties: { id: String(f.id), name: f.properties.name, focus: f.id === SYRIA_ID || f.id === IRAQ_ID },
      geometry: roundCoords(simple.geometry, 3),
    });
  }
  // Shared borders only (a !== b), so each border line is drawn once.
  const meshed = mesh(topo, topo.objects.countries, (a, b) => a !== b) as MultiLineString;
  const simpleBorders = turf.bboxClip(turf.feature(meshed), REGION_BBOX) as Feature<MultiLineString>;
  const borders: FeatureCollection<MultiLineString> = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: roundCoords(simpleBorders.geometry, 3) }],
  };
  const labels: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: COUNTRY_LABELS.map((l) => ({
      type: 'Feature',
      properties: { id: l.id, name_en: l.name_en, name_nl: l.name_nl, name_ar: l.name_ar },
      geometry: { type: 'Point', coordinates: [l.lon, l.lat] },
    })),
  };
  return { countries: { type: 'FeatureCollection', features: countries }, borders, labels };
}

/** The basemap as one file: every feature carries `kind` ('country', 'border' or 'label'). */
export function basemapCollection(minWeight = 2e-4): FeatureCollection {
  const b = buildBasemap(minWeight);
  const tag = (kind: string) => (f: Feature) => ({ ...f, properties: { ...f.properties, kind } });
  return {
    type: 'FeatureCollection',
    features: [...b.countries.features.map(tag('country')), ...b.borders.features.map(tag('border')), ...b.labels.features.map(tag('label'))],
  };
}

