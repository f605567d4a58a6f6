/**
 * Property-based tests of the generated words (the summary paragraph, the live region's words and
 * the comparison's sentence) over random area tables of 1 to 12 sides, in English and Dutch: sides
 * that only gain, only lose, never change, come or go, areas from slivers to half a million km²,
 * changes on either side of the rounding steps. None may speak of a change that rounds to 0 km²
 * ("0 km²" anywhere), name a side that held nothing on either date, or speak of a side that holds
 * nothing on the date as holding ground. The oracle is the table: every change the text states is
 * read back from it and matched against the table's own figures, rounded as the text rounds
 * (hundreds from 1,000 km², tens from 100, else whole km²).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzz, reportTimings } from '../../tests/fuzz/run.ts';
import { parseFactions, CONTESTED_HOLDER, type Faction } from '../data/contract.ts';
import type { SnapshotStats } from '../data/stats.ts';
import type { ChangeResult, ChangeTotals, Holder } from '../analysis/change.ts';
import { LANGS, type Lang } from '../i18n/lang.ts';
import { grammar, summarize, summaryForAll, summaryPlan, type SummaryInput } from './summary-text.ts';
import { announceText } from './announce-text.ts';
import { comparePlan, compareSentence } from './compare-text.ts';
import { pocketList } from './names-text.ts';
import { parseStory } from '../data/story.ts';

reportTimings();

/** The text's rounding, written out again here (not imported) so that the oracle is independent. */
const textRound = (x: number) => {
  const a = Math.abs(x);
  const step = a >= 1000 ? 100 : a >= 100 ? 10 : 1;
  return Math.round(a / step) * step;
};
/** A figure of 0 km² anywhere in the text ("0 km²", "(up 0 km²"), in either language's digits. */
const ZERO = /(^|[^\d.,])0 km²/;
/** Every km² figure of a change stated in the text, as [direction, km²]. */
function statedChanges(text: string, lang: Lang): ['up' | 'down', number][] {
  const re = lang === 'en' ? /\((up|down) ([\d,]+) km²/g : /\(([\d.]+) km² (meer|minder)/g;
  return [...text.matchAll(re)].map((m) => lang === 'en'
    ? [m[1] as 'up' | 'down', Number(m[2]!.replace(/,/g, ''))]
    : [m[2] === 'meer' ? 'up' : 'down', Number(m[1]!.replace(/\./g, ''))]);
}
const count = (text: string, part: string) => text.split(part).length - 1;

/** 1 to 12 sides with names no one of which contains another, and random grammar. */
const factionsArb = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(
  fc.array(fc.tuple(fc.boolean(), fc.constantFrom('de', 'het', '', undefined)), { minLength: n, maxLength: n }),
)).map(([g]) => {
  const r = parseFactions({ factions: g.map(([plural, article], i) => ({
    id: `side-${i}`, name: { en: `Zq${i}x Front`, nl: `Zq${i}x Front` }, color: '#123456',
    grammar: { plural, ...(article !== undefined ? { article: { nl: article } } : {}) },
  })) }, 'f');
  if (!r.ok) throw new Error('generated factions do not parse');
  return r.value;
});

/** An area: none, a sliver, around a rounding step, or anything up to half a million km². */
const area = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.double({ min: 0.001, max: 0.499, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0.5, 1, 9.5, 49.9, 99.4, 99.5, 100, 999.4, 999.5, 1000, 1049.9, 1050) },
  { weight: 4, arbitrary: fc.double({ min: 0.5, max: 500_000, noNaN: true }) },
);
/** A change from one date to the next: none, one that rounds away, or one across a rounding step. */
const delta = fc.oneof(
  fc.constant(0),
  fc.constantFrom(0.2, -0.2, 0.49, -0.49, 0.5, -0.5, 4.9, 49, -49, 50, -50, 150, -150, 199, 200, -200, 1000, -1000),
  fc.double({ min: -5000, max: 5000, noNaN: true }),
);
/** One side on two dates: [before, after], each ≥ 0. */
const sideArb = fc.oneof(
  fc.tuple(area, area),
  fc.tuple(area, delta).map(([a, d]) => [a, Math.max(0, a + d)] as [number, number]),
);
const tableArb = factionsArb.chain((factions) => fc.tuple(fc.constant(factions), fc.array(sideArb, { minLength: factions.length, maxLength: factions.length })));

const heldOf = (factions: readonly Faction[], values: readonly number[]) =>
  Object.fromEntries(factions.map((f, i) => [f.id, values[i]!] as const).filter(([, v]) => v > 0));
const snap = (dateIso: string, held: Record<string, number>): SnapshotStats => ({ dateIso, areaKm2: { held, desert: {} }, frontierKm: {}, claims: {} });

/** The checks every text shares: no zero figure, no side named that held nothing on either date. */
function checkNames(text: string, factions: readonly Faction[], lang: Lang, before: (id: string) => number, after: (id: string) => number): void {
  if (ZERO.test(text)) throw new Error(`a zero figure: ${text}`);
  const g = grammar(factions, lang);
  for (const f of factions) {
    const name = g(f.id).name;
    const n = count(text, name);
    if (before(f.id) <= 0 && after(f.id) <= 0 && n) throw new Error(`${name} held nothing on either date but is named: ${text}`);
    if (after(f.id) > 0 && !n) throw new Error(`${name} holds ground but is not named: ${text}`);
    // Holding nothing now: named only as having no ground any more.
    const gone = lang === 'en' ? [`${name} held no ground any more`, `${name} none any more`] : [`${name} geen gebied meer`, `${name} niets meer`];
    if (after(f.id) <= 0 && n !== gone.reduce((s, p) => s + count(text, p), 0)) throw new Error(`${name} holds nothing on the date but is spoken of otherwise: ${text}`);
  }
}

/** Every change the text states is some side's change in the table, rounded as the text rounds, and not 0. */
function checkStated(text: string, lang: Lang, changes: number[]): void {
  for (const [dir, km2] of statedChanges(text, lang)) {
    if (km2 === 0) throw new Error(`a change of 0 km²: ${text}`);
    if (!changes.some((c) => textRound(c) === km2 && (c < 0 ? 'down' : 'up') === dir)) throw new Error(`${dir} ${km2} km² is no side's change: ${text}`);
  }
}

describe('the summary paragraph, over random area tables', () => {
  fuzz('summarize', tableArb, ([factions, sides]) => {
    const input: SummaryInput = {
      dateIso: '2020-02-01', prevDateIso: '2020-01-01', factions, claims: [],
      stats: snap('2020-02-01', heldOf(factions, sides.map((s) => s[1]))), prevStats: snap('2020-01-01', heldOf(factions, sides.map((s) => s[0]))),
    };
    return { input, plan: summaryPlan(input), text: Object.fromEntries(LANGS.map((l) => [l, summarize(input, l)])) as Record<Lang, string> };
  }, ({ input, plan, text }, [factions, sides]) => {
    const i = (id: string) => factions.findIndex((f) => f.id === id);
    const before = (id: string) => sides[i(id)]![0], after = (id: string) => sides[i(id)]![1];
    // The plan: a side "changed" or "single" with a change that rounds to nothing would be a sentence about nothing.
    if (plan.kind === 'changes') {
      for (const c of plan.changed) {
        if (c.kind === 'moved' && textRound(c.changeKm2) === 0) throw new Error(`${c.faction} "moved" by ${c.changeKm2} km²`);
        if (c.kind === 'gone' && after(c.faction) > 0) throw new Error(`${c.faction} "gone" with ${after(c.faction)} km²`);
        if (c.kind === 'new' && before(c.faction) > 0) throw new Error(`${c.faction} "new" after ${before(c.faction)} km²`);
      }
    }
    if (plan.kind === 'single' && (before(plan.side.faction) <= 0 || after(plan.side.faction) <= 0)) throw new Error('"single" for a side that came or went');
    const moved = factions.filter((f) => before(f.id) > 0 && after(f.id) > 0).map((f) => after(f.id) - before(f.id));
    for (const lang of LANGS) {
      checkNames(text[lang], factions, lang, before, after);
      checkStated(text[lang], lang, moved);
    }
    void input;
  });
});

describe('the live region\'s words, over random area tables', () => {
  const withDesert = tableArb.chain(([factions, sides]) => fc.tuple(fc.constant(factions), fc.constant(sides),
    fc.array(area, { minLength: factions.length, maxLength: factions.length }), fc.boolean()));
  fuzz('announceText', withDesert, ([factions, sides, desert, first]) => Object.fromEntries(LANGS.map((lang) => [lang, announceText({
    dateIso: '2020-02-01', preview: null, factions,
    held: new Map(factions.map((f, i) => [f.id, sides[i]![1]])),
    desert: new Map(factions.map((f, i) => [f.id, desert[i]!])),
    contested: [],
    prev: first ? null : { dateIso: '2020-01-01', held: new Map(factions.map((f, i) => [f.id, sides[i]![0]])) },
  }, lang)])) as Record<Lang, string>, (text, [factions, sides, desert, first]) => {
    const i = (id: string) => factions.findIndex((f) => f.id === id);
    // A side named for desert alone holds ground in a sense: it must be named, and only for the desert.
    const before = (id: string) => (first ? 0 : sides[i(id)]![0]), after = (id: string) => sides[i(id)]![1] + desert[i(id)]!;
    const moved = factions.filter((f) => !first && sides[i(f.id)]![0] > 0 && sides[i(f.id)]![1] > 0).map((f) => sides[i(f.id)]![1] - sides[i(f.id)]![0]);
    for (const lang of LANGS) {
      checkNames(text[lang], factions, lang, before, after);
      checkStated(text[lang], lang, moved);
    }
  });
});

/** A comparison's figures: km² passed between every pair of holders, and the totals they make. */
const changeArb = factionsArb.chain((factions) => {
  const holders: Holder[] = [...factions.map((f) => f.id), 'none', CONTESTED_HOLDER];
  return fc.tuple(fc.constant(factions),
    fc.array(fc.tuple(fc.constantFrom(...holders), fc.constantFrom(...holders), area), { maxLength: 20 }),
    fc.array(area, { minLength: holders.length, maxLength: holders.length }));
}).map(([factions, flows, kept]) => {
  const holders: Holder[] = [...factions.map((f) => f.id), 'none', CONTESTED_HOLDER];
  const transfersKm2: ChangeResult['transfersKm2'] = {};
  for (const [from, to, km2] of flows) if (from !== to && km2 > 0) (transfersKm2[from] ??= {})[to] = ((transfersKm2[from]?.[to]) ?? 0) + km2;
  const totals: Record<string, ChangeTotals> = {};
  holders.forEach((h, i) => {
    if (h === 'none') return;
    const lostKm2 = Object.values(transfersKm2[h] ?? {}).reduce((s, v) => s + v, 0);
    const gainedKm2 = Object.values(transfersKm2).reduce((s, m) => s + (m[h] ?? 0), 0);
    const keptKm2 = kept[i]!;
    // A side held on neither date is not in the totals, as computeChange leaves it out.
    if (keptKm2 + lostKm2 + gainedKm2 > 0) totals[h] = { beforeKm2: keptKm2 + lostKm2, afterKm2: keptKm2 + gainedKm2, keptKm2, gainedKm2, lostKm2 };
  });
  return { factions, change: { totals, transfersKm2 } };
});

describe('the comparison\'s sentence, over random changes', () => {
  fuzz('compareSentence', changeArb, ({ factions, change }) => ({
    plan: comparePlan(change, factions.map((f) => f.id)),
    text: Object.fromEntries(LANGS.map((l) => [l, compareSentence(change, '2020-01-01', '2021-01-01', factions, l)])) as Record<Lang, string>,
  }), ({ plan, text }, { factions, change }) => {
    const t = (id: string) => change.totals[id];
    // The lead: the most ground gained or lost by one side, as rounded.
    const biggest = Math.max(0, ...factions.flatMap((f) => (t(f.id) ? [textRound(t(f.id)!.lostKm2), textRound(t(f.id)!.gainedKm2)] : [])));
    if ((plan === null) !== (biggest === 0)) throw new Error(`plan ${JSON.stringify(plan)} with a biggest change of ${biggest} km²`);
    for (const lang of LANGS) {
      const s = text[lang];
      if (ZERO.test(s)) throw new Error(`a zero figure: ${s}`);
      const first = s.match(/([\d.,]+) km²/);
      if (biggest === 0) { if (first) throw new Error(`a figure where nothing changed: ${s}`); continue; }
      const n = Number(first![1]!.replace(lang === 'en' ? /,/g : /\./g, ''));
      if (n !== biggest) throw new Error(`leads with ${n} km², not the biggest change, ${biggest} km²: ${s}`);
      const g = grammar(factions, lang);
      for (const f of factions) {
        const named = s.includes(g(f.id).name);
        const involved = t(f.id) && (textRound(t(f.id)!.lostKm2) > 0 || textRound(t(f.id)!.gainedKm2) > 0);
        if (named && !involved) throw new Error(`${f.id} is named, but gained and lost nothing that rounds to 1 km²: ${s}`);
      }
    }
  });

  it('says so when no ground changed hands, and leads with a gain when no side lost', () => {
    const factions = parseFactions({ factions: [{ id: 'occupied', name: { en: 'occupied area', nl: 'bezet gebied' }, color: '#aa3333', grammar: { article: { nl: 'het' } } }] }, 'f');
    if (!factions.ok) throw new Error('no factions');
    const f = factions.value;
    const still = { totals: { occupied: { beforeKm2: 100_000, afterKm2: 100_000.3, keptKm2: 100_000, gainedKm2: 0.3, lostKm2: 0 } }, transfersKm2: { none: { occupied: 0.3 } } };
    expect(compareSentence(still, '2024-07-08', '2026-08-01', f, 'en')).toBe('No ground changed hands between 8 July 2024 and 1 August 2026.');
    // The case that once read "Of the 0 km² … lost": a gain of 7,600 km² and slivers lost.
    const grew = { totals: { occupied: { beforeKm2: 100_000, afterKm2: 107_580, keptKm2: 99_980, gainedKm2: 7_600, lostKm2: 20 } }, transfersKm2: { none: { occupied: 7_600 }, occupied: { none: 20 } } };
    expect(compareSentence(grew, '2024-07-08', '2026-08-01', f, 'en')).toBe('Between 8 July 2024 and 1 August 2026 the occupied area gained 7,600 km² and lost 20 km².');
    expect(compareSentence(grew, '2024-07-08', '2026-08-01', f, 'nl')).toBe('Tussen 8 juli 2024 en 1 augustus 2026 won het bezet gebied 7.600 km², bij een verlies van 20 km².');
  });
});

describe('a paragraph for every date, from one date to thousands', () => {
  const series = fc.tuple(factionsArb, fc.integer({ min: 1, max: 3000 }), fc.integer()).map(([factions, n, seed]) => {
    let x = seed >>> 0;
    const rand = () => ((x = (x * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32);
    const stats = new Map<string, SnapshotStats>();
    const held = factions.map(() => rand() * 200_000);
    for (let d = 0; d < n; d++) {
      const dateIso = new Date(Date.UTC(2000, 0, 1 + d)).toISOString().slice(0, 10);
      held.forEach((a, i) => { held[i] = rand() < 0.05 ? 0 : Math.max(0, a + (rand() - 0.5) * (rand() < 0.5 ? 40 : 4000)); });
      stats.set(dateIso, snap(dateIso, heldOf(factions, held)));
    }
    return { factions, stats };
  });
  // Not the parsers' harness: its second per input is for a file's worst case, and a story of
  // thousands of dates takes its time on a busy machine (what is checked is the words).
  it('summaryForAll: 30 generated series of 1 to 3,000 dates', () => fc.assert(fc.property(series, ({ factions, stats }) => {
    const all = Object.fromEntries(LANGS.map((l) => [l, summaryForAll(stats, l, { factions, claims: [] })])) as Record<Lang, Map<string, string>>;
    const dates = [...stats.keys()];
    for (const lang of LANGS) {
      if (all[lang].size !== dates.length) throw new Error(`${all[lang].size} paragraphs for ${dates.length} dates`);
      dates.forEach((d, i) => {
        const now = stats.get(d)!.areaKm2.held, prev = i > 0 ? stats.get(dates[i - 1]!)!.areaKm2.held : {};
        const text = all[lang].get(d)!;
        checkNames(text, factions, lang, (id) => prev[id] ?? 0, (id) => now[id] ?? 0);
        if (i === 0 && dates.length === 1 && !text.includes(lang === 'en' ? 'the only date on the map' : 'de enige datum op de kaart') && Object.keys(now).length) throw new Error(`one date, not called the only one: ${text}`);
      });
    }
  }), { numRuns: 30 }), 300_000);
});

describe('lists of pockets, over random stories', () => {
  // Pockets whose names may contain each other's (as story.json allows only with an `after` form).
  const storyArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.boolean()), { minLength: 1, maxLength: 8 }).map((spec) => {
    const pockets: Record<string, { en: string; nl: string; after?: Record<string, { en: string; nl: string }> }> = {};
    spec.forEach(([around, wraps], i) => {
      const inner = Object.keys(pockets)[around % Math.max(1, i)];
      if (wraps && inner) {
        const en = `the line ${i} around ${pockets[inner]!.en}`, nl = `de linie ${i} rond ${pockets[inner]!.nl}`;
        // A form after every pocket whose name this one contains (the inner one, and what it wraps).
        const after = Object.fromEntries(Object.entries(pockets).filter(([, p]) => en.includes(p.en)).map(([id, p]) => [id, { en: en.replace(p.en, 'it'), nl: nl.replace(p.nl, 'die') }]));
        pockets[`p${i}`] = { en, nl, after: { ...after, [inner]: { en: `its line ${i}`, nl: `de linie ${i} eromheen` } } };
      } else pockets[`p${i}`] = { en: `the Kq${i}v enclave`, nl: `de enclave Kq${i}v` };
    });
    return pockets;
  }).chain((pockets) => fc.tuple(fc.constant(pockets), fc.array(fc.constantFrom(...Object.keys(pockets)), { minLength: 1, maxLength: 10 })));
  fuzz('pocketList', storyArb, ([raw, ids]) => {
    const r = parseStory({ title: { en: 't', nl: 't' }, pockets: raw }, 's');
    return r.ok ? Object.fromEntries(LANGS.map((l) => [l, pocketList(ids, r.value.pockets, l)])) as Record<Lang, string> : null;
  }, (out, [raw, ids]) => {
    // Nested names need their `after` forms, which the generator gives; parseStory then accepts them.
    if (!out) throw new Error('a generated story was refused');
    for (const lang of LANGS) {
      for (const id of new Set(ids)) {
        const n = count(out[lang], raw[id]![lang]);
        if (n > 1) throw new Error(`"${raw[id]![lang]}" is said ${n} times: ${out[lang]}`);
      }
      for (const id of Object.keys(raw)) if (!ids.includes(id) && out[lang].includes(raw[id]![lang]) && !ids.some((o) => raw[o]![lang].includes(raw[id]![lang]))) throw new Error(`${id} is named but not in the list: ${out[lang]}`);
    }
  }, 2000);
});
