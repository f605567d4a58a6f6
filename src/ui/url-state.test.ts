import { describe, expect, it } from 'vitest';
import { isViewHash, parseUrlState, serializeUrlState } from './url-state.ts';

const ctx = { datesIso: ['2014-06-01', '2015-06-01', '2017-07-15'], placeIds: new Set(['mosul', 'mayadeen']), defaultDateIndex: 2 };

describe('parseUrlState', () => {
  it('reads date, place and lang', () => {
    const { state, notices } = parseUrlState('?date=2016-02-03&place=mosul&lang=nl', ctx);
    expect(state).toEqual({ dateIndex: 1, placeId: 'mosul', lang: 'nl', compareIndex: null, swipe: false });
    expect(notices).toEqual([]);
  });
  it('quotes at most 40 characters of a bad value, with control characters as spaces', () => {
    const { notices } = parseUrlState(`?date=${'9'.repeat(5000)}&place=a%00b`, ctx);
    expect(notices).toEqual([{ kind: 'date-malformed', value: `${'9'.repeat(40)}…` }, { kind: 'place-unknown', value: 'a b' }]);
  });
  it('falls back to defaults with a notice for each bad value', () => {
    const { state, notices } = parseUrlState('?date=2017-02-30&place=atlantis&lang=fr', ctx);
    expect(state).toEqual({ dateIndex: 2, placeId: null, lang: null, compareIndex: null, swipe: false });
    expect(notices).toEqual([
      { kind: 'date-malformed', value: '2017-02-30' },
      { kind: 'place-unknown', value: 'atlantis' },
      { kind: 'lang-unknown', value: 'fr' },
    ]);
  });
  it('shows the first snapshot for a date before the series, and says so', () => {
    const { state, notices } = parseUrlState('?date=2010-01-01', ctx);
    expect(state.dateIndex).toBe(0);
    expect(notices).toEqual([{ kind: 'date-too-early', value: '2010-01-01' }]);
  });
  it('shows the last snapshot for a date after the series, and says so', () => {
    const { state, notices } = parseUrlState('?date=9999-12-31', ctx);
    expect(state.dateIndex).toBe(2);
    expect(notices).toEqual([{ kind: 'date-too-late', value: '9999-12-31' }]);
    expect(parseUrlState('?date=2017-07-15', ctx).notices).toEqual([]);
  });
  it('uses the default with no parameters', () => {
    expect(parseUrlState('', ctx)).toEqual({ state: { dateIndex: 2, placeId: null, lang: null, compareIndex: null, swipe: false }, notices: [] });
  });
});

describe('serializeUrlState', () => {
  it('round-trips through parseUrlState', () => {
    const s = serializeUrlState({ dateIso: '2015-06-01', placeId: 'mayadeen', lang: 'en' }, '');
    expect(s).toBe('?date=2015-06-01&place=mayadeen&lang=en');
    expect(parseUrlState(s, ctx).state).toEqual({ dateIndex: 1, placeId: 'mayadeen', lang: 'en', compareIndex: null, swipe: false });
  });
  it('round-trips a comparison, side by side', () => {
    const s = serializeUrlState({ dateIso: '2017-07-15', placeId: null, lang: null, compareIso: '2014-06-01', swipe: true }, '');
    expect(s).toBe('?date=2017-07-15&compare=2014-06-01&swipe=1');
    expect(parseUrlState(s, ctx).state).toMatchObject({ dateIndex: 2, compareIndex: 0, swipe: true });
    expect(parseUrlState('?compare=nope&swipe=1', ctx)).toMatchObject({ state: { compareIndex: null, swipe: false }, notices: [{ kind: 'compare-malformed', value: 'nope' }] });
  });
  it('keeps parameters it does not own and drops the ones cleared', () => {
    expect(serializeUrlState({ dateIso: '2014-06-01', placeId: null, lang: null }, '?utm=x&place=mosul&lang=nl')).toBe('?utm=x&date=2014-06-01');
  });
});

describe('isViewHash', () => {
  it('accepts MapLibre\'s zoom/lat/lon (bearing and pitch optional) in range, and nothing else', () => {
    for (const h of ['#6/35.02/40.45', '#5.5/34.6/40.5/0/0', '#0/-90/-180']) expect(isViewHash(h), h).toBe(true);
    for (const h of ['', '#', '#junk', '#6/35', '#6/95/40', '#6/35/200', '#30/1/1', '#6/35/40/1/2/3', '#6/3e1/40', '#6/ 35/40', '#a/b/c']) expect(isViewHash(h), h).toBe(false);
  });
});
