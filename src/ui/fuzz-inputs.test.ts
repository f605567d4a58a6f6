/**
 * Property-based tests of what a reader's link and a host page can send: the query string
 * (parseUrlState, parseEmbedFlags), the map view in the hash (isViewHash), the origin flag
 * (parseOrigin) and messages between the page and the embed (parseHostCommand,
 * heightFromMessage). At least 10,000 generated inputs each; none may throw or take a second, what
 * comes back stays in range, and a notice quotes at most 40 characters of what it was given.
 */
import { describe, expect } from 'vitest';
import fc from 'fast-check';
import * as A from '../../tests/fuzz/arbitraries.ts';
import { fuzz, reportTimings } from '../../tests/fuzz/run.ts';
import { isViewHash, parseUrlState } from './url-state.ts';
import { CONTROLS, parseEmbedFlags, parseOrigin, THEMES } from '../embed/flags.ts';
import { heightFromMessage, parseHostCommand } from '../embed/protocol.ts';

reportTimings();
const ctx = { datesIso: ['2014-06-01', '2015-06-01', '2017-07-15'], placeIds: new Set(['mosul', 'mayadeen']), defaultDateIndex: 2 };
const MAX_QUOTED = 41; // 40 characters and an ellipsis
const KEYS = ['date', 'place', 'lang', 'compare', 'swipe', 'controls', 'theme', 'static', 'title', 'source', 'view', 'id', 'childId', 'origin'];
/** Values a link may carry: good ones, near misses, long, encoded, control characters, markup. */
const value = fc.oneof(
  fc.constantFrom('2017-07-15', '2017-02-30', '9999-12-31', '0001-01-01', 'mosul', '__proto__', 'nl', 'ar', '1', 'none', 'timeline,legend', 'dark', '6/35/40', '90/91/181', 'https://news.example', 'https://news.example/a', 'javascript:alert(1)', '<img src=x onerror=alert(1)>', '%', '%E0%A4%A', '\u0000\u001f', ''),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer({ min: 100, max: 20_000 }).map((n) => 'x'.repeat(n)),
);
const encode = (s: string) => { try { return encodeURIComponent(s); } catch { return s; } };
const query = fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), value, fc.boolean()), { maxLength: 8 })
  .map((pairs) => `?${pairs.map(([k, v, enc]) => `${encode(k)}=${enc ? encode(v) : v}`).join('&')}`);
const search = fc.oneof({ weight: 8, arbitrary: query }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) });
const short = (values: readonly string[]) => { for (const v of values) if (v.length > MAX_QUOTED) throw new Error(`a notice quotes ${v.length} characters`); };

describe('what a link can say', () => {
  fuzz('parseUrlState', search, (s) => parseUrlState(s, ctx), ({ state, notices }) => {
    const n = ctx.datesIso.length;
    if (!(Number.isInteger(state.dateIndex) && state.dateIndex >= 0 && state.dateIndex < n)) throw new Error(`date index ${state.dateIndex}`);
    if (state.compareIndex !== null && !(Number.isInteger(state.compareIndex) && state.compareIndex >= 0 && state.compareIndex < n)) throw new Error(`compare index ${state.compareIndex}`);
    if (state.placeId !== null && !ctx.placeIds.has(state.placeId)) throw new Error(`place ${state.placeId}`);
    if (state.lang !== null && state.lang !== 'en' && state.lang !== 'nl') throw new Error(`lang ${state.lang}`);
    if (state.swipe && state.compareIndex === null) throw new Error('swipe without a second date');
    short(notices.map((x) => x.value));
  });
  fuzz('parseEmbedFlags', search, (s) => parseEmbedFlags(s), ({ flags, notices }) => {
    for (const c of flags.controls) if (!(CONTROLS as readonly string[]).includes(c)) throw new Error(`control ${c}`);
    if (!(THEMES as readonly string[]).includes(flags.theme)) throw new Error(`theme ${flags.theme}`);
    if (flags.isStatic && flags.controls.has('timeline')) throw new Error('a still picture with a timeline');
    if (!/^[\w-]{1,64}$/.test(flags.id)) throw new Error(`id ${flags.id}`);
    if (flags.hostOrigin !== null && !/^https?:\/\/[^/\s]+$/.test(flags.hostOrigin)) throw new Error(`origin ${flags.hostOrigin}`);
    if ((flags.title?.length ?? 0) > 140 || (flags.source?.length ?? 0) > 240) throw new Error('title or source too long');
    for (const t of [flags.title, flags.source]) if (t !== null && /[\u0000-\u001f\u007f]/.test(t)) throw new Error('a control character in a text shown');
    if (flags.view && !(flags.view.zoom >= 0 && flags.view.zoom <= 22 && Math.abs(flags.view.center[1]) <= 85 && Math.abs(flags.view.center[0]) <= 180)) throw new Error('view out of range');
    short(notices.map((x) => x.value));
  });
  const hash = fc.oneof(
    fc.tuple(fc.oneof(A.oddNumber, fc.double({ min: -30, max: 30 })), A.oddNumber, A.oddNumber, fc.array(A.oddNumber, { maxLength: 3 })).map(([z, a, b, rest]) => `#${[z, a, b, ...rest].join('/')}`),
    fc.string({ maxLength: 30 }).map((s) => `#${s}`),
    fc.constantFrom('#6/35.02/40.45', '#6/35.02/40.45/10/20', '#25/0/0', '#1/91/0', '#1/0/181', '#1e3/0/0', '#0x10/0/0', '#//', ''),
  );
  fuzz('isViewHash', hash, (h) => isViewHash(h), (ok, h) => {
    if (!ok) return;
    // A view it accepts is one MapLibre can show: zoom 0-24, latitude and longitude in range.
    const [z, lat, lon] = h.slice(1).split('/').map(Number) as [number, number, number];
    expect(z >= 0 && z <= 24 && Math.abs(lat) <= 90 && Math.abs(lon) <= 180).toBe(true);
  });
  fuzz('parseOrigin', fc.oneof(value, fc.webUrl(), fc.webUrl().map((u) => new URL(u).origin)), (v) => parseOrigin(v), (origin, v) => {
    if (origin === null) return;
    // Only an http(s) origin, and only when that is what was written.
    expect(/^https?:\/\//.test(origin) && origin === v.replace(/\/$/, '')).toBe(true);
  });
});

describe('what a host page can post', () => {
  const command = fc.record({
    frontlines: fc.oneof(fc.constant(1), fc.constant('1'), fc.constant(2), A.scalar),
    action: fc.oneof(fc.constantFrom('set-date', 'set-place', 'reload', '__proto__'), A.scalar),
    date: fc.oneof(fc.constantFrom('2017-07-15', '2017-07-15T00:00'), value, A.anyValue),
    place: fc.oneof(fc.constantFrom('mosul', '<b>x</b>'), fc.constant(null), value, A.anyValue),
  }, { requiredKeys: [] });
  fuzz('parseHostCommand', fc.oneof({ weight: 4, arbitrary: command }, { weight: 1, arbitrary: A.anyValue }), (d) => parseHostCommand(d), (c) => {
    if (c === null) return;
    // A command it obeys is one of ours, with a short string (or null place), nothing else.
    if (c.action === 'set-date') expect(typeof c.date === 'string' && c.date.length <= 10).toBe(true);
    else expect(c.action === 'set-place' && (c.place === null || (typeof c.place === 'string' && c.place.length <= 64))).toBe(true);
  });
  const height = fc.oneof(A.oddNumber, A.scalar, fc.double());
  const sizeMessage = fc.oneof(
    fc.tuple(fc.string({ maxLength: 10 }), height).map(([id, h]) => ({ 'datawrapper-height': { [id]: h } })),
    fc.tuple(fc.constantFrom('frontlines', 'a b', ''), fc.oneof(height, fc.string({ maxLength: 12 }))).map(([id, h]) => `pymxPYMx${id}xPYMxheightxPYMx${String(h)}`),
    height.map((h) => ({ sentinel: 'amp', type: 'embed-size', height: h })),
    height.map((h) => ({ context: 'iframe.resize', height: h })),
    A.anyValue,
  );
  fuzz('heightFromMessage', sizeMessage, (m) => heightFromMessage(m), (h) => {
    // A height the host page applies is a finite number of pixels, above 0 and below 100,000.
    if (h !== null) expect(Number.isFinite(h) && h > 0 && h < 100_000).toBe(true);
  });
});
