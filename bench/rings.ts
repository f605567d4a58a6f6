/**
 * `tsx bench/rings.ts`: the ring check on big rings, and the data CLIs on a 200,000-vertex ring.
 *  - ringSelfContact (the sweep, src/data/self-contact.ts) against Turf kinks (the quadratic check
 *    it replaced) on rings of 16,000 and 32,000 vertices; kinks on 200,000 only with BENCH_SLOW=1
 *    (minutes), otherwise extrapolated as n²;
 *  - validateSnapshotText on the biggest snapshot in data/, on the two overlap bombs of issue 23
 *    (tests/fixtures/hostile.ts), holeProblem on a hole and shell that cross 144 million times,
 *    and validateSnapshot on one 200,000-vertex ring;
 *  - `npm run data:add` of that ring (8 decimals, about 5 MB) and `npm run data:check` of a folder
 *    holding it as a snapshot (over the 2 MB limit, so refused before parsing).
 * The ring is star-shaped around 39°E 35°N, so it is simple by construction.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { kinks, lineString } from '@turf/turf';
import type { Position } from 'geojson';
import { holeProblem } from '../src/data/ring-checks.ts';
import { ringSelfContact } from '../src/data/self-contact.ts';
import { combHole, overlapBomb } from '../tests/fixtures/hostile.ts';
import { validateSnapshot, validateSnapshotText } from '../src/data/validate.ts';

const root = resolve(import.meta.dirname, '..');

export function starRing(n: number, digits = 8): Position[] {
  const f = 10 ** digits;
  const pts = Array.from({ length: n }, (_, i) => {
    const t = (2 * Math.PI * i) / n, r = 0.5 * (1 + 0.3 * Math.sin(37 * t) + 0.05 * Math.sin(1001 * t));
    return [Math.round((39 + r * Math.cos(t)) * f) / f, Math.round((35 + r * Math.sin(t)) * f) / f];
  });
  return [...pts, pts[0]!];
}

const time = (f: () => unknown) => { const t0 = performance.now(); f(); return performance.now() - t0; };
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

for (const n of [16_000, 32_000, 200_000, 1_000_000]) {
  const ring = starRing(n);
  const sweep = time(() => ringSelfContact(ring));
  let old = '';
  if (n <= 32_000 || process.env.BENCH_SLOW) old = `kinks ${s(time(() => kinks(lineString(ring))))}`;
  console.log(`ring of ${n.toLocaleString('en')} vertices: sweep ${s(sweep)}${old ? `, ${old}` : ''}`);
}
const k32 = time(() => kinks(lineString(starRing(32_000))));
console.log(`kinks extrapolated (n²) from 32,000: 200,000 vertices ≈ ${s(k32 * (200 / 32) ** 2)}, 1,000,000 ≈ ${s(k32 * (1000 / 32) ** 2)}`);

const snapshots = join(root, 'data/snapshots');
const biggest = readdirSync(snapshots).filter((f) => f.endsWith('.geojson')).map((f) => join(snapshots, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
const realText = readFileSync(biggest, 'utf8');
console.log(`validateSnapshotText, the biggest real snapshot (${(realText.length / 1e6).toFixed(2)} MB): ${s(time(() => validateSnapshotText(realText, biggest, statSync(biggest).size)))}`);

// Files built to overwhelm the checks (issue 23, tests/fixtures/hostile.ts): refused within seconds.
for (const count of [600, 12_800]) {
  const text = overlapBomb(count);
  let lines = 0;
  const ms = time(() => { const r = validateSnapshotText(text, 'bomb.geojson', text.length, { factions: ['islamic-state', 'syrian-kurds'] }); lines = r.ok ? 0 : r.problems.length; });
  console.log(`validateSnapshotText, ${count.toLocaleString('en')} identical squares of two sides (${(text.length / 1e6).toFixed(2)} MB): ${s(ms)}, ${lines} lines`);
}
const comb = combHole(6_000);
console.log(`holeProblem, a hole and shell meeting 144 million times (${(JSON.stringify(comb).length / 1e6).toFixed(2)} MB): ${s(time(() => holeProblem(comb.shell, comb.hole, 'ring 1')))}`);

const big = starRing(200_000);
const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { faction: 'islamic-state' }, geometry: { type: 'Polygon', coordinates: [big] } }] };
console.log(`validateSnapshot, one 200,000-vertex ring: ${s(time(() => validateSnapshot(fc, 'big.geojson')))}`);

const dir = mkdtempSync(join(tmpdir(), 'frontlines-bench-rings-'));
try {
  cpSync(join(root, 'tests/fixtures/small-data'), join(dir, 'data'), { recursive: true });
  const input = join(dir, 'big.geojson');
  writeFileSync(input, JSON.stringify(fc));
  const run = (script: string, ...args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], { cwd: root, encoding: 'utf8' });
    return { ms: performance.now() - t0, out: `${r.stdout}${r.stderr}`.trim().split('\n').filter((l) => !l.startsWith('npm warn')).join(' | ') };
  };
  const add = run('data-add', input, '--date', '2015-02-01', '--source', 'bench', '--data', join(dir, 'data'));
  console.log(`data:add of the 200,000-vertex ring: ${s(add.ms)} (${add.out.slice(0, 160)})`);
  writeFileSync(join(dir, 'data/snapshots/2015-03-01.geojson'), JSON.stringify(fc));
  const check = run('data-check', join(dir, 'data'));
  console.log(`data:check of a folder holding it: ${s(check.ms)} (${check.out.slice(0, 200)})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
