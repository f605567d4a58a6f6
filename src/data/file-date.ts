/**
 * The date in a file's name, for archives whose files carry their date nowhere else
 * (`occupied_20250102.geojson`, `front-2025-01-02.geojson`, `map_2025_01_02.json`).
 */
import { isIsoDate } from './contract.ts';
import { fail, ok, type Result } from './result.ts';

/** YYYY-MM-DD, YYYYMMDD or YYYY_MM_DD, one separator throughout, not part of a longer run of digits. */
const DATE_IN_NAME = /(?<!\d)(\d{4})([-_]?)(\d{2})\2(\d{2})(?!\d)/;

/**
 * The first date written YYYY-MM-DD, YYYYMMDD or YYYY_MM_DD in a file's name (its folders are not
 * read), as YYYY-MM-DD; a name without one, or whose first one is no real date, is a problem.
 * @example dateFromName('archive/occupied_20250102.geojson') // ok('2025-01-02')
 */
export function dateFromName(path: string): Result<string> {
  const name = path.split(/[\\/]/).pop() ?? path;
  const m = DATE_IN_NAME.exec(name);
  if (!m) return fail({ file: path, message: 'has no date in its name (YYYY-MM-DD, YYYYMMDD or YYYY_MM_DD); rename it, or give a single file its date with --date' });
  const dateIso = `${m[1]}-${m[3]}-${m[4]}`;
  return isIsoDate(dateIso) ? ok(dateIso) : fail({ file: path, message: `the date in its name, ${m[0]}, is not a real date` });
}
