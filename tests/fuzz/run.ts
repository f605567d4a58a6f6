/**
 * The harness of the property-based tests (src/data/fuzz-*.test.ts): feeds generated inputs to a
 * parser, times each call alone, and checks that the output is a result or a problem list whose
 * messages name the file and stay short. A failure names fast-check's seed and path; replay with
 * FC_SEED=seed FC_PATH=path npx vitest run src/data/fuzz-NAME.test.ts.
 */
import { afterAll, it } from 'vitest';
import fc from 'fast-check';
import type { Problem, Result } from '../../src/data/result.ts';

export const F = 'data/fuzzed.json';
export const MAX_MS = 1000;
export const MAX_MESSAGE = 1000;
export const timings: { name: string; runs: number; totalMs: number; maxMs: number }[] = [];
/** Prints each property's runs and time in the calls themselves (generation and checks not counted). */
export function reportTimings(): void {
  afterAll(() => {
    for (const t of timings) console.log(`fuzz ${t.name}: ${t.runs} inputs, ${(t.totalMs / 1000).toFixed(2)} s in the calls, slowest ${t.maxMs.toFixed(1)} ms`);
  });
}

/** FC_SEED and FC_PATH replay a failure; FUZZ_SEED (tests/fuzz/seed.ts) fixes the seed of every run. */
const replay = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH, endOnFailure: true } : {};

/** Throws (failing the property) unless every problem names `file` and has a short message. Plain loops: expect() per item would cost more than the parsers. */
export function checkProblems(problems: readonly Problem[], file = F): void {
  for (const p of problems) {
    if (p.file !== file) throw new Error(`a problem names ${p.file}, not ${file}`);
    if (typeof p.message !== 'string' || p.message.length === 0 || p.message.length >= MAX_MESSAGE) throw new Error(`a message is empty or ${p.message.length} characters long: ${p.message.slice(0, 200)}`);
    if (p.feature !== undefined && !(Number.isInteger(p.feature) && p.feature >= 0)) throw new Error(`a problem has feature ${p.feature}`);
  }
}
export function checkResult(r: Result<unknown>, file = F): void {
  if (typeof r.ok !== 'boolean') throw new Error('not a Result');
  if (!r.ok) {
    if (!r.problems.length) throw new Error('a failure with no problems');
    checkProblems(r.problems, file);
  }
}

/** A short, safe description of an input for the failure message (inputs can be huge or deep). */
const describeInput = (v: unknown) => { try { const t = JSON.stringify(v) ?? String(v); return t.length > 300 ? `${t.slice(0, 300)}… (${t.length} characters)` : t; } catch { return '(too deep to print)'; } };

/**
 * Feeds `runs` generated inputs to `run`, which must not throw and must finish each in under
 * MAX_MS (timed alone, per input); `verify` then checks its output. A failure names the seed and
 * path to replay it.
 */
export function fuzz<T, R>(name: string, arb: fc.Arbitrary<T>, run: (input: T) => R, verify: (output: R, input: T) => void, runs = 10_000): void {
  it(`${name}: ${runs.toLocaleString('en')} generated inputs, none throws, each under ${MAX_MS} ms`, () => {
    const t = { name, runs, totalMs: 0, maxMs: 0 };
    timings.push(t);
    const details = fc.check(fc.property(arb, (input) => {
      const t0 = performance.now();
      const output = run(input);
      const ms = performance.now() - t0;
      t.totalMs += ms;
      t.maxMs = Math.max(t.maxMs, ms);
      if (ms >= MAX_MS) throw new Error(`took ${ms.toFixed(0)} ms on one input`);
      verify(output, input);
    }), { numRuns: runs, ...replay });
    if (details.failed) {
      const err = details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance));
      throw new Error(`${name} failed after ${details.numRuns} inputs (replay: FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath})\n${err.stack ?? err.message}\ninput: ${describeInput(details.counterexample?.[0])}`);
    }
  }, 300_000);
}

