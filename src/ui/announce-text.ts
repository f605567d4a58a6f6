/**
 * What a screen reader hears once a date (or a previewed file) is drawn: the date, who holds
 * what (held ground, desert dominated, contested ground with its holder and attackers) and how
 * each side's held ground changed since the date before. Computed from the drawn territory
 * itself, so it needs no optional file. Pure; the map's live region (src/app/announce-view.ts)
 * speaks it once per swap.
 */
import type { ContestedArea } from '../analysis/area.ts';
import { changeShows, roundKm2, sideChanges, type SideChange } from '../analysis/summary.ts';
import type { Faction, FactionId } from '../data/contract.ts';
import { formatDate, formatList, formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { grammar } from './summary-text.ts';

export interface AnnounceInput {
  dateIso: string;
  /** A file a data editor previews in the date's place, or null. */
  preview: string | null;
  held: ReadonlyMap<FactionId, number>;
  desert: ReadonlyMap<FactionId, number>;
  contested: readonly ContestedArea[];
  /** The date before and its held ground; null for the first date, a preview, or when not loaded. */
  prev: { dateIso: string; held: ReadonlyMap<FactionId, number> } | null;
  factions: readonly Faction[];
}

/**
 * @example announceText({ dateIso: '2017-07-15', preview: null, held, desert, contested: [], prev, factions }, 'en')
 * // "15 July 2017 on the map. Held: the Islamic State about 34,300 km² (down 320 km² since 1 July 2017); …"
 */
export function announceText(input: AnnounceInput, lang: Lang): string {
  const w = WORDS[lang];
  const side = grammar(input.factions, lang);
  const date = formatDate(input.dateIso, lang);
  const order = input.factions.map((f) => f.id);
  const byArea = (m: ReadonlyMap<FactionId, number>) => [...m].filter(([, a]) => a > 0).sort((a, b) => b[1] - a[1]);
  const sentences = [input.preview ? w.preview(input.preview, date) : w.date(date)];

  const prevHeld = input.prev ? Object.fromEntries(input.prev.held) : null;
  const changes = new Map(sideChanges(Object.fromEntries(input.held), prevHeld ?? {}, order).map((c) => [c.faction, c]));
  const prevDate = input.prev ? formatDate(input.prev.dateIso, lang) : null;
  // The first change named carries the date. A side's change is named when it moved much, or by
  // at least its area's rounding step (summary.ts changeShows), or, for a story of one side, when
  // it rounds to 1 km² or more.
  let since = prevDate;
  const single = changes.size === 1;
  const held = byArea(input.held).map(([id, a]) => {
    const c = prevHeld ? changes.get(id) : undefined;
    const said = c && (c.kind !== 'steady' || changeShows(c.changeKm2, c.areaKm2) || (single && roundKm2(c.changeKm2) !== 0));
    const note = c && said ? w.change(c, since, lang) : '';
    if (note) since = null;
    return `${side(id).name} ${km2(a, lang)}${note}`;
  });
  // Sides that held ground on the date before and none now.
  const gone = prevHeld ? [...changes.values()].filter((c) => c.kind === 'gone').map((c) => w.gone(side(c.faction).name, km2(c.prevKm2, lang))) : [];
  sentences.push(held.length || gone.length ? w.held(formatList([...held, ...gone], lang)) : w.nobody);
  if (prevDate && held.length && since !== null && !gone.length) sentences.push(w.same(prevDate));

  const desert = byArea(input.desert).map(([id, a]) => `${side(id).name} ${km2(a, lang)}`);
  if (desert.length) sentences.push(w.desert(formatList(desert, lang)));
  const contested = input.contested.filter((c) => c.areaKm2 > 0)
    .map((c) => w.contested(km2(c.areaKm2, lang), side(c.holder).name, formatList(c.against.map((a) => side(a).name), lang)));
  if (contested.length) sentences.push(w.contestedAll(contested.join('; ')));
  return sentences.join(' ');
}

/** "about 40,600 km²"; "under 1 km²" for a sliver (as the summary paragraph rounds). */
function km2(x: number, lang: Lang): string {
  const r = roundKm2(x);
  if (r === 0) return lang === 'nl' ? 'minder dan 1 km²' : 'under 1 km²';
  return `${lang === 'nl' ? "zo'n" : 'about'} ${formatNumber(r, lang)} km²`;
}
const bare = (x: number, lang: Lang) => `${formatNumber(Math.max(1, Math.abs(roundKm2(x))), lang)} km²`;

interface Words {
  date(date: string): string;
  preview(file: string, date: string): string;
  held(list: string): string;
  nobody: string;
  /** The change in parentheses, or '' when it rounds to 0 km²; `prevDate` only with the first change named. */
  change(c: SideChange, prevDate: string | null, lang: Lang): string;
  /** No side's held ground changed enough to name (see `announceText`). */
  same(prevDate: string): string;
  gone(side: string, before: string): string;
  desert(list: string): string;
  contested(area: string, holder: string, attackers: string): string;
  contestedAll(list: string): string;
}

const en: Words = {
  date: (date) => `${date} on the map.`,
  preview: (file, date) => `Previewing ${file} in place of ${date}.`,
  held: (list) => `Held: ${list}.`,
  nobody: 'No side held any ground.',
  change(c, prev, lang) {
    const since = prev ? ` since ${prev}` : '';
    if (c.kind === 'new') return ` (new${since})`;
    if (roundKm2(c.changeKm2) === 0) return '';
    return ` (${c.changeKm2 < 0 ? 'down' : 'up'} ${bare(c.changeKm2, lang)}${since})`;
  },
  same: (prev) => `Little change in held ground since ${prev}.`,
  gone: (side, before) => `${side} none any more (${before} before)`,
  desert: (list) => `Desert dominated but not held: ${list}.`,
  contested: (area, holder, attackers) => `${area} held by ${holder} and attacked by ${attackers}`,
  contestedAll: (list) => `Contested: ${list}.`,
};

const nl: Words = {
  date: (date) => `${date} op de kaart.`,
  preview: (file, date) => `Voorbeeld van ${file} in plaats van ${date}.`,
  held: (list) => `In handen: ${list}.`,
  nobody: 'Geen partij had gebied in handen.',
  change(c, prev, lang) {
    const since = prev ? ` sinds ${prev}` : '';
    if (c.kind === 'new') return ` (nieuw${since})`;
    if (roundKm2(c.changeKm2) === 0) return '';
    return ` (${bare(c.changeKm2, lang)} ${c.changeKm2 < 0 ? 'minder' : 'meer'}${since})`;
  },
  same: (prev) => `Weinig verandering in gebied in handen sinds ${prev}.`,
  gone: (side, before) => `${side} niets meer (eerder ${before})`,
  desert: (list) => `Woestijn beheerst maar niet in handen: ${list}.`,
  contested: (area, holder, attackers) => `${area} in handen van ${holder} en aangevallen door ${attackers}`,
  contestedAll: (list) => `Omstreden: ${list}.`,
};

const WORDS: Record<Lang, Words> = { en, nl };
