/**
 * The dates a snapshot may carry: from 1900-01-01 (older than any modern front-line map, so earlier
 * years are typing errors such as 0001 or 1017) to a year after today, UTC (room for a date given
 * ahead of publication, but not 2107 for 2017). Both ends are inclusive.
 */
export const MIN_DATE_ISO = '1900-01-01';

/** The latest date accepted on `now`: the same day a year later (28 February for a 29 February). */
export function maxDateIso(now: Date = new Date()): string {
  const y = now.getUTCFullYear() + 1, m = now.getUTCMonth(), d = now.getUTCDate();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Why a real calendar date (YYYY-MM-DD) is out of range, or null when it is in range. */
export function dateRangeProblem(dateIso: string, now: Date = new Date()): string | null {
  const max = maxDateIso(now);
  return dateIso < MIN_DATE_ISO || dateIso > max ? `${dateIso} is outside the accepted range ${MIN_DATE_ISO} to ${max} (a year after today)` : null;
}
