/**
 * Property-based tests of the events file's parser and its place check (tests/fuzz/run.ts says what
 * each run checks; 10,000 generated inputs each, from tests/fuzz/arbitraries.ts): never a throw,
 * under a second each, every problem naming the file in under 1,000 characters, and what passes
 * is what the page relies on.
 */
import { describe, expect } from 'vitest';
import fc from 'fast-check';
import * as A from '../../tests/fuzz/arbitraries.ts';
import { checkProblems, checkResult, F, fuzz, reportTimings } from '../../tests/fuzz/run.ts';
import { EVENT_STATUSES, MAX_EVENT_PROBLEMS, parseEvents, placeProblems, type StoryEvent } from './events.ts';

reportTimings();
const or = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: A.anyValue });
const date = fc.oneof(fc.constantFrom('2015-10', '2015-10-31', '2016-02-29', '2015-02-29', '2015-13', '1899-12', '2015-1', '0001-01-01'), A.scalar);
const text = or(fc.record({ en: fc.oneof(fc.constantFrom('A', ' ', 'x'.repeat(400)), A.scalar), nl: fc.oneof(fc.constant('B'), A.scalar) }, { requiredKeys: [] }));
const event = or(fc.record({
  id: fc.oneof(fc.constantFrom('a', 'b', '__proto__', 'constructor', 'Bad id'), A.scalar),
  date,
  title: text,
  text: fc.oneof(fc.constant(undefined), text),
  place: fc.oneof(fc.constant(undefined), fc.constantFrom('town-a', 'nowhere', '__proto__'), A.scalar),
  status: fc.oneof(fc.constantFrom(...EVENT_STATUSES), A.scalar),
  settled: fc.oneof(fc.constant(undefined), or(fc.record({ date, source: fc.oneof(fc.constant('x'), A.scalar) }, { requiredKeys: [] }))),
  sources: fc.oneof(fc.constant(['x']), A.orHuge(fc.array(fc.oneof(fc.constant('s'), A.scalar), { maxLength: 3 })), A.anyValue),
}, { requiredKeys: [] }));
const file = or(fc.record({ about: A.scalar, events: A.orHuge(fc.array(event, { maxLength: 6 })) }, { requiredKeys: [] }));

describe('the events file', () => {
  fuzz('parseEvents', file, (v) => parseEvents(v, F), (r) => {
    checkResult(r);
    if (!r.ok) {
      // Bounded: the first problems and a count of the rest.
      if (r.problems.length > MAX_EVENT_PROBLEMS + 1) throw new Error(`${r.problems.length} problems`);
      return;
    }
    // What passes is what the page relies on: unique ids, texts in both languages, in date order.
    const ids = new Set(r.value.map((e) => e.id));
    expect(ids.size).toBe(r.value.length);
    for (let i = 0; i < r.value.length; i++) {
      const e = r.value[i]!;
      if (!(e.title.en && e.title.nl && e.sources.length && (EVENT_STATUSES as readonly string[]).includes(e.status))) throw new Error(`bad event ${e.id}`);
      if (e.status === 'disproved' && !e.settled) throw new Error(`${e.id} is disproved with nothing that settled it`);
      if (i > 0 && r.value[i - 1]!.date.byIso > e.date.byIso) throw new Error('not in date order');
    }
  });
  // Events that pass, with places known, unknown, odd or very long: up to 2,000 of them.
  const place = fc.oneof(fc.constantFrom(undefined, 'town-a', 'town-b', 'constructor', 'to-string'), fc.stringMatching(/^[a-z0-9-]{1,12}$/), fc.constant('p'.repeat(5000)));
  const passed = fc.oneof({ weight: 10, arbitrary: fc.array(place, { maxLength: 40 }) }, { weight: 1, arbitrary: fc.array(place, { minLength: 500, maxLength: 2000 }) }).map((ps): StoryEvent[] => {
    const r = parseEvents({ events: ps.map((p, i) => ({ id: `e${i}`, date: '2015-10', title: { en: 'a', nl: 'b' }, status: 'confirmed', sources: ['s'], place: p })) }, F);
    if (!r.ok) throw new Error(`generated events do not pass: ${r.problems[0]!.message}`);
    return r.value;
  });
  fuzz('placeProblems', fc.tuple(passed, fc.array(fc.constantFrom('town-a', 'town-b', '__proto__'), { maxLength: 3 })), ([events, places]) => placeProblems(events, new Set(places), F), (problems) => {
    checkProblems(problems);
    if (problems.length > MAX_EVENT_PROBLEMS + 1) throw new Error(`${problems.length} problems`);
  });
});
