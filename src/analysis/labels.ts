import * as turf from '@turf/turf';
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, Point, Position } from 'geojson';
import { tierOf, type FactionId, type Snapshot } from '../data/contract.ts';

/**
 * One label point per piece of held ground of at least `minKm2`, at the piece's pole of inaccessibility
 * (polylabel), so a faction's name sits well inside its ground.
 * @example labelPoints(snapshot, 2000).features[0].properties // { faction: 'side-a', areaKm2: 41000 }
 */
export function labelPoints(snapshot: Snapshot, minKm2 = 2000): FeatureCollection<Point, { faction: FactionId; areaKm2: number }> {
  const features: Feature<Point, { faction: FactionId; areaKm2: number }>[] = [];
  for (const f of snapshot.features) {
    if (tierOf(f) !== 'held') continue; // names sit on held ground only
    const polys: Position[][][] = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polys) {
      const areaKm2 = turf.area(turf.polygon(rings)) / 1e6;
      if (areaKm2 < minKm2) continue;
      // Precision in degrees: 0.02° ≈ 2 km is plenty for a label.
      const p = polylabel(rings as number[][][], 0.02);
      features.push({ type: 'Feature', properties: { faction: f.properties.faction, areaKm2 }, geometry: { type: 'Point', coordinates: [p[0]!, p[1]!] } });
    }
  }
  return { type: 'FeatureCollection', features };
}
