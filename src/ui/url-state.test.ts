import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from './url-state.ts';

const ctx = { datesIso: ['2014-06-01', '2015-06-01', '2017-07-15'], placeIds: new Set(['mosul', 'mayadeen']), defaultDateIndex: 2 };

describe('parseUrlState', () => {
  it('reads date, place and lang', () => {
    const { state, notices } = parseUrlState('?date=2016-02-03&place=mosul&lang=nl', ctx);
    expect(state).toEqual({ dateIndex: 1, placeId: 'mosul', lang: 'nl', compareIndex: null, swipe: false });
    expect(notices).toEqual([]);
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
