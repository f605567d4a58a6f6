/**
 * The area IS holds on our map (data/stats.json, held tier only) against the IHS Markit / Jane's
 * Conflict Monitor estimates of the "territorial dominance" of IS in Iraq and Syria together. IHS
 * counts differently from us (and from others: roughly ±15% between definitions), so each figure
 * only has to be within TOLERANCE. Our value at an IHS date is interpolated linearly in time
 * between the snapshots before and after it (our snapshots are a month apart; IHS dates fall
 * between them). The figures and their sources are those of the project's reference notes.
 */
import { describe, expect, it } from 'vitest';
import { readStats, STATS_FILE } from './build-stats.ts';

const TOLERANCE = 0.1;

const IHS: { dateIso: string; km2: number; source: string }[] = [
  // IHS gives only the month of its first estimate; mid-January stands for it.
  { dateIso: '2015-01-15', km2: 90_800, source: 'IHS, first estimate, January 2015, as reported by the BBC and in IHS press releases' },
  { dateIso: '2015-06-30', km2: 82_940, source: "Jane's / IHS, 28 July 2015" },
  { dateIso: '2015-12-14', km2: 78_000, source: 'IHS press release, 22 December 2015' },
  { dateIso: '2016-07-04', km2: 68_300, source: 'IHS (BBC; Guardian, 11 July 2016)' },
  { dateIso: '2016-10-03', km2: 65_500, source: 'IHS Markit press release, 9 October 2016' },
  { dateIso: '2016-12-31', km2: 60_400, source: 'IHS Markit press release, 18 January 2017' },
  // IS lost about a fifth of its ground on our map during June 2017 (Baaj and Maskanah on 4 June,
  // the desert to the Iraqi border on 9 June, Arak, al-Walid, Resafa), each dated by a report.
  { dateIso: '2017-06-26', km2: 36_200, source: 'IHS Markit, June 2017 (−60% since January 2015)' },
];

describe(`IS held area in ${STATS_FILE} against IHS Markit`, () => {
  const stats = readStats();

  const check = (dateIso: string, km2: number) => {
    expect(stats, `${STATS_FILE} is missing; run npm run data:stats`).not.toBeNull();
    const snaps = stats!.snapshots;
    const i = snaps.findIndex((s) => s.date > dateIso);
    expect(i, `no snapshots on both sides of ${dateIso}`).toBeGreaterThan(0);
    const a = snaps[i - 1]!, b = snaps[i]!;
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const w = (day(dateIso) - day(a.date)) / (day(b.date) - day(a.date));
    const at = (s: typeof a) => s.areaKm2.held['islamic-state'] ?? 0;
    const ours = at(a) * (1 - w) + at(b) * w;
    const diff = (ours - km2) / km2;
    expect(Math.abs(diff), `${a.date}…${b.date}: IS holds ${ours.toFixed(0)} km² on our map, IHS ${km2} km² (${(diff * 100).toFixed(1)}%)`)
      .toBeLessThanOrEqual(TOLERANCE);
  };

  for (const { dateIso, km2, source } of IHS) {
    it(`${dateIso}: within 10% of IHS ${km2} km² (${source})`, () => check(dateIso, km2));
  }
});
