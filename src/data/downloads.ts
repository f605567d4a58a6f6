/**
 * data/downloads/index.json: the files a reader can download, written by the build from the data
 * folder (scripts/downloads.ts): per date a GeoJSON with its sources, precision note, licence and
 * credits inside; a CSV of areas per side and tier over all dates; the licence and credits as text.
 * A date missing from it (a snapshot added to a built site by hand) falls back to its snapshot file.
 */
import { isIsoDate } from './contract.ts';
import { fail, ok, type Result } from './result.ts';

export interface Downloads {
  /** Date → file name in downloads/. */
  geojson: ReadonlyMap<string, string>;
  /** File names in downloads/, or null when the story has none (no stats.json: no CSV). */
  csv: string | null;
  licence: string | null;
  /** The events as CSV (events.json), or null: none, or a site built before there were events. */
  events: string | null;
}

/** Names the build gives the files; `frontlines-2017-07-15.geojson` says what it is once saved. */
export const downloadName = {
  geojson: (dateIso: string) => `frontlines-${dateIso}.geojson`,
  csv: 'frontlines-areas.csv',
  events: 'frontlines-events.csv',
  licence: 'frontlines-licence.txt',
} as const;

const isName = (v: unknown): v is string => typeof v === 'string' && /^[\w.-]{1,100}$/.test(v) && !v.startsWith('.');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a parsed downloads/index.json; file names must be plain names (no folders, no URLs).
 * @example parseDownloads({ geojson: { '2017-07-15': 'frontlines-2017-07-15.geojson' }, csv: null, licence: null }, 'data/downloads/index.json')
 */
export function parseDownloads(data: unknown, file: string): Result<Downloads> {
  const shape = 'expected {"geojson": {"YYYY-MM-DD": "file.geojson", …}, "csv": "file.csv" or null, "licence": "file.txt" or null, "events"?: "file.csv" or null}';
  if (!isObject(data) || !isObject(data.geojson)) return fail({ file, message: shape });
  const geojson = new Map<string, string>();
  for (const [date, name] of Object.entries(data.geojson)) {
    if (!isIsoDate(date) || !isName(name)) return fail({ file, message: `"geojson" "${date.slice(0, 20)}": ${shape}` });
    geojson.set(date, name);
  }
  const optional = (key: 'csv' | 'licence' | 'events') => (data[key] === null || data[key] === undefined ? null : isName(data[key]) ? data[key] : undefined);
  const csv = optional('csv'), licence = optional('licence'), events = optional('events');
  const bad = csv === undefined ? 'csv' : licence === undefined ? 'licence' : events === undefined ? 'events' : null;
  if (bad) return fail({ file, message: `"${bad}": ${shape}` });
  return ok({ geojson, csv: csv!, licence: licence!, events: events! });
}
