/**
 * Set-up of the unit tests: with FUZZ_SEED set (.ci/run sets it), every fast-check property starts
 * from that seed, so CI tries the same inputs on every run and any failure there can be replayed.
 * Without it (a local `npm test`) each run draws new inputs and may find new faults; a failure
 * prints its seed and path either way (FC_SEED and FC_PATH replay one, tests/fuzz/run.ts).
 */
import fc from 'fast-check';

const seed = process.env.FUZZ_SEED;
if (seed !== undefined && seed !== '') {
  if (!/^-?\d+$/.test(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${JSON.stringify(seed.slice(0, 40))}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed) });
}
