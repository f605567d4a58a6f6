/**
 * Regenerates data/snapshots/ from the tables in data/sources/ (method: docs/data.md).
 * Usage: npm run data:build [-- --only 2017-07-15] [--sources DIR]
 */
import { writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateSnapshot, entryOn, prepare } from '../src/data/generate.ts';
import { snapshotDates, ARTICLE_DATE } from '../src/data/series.ts';
import { loadSources, unwrapOrExit } from './sources.ts';

const root = resolve(import.meta.dirname, '..');
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const sourcesDir = resolve(arg('--sources') ?? join(root, 'data', 'sources'));
const outDir = join(root, 'data', 'snapshots');
const sources = unwrapOrExit(loadSources(sourcesDir));
const { points, overrides, contested } = sources;

const t0 = performance.now();
const prepared = prepare(sources);
console.log(`settled ground prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const only = arg('--only');
const dates = only ? [only] : snapshotDates();
if (!only) { rmSync(outDir, { recursive: true, force: true }); }
mkdirSync(outDir, { recursive: true });

const METHOD = 'Generated from dated control points (data/sources/control-*.json): each side holds the settled ground (towns, river valleys, links between neighbouring towns) and the uncontested rear of the ground it dominates; open country near a front is desert it dominated (method: docs/data.md). Hand-drawn pockets from data/sources/overrides.geojson; contested ground from data/sources/contested.geojson.';
const entries = [];
let prev = '2014-01-01';
for (const dateIso of dates) {
  const t = performance.now();
  const snapshot = generateSnapshot(prepared, dateIso);
  const file = `${dateIso}.geojson`;
  writeFileSync(join(outDir, file), JSON.stringify(snapshot));
  // Sources: the reports behind the changes since the previous snapshot, then the method.
  const changes = new Set<string>();
  for (const p of points) {
    for (const h of p.history) if (h.fromIso > prev && h.fromIso <= dateIso && h.source) changes.add(`${p.name}: ${h.source}`);
  }
  for (const o of [...overrides, ...contested]) if (o.properties.fromIso <= dateIso && dateIso < o.properties.toIso && o.properties.source) changes.add(`${o.properties.id}: ${o.properties.source}`);
  const heldPoints = points.filter((p) => { const e = entryOn(p, dateIso); return e && e.faction !== 'none'; }).length;
  entries.push({
    date: dateIso,
    file,
    ...(dateIso === ARTICLE_DATE ? { article: true } : {}),
    precision: `Approximate: front lines lie half way between ${heldPoints} control points; expect errors of 10–30 km away from towns, more in open desert.`,
    sources: [METHOD, ...[...changes].slice(0, 40)],
  });
  prev = dateIso;
  console.log(`${dateIso}: ${snapshot.features.length} features, ${(JSON.stringify(snapshot).length / 1024).toFixed(0)} KiB, ${(performance.now() - t).toFixed(0)} ms`);
}
if (!only) writeFileSync(join(outDir, 'index.json'), JSON.stringify({ snapshots: entries }, null, 1) + '\n');
