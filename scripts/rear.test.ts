/**
 * Rear areas are solid: the probe points of tests/fixtures/rear-probes.json lie in open country
 * behind one side's lines on every date (the Kurdistan Region's core, Iraq's south, the Syrian
 * coast, Sweida, the Kurdish north-east). Each must be in that side's held tier on every snapshot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { loadSeries } from './series.ts';
import { ROOT } from './derived-file.ts';

interface Probe { side: string; lon: number; lat: number; between: string }
const probes = (JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/rear-probes.json'), 'utf8')) as { probes: Probe[] }).probes;
/** A probe must test the ground between towns, not a town: it lies at least this far from any. */
const AWAY_KM = 8;

const pointsOf = (file: string): [number, number][] => {
  const d = JSON.parse(readFileSync(join(ROOT, 'data/sources', file), 'utf8')) as { points?: { lon: number; lat: number }[]; features?: { geometry: { coordinates: [number, number] } }[] };
  return d.points ? d.points.map((p) => [p.lon, p.lat]) : d.features!.map((f) => f.geometry.coordinates);
};

describe('rear areas are held, not hatched', () => {
  it('has at least 20 probes, none at a town', () => {
    expect(probes.length).toBeGreaterThanOrEqual(20);
    const towns = ['control-syria.json', 'control-iraq.json', 'settlements-geonames.geojson'].flatMap(pointsOf);
    const near = probes.filter((p) => towns.some((t) => turf.distance([p.lon, p.lat], t) < AWAY_KM)).map((p) => p.between);
    expect(near, `probes within ${AWAY_KM} km of a town`).toEqual([]);
  });

  it('finds every probe in its side\'s held ground on every date', () => {
    const wrong: string[] = [];
    for (const { entry, snapshot } of loadSeries()) {
      for (const p of probes) {
        const f = snapshot.features.find((x) => turf.booleanPointInPolygon([p.lon, p.lat], x));
        const got = f ? `${f.properties.faction}${f.properties.tier ? ` (${f.properties.tier})` : ''}` : 'nobody';
        if (got !== p.side) wrong.push(`${entry.dateIso} ${p.between}: expected ${p.side} held, map shows ${got}`);
      }
    }
    expect(wrong, `${wrong.length} misses:\n${wrong.slice(0, 40).join('\n')}`).toEqual([]);
  });
}, 120_000);
