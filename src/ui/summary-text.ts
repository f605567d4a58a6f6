/**
 * A short paragraph in words of what the map shows on one date and what changed since the one
 * before, in English or Dutch: areas held per side (src/analysis/summary.ts), the biggest changes
 * first, and one sentence on the article's claims. No DOM: the explorer's summary, the embed's
 * alternative text, and the comparison's sentence use it. Side names and their grammar come from
 * factions.json, pocket names from story.json.
 */
import type { Claim, DistanceClaim } from '../analysis/claims.ts';
import { changeShows, roundKm2, sideChanges, type SideChange } from '../analysis/summary.ts';
import type { Faction, FactionId, Place, Text } from '../data/contract.ts';
import type { PocketName } from '../data/story.ts';
import type { SnapshotStats, Stats } from '../data/stats.ts';
import { formatDate, formatList, formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { placeName, pocketList } from './names-text.ts';

export interface SummaryInput {
  dateIso: string;
  /** The snapshot before; null for the first one on the map. */
  prevDateIso: string | null;
  stats: SnapshotStats;
  prevStats: SnapshotStats | null;
  factions: readonly Faction[];
  claims: readonly Claim[];
  /** Places, for their names in the claims sentence (a place may be spelt otherwise in Dutch); else the id. */
  places?: readonly Place[];
  /** Names of pockets a distance claim leaves out (story.json `pockets`); else the id in words. */
  pockets?: ReadonlyMap<string, PocketName | Text>;
  /** How many dates the map has (1: the first date is the only one); unknown when left out. */
  dateCount?: number;
}

/**
 * What the paragraph says of the ground held, before it is put into words (the property tests
 * check it against the figures): every side that held ground on the date or the one before, and
 * how it is named. `changed` sides are worded with their change, `steady` ones in a sentence of
 * their own ("hardly changed"); `unchanged` when no side moved much (each with its change if it is
 * at least its area's rounding step); `single` for a story with one side on both dates, with its
 * change however small (for a daily archive of one side, that is the news).
 */
export type SummaryPlan =
  | { kind: 'opening'; sides: SideChange[] }
  | { kind: 'changes'; changed: SideChange[]; steady: SideChange[] }
  | { kind: 'unchanged'; sides: SideChange[] }
  | { kind: 'single'; side: SideChange }
  | { kind: 'nobody' };

/** The plan of the paragraph's first sentences (see SummaryPlan). */
export function summaryPlan(input: SummaryInput): SummaryPlan {
  const order = input.factions.map((f) => f.id);
  const bySize = (list: SideChange[]) => [...list].sort((a, b) => b.areaKm2 - a.areaKm2);
  if (!input.prevStats) {
    const sides = bySize(sideChanges(input.stats.areaKm2.held, {}, order));
    return sides.length ? { kind: 'opening', sides } : { kind: 'nobody' };
  }
  const changes = sideChanges(input.stats.areaKm2.held, input.prevStats.areaKm2.held, order);
  if (!changes.length) return { kind: 'nobody' };
  const only = changes.length === 1 ? changes[0]! : null;
  if (only && (only.kind === 'moved' || only.kind === 'steady')) return { kind: 'single', side: only };
  const changed = changes.filter((c) => c.kind !== 'steady');
  const steady = changes.filter((c) => c.kind === 'steady');
  return changed.length ? { kind: 'changes', changed, steady } : { kind: 'unchanged', sides: bySize(steady) };
}

/**
 * The paragraph for one date.
 * @example summarize({ dateIso: '2017-07-15', prevDateIso: '2017-07-01', stats, prevStats, factions, claims }, 'en')
 * // "On 15 July 2017 the North Army held about 40,600 km² (down 800 km² since 1 July 2017) and …"
 */
export function summarize(input: SummaryInput, lang: Lang): string {
  const w = WORDS[lang];
  const g = grammar(input.factions, lang);
  const date = formatDate(input.dateIso, lang);
  const prev = input.prevStats ? formatDate(input.prevDateIso ?? input.prevStats.dateIso, lang) : null;
  const plan = summaryPlan(input);
  const sentences: string[] = [];
  const list = (parts: string[]) => formatList(parts, lang);
  switch (plan.kind) {
    case 'opening': {
      const where = input.prevDateIso !== null ? 'later' : input.dateCount === 1 ? 'only' : 'first';
      sentences.push(w.opening(date, where, list(plan.sides.map((s, i) => w.holds(g(s.faction), km2(s.areaKm2, lang), i === 0)))));
      break;
    }
    case 'changes':
      sentences.push(w.on(date, list(plan.changed.map((c, i) => w.change(g(c.faction), c, i === 0 ? prev : null, lang)))));
      if (plan.steady.length) sentences.push(w.steady(list(plan.steady.map((c) => g(c.faction).name))));
      break;
    case 'unchanged':
      sentences.push(w.unchanged(date, prev!, list(plan.sides.map((s, i) => w.holds(g(s.faction), km2(s.areaKm2, lang), i === 0, true) + note(s, lang)))));
      break;
    case 'single':
      sentences.push(roundKm2(plan.side.changeKm2) === 0
        ? w.same(date, prev!, w.holds(g(plan.side.faction), km2(plan.side.areaKm2, lang), true))
        : w.on(date, w.change(g(plan.side.faction), { ...plan.side, kind: 'moved' }, prev, lang)));
      break;
    case 'nobody':
      sentences.push(w.nobody(date));
  }
  const claims = claimsSentence(input, lang, g);
  if (claims) sentences.push(claims);
  return sentences.map(capitalize).join(' ');
}

/** A paragraph for every date in the stats, keyed by date. */
export function summaryForAll(stats: Stats, lang: Lang, rest: Pick<SummaryInput, 'factions' | 'claims' | 'places' | 'pockets'>): Map<string, string> {
  const dates = [...stats.keys()].sort();
  return new Map(dates.map((dateIso, i) => {
    const prevDateIso = i > 0 ? dates[i - 1]! : null;
    return [dateIso, summarize({ ...rest, dateIso, prevDateIso, stats: stats.get(dateIso)!, prevStats: prevDateIso ? stats.get(prevDateIso)! : null, dateCount: dates.length }, lang)];
  }));
}

// --- the claims sentence -------------------------------------------------------------------------

function claimsSentence(input: SummaryInput, lang: Lang, g: (f: FactionId) => Side): string | null {
  const values = input.stats.claims;
  const known = input.claims.filter((c) => values[c.id]);
  if (!known.length) return null;
  const count = { agrees: 0, close: 0, differs: 0, 'n/a': 0 };
  for (const c of known) count[values[c.id]!.verdict]++;
  const w = WORDS[lang];
  const byPlace = new Map<string, DistanceClaim[]>();
  for (const c of known) if (c.kind === 'distance') byPlace.set(c.place, [...(byPlace.get(c.place) ?? []), c]);
  const distances = [...byPlace].map(([place, list]) => w.distances(
    placeName(place, input.places, lang),
    list.map((c) => {
      const v = values[c.id]!.value;
      return { side: g(c.faction), km: typeof v === 'number' ? formatNumber(Math.round(v), lang) : null, without: c.exclude.length ? pocketList(c.exclude, input.pockets, lang) : null };
    }),
    list.map((c) => formatNumber(c.article, lang)),
  ));
  return w.claims(count, known.length, distances);
}

// --- words ---------------------------------------------------------------------------------------

/** A side as a sentence needs it: "the Syrian regime" / "het Syrische regime", with its number. */
export interface Side { name: string; plural: boolean; possessive: string }

/** A side's name as it stands in a sentence, with its article and number from factions.json `grammar`. */
export function grammar(factions: readonly Faction[], lang: Lang): (f: FactionId) => Side {
  return (id) => {
    const f = factions.find((x) => x.id === id);
    if (!f) return { name: id, plural: false, possessive: lang === 'nl' ? 'zijn' : 'its' };
    const { plural, article, possessive } = f.grammar;
    const a = article[lang];
    // Dutch: after an article an adjective ending in -isch takes -e: "Syrisch regime" → "het Syrische regime".
    const name = lang === 'nl' && a ? f.name.nl.replace(/^(\S*isch)(?=\s)/, '$1e') : f.name[lang];
    return { name: a ? `${a} ${name}` : name, plural, possessive: possessive[lang] };
  };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "about 40,600 km²"; "under 1 km²" for a sliver. */
function km2(x: number, lang: Lang): string {
  const r = roundKm2(x);
  if (r === 0) return lang === 'nl' ? 'minder dan 1 km²' : 'under 1 km²';
  return `${lang === 'nl' ? "zo'n" : 'about'} ${formatNumber(r, lang)} km²`;
}
/** " (a; b)" of the notes that are not empty, or nothing. */
const parenthesis = (notes: string[]) => (notes.some(Boolean) ? ` (${notes.filter(Boolean).join('; ')})` : '');
const bare = (x: number, lang: Lang) => `${formatNumber(Math.max(1, Math.abs(roundKm2(x))), lang)} km²`;
/** " (up 150 km²)" for a change at least as big as the area's rounding step (summary.ts changeShows); else nothing. */
const note = (c: SideChange, lang: Lang) => (changeShows(c.changeKm2, c.areaKm2) ? ` (${WORDS[lang].upDown(c.changeKm2)})` : '');

interface Distance { side: Side; km: string | null; without: string | null }
type Counts = Record<'agrees' | 'close' | 'differs' | 'n/a', number>;

interface Words {
  /** One side's holding; `first` carries the verb ("X held about N" / "X about N"). */
  holds(side: Side, area: string, first: boolean, afterColon?: boolean): string;
  change(side: Side, c: SideChange, prevDate: string | null, lang: Lang): string;
  /** The first sentence on a date with no date before it known: `where` it is among the dates. */
  opening(date: string, where: 'first' | 'only' | 'later', list: string): string;
  on(date: string, list: string): string;
  /** One side, whose ground rounds to the same as on `prev`. */
  same(date: string, prev: string, holds: string): string;
  /** A change in words without the date: "up 15 km²" / "15 km² meer". */
  upDown(changeKm2: number): string;
  steady(list: string): string;
  unchanged(date: string, prev: string, list: string): string;
  nobody(date: string): string;
  distances(place: string, ours: Distance[], article: string[]): string;
  claims(count: Counts, total: number, distances: string[]): string;
}

const en: Words = {
  holds: (side, area, first) => `${side.name} ${first ? 'held ' : ''}${area}`,
  change(side, c, prev, lang) {
    const since = prev ? ` since ${prev}` : '';
    if (c.kind === 'new') return `${side.name} ${prev ? 'held ' : ''}${km2(c.areaKm2, lang)} (${prev ? `none on ${prev}` : 'none before'})`;
    if (c.kind === 'gone') return `${side.name} ${prev ? 'held no ground any more' : 'none any more'} (${km2(c.prevKm2, lang)} ${prev ? `on ${prev}` : 'before'})`;
    return `${side.name} ${prev ? 'held ' : ''}${km2(c.areaKm2, lang)} (${en.upDown(c.changeKm2)}${since})`;
  },
  opening: (date, where, list) => `On ${date}${where === 'first' ? ', the first date on the map,' : where === 'only' ? ', the only date on the map,' : ''} ${list}.`,
  on: (date, list) => `On ${date} ${list}.`,
  same: (date, prev, holds) => `On ${date} ${holds}, as on ${prev}.`,
  upDown: (x) => `${x < 0 ? 'down' : 'up'} ${bare(x, 'en')}`,
  steady: (list) => `The ground of ${list} hardly changed.`,
  unchanged: (date, prev, list) => `On ${date} no side had gained or lost much ground since ${prev}: ${list}.`,
  nobody: (date) => `On ${date} no side held any ground on the map.`,
  distances(place, ours, article) {
    const parts = ours.map((d) => {
      const notes = [d.without ? `not counting ${d.without}` : '', d.km === null ? 'no ground on this date' : d.km === '0' ? `${place} was in ${d.side.possessive} hands` : ''];
      return `${d.km === null ? 'no distance' : `${d.km} km`} to ${d.side.name}${parenthesis(notes)}`;
    });
    return `from ${place} it was ${formatList(parts, 'en')}, where the article says about ${formatList(article, 'en')} km`;
  },
  claims(n, total, distances) {
    const agree = n.agrees === total ? (total === 1 ? 'the article\'s one claim agrees' : `all ${total} of the article's claims agree`)
      : n.agrees === 0 ? `none of the article's ${total} claims agrees`
      : `${n.agrees} of the article's ${total} claims ${n.agrees === 1 ? 'agrees' : 'agree'}`;
    const rest = [
      n.close ? `${n.close} ${n.close === 1 ? 'is' : 'are'} close` : '',
      n.differs ? `${n.differs} ${n.differs === 1 ? 'differs' : 'differ'}` : '',
      n['n/a'] ? `${n['n/a']} cannot be checked` : '',
    ].filter(Boolean);
    return `On this date ${agree} with our data${rest.length ? ` (${rest.join(', ')})` : ''}${distances.length ? `; ${distances.join('; ')}` : ''}.`;
  },
};

const nl: Words = {
  // First after "Op <datum>" the verb comes before the subject ("had X zo'n N km² in handen");
  // after a colon it follows it ("X had zo'n N km² in handen").
  holds: (side, area, first, afterColon) => (!first ? `${side.name} ${area}`
    : afterColon ? `${side.name} ${side.plural ? 'hadden' : 'had'} ${area} in handen`
    : `${side.plural ? 'hadden' : 'had'} ${side.name} ${area} in handen`),
  change(side, c, prev, lang) {
    const verb = side.plural ? 'hadden' : 'had';
    if (c.kind === 'new') return prev ? `${verb} ${side.name} ${km2(c.areaKm2, lang)} in handen (op ${prev} nog niets)` : `${side.name} ${km2(c.areaKm2, lang)} (eerder niets)`;
    if (c.kind === 'gone') return prev ? `${verb} ${side.name} geen gebied meer in handen (op ${prev} nog ${km2(c.prevKm2, lang)})` : `${side.name} geen gebied meer (eerder nog ${km2(c.prevKm2, lang)})`;
    const more = nl.upDown(c.changeKm2);
    return prev ? `${verb} ${side.name} ${km2(c.areaKm2, lang)} in handen (${more} dan op ${prev})` : `${side.name} ${km2(c.areaKm2, lang)} (${more})`;
  },
  opening: (date, where, list) => `Op ${date}${where === 'first' ? ', de eerste datum op de kaart,' : where === 'only' ? ', de enige datum op de kaart,' : ''} ${list}.`,
  on: (date, list) => `Op ${date} ${list}.`,
  same: (date, prev, holds) => `Op ${date} ${holds}, evenveel als op ${prev}.`,
  upDown: (x) => `${bare(x, 'nl')} ${x < 0 ? 'minder' : 'meer'}`,
  steady: (list) => `Het gebied van ${list} veranderde nauwelijks.`,
  unchanged: (date, prev, list) => `Op ${date} had geen partij sinds ${prev} veel gebied gewonnen of verloren: ${list}.`,
  nobody: (date) => `Op ${date} had geen partij gebied op de kaart in handen.`,
  distances(place, ours, article) {
    const parts = ours.map((d) => {
      const notes = [d.without ? `${d.without} niet meegeteld` : '', d.km === null ? 'geen gebied op deze datum' : d.km === '0' ? `${place} was in ${d.side.possessive} handen` : ''];
      return `${d.km === null ? 'geen afstand' : `${d.km} km`} tot ${d.side.name}${parenthesis(notes)}`;
    });
    return `vanuit ${place} was het ${formatList(parts, 'nl')}, waar het artikel zo'n ${formatList(article, 'nl')} km noemt`;
  },
  claims(n, total, distances) {
    const agree = n.agrees === total ? (total === 1 ? 'stemt de enige bewering uit het artikel' : `stemmen alle ${total} beweringen uit het artikel`)
      : n.agrees === 0 ? `stemt geen van de ${total} beweringen uit het artikel`
      : `${n.agrees === 1 ? 'stemt' : 'stemmen'} ${n.agrees} van de ${total} beweringen uit het artikel`;
    const rest = [
      n.close ? `${n.close} ${n.close === 1 ? 'klopt' : 'kloppen'} ongeveer` : '',
      n.differs ? `${n.differs} ${n.differs === 1 ? 'wijkt' : 'wijken'} af` : '',
      n['n/a'] ? `${n['n/a']} ${n['n/a'] === 1 ? 'is' : 'zijn'} niet te toetsen` : '',
    ].filter(Boolean);
    return `Op deze datum ${agree} overeen met onze gegevens${rest.length ? ` (${rest.join(', ')})` : ''}${distances.length ? `; ${distances.join('; ')}` : ''}.`;
  },
};

const WORDS: Record<Lang, Words> = { en, nl };
