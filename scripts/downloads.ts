/**
 * The reader's downloads, made from a data folder (any story) into `downloads/` next to it in the
 * built site (site-data.ts), and served by the dev server: per date a GeoJSON that carries its
 * sources, precision note, licence and credits; a CSV of areas per side and tier over all dates
 * (stats.json); a CSV of the story's events (events.json); the licence and credits as text; and
 * index.json, which the page reads when the reader opens its Data control (src/data/downloads.ts).
 *
 * `npx tsx scripts/downloads.ts DATA_DIR` rewrites DATA_DIR/downloads/, e.g. in a built site
 * after a snapshot was added by hand (`dist/data`).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFactions, parseJson, parsePlaces, parseSnapshot, parseSnapshotIndex, TIERS, type Faction, type SnapshotEntry } from '../src/data/contract.ts';
import { csvText } from '../src/data/csv.ts';
import { downloadName } from '../src/data/downloads.ts';
import { parseEvents, type StoryEvent } from '../src/data/events.ts';
import { formatProblem } from '../src/data/result.ts';
import { parseStats, type Stats } from '../src/data/stats.ts';
import { NO_STORY, parseStory, type Story } from '../src/data/story.ts';
import { isMain } from './derived-file.ts';
import { dataFolderReader, readText } from './read-text.ts';

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

/** A snapshot as a download: the features as they are, after a `metadata` member saying what they are. */
export function geojsonDownload(s: StoryFiles, entry: SnapshotEntry, snapshotText: string): string {
  const file = `data/snapshots/${entry.file}`;
  const json = parseJson(snapshotText, file);
  const r = json.ok ? parseSnapshot(json.value, file, s.factions.map((f) => f.id)) : json;
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  const metadata = {
    title: s.story.title.en,
    date: entry.dateIso,
    precision: entry.precision || null,
    method: s.story.method?.en ?? null,
    sources: entry.sources,
    sides: Object.fromEntries(s.factions.map((f) => [f.id, f.name.en])),
    tiers: TIER_MEANING,
    licence: licenceLine(s.story),
    credits: [...s.story.credits, BASEMAP_CREDIT],
  };
  // GeoJSON (RFC 7946, section 6.1) allows such foreign members; GIS tools keep the features.
  return `${JSON.stringify({ type: 'FeatureCollection', metadata, features: r.value.features })}\n`;
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
export function readEvents(dataDir: string): { events: StoryEvent[]; placeNames: ReadonlyMap<string, string> } | { problem: string } | null {
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
    `- ${downloadName.geojson('YYYY-MM-DD')}: who held which ground on that date (GeoJSON, WGS 84). Each feature is one side's ground of one tier: "faction" is the side's id; "tier" is absent for ground the side held, "desert" for ${TIER_MEANING.desert}, or "contested" for ${TIER_MEANING.contested}. The "metadata" member lists the date's sources, its precision note, the sides' names, the licence and these credits.`,
    ...(hasCsv ? [`- ${downloadName.csv}: area in km² (spherical, Turf) per date, side and tier: date, side (id), side_name, tier (held, desert, contested), area_km2. Held and desert are listed for every side on every date (0: none); contested only where there was any. A side's id or name that begins with =, +, -, @, a tab or a carriage return is written with an apostrophe before it, so that spreadsheets show it as text instead of running it as a formula.`] : []),
    ...(hasEvents ? [`- ${downloadName.events}: the story's dated events, one per row: id, date (YYYY-MM-DD, or YYYY-MM where only the month is known), status (confirmed; claimed: said by someone, not confirmed; disproved: a claim later shown to be false), title_en, title_nl, text_en, text_nl, place (id) and place_name, settled_date and settled_source (when and by what a claim was disproved), sources (separated by " | "). A cell that begins with =, +, -, @, a tab or a carriage return gets an apostrophe before it, as in the areas.`] : []),
    '',
    'Every line on the map is an approximation; the precision note of each date says how close.',
    'Made with Frontlines (MIT licence).',
    '',
  ].join('\n');
}

/**
 * Writes `outDir` (replacing it): every download and index.json. A file that does not parse is
 * left out and named in `problems` (npm run data:check says more); the page then offers the
 * snapshot file itself for that date, and no downloads at all when the core files are broken.
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
  const geojson: Record<string, string> = {};
  for (const entry of s.entries) {
    const name = downloadName.geojson(entry.dateIso);
    try {
      writeFileSync(join(outDir, name), geojsonDownload(s, entry, readText(join(dataDir, 'snapshots', entry.file))));
      geojson[entry.dateIso] = name;
    } catch (e) {
      problems.push(`no ${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  if (s.stats) writeFileSync(join(outDir, downloadName.csv), areasCsv(s, s.stats));
  const events = readEvents(dataDir);
  if (events && 'problem' in events) problems.push(events.problem);
  const hasEvents = !!events && 'events' in events;
  if (hasEvents) writeFileSync(join(outDir, downloadName.events), eventsCsv(events.events, events.placeNames));
  writeFileSync(join(outDir, downloadName.licence), licenceText(s, !!s.stats, hasEvents));
  writeFileSync(join(outDir, 'index.json'), indexText(s, geojson, hasEvents));
  return { files: readdirSync(outDir).length, problems };
}

const indexText = (s: StoryFiles, geojson: Record<string, string>, hasEvents: boolean) =>
  `${JSON.stringify({ geojson, csv: s.stats ? downloadName.csv : null, licence: downloadName.licence, events: hasEvents ? downloadName.events : null }, null, 1)}\n`;

/** One download by its name in downloads/, made afresh (the dev server's), or null when there is no such file. */
export function downloadText(dataDir: string, name: string): string | null {
  const s = readStoryFiles(dataDir);
  const events = readEvents(dataDir);
  const ev = events && 'events' in events ? events : null;
  if (name === 'index.json') return indexText(s, Object.fromEntries(s.entries.map((e) => [e.dateIso, downloadName.geojson(e.dateIso)])), !!ev);
  if (name === downloadName.csv) return s.stats ? areasCsv(s, s.stats) : null;
  if (name === downloadName.events) return ev ? eventsCsv(ev.events, ev.placeNames) : null;
  if (name === downloadName.licence) return licenceText(s, !!s.stats, !!ev);
  const entry = s.entries.find((e) => downloadName.geojson(e.dateIso) === name);
  return entry ? geojsonDownload(s, entry, readText(join(dataDir, 'snapshots', entry.file))) : null;
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
