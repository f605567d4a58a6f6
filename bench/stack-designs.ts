/**
 * The date stack's candidate designs, measured small (issue 21, docs/performance.md): the first
 * K dates of an imported daily archive (bench/archive.ts keeps them), one block, each design's
 * bytes per date and build time per date:
 *  A. whole polygons, each distinct one stored once a block (the design before issue 21);
 *  B. pieces per tile, each distinct piece of a tile stored once a block (scripts/stack-files.ts);
 *  C. keyframe and deltas: the ground held on every date of the block (their intersection,
 *     polyclip-ts) stored once, and per date what it adds to it.
 * All three cut with geojson-vt as the stack does (zoom 0–8, 0.5-pixel simplification but at 8).
 *
 *   npx tsx bench/stack-designs.ts STORY_DIR [K=64]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import * as polyclip from 'polyclip-ts';
import type { MultiPolygon, Position } from 'geojson';
import { STACK_MAXZOOM, writeStack } from '../scripts/stack-files.ts';

const [story, kArg] = process.argv.slice(2);
if (!story) { console.error('usage: npx tsx bench/stack-designs.ts STORY_DIR [K]'); process.exit(2); }
const K = Number(kArg ?? 64);
const entries = (JSON.parse(readFileSync(join(story, 'snapshots/index.json'), 'utf8')) as { snapshots: { file: string }[] }).snapshots.slice(0, K);
const geometry = (file: string) => (JSON.parse(readFileSync(join(story, 'snapshots', file), 'utf8')) as { features: { geometry: MultiPolygon }[] }).features[0]!.geometry.coordinates;
const snapshotBytes = entries.reduce((n, e) => n + readFileSync(join(story, 'snapshots', e.file)).length, 0);

/** Bytes of every non-empty tile (zoom 0–8) of a feature collection, cut as the stack cuts. */
function tileBytes(features: { properties: Record<string, string>; rings: Position[][] }[]): number {
  const fc = { type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: { type: 'Polygon', coordinates: f.rings } })) };
  const index = new GeoJSONVT(fc as never, { extent: 8192, buffer: 1024, indexMaxZoom: 0, indexMaxPoints: 0, maxZoom: STACK_MAXZOOM, tolerance: 8 });
  let bytes = 0;
  const walk = (z: number, x: number, y: number) => {
    const t = index.getTile(z, x, y);
    if (!t?.features.length) return;
    bytes += fromGeojsonVt({ territory: t as never }, { version: 2, extent: 8192 }).length;
    if (z < STACK_MAXZOOM) for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) walk(z + 1, 2 * x + dx!, 2 * y + dy!);
  };
  walk(0, 0, 0);
  return bytes;
}
const polygons = (mp: Position[][][], on: string) => mp.map((rings) => ({ properties: { faction: 'x', on }, rings }));

function designA(): number {
  const seen = new Map<string, { rings: Position[][]; on: string }>();
  entries.forEach((e, i) => { for (const rings of geometry(e.file)) { const k = JSON.stringify(rings); const s = seen.get(k); if (s) s.on += `${i},`; else seen.set(k, { rings, on: `,${i},` }); } });
  return tileBytes([...seen.values()].map((s) => ({ properties: { faction: 'x', on: s.on }, rings: s.rings })));
}
function designB(): number {
  let bytes = 0;
  writeStack(story!, (p, b) => { if (p.endsWith('.pbf')) bytes += b.length; }, { blockDates: K, limit: K });
  return bytes;
}
function designC(): number {
  const all = entries.map((e) => geometry(e.file) as polyclip.Geom);
  let core = all[0]!;
  for (const g of all.slice(1)) core = polyclip.intersection(core, g);
  const deltas = all.flatMap((g, i) => polygons(polyclip.difference(g, core) as Position[][][], `,${i},`));
  return tileBytes([...polygons(core as Position[][][], ''), ...deltas]);
}

for (const [name, run] of [['A whole polygons', designA], ['B pieces per tile', designB], ['C keyframe + deltas', designC]] as const) {
  const t0 = performance.now();
  const bytes = run();
  const ms = performance.now() - t0;
  console.log(`${name}: ${(bytes / K / 1024).toFixed(1)} kB a date (${(bytes / snapshotBytes).toFixed(3)}× the snapshots), ${(ms / K).toFixed(0)} ms a date to make`);
}
