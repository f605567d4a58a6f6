/**
 * The reader's downloads, made from a data folder (any story) into `downloads/` next to it in the
 * built site (site-data.ts), and served by the dev server. A date's map is the snapshot file itself
 * (the page links it, src/ui/data-panel.ts): no second copy of the archive. Beside it: every date's
 * sources and precision note as a CSV; a CSV of areas per side and tier over all dates
 * (stats.json); a CSV of the story's events (events.json); the licence and credits as text; and index.json, which the page reads when the
 * reader opens its Data control (src/data/downloads.ts).
 *
 * `npx tsx scripts/downloads.ts DATA_DIR` rewrites DATA_DIR/downloads/, e.g. in a built site
 * after a snapshot was added by hand (`dist/data`), so that the sources CSV lists it.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFactions, parsePlaces, parseSnapshotIndex, TIERS, type Faction, type SnapshotEntry } from '../src/data/contract.ts';
import { csvText } from '../src/data/csv.ts';
import { downloadName } from '../src/data/downloads.ts';
import { parseEvents, type StoryEvent } from '../src/data/events.ts';
import { parseStats, type Stats } from '../src/data/stats.ts';
import { NO_STORY, parseStory, type Story } from '../src/data/story.ts';
import { isMain } from './derived-file.ts';
import { dataFolderReader } from './read-text.ts';

/** Credited on every story: the basemap comes from it (scripts/basemap.ts). */
export const BASEMAP_CREDIT = 'Borders, coastlines and country names: Natural Earth (naturalearthdata.com), public domain, via the world-atlas package';
const TIER_MEANING = {
  held: 'ground the side held (features without "tier")',
  desert: 'open country the side dominated without holding it',
  contested: 'ground the side held when a fight for it began; "against" names the attackers',
};

export interface StoryFiles { story: Story; factions: Faction[]; entries: SnapshotEntry[]; stats: Stats | null }

/** The files every download is made from; a broken one throws, naming the file and what is wrong. */
export function readStoryFiles(dataDir: string): StoryFiles {
  const { read, has } = dataFolderReader(dataDir);
  return {
    story: has('story.json') ? read('story.json', parseStory) : NO_STORY,
    factions: read('factions.json', parseFactions),
    entries: read('snapshots/index.json', parseSnapshotIndex),
    stats: has('stats.json') ? read('stats.json', parseStats) : null,
  };
}

/** "CC BY 4.0 (https://…)", or what to do when the story states none. */
const licenceLine = (story: Story) => (story.licence ? `${story.licence.name}${story.licence.url ? ` (${story.licence.url})` : ''}` : 'not stated in story.json: ask the map\'s authors before reusing the data');

/**
 * Every date's sources and precision note, one row per source (one row with an empty source for a
 * date that names none): date, file (in data/snapshots/, what the map of that date downloads as),
 * precision, source.
 */
export function sourcesCsv(s: StoryFiles): string {
  const rows: string[][] = [['date', 'file', 'precision', 'source']];
  for (const e of s.entries) for (const source of e.sources.length ? e.sources : ['']) rows.push([e.dateIso, e.file, e.precision, source]);
  return csvText(rows);
}

/**
 * Areas per date, side and tier from stats.json, one row each: held and desert for every side on
 * every date (0 where it had none), contested where stats.json lists it.
 */
export function areasCsv(s: StoryFiles, stats: Stats): string {
  const rows: (string | number)[][] = [['date', 'side', 'side_name', 'tier', 'area_km2']];
  for (const dateIso of [...stats.keys()].sort()) {
    const a = stats.get(dateIso)!.areaKm2;
    for (const f of s.factions) {
      for (const tier of TIERS) {
        const table = a[tier];
        if (tier === 'contested' && table?.[f.id] === undefined) continue;
        rows.push([dateIso, f.id, f.name.en, tier, table?.[f.id] ?? 0]);
      }
    }
  }
  // src/data/csv.ts: a side named "=HYPERLINK(…)" is written as text, not as a formula.
  return csvText(rows);
}

/** events.json for its CSV: the events and the places' English names, or why the file cannot be used. */
type EventsRead = { events: StoryEvent[]; placeNames: ReadonlyMap<string, string> } | { problem: string } | null;
export function readEvents(dataDir: string): EventsRead {
  const { read, has } = dataFolderReader(dataDir);
  if (!has('events.json')) return null;
  try {
    const places = read('places.geojson', parsePlaces);
    return { events: read('events.json', parseEvents), placeNames: new Map(places.map((p) => [p.properties.id, p.properties.name_en])) };
  } catch (e) {
    return { problem: `no ${downloadName.events}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}

/**
 * The events, one row each in date order: id, date (YYYY-MM-DD, or YYYY-MM for a month), status
 * (confirmed, claimed, disproved), titles and texts in English and Dutch, the place's id and English
 * name, what settled a claim (date and source), and the sources joined with " | ".
 */
export function eventsCsv(events: readonly StoryEvent[], placeNames: ReadonlyMap<string, string>): string {
  const head = ['id', 'date', 'status', 'title_en', 'title_nl', 'text_en', 'text_nl', 'place', 'place_name', 'settled_date', 'settled_source', 'sources'];
  const rows = events.map((e) => [e.id, e.date.iso, e.status, e.title.en, e.title.nl, e.text?.en ?? '', e.text?.nl ?? '', e.place ?? '',
    (e.place && placeNames.get(e.place)) ?? '', e.settled?.date.iso ?? '', e.settled?.source ?? '', e.sources.join(' | ')]);
  // The shared cell writer (src/data/csv.ts): text that a spreadsheet would run as a formula is neutralised.
  return csvText([head, ...rows]);
}

export function licenceText(s: StoryFiles, hasCsv: boolean, hasEvents = false): string {
  const subtitle = s.story.subtitle ? ` (${s.story.subtitle.en})` : '';
  return [
    `${s.story.title.en}${subtitle}`,
    '',
    `Licence of the data: ${licenceLine(s.story)}.`,
    '',
    'Credits:',
    ...[...s.story.credits, BASEMAP_CREDIT].map((c) => `- ${c}`),
    '',
    'Files:',
    `- ${downloadName.geojson('YYYY-MM-DD')}: who held which ground on that date (GeoJSON, WGS 84), the very file the map of that date is drawn from. Each feature is one side's ground of one tier: "faction" is the side's id (${s.factions.map((f) => `${f.id}: ${f.name.en}`).join('; ')}); "tier" is absent for ground the side held, "desert" for ${TIER_MEANING.desert}, or "contested" for ${TIER_MEANING.contested}. Its sources and precision note are in ${downloadName.sources}.`,
    `- ${downloadName.sources}: the sources and the precision note of every date, one row per source: date, file, precision, source. Every line on the map is an approximation: the precision note says how close.`,
    ...(hasCsv ? [`- ${downloadName.csv}: area in km² (spherical, Turf) per date, side and tier: date, side (id), side_name, tier (held, desert, contested), area_km2. Held and desert are listed for every side on every date (0: none); contested only where there was any. A side's id or name that begins with =, +, -, @, a tab or a carriage return is written with an apostrophe before it, so that spreadsheets show it as text instead of running it as a formula.`] : []),
    ...(hasEvents ? [`- ${downloadName.events}: the story's dated events, one per row: id, date (YYYY-MM-DD, or YYYY-MM where only the month is known), status (confirmed; claimed: said by someone, not confirmed; disproved: a claim later shown to be false), title_en, title_nl, text_en, text_nl, place (id) and place_name, settled_date and settled_source (when and by what a claim was disproved), sources (separated by " | "). A cell that begins with =, +, -, @, a tab or a carriage return gets an apostrophe before it, as in the areas.`] : []),
    '',
    'Every line on the map is an approximation; the precision note of each date says how close.',
    'Made with Frontlines (MIT licence).',
    '',
  ].join('\n');
}

/**
 * Writes `outDir` (replacing it): the sources CSV, the areas CSV (with stats.json), the licence
 * and index.json. A broken core file (story, factions, index) means no downloads at all, named in
 * `problems` (npm run data:check says more); the page still offers each date's snapshot file.
 */
export function writeDownloads(dataDir: string, outDir: string): { files: number; problems: string[] } {
  rmSync(outDir, { recursive: true, force: true });
  let s: StoryFiles;
  try {
    s = readStoryFiles(dataDir);
  } catch (e) {
    return { files: 0, problems: [`no downloads: ${e instanceof Error ? e.message : String(e)}`] };
  }
  mkdirSync(outDir, { recursive: true });
  const problems: string[] = [];
  const events = readEvents(dataDir);
  if (events && 'problem' in events) problems.push(events.problem);
  for (const name of ['index.json', downloadName.sources, downloadName.csv, downloadName.events, downloadName.licence]) {
    const text = downloadText(s, name, events);
    if (text !== null) writeFileSync(join(outDir, name), text);
  }
  return { files: readdirSync(outDir).length, problems };
}

/** One download by its name in downloads/ (the dev server's, and the build's), or null when there is no such file. */
export function downloadText(from: string | StoryFiles, name: string, eventsRead?: EventsRead): string | null {
  const s = typeof from === 'string' ? readStoryFiles(from) : from;
  const events = eventsRead !== undefined ? eventsRead : typeof from === 'string' ? readEvents(from) : null;
  const ev = events && 'events' in events ? events : null;
  if (name === 'index.json') return `${JSON.stringify({ sources: downloadName.sources, csv: s.stats ? downloadName.csv : null, licence: downloadName.licence, events: ev ? downloadName.events : null }, null, 1)}\n`;
  if (name === downloadName.sources) return sourcesCsv(s);
  if (name === downloadName.csv) return s.stats ? areasCsv(s, s.stats) : null;
  if (name === downloadName.events) return ev ? eventsCsv(ev.events, ev.placeNames) : null;
  if (name === downloadName.licence) return licenceText(s, !!s.stats, !!ev);
  return null;
}

if (isMain(import.meta.url)) {
  const [dataDir] = process.argv.slice(2);
  if (!dataDir) {
    console.error('usage: npx tsx scripts/downloads.ts DATA_DIR   (e.g. dist/data: rewrites DATA_DIR/downloads/)');
    process.exit(2);
  }
  const { files, problems } = writeDownloads(dataDir, join(dataDir, 'downloads'));
  for (const p of problems) console.error(`downloads: ${p}`);
  console.log(`downloads: ${files} files in ${join(dataDir, 'downloads')}`);
  if (problems.length) process.exitCode = 1;
}
