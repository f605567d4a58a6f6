/**
 * The embed's URL flags, parsed without trusting them: a bad value falls back to its default and is
 * reported, never thrown. `date`, `place` and `lang` are read by the shared URL state
 * (src/ui/url-state.ts); these are the embed's own.
 */
export const CONTROLS = ['timeline', 'legend', 'claims', 'data'] as const;
export type Control = (typeof CONTROLS)[number];
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

export interface EmbedFlags {
  controls: ReadonlySet<Control>;
  theme: Theme;
  /** A still picture: no interaction, no timeline. */
  isStatic: boolean;
  title: string | null;
  source: string | null;
  view: { center: [number, number]; zoom: number } | null;
  /** Names this embed in size messages (Datawrapper's chart id, pym's childId). */
  id: string;
  /** The only host origin whose messages are obeyed and to which events are posted; null: any. */
  hostOrigin: string | null;
  /** The story's dated events (events.json) on the slider and under the map; `events=0` leaves them out. */
  events: boolean;
}

export interface FlagNotice { flag: string; value: string }

export const DEFAULT_CONTROLS: readonly Control[] = ['timeline', 'legend', 'data'];
const MAX_TITLE = 140;
const MAX_SOURCE = 240;

const isTrue = (v: string) => v === '' || v === '1' || v === 'true' || v === 'yes';
const isFalse = (v: string) => v === '0' || v === 'false' || v === 'no';

/** How a notice quotes a bad value: control characters as spaces, at most 40 characters (a link can be 2 MB long). */
export const noticeValue = (value: string): string => {
  const v = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return v.length > MAX_QUOTED ? `${v.slice(0, MAX_QUOTED)}…` : v;
};
const MAX_QUOTED = 40;

export function parseEmbedFlags(search: string): { flags: EmbedFlags; notices: FlagNotice[] } {
  const params = new URLSearchParams(search);
  const notices: FlagNotice[] = [];
  const bad = (flag: string, value: string) => notices.push({ flag, value: noticeValue(value) });

  let controls = new Set<Control>(DEFAULT_CONTROLS);
  const c = params.get('controls');
  if (c !== null) {
    const names = c.split(',').map((x) => x.trim()).filter(Boolean);
    if (names.length === 1 && names[0] === 'none') controls = new Set();
    else {
      const known = names.filter((n): n is Control => (CONTROLS as readonly string[]).includes(n));
      if (known.length !== names.length || names.length === 0) bad('controls', c);
      if (known.length) controls = new Set(known);
    }
  }

  let theme: Theme = 'light';
  const th = params.get('theme');
  if (th !== null) {
    if ((THEMES as readonly string[]).includes(th)) theme = th as Theme;
    else bad('theme', th);
  }

  let isStatic = false;
  const st = params.get('static');
  if (st !== null) {
    if (isTrue(st)) isStatic = true;
    else if (!isFalse(st)) bad('static', st);
  }
  if (isStatic) controls.delete('timeline');

  const text = (flag: string, max: number): string | null => {
    const v = params.get(flag);
    if (v === null) return null;
    const clean = v.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
    if (!clean) return null;
    if (clean.length > max) { bad(flag, clean); return clean.slice(0, max); }
    return clean;
  };
  const title = text('title', MAX_TITLE);
  const source = text('source', MAX_SOURCE);

  let view: EmbedFlags['view'] = null;
  const v = params.get('view');
  if (v !== null) {
    const m = /^(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(v);
    const [zoom, lat, lon] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
    if (m && zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 85 && Math.abs(lon) <= 180) view = { center: [lon, lat], zoom };
    else bad('view', v);
  }

  let id = 'frontlines';
  const rawId = params.get('id') ?? params.get('childId');
  if (rawId !== null) {
    if (/^[\w-]{1,64}$/.test(rawId)) id = rawId;
    else bad(params.has('id') ? 'id' : 'childId', rawId);
  }

  let events = true;
  const ev = params.get('events');
  if (ev !== null) {
    if (isFalse(ev)) events = false;
    else if (!isTrue(ev)) bad('events', ev);
  }

  let hostOrigin: string | null = null;
  const o = params.get('origin');
  if (o !== null) {
    hostOrigin = parseOrigin(o);
    if (hostOrigin === null) bad('origin', o);
  }
  return { flags: { controls, theme, isStatic, title, source, view, id, hostOrigin, events }, notices };
}

/**
 * An http(s) origin written as one (`https://news.example`, a trailing slash allowed), or null.
 * @example parseOrigin('https://news.example/') // 'https://news.example'
 */
export function parseOrigin(value: string): string | null {
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === value.replace(/\/$/, '') ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The host origin an editor means by what they typed: an origin, or the address of the article
 * (whose origin is taken); null for anything that is not an http(s) address.
 * @example originOfAddress('https://news.example/2017/07/map.html') // 'https://news.example'
 */
export function originOfAddress(value: string): string | null {
  const v = value.trim();
  if (!/^https?:\/\//i.test(v)) return null;
  try {
    const u = new URL(v);
    return u.hostname ? u.origin : null;
  } catch {
    return null;
  }
}
