/**
 * IS's loss per country on our map against official statements of it (data/sources/losses.json).
 * The ground IS once held in a country is all the ground it held there on any of our dates (held
 * tier and its pockets, merged). On a statement's date (interpolated linearly in time between the
 * snapshots around it) our loss is, as the statement's own words say (`basis`):
 * - "lost": the share of that ground IS no longer held;
 * - "recovered": the share the coalition's partners (`partners` in the file) held again.
 * Each checked statement must be met within TOLERANCE_PP points. A statement our map disagrees with
 * by more says so in the file (`disagree`: our value and why), and the test pins our value there,
 * so that the disagreement is stated, not hidden, and a change in the data shows up.
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
/** How far our value may move from the one a disagreement records before the test asks for a look. */
const PINNED_PP = 3;
type Country = 'iraq' | 'syria';
interface Statement {
  date: string; who: string; iraqPct: number | null; syriaPct: number | null; source: string; check: boolean;
  basis?: 'lost' | 'recovered'; why?: string; disagree?: Partial<Record<Country, { ours: number; why: string }>>;
}
const file = JSON.parse(readFileSync(join(ROOT, 'data/sources/losses.json'), 'utf8')) as { statements: Statement[]; partners: Record<Country, string[]> };
const IS = 'islamic-state';

type Ground = Feature<Polygon | MultiPolygon> | null;
const unite = (fs: Ground[]): Ground => {
  const xs = fs.filter((f): f is Feature<Polygon | MultiPolygon> => f !== null);
  return xs.length === 0 ? null : xs.length === 1 ? xs[0]! : turf.union(turf.featureCollection(xs));
};
const meet = (a: Ground, b: Ground): Ground => (a && b ? turf.intersect(turf.featureCollection([a, b])) : null);
const km2 = (g: Ground) => (g ? turf.area(g) / 1e6 : 0);

/** Per snapshot and country: IS's held ground, and the ground its partners held (every tier). */
function series() {
  const shapes = countryShapes();
  return loadSeries().map(({ entry, snapshot }) => {
    const of = (sides: string[], heldOnly: boolean) =>
      unite(snapshot.features.filter((f) => sides.includes(f.properties.faction) && (!heldOnly || f.properties.tier === undefined)));
    const is = of([IS], true);
    const out = { dateIso: entry.dateIso } as { dateIso: string } & Record<Country, { is: Ground; partners: Ground }>;
    for (const c of ['iraq', 'syria'] as const) {
      const shape = shapes.get(c)! as Ground;
      out[c] = { is: meet(is, shape), partners: meet(of(file.partners[c], false), shape) };
    }
    return out;
  });
}

describe('IS\'s losses per country against official statements', () => {
  const rows = series();
  const once: Record<Country, Ground> = { iraq: unite(rows.map((r) => r.iraq.is)), syria: unite(rows.map((r) => r.syria.is)) };
  const pct = (c: Country, basis: 'lost' | 'recovered') => rows.map((r) => 100 * (basis === 'lost'
    ? 1 - km2(r[c].is) / km2(once[c])
    : km2(meet(once[c], r[c].partners)) / km2(once[c])));
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const at = (values: number[], dateIso: string) => {
    const i = rows.findIndex((r) => r.dateIso > dateIso);
    if (i <= 0) return values[i === 0 ? 0 : values.length - 1]!;
    const w = (day(dateIso) - day(rows[i - 1]!.dateIso)) / (day(rows[i]!.dateIso) - day(rows[i - 1]!.dateIso));
    return values[i - 1]! * (1 - w) + values[i]! * w;
  };
  const cache = new Map<string, number[]>();
  const ours = (c: Country, basis: 'lost' | 'recovered', dateIso: string) => {
    const key = `${c} ${basis}`;
    if (!cache.has(key)) cache.set(key, pct(c, basis));
    return at(cache.get(key)!, dateIso);
  };

  it('lists sourced statements, each checked or saying why not', () => {
    expect(file.statements.filter((s) => s.check).length).toBeGreaterThanOrEqual(5);
    for (const s of file.statements) {
      expect(s.source, `${s.date} ${s.who}`).toBeTruthy();
      if (!s.check) expect(s.why, `${s.date} ${s.who}: not checked, but no "why"`).toBeTruthy();
      else expect(['lost', 'recovered'], `${s.date} ${s.who}: "basis"`).toContain(s.basis);
    }
  });

  for (const s of file.statements.filter((x) => x.check)) {
    for (const c of ['iraq', 'syria'] as const) {
      const said = c === 'iraq' ? s.iraqPct : s.syriaPct;
      if (said === null) continue;
      const name = c === 'iraq' ? 'Iraq' : 'Syria';
      const known = s.disagree?.[c];
      if (known) {
        it(`${s.date}, ${s.who}: ${said}% of IS's ground in ${name} ${s.basis}; our map disagrees, as the file says`, () => {
          const v = ours(c, s.basis!, s.date);
          expect(Math.abs(v - known.ours), `our map now: ${v.toFixed(0)}%; update "disagree" in losses.json and docs/data.md`).toBeLessThanOrEqual(PINNED_PP);
          expect(Math.abs(v - said), `our map now agrees (${v.toFixed(0)}%): drop the "disagree" entry`).toBeGreaterThan(TOLERANCE_PP);
        });
      } else {
        it(`${s.date}, ${s.who}: ${said}% of IS's ground in ${name} ${s.basis}`, () => {
          const v = ours(c, s.basis!, s.date);
          expect(Math.abs(v - said), `our map: ${v.toFixed(0)}% ${s.basis} (IS once held ${km2(once[c]).toFixed(0)} km² there)`).toBeLessThanOrEqual(TOLERANCE_PP);
        });
      }
    }
  }
}, 300_000);
