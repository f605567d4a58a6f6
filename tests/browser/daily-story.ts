/**
 * The generated daily archive (tests/fixtures/daily-archive.ts: one side, hundreds of dates) as a
 * story folder, imported as `npm run data:add -- ARCHIVE --faction eastern-army` would: every file
 * given the side, checked and normalised (src/data/normalize.ts) and listed in the index.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlaces, parseSnapshot } from '../../src/data/contract.ts';
import { normalizeSnapshot } from '../../src/data/normalize.ts';
import { ARCHIVE_SIDE, dailyArchive, writeArchiveStory, type ArchiveOptions } from '../fixtures/daily-archive.ts';

export { ARCHIVE_SIDE };

/** Writes the story of `days` daily files into `dir`; returns its dates. */
export function writeDailyStory(dir: string, days: number, options: Omit<ArchiveOptions, 'days'> = {}): string[] {
  writeArchiveStory(dir);
  // Places with only a local name: until this branch has issue 17's place names (name_local,
  // name_nl optional), the local name stands in as the second script and English for Dutch.
  const places = JSON.parse(readFileSync(join(dir, 'places.geojson'), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
  if (!parsePlaces(places, 'places.geojson').ok) {
    for (const { properties: p } of places.features) { p.name_nl ??= p.name_en; p.name_ar ??= p.name_local; }
    writeFileSync(join(dir, 'places.geojson'), `${JSON.stringify(places)}\n`);
  }
  const entries: { date: string; file: string; sources: string[] }[] = [];
  for (const day of dailyArchive({ ...options, days })) {
    const fc = JSON.parse(day.text) as { features: { properties: Record<string, unknown> }[] };
    for (const f of fc.features) f.properties = { faction: ARCHIVE_SIDE };
    const parsed = parseSnapshot({ type: 'FeatureCollection', features: fc.features }, day.name, [ARCHIVE_SIDE]);
    if (!parsed.ok) throw new Error(`${day.name}: ${parsed.problems[0]!.message}`);
    const file = `${day.dateIso}.geojson`;
    writeFileSync(join(dir, 'snapshots', file), `${JSON.stringify(normalizeSnapshot(parsed.value))}\n`);
    entries.push({ date: day.dateIso, file, sources: [`${day.name} (made up: tests/fixtures/daily-archive.ts)`] });
  }
  writeFileSync(join(dir, 'snapshots', 'index.json'), `${JSON.stringify({ snapshots: entries }, null, 1)}\n`);
  return entries.map((e) => e.date);
}
