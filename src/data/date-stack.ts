/**
 * The date stack: the snapshots of a run of dates (a block) cut into vector tiles once, at build
 * time, so that a date swap only chooses which features to draw (by a filter on the `on`
 * property, docs/performance.md). Derived from data/snapshots/ by scripts/stack-files.ts into
 * data/stack/, with a manifest naming, for every snapshot, the file and its content hash; the page
 * draws a date from the stack only when the file it loaded has that hash, so a snapshot added or
 * replaced after the build is drawn from its own file.
 *
 * A tile of a block stores each piece of ground once for all the dates of the block it is drawn
 * on: the part of a polygon that falls in the tile, as cut for that tile, with `on` listing those
 * dates by their place in the block (",0,1,5,"), or no `on` when it is drawn on every date of the
 * block. A front that moves adds a piece per date only in the tiles it crosses; the rest of the
 * ground is stored once a block. A piece keeps only what the map draws: `faction`, `tier`, `id`
 * (hand-drawn pockets) and the contested stripes' `attacker` (the first of `against`).
 */
import type { Position } from 'geojson';
import { isIsoDate, type Snapshot } from './contract.ts';
import { echo } from './echo.ts';
import { fail, failAll, ok, type Problem, type Result } from './result.ts';

/** The folder of the derived files, inside the data folder, and its manifest. */
export const STACK_DIR = 'stack';
export const STACK_MANIFEST = `${STACK_DIR}/index.json`;
/** The vector tiles' one layer. */
export const STACK_LAYER = 'territory';
/** Property of stacked features: the places in the block of the dates they are drawn on, each between commas; absent: every date. */
export const ON_PROPERTY = 'on';
/** Property the contested stripes read: the first attacker. */
export const ATTACKER_PROPERTY = 'attacker';
/**
 * Dates per block. Blocks do not overlap: a date is stored in one block only. Measured
 * (docs/performance.md): 64 dates make tiles of a few kB to some 100 kB on a daily archive.
 */
export const BLOCK_DATES = 64;

export interface StackSnapshot {
  date: string;
  file: string;
  /** content-hash.ts contentHash of the parsed file. */
  hash: string;
  /** stats.json's figures for this date were made from this very file (its SHA-256 matched at build time). */
  statsCurrent: boolean;
}
/** A block: its tiles at `stack/DIR/{z}/{x}/{y}.pbf`, for snapshots `from`…`to` of the manifest. */
export interface StackBlock { dir: string; from: number; to: number }
/** Every block has tiles from zoom 0 to `maxzoom` over the same `bounds` [w, s, e, n]. */
export interface StackManifest { snapshots: StackSnapshot[]; blocks: StackBlock[]; bounds: [number, number, number, number]; maxzoom: number }

/** The index ranges [from, to] (inclusive) of the blocks for `n` snapshots. */
export function blockRanges(n: number, size = BLOCK_DATES): [number, number][] {
  const out: [number, number][] = [];
  for (let from = 0; from < n; from += size) out.push([from, Math.min(from + size, n) - 1]);
  return out;
}

/** What the map draws of a polygon. */
export type StackProps = { faction: string; tier?: string; id?: string; attacker?: string };

/**
 * A snapshot's polygons (multi-polygons split) with the properties the map draws.
 * @example stackPolygons(snapshot)[0] // { props: { faction: 'north-army' }, rings: [[[38, 35], …]] }
 */
export function stackPolygons(snapshot: Snapshot): { props: StackProps; rings: Position[][] }[] {
  const out: { props: StackProps; rings: Position[][] }[] = [];
  for (const f of snapshot.features) {
    const p = f.properties;
    const attacker = p.tier === 'contested' && Array.isArray(p.against) && typeof p.against[0] === 'string' ? p.against[0] : undefined;
    const props = { faction: p.faction, ...(p.tier ? { tier: p.tier } : {}), ...(typeof p.id === 'string' ? { id: p.id } : {}), ...(attacker ? { [ATTACKER_PROPERTY]: attacker } : {}) };
    const polygons: Position[][][] = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polygons) out.push({ props, rings });
  }
  return out;
}

/** The `on` value for the places `at` (ascending) of a block of `size` dates: undefined when it is every one. */
export function onValue(at: readonly number[], size: number): string | undefined {
  return at.length === size ? undefined : `,${at.join(',')},`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks data/stack/index.json; problems name the file and the entry. */
export function parseStackManifest(data: unknown, file: string): Result<StackManifest> {
  const bounds = isObject(data) ? data.bounds : null;
  if (!isObject(data) || !Array.isArray(data.snapshots) || !Array.isArray(data.blocks) || !Number.isInteger(data.maxzoom)
    || !Array.isArray(bounds) || bounds.length !== 4 || !bounds.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    return fail({ file, message: 'expected an object {"snapshots": [...], "blocks": [...], "bounds": [w, s, e, n], "maxzoom": N}' });
  }
  const problems: Problem[] = [];
  const snapshots: StackSnapshot[] = [];
  data.snapshots.forEach((s: unknown, i) => {
    if (!isObject(s) || !isIsoDate(s.date) || typeof s.file !== 'string' || typeof s.hash !== 'string' || typeof s.statsCurrent !== 'boolean') {
      return problems.push({ file, message: `snapshots[${i}]: expected {"date": "YYYY-MM-DD", "file", "hash", "statsCurrent"}, got ${echo(s)}` });
    }
    snapshots.push({ date: s.date, file: s.file, hash: s.hash, statsCurrent: s.statsCurrent });
  });
  const blocks: StackBlock[] = [];
  const n = snapshots.length;
  const isInt = (v: unknown, lo: number, hi: number): v is number => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;
  data.blocks.forEach((b: unknown, i) => {
    if (!isObject(b) || typeof b.dir !== 'string' || !/^[\w-]+$/.test(b.dir) || !isInt(b.from, 0, n - 1) || !isInt(b.to, b.from, n - 1)) {
      return problems.push({ file, message: `blocks[${i}]: expected {"dir", "from", "to"} with 0 ≤ from ≤ to < ${n}, got ${echo(b)}` });
    }
    blocks.push({ dir: b.dir, from: b.from, to: b.to });
  });
  return problems.length ? failAll(problems) : ok({ snapshots, blocks, bounds: bounds as StackManifest['bounds'], maxzoom: data.maxzoom as number });
}
