/**
 * IS's loss per country on our map against official statements of it (data/sources/losses.json):
 * the share of the most ground IS held in the country on any of our dates that it no longer held
 * on the statement's date (held tier and IS pockets; interpolated linearly in time between the
 * snapshots around that date). Each checked statement must be met within TOLERANCE_PP points.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadSeries } from './series.ts';
import { ROOT } from './derived-file.ts';
import { countryShapes } from './sources.ts';

const TOLERANCE_PP = 10;
interface Statement { date: string; who: string; iraqPct: number | null; syriaPct: number | null; source: string; check: boolean; why?: string }
const statements = (JSON.parse(readFileSync(join(ROOT, 'data/sources/losses.json'), 'utf8')) as { statements: Statement[] }).statements;

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** IS's held ground per country (km²) on every snapshot date. */
function heldByCountry(): { dateIso: string; iraq: number; syria: number }[] {
  const shapes = countryShapes();
  const km2In = (fs: Feature<Polygon | MultiPolygon>[], country: string) => fs.reduce((sum, f) => {
    const x = turf.intersect(turf.featureCollection([f, shapes.get(country)!]));
    return sum + (x ? turf.area(x) / 1e6 : 0);
  }, 0);
  return loadSeries().map(({ entry, snapshot }) => {
    const held = snapshot.features.filter((f) => f.properties.faction === 'islamic-state' && f.properties.tier === undefined);
    return { dateIso: entry.dateIso, iraq: km2In(held, 'iraq'), syria: km2In(held, 'syria') };
  });
}

describe('IS\'s losses per country against official statements', () => {
  const series = heldByCountry();
  const peak = { iraq: Math.max(...series.map((s) => s.iraq)), syria: Math.max(...series.map((s) => s.syria)) };
  const lostPct = (dateIso: string, country: 'iraq' | 'syria') => {
    const i = series.findIndex((s) => s.dateIso > dateIso);
    const [a, b] = i <= 0 ? [series[series.length - 1]!, series[series.length - 1]!] : [series[i - 1]!, series[i]!];
    const w = a === b ? 0 : (day(dateIso) - day(a.dateIso)) / (day(b.dateIso) - day(a.dateIso));
    return 100 * (1 - (a[country] * (1 - w) + b[country] * w) / peak[country]);
  };

  it('lists sourced statements, and says why any is not checked', () => {
    expect(statements.filter((s) => s.check).length).toBeGreaterThanOrEqual(5);
    for (const s of statements) {
      expect(s.source, `${s.date} ${s.who}`).toBeTruthy();
      if (!s.check) expect(s.why, `${s.date} ${s.who}: not checked, but no "why"`).toBeTruthy();
    }
  });

  for (const s of statements.filter((x) => x.check)) {
    for (const country of ['iraq', 'syria'] as const) {
      const said = country === 'iraq' ? s.iraqPct : s.syriaPct;
      if (said === null) continue;
      it(`${s.date}, ${s.who}: IS had lost ${said}% of its ground in ${country === 'iraq' ? 'Iraq' : 'Syria'}`, () => {
        const ours = lostPct(s.date, country);
        expect(Math.abs(ours - said), `our map: ${ours.toFixed(0)}% lost (peak ${peak[country].toFixed(0)} km²)`).toBeLessThanOrEqual(TOLERANCE_PP);
      });
    }
  }
}, 300_000);
