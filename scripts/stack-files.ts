/**
 * The date stack's files for a data folder (src/data/date-stack.ts, docs/performance.md):
 * data/stack/index.json, and for every block its vector tiles, `stack/DIR/{z}/{x}/{y}.pbf`, by
 * path relative to the data folder. Made by the build (scripts/site-data.ts) and, on request, by
 * the dev server. A snapshot file that does not parse is left out of the stack; the page then
 * loads it by itself and reports what is wrong with it.
 *
 * Tiles are cut as MapLibre cuts the page's own GeoJSON source (src/map/territory-layers.ts:
 * 8192 units a tile, a 64-pixel buffer, 0.5-pixel simplification), with @maplibre/geojson-vt
 * and @maplibre/vt-pbf, MapLibre's own libraries. The deepest zoom, which the map enlarges when
 * zoomed in further, is not simplified: its 8192 units are ≈10 m, finer than the snapshots'
 * 4 decimals.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { parseFactions, parseJson, parseSnapshot, parseSnapshotIndex } from '../src/data/contract.ts';
import { contentHash, textHash } from '../src/data/content-hash.ts';
import { blockRanges, stackFeatures, STACK_DIR, STACK_LAYER, STACK_MANIFEST, type StackBlock, type StackInput, type StackManifest } from '../src/data/date-stack.ts';
import { decodeUtf8 } from '../src/data/text.ts';

/** Zoom of the deepest tiles; the map enlarges them beyond (maxZoom 11, src/app/boot.ts). */
export const STACK_MAXZOOM = 9;
const EXTENT = 8192, PX = EXTENT / 512;

const readJson = (path: string): unknown => {
  const r = parseJson(decodeUtf8(readFileSync(path)), path);
  return r.ok ? r.value : null;
};

/**
 * SHA-256 that stats.json recorded for each snapshot, by file name (none without stats.json):
 * the folder's, or `made`, the text of one made for the site (scripts/data-stats.ts).
 */
function statsHashes(dataDir: string, made?: string): Map<string, string> {
  type Hashes = { generated?: { sha256?: Record<string, unknown> } } | null;
  const stats = made !== undefined ? parseJson(made, 'stats.json').ok ? JSON.parse(made) as Hashes : null
    : existsSync(join(dataDir, 'stats.json')) ? readJson(join(dataDir, 'stats.json')) as Hashes : null;
  const out = new Map<string, string>();
  for (const [path, sha] of Object.entries(stats?.generated?.sha256 ?? {})) {
    if (typeof sha === 'string' && path.startsWith('data/snapshots/')) out.set(path.slice('data/snapshots/'.length), sha);
  }
  return out;
}

/** The snapshots of the index that parse, with their hashes. */
function stackInputs(dataDir: string, madeStats?: string): StackInput[] | null {
  const indexJson = existsSync(join(dataDir, 'snapshots/index.json')) ? readJson(join(dataDir, 'snapshots/index.json')) : null;
  const index = indexJson === null ? null : parseSnapshotIndex(indexJson, 'index.json');
  if (!index?.ok) return null;
  const factionsJson = existsSync(join(dataDir, 'factions.json')) ? readJson(join(dataDir, 'factions.json')) : null;
  const factions = factionsJson === null ? null : parseFactions(factionsJson, 'factions.json');
  const ids = factions?.ok ? factions.value.map((f) => f.id) : undefined;
  const stats = statsHashes(dataDir, madeStats);
  const inputs: StackInput[] = [];
  for (const entry of index.value) {
    const path = join(dataDir, 'snapshots', entry.file);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    const json = parseJson(decodeUtf8(bytes), entry.file);
    const snapshot = json.ok ? parseSnapshot(json.value, entry.file, ids) : null;
    if (!json.ok || !snapshot?.ok) continue;
    const sha = createHash('sha256').update(bytes).digest('hex');
    inputs.push({ date: entry.dateIso, file: entry.file, snapshot: snapshot.value, hash: contentHash(json.value), statsCurrent: stats.get(entry.file) === sha });
  }
  return inputs;
}

const lonToX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 2 ** z);
};

/** [w, s, e, n] of every snapshot. */
function boundsOf(inputs: readonly StackInput[]): StackManifest['bounds'] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { snapshot } of inputs) for (const f of snapshot.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polygons) for (const ring of rings) for (const [x, y] of ring) {
      w = Math.min(w, x!); e = Math.max(e, x!); s = Math.min(s, y!); n = Math.max(n, y!);
    }
  }
  return [w, s, e, n];
}

/** Every tile of a block, zoom 0 to STACK_MAXZOOM, over `bounds` (empty tiles too, so no request fails). */
function blockTiles(inputs: readonly StackInput[], [w, s, e, n]: StackManifest['bounds']): Map<string, Uint8Array> {
  const data = stackFeatures(inputs);
  const options = { extent: EXTENT, buffer: 64 * PX, indexMaxZoom: 0, indexMaxPoints: 0 };
  const simplified = new GeoJSONVT(data, { ...options, maxZoom: STACK_MAXZOOM - 1, tolerance: 0.5 * PX });
  const deepest = new GeoJSONVT(data, { ...options, maxZoom: STACK_MAXZOOM, tolerance: 0 });
  const tiles = new Map<string, Uint8Array>();
  for (let z = 0; z <= STACK_MAXZOOM && Number.isFinite(w); z++) {
    const index = z === STACK_MAXZOOM ? deepest : simplified;
    for (let x = lonToX(w, z); x <= lonToX(e, z); x++) {
      for (let y = latToY(n, z); y <= latToY(s, z); y++) {
        const tile = index.getTile(z, x, y) ?? { features: [] };
        tiles.set(`${z}/${x}/${y}.pbf`, fromGeojsonVt({ [STACK_LAYER]: tile as never }, { version: 2, extent: EXTENT }));
      }
    }
  }
  return tiles;
}

/**
 * path (relative to the data folder) → content of every file of the stack; empty when the index is
 * unreadable. `madeStats`: the text of a stats.json made for the site, when the folder has none.
 */
export function stackFiles(dataDir: string, madeStats?: string): Map<string, string | Uint8Array> {
  const out = new Map<string, string | Uint8Array>();
  const inputs = stackInputs(dataDir, madeStats);
  if (!inputs?.length) return out;
  const blocks: StackBlock[] = [];
  const bounds = boundsOf(inputs);
  for (const [from, to] of blockRanges(inputs.length)) {
    const dates = inputs.slice(from, to + 1);
    // Named after what it holds, so a browser never keeps a block of an older build.
    const dir = textHash(JSON.stringify(dates.map((d) => [d.date, d.hash])));
    for (const [path, bytes] of blockTiles(dates, bounds)) out.set(`${STACK_DIR}/${dir}/${path}`, bytes);
    blocks.push({ dir, from, to });
  }
  const manifest: StackManifest = { snapshots: inputs.map(({ date, file, hash, statsCurrent }) => ({ date, file, hash, statsCurrent })), blocks, bounds, maxzoom: STACK_MAXZOOM };
  out.set(STACK_MANIFEST, `${JSON.stringify(manifest)}\n`);
  return out;
}

/** A stamp of a folder's index, its snapshots and `more` files (size and time), to know when what is made from them is stale. */
export function folderStamp(dataDir: string, more: readonly string[] = []): string {
  const dir = join(dataDir, 'snapshots');
  const stamp = (p: string) => (existsSync(p) ? `${statSync(p).mtimeMs}:${statSync(p).size}` : '-');
  const index = existsSync(join(dir, 'index.json')) ? readFileSync(join(dir, 'index.json'), 'utf8') : '';
  return [join(dir, 'index.json'), ...more.map((f) => join(dataDir, f)), ...[...index.matchAll(/"file"\s*:\s*"([^"]+)"/g)].map((m) => join(dir, m[1]!))].map(stamp).join('|');
}

/** The stack's files, made again only when the index, a snapshot, stats.json or factions.json changed (for the dev server). */
export function stackFilesCached(dataDir: string): () => Map<string, string | Uint8Array> {
  let key = '';
  let files = new Map<string, string | Uint8Array>();
  return () => {
    const now = folderStamp(dataDir, ['stats.json', 'factions.json']);
    if (now !== key) { key = now; files = stackFiles(dataDir); }
    return files;
  };
}
