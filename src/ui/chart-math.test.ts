/**
 * Neither happy-dom nor jsdom is installed, so these tests cover the chart's pure helpers (scales,
 * ticks, nearest date, keys, paths, label spreading, value text); the DOM part was checked in
 * Chromium by hand and belongs in a browser test once the chart is on the page.
 */
import { describe, expect, it } from 'vitest';
import { DASHES, seriesStyle, dayNumber, formatValue, linearScale, linePath, MARKERS, markerPath, nearestIndex, niceTicks, spreadLabels, stepIndex, valueText, yearTicks } from './chart-math.ts';

describe('niceTicks', () => {
  it('gives 3 to 5 round ticks from 0 that cover the maximum', () => {
    expect(niceTicks(91_000)).toEqual([0, 25_000, 50_000, 75_000, 100_000]);
    expect(niceTicks(117_133)).toEqual([0, 50_000, 100_000, 150_000]);
    expect(niceTicks(400)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(305)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(3.4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    for (const max of [1, 7, 42, 99, 100, 101, 999, 1234, 36_200, 64_434, 250_000]) {
      const t = niceTicks(max);
      expect(t.length, String(max)).toBeGreaterThanOrEqual(3);
      expect(t.length, String(max)).toBeLessThanOrEqual(5);
      expect(t[0]).toBe(0);
      expect(t[t.length - 1]!, String(max)).toBeGreaterThanOrEqual(max);
      expect(t[t.length - 2]!, String(max)).toBeLessThan(max);
    }
  });
});

describe('scales and dates', () => {
  it('maps linearly, and a zero-width domain to the middle', () => {
    const s = linearScale(0, 10, 100, 200);
    expect([s(0), s(5), s(10)]).toEqual([100, 150, 200]);
    expect(linearScale(3, 3, 0, 10)(3)).toBe(5);
    expect(linearScale(0, 100, 300, 0)(25)).toBe(225);
  });

  it('counts days, and puts year ticks on 1 January inside the range', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2017-07-15') - dayNumber('2017-07-01')).toBe(14);
    expect(yearTicks(['2014-06-01', '2017-07-15', '2019-04-01']).map((t) => t.year)).toEqual([2015, 2016, 2017, 2018, 2019]);
    expect(yearTicks(['2015-01-01', '2015-06-01'])).toEqual([{ year: 2015, day: dayNumber('2015-01-01') }]);
    expect(yearTicks([])).toEqual([]);
  });
});

describe('nearestIndex', () => {
  const days = ['2017-06-01', '2017-07-01', '2017-07-15', '2017-08-01'].map(dayNumber);
  it('finds the nearest date, the earlier on a tie, and clamps outside the range', () => {
    expect(nearestIndex(days, dayNumber('2017-07-10'))).toBe(2);
    expect(nearestIndex(days, dayNumber('2017-07-08'))).toBe(1);
    expect(nearestIndex(days, (days[0]! + days[1]!) / 2)).toBe(0);
    expect(nearestIndex(days, -1e9)).toBe(0);
    expect(nearestIndex(days, 1e9)).toBe(3);
    expect(nearestIndex([5], 0)).toBe(0);
    expect(nearestIndex([], 0)).toBe(-1);
  });
});

describe('stepIndex', () => {
  it('moves with arrows, pages and Home/End, clamped; ignores other keys', () => {
    expect(stepIndex('ArrowRight', 3, 10)).toBe(4);
    expect(stepIndex('ArrowLeft', 0, 10)).toBe(0);
    expect(stepIndex('ArrowUp', 9, 10)).toBe(9);
    expect(stepIndex('PageUp', 3, 60)).toBe(15);
    expect(stepIndex('PageDown', 3, 60)).toBe(0);
    expect(stepIndex('Home', 7, 10)).toBe(0);
    expect(stepIndex('End', 7, 10)).toBe(9);
    expect(stepIndex('Enter', 7, 10)).toBeNull();
    expect(stepIndex('a', 7, 10)).toBeNull();
  });
});

describe('linePath', () => {
  it('draws through the points and breaks the line at nulls', () => {
    expect(linePath([[0, 10], [5, null], [10, 20], [20, 30.456]])).toBe('M0,10M10,20L20,30.46');
    expect(linePath([[0, 1], [1, 2], [2, 3]])).toBe('M0,1L1,2L2,3');
    expect(linePath([[0, null]])).toBe('');
  });
});

describe('spreadLabels', () => {
  it('keeps labels at least a gap apart, inside the bounds, in the input order', () => {
    expect(spreadLabels([50, 52, 200], 12, 0, 300)).toEqual([50, 62, 200]);
    expect(spreadLabels([52, 50], 12, 0, 300)).toEqual([62, 50]);
    expect(spreadLabels([298, 299, 300], 10, 0, 300)).toEqual([280, 290, 300]);
    expect(spreadLabels([-5], 10, 0, 300)).toEqual([0]);
    expect(spreadLabels([], 10, 0, 300)).toEqual([]);
  });
});

describe('markers and dashes', () => {
  it('gives each of six series its own dash pattern and marker shape', () => {
    expect(new Set(DASHES).size).toBe(6);
    expect(new Set(MARKERS).size).toBe(6);
    for (const m of MARKERS) expect(markerPath(m, 10, 10, 4)).toMatch(/^M[\d.,]+/);
    expect(markerPath('square', 10, 10, 4)).toBe('M6,6L14,6L14,14L6,14Z');
  });
  it('keeps a dozen series (factions.json allows 12) apart by dash and marker together', () => {
    const looks = Array.from({ length: 12 }, (_, k) => seriesStyle(k)).map((s) => `${s.dash}|${s.marker}`);
    expect(new Set(looks).size).toBe(12);
  });
});

describe('valueText', () => {
  const o = {
    datesIso: ['2017-07-01', '2017-07-15'],
    series: [{ id: 'is', label: 'Islamic State', color: '#000', values: [43_712.4, 40_590.9] }, { id: 'k', label: 'Kurds', color: '#ff0', values: [null, 27_398] }],
    unit: 'km²' as const,
  };
  it('reads the date in words and each series\' value, "none" for a gap', () => {
    expect(valueText({ ...o, lang: 'en' }, 1)).toBe('15 July 2017: Islamic State 40,591 km², Kurds 27,398 km²');
    expect(valueText({ ...o, lang: 'nl' }, 0)).toBe('1 juli 2017: Islamic State 43.712 km², Kurds geen');
    expect(valueText({ ...o, lang: 'en' }, 5)).toBe('');
    expect(formatValue(null, 'km', 'en')).toBe('none');
  });
});
