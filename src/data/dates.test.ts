import { describe, expect, it } from 'vitest';
import { dateRangeProblem, maxDateIso, MIN_DATE_ISO } from './dates.ts';

describe('snapshot date range', () => {
  it('ends a year after today, on 28 February for a 29 February', () => {
    expect(maxDateIso(new Date('2026-11-20T23:59:00Z'))).toBe('2027-11-20');
    expect(maxDateIso(new Date('2028-02-29T00:00:00Z'))).toBe('2029-02-28');
  });
  it('accepts both ends and names dates outside them', () => {
    const now = new Date('2026-11-20T00:00:00Z');
    expect(dateRangeProblem(MIN_DATE_ISO, now)).toBeNull();
    expect(dateRangeProblem('2027-11-20', now)).toBeNull();
    expect(dateRangeProblem('1899-12-31', now)).toBe('1899-12-31 is outside the accepted range 1900-01-01 to 2027-11-20 (a year after today)');
  });
});
