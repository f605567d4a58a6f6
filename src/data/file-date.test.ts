import { describe, expect, it } from 'vitest';
import { dateFromName } from './file-date.ts';
import { formatProblem, type Result } from './result.ts';

const date = (name: string) => { const r = dateFromName(name); return r.ok ? r.value : r.problems.map(formatProblem)[0]; };

describe('dateFromName', () => {
  it('reads the first YYYYMMDD, YYYY-MM-DD or YYYY_MM_DD in the name, not in the folders', () => {
    expect(date('archive/occupied_20250102.geojson')).toBe('2025-01-02');
    expect(date('front-2025-01-02.geojson')).toBe('2025-01-02');
    expect(date('map_2025_01_02_v2.json')).toBe('2025-01-02');
    expect(date('2024-12-31/front_20250102.geojson')).toBe('2025-01-02');
    expect(date('a_20250102_to_20250109.geojson')).toBe('2025-01-02');
  });

  it('skips digits that belong to a longer number, and mixed separators', () => {
    expect(date('export_1736000000_20250102.geojson')).toBe('2025-01-02');
    expect(date('x_2025-01_02.geojson')).toBe('x_2025-01_02.geojson: has no date in its name (YYYY-MM-DD, YYYYMMDD or YYYY_MM_DD); rename it, or give a single file its date with --date');
  });

  it('names a file whose first date is no real date', () => {
    expect(date('occupied_20250230.geojson')).toBe('occupied_20250230.geojson: the date in its name, 20250230, is not a real date');
    expect(date('occupied_2025-13-01.geojson')).toBe('occupied_2025-13-01.geojson: the date in its name, 2025-13-01, is not a real date');
  });

  it('is a Result', () => {
    const r: Result<string> = dateFromName('front.geojson');
    expect(r.ok).toBe(false);
  });
});
