/**
 * data/downloads/index.json: the files a reader can download beside each date's snapshot file,
 * written by the build from the data folder (scripts/downloads.ts): every date's sources and
 * precision note as a CSV; a CSV of areas per side and tier over all dates; the licence and
 * credits as text. A date's map is the snapshot file itself (data/snapshots/), saved under
 * `downloadName.geojson`, so a snapshot added to a built site by hand is offered like any other.
 */
import { fail, ok, type Result } from './result.ts';

export interface Downloads {
  /** File names in downloads/, or null when the story has none (no stats.json: no areas CSV). */
  sources: string | null;
  csv: string | null;
  licence: string | null;
  /** The events as CSV (events.json), or null: none, or a site built before there were events. */
  events: string | null;
}

/** Names the build gives the files; `frontlines-2017-07-15.geojson` says what it is once saved. */
export const downloadName = {
  geojson: (dateIso: string) => `frontlines-${dateIso}.geojson`,
  sources: 'frontlines-sources.csv',
  csv: 'frontlines-areas.csv',
  events: 'frontlines-events.csv',
  licence: 'frontlines-licence.txt',
} as const;

const isName = (v: unknown): v is string => typeof v === 'string' && /^[\w.-]{1,100}$/.test(v) && !v.startsWith('.');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a parsed downloads/index.json; file names must be plain names (no folders, no URLs).
 * @example parseDownloads({ sources: 'frontlines-sources.csv', csv: null, licence: null }, 'data/downloads/index.json')
 */
export function parseDownloads(data: unknown, file: string): Result<Downloads> {
  const shape = 'expected {"sources": "file.csv" or null, "csv": "file.csv" or null, "licence": "file.txt" or null, "events"?: "file.csv" or null}';
  if (!isObject(data)) return fail({ file, message: shape });
  const optional = (key: keyof Downloads) => (data[key] === null || data[key] === undefined ? null : isName(data[key]) ? data[key] : undefined);
  const sources = optional('sources'), csv = optional('csv'), licence = optional('licence'), events = optional('events');
  for (const [key, v] of [['sources', sources], ['csv', csv], ['licence', licence], ['events', events]] as const) {
    if (v === undefined) return fail({ file, message: `"${key}": ${shape}` });
  }
  return ok({ sources: sources!, csv: csv!, licence: licence!, events: events! });
}
