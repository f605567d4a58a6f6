/**
 * The comparison's sentence: what changed most between two dates, in English or Dutch. One side
 * leads: the one with the most ground gained or lost, as rounded in the text (a loss leads a gain
 * of the same size). Where its ground went (or came from) follows when other sides were involved;
 * a change that rounds to 0 km² is never spoken of. Pure; the compare panel shows it.
 */
import { roundKm2 } from '../analysis/summary.ts';
import type { ChangeResult, Holder } from '../analysis/change.ts';
import { CONTESTED_HOLDER, type Faction, type FactionId } from '../data/contract.ts';
import { formatDate, formatList, formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { grammar, type Side } from './summary-text.ts';

/** One other holder's share of the lead's change, in km² (rounds to 1 km² or more). */
export interface ComparePart { holder: Holder; km2: number }
/**
 * What the sentence says: the leading side, whether it lost or gained `km2`, the other holders
 * involved (`parts`, biggest first; none when only ground no side held was involved) and, when
 * there are no parts, the lead's change the other way (`otherKm2`, 0 when it rounds to nothing).
 */
export interface ComparePlan { faction: FactionId; kind: 'lost' | 'gained'; km2: number; parts: ComparePart[]; otherKm2: number }

const rounded = (x: number) => Math.abs(roundKm2(x));

/** The plan of the sentence, or null when no side gained or lost ground that rounds to 1 km². */
export function comparePlan(change: Pick<ChangeResult, 'totals' | 'transfersKm2'>, factions: readonly FactionId[]): ComparePlan | null {
  let best: { faction: FactionId; kind: 'lost' | 'gained'; km2: number } | null = null;
  for (const faction of factions) {
    const t = change.totals[faction];
    if (!t) continue;
    for (const [kind, km2] of [['lost', t.lostKm2], ['gained', t.gainedKm2]] as const) {
      if (rounded(km2) >= 1 && (!best || rounded(km2) > rounded(best.km2))) best = { faction, kind, km2 };
    }
  }
  if (!best) return null;
  const { faction, kind } = best;
  const flows: [Holder, number][] = kind === 'lost'
    ? Object.entries(change.transfersKm2[faction] ?? {}) as [Holder, number][]
    : Object.entries(change.transfersKm2).map(([from, to]) => [from, to[faction] ?? 0] as [Holder, number]);
  const parts = flows.filter(([h, km2]) => h !== faction && rounded(km2) >= 1).sort((a, b) => b[1] - a[1]).map(([holder, km2]) => ({ holder, km2 }));
  const t = change.totals[faction]!;
  const other = kind === 'lost' ? t.gainedKm2 : t.lostKm2;
  const named = parts.some((p) => p.holder !== 'none') ? parts : [];
  return { ...best, parts: named, otherKm2: named.length || rounded(other) < 1 ? 0 : other };
}

/**
 * The sentence, or one saying that no ground changed hands.
 * @example compareSentence(change, '2016-09-01', '2017-07-15', factions, 'en')
 * // "Of the 65,000 km² the Islamic State lost between 1 September 2016 and 15 July 2017, 29,400 km² went to …"
 */
export function compareSentence(change: Pick<ChangeResult, 'totals' | 'transfersKm2'>, fromIso: string, toIso: string, factions: readonly Faction[], lang: Lang): string {
  const w = WORDS[lang];
  const a = formatDate(fromIso, lang), b = formatDate(toIso, lang);
  const plan = comparePlan(change, factions.map((f) => f.id));
  if (!plan) return w.none(a, b);
  const g = grammar(factions, lang);
  const holder = (h: Holder) => (h === 'none' ? w.nobody[plan.kind] : h === CONTESTED_HOLDER ? w.contested : g(h).name);
  const parts = plan.parts.map((p, i) => w.part(plan.kind, km2(p.km2, lang), holder(p.holder), i === 0));
  const text = parts.length ? w.of(plan.kind, km2(plan.km2, lang), g(plan.faction), a, b, formatList(parts, lang))
    : w.only(plan.kind, km2(plan.km2, lang), g(plan.faction), a, b, plan.otherKm2 ? km2(plan.otherKm2, lang) : null);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** As the table rounds: "7,600 km²". */
const km2 = (x: number, lang: Lang) => `${formatNumber(rounded(x), lang)} km²`;

interface Words {
  /** Ground no side held: where lost ground went, where gained ground came from. */
  nobody: Record<'lost' | 'gained', string>;
  contested: string;
  /** One holder's share; the first carries the verb ("went to" / "came from"). */
  part(kind: 'lost' | 'gained', area: string, who: string, first: boolean): string;
  of(kind: 'lost' | 'gained', area: string, side: Side, a: string, b: string, parts: string): string;
  only(kind: 'lost' | 'gained', area: string, side: Side, a: string, b: string, other: string | null): string;
  none(a: string, b: string): string;
}

const en: Words = {
  nobody: { lost: 'no side', gained: 'ground no side held' },
  contested: 'contested ground',
  part: (kind, area, who, first) => (kind === 'lost' ? `${area} ${first ? 'went ' : ''}to ${who}` : `${area} ${first ? 'came ' : ''}from ${who}`),
  of: (kind, area, side, a, b, parts) => `Of the ${area} ${side.name} ${kind} between ${a} and ${b}, ${parts}.`,
  only: (kind, area, side, a, b, other) => `Between ${a} and ${b} ${side.name} ${kind} ${area}${other ? ` and ${kind === 'lost' ? 'gained' : 'lost'} ${other}` : ''}.`,
  none: (a, b) => `No ground changed hands between ${a} and ${b}.`,
};

/** Dutch verbs agree with the side: "verloor" / "verloren", "won" / "wonnen". */
const nlVerb = (kind: 'lost' | 'gained', side: Side) => (kind === 'lost' ? (side.plural ? 'verloren' : 'verloor') : (side.plural ? 'wonnen' : 'won'));
const nl: Words = {
  nobody: { lost: 'geen partij', gained: 'gebied van geen partij' },
  contested: 'omstreden gebied',
  part: (kind, area, who, first) => (kind === 'lost' ? `${first ? 'ging ' : ''}${area} naar ${who}` : `${first ? 'kwam ' : ''}${area} van ${who}`),
  of: (kind, area, side, a, b, parts) => `Van de ${area} die ${side.name} tussen ${a} en ${b} ${nlVerb(kind, side)}, ${parts}.`,
  // The other way as "bij een verlies van …": a second verb would need a pronoun, and Dutch ones
  // depend on the name's gender.
  only: (kind, area, side, a, b, other) => `Tussen ${a} en ${b} ${nlVerb(kind, side)} ${side.name} ${area}${other ? `, bij ${kind === 'lost' ? 'een winst' : 'een verlies'} van ${other}` : ''}.`,
  none: (a, b) => `Tussen ${a} en ${b} wisselde geen gebied van eigenaar.`,
};

const WORDS: Record<Lang, Words> = { en, nl };
