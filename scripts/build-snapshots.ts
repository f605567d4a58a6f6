/**
 * Regenerates data/snapshots/ from the tables in data/sources/ (method: data/sources/README.md).
 * Usage: npm run data:build [-- --only 2017-07-15] [--sources DIR]
 */
import { writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateSnapshot, entryOn } from '../src/data/generate.ts';
import { snapshotDates, ARTICLE_DATE } from '../src/data/series.ts';
import { loadSources, unwrapOrExit } from './sources.ts';

const root = resolve(import.meta.dirname, '..');
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const sourcesDir = resolve(arg('--sources') ?? join(root, 'data', 'sources'));
const outDir = join(root, 'data', 'snapshots');
const { points, overrides, regions } = unwrapOrExit(loadSources(sourcesDir));

const only = arg('--only');
const dates = only ? [only] : snapshotDates();
if (!only) { rmSync(outDir, { recursive: true, force: true }); }
mkdirSync(outDir, { recursive: true });

const METHOD = 'Generated from dated control points (data/sources/control-*.json) as Voronoi cells clipped to the borders; hand-drawn pockets from data/sources/overrides.geojson.';
const entries = [];
let prev = '2014-01-01';
for (const dateIso of dates) {
  const t0 = performance.now();
  const snapshot = generateSnapshot(points, overrides, regions, dateIso);
  const file = `${dateIso}.geojson`;
  writeFileSync(join(outDir, file), JSON.stringify(snapshot));
  // Sources: the reports behind the changes since the previous snapshot, then the method.
  const changes = new Set<string>();
  for (const p of points) {
    for (const h of p.history) if (h.fromIso > prev && h.fromIso <= dateIso && h.source) changes.add(`${p.name}: ${h.source}`);
  }
  for (const o of overrides) if (o.properties.fromIso <= dateIso && dateIso < o.properties.toIso && o.properties.source) changes.add(`${o.properties.id}: ${o.properties.source}`);
  const heldPoints = points.filter((p) => { const e = entryOn(p, dateIso); return e && e.faction !== 'none'; }).length;
  entries.push({
    date: dateIso,
    file,
    ...(dateIso === ARTICLE_DATE ? { article: true } : {}),
    precision: `Approximate: front lines lie half way between ${heldPoints} control points; expect errors of 10–30 km away from towns.`,
    sources: [METHOD, ...[...changes].slice(0, 40)],
  });
  prev = dateIso;
  console.log(`${dateIso}: ${snapshot.features.length} features, ${(JSON.stringify(snapshot).length / 1024).toFixed(0)} KiB, ${(performance.now() - t0).toFixed(0)} ms`);
}
if (!only) writeFileSync(join(outDir, 'index.json'), JSON.stringify({ snapshots: entries }, null, 1) + '\n');
