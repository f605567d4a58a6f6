/**
 * The date stack's files for a data folder (src/data/date-stack.ts, docs/performance.md):
 * data/stack/index.json, and for every block its vector tiles, `stack/DIR/{z}/{x}/{y}.pbf`, by
 * path relative to the data folder. Made by the build (scripts/site-data.ts) and, on request, by
 * the dev server. A snapshot file that does not parse is left out of the stack; the page then
 * loads it by itself and reports what is wrong with it.
 *
 * Streaming: a first pass reads each snapshot once for its hash and extent and keeps only those;
 * the second reads a block's snapshots one at a time, cuts each polygon into tiles and keeps, per
 * tile, each distinct piece once with the dates it is drawn on; the block's tiles are written and
 * forgotten before the next block. Memory follows one block, not the archive.
 *
 * Tiles are cut as MapLibre cuts the page's own GeoJSON source (src/map/territory-layers.ts:
 * 8192 units a tile, a 64-pixel buffer, 0.5-pixel simplification), with @maplibre/geojson-vt
 * and @maplibre/vt-pbf, MapLibre's own libraries, one polygon at a time (geojson-vt cuts and
 * simplifies each feature by itself, so a polygon's pieces do not depend on the others). The
 * deepest zoom, which the map enlarges when zoomed in further, is not simplified: its 8192 units
 * are ≈10 m, finer than the snapshots' 4 decimals.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { parseFactions, parseJson, parseSnapshot, parseSnapshotIndex, type Snapshot } from '../src/data/contract.ts';
import { contentHash, textHash } from '../src/data/content-hash.ts';
import { blockRanges, onValue, stackPolygons, STACK_DIR, STACK_LAYER, STACK_MANIFEST, type StackBlock, type StackManifest, type StackSnapshot } from '../src/data/date-stack.ts';
import { decodeUtf8 } from '../src/data/text.ts';
import { freeMemory } from './free-memory.ts';

/** Zoom of the deepest tiles; the map enlarges them beyond (maxZoom 11, src/app/boot.ts). */
export const STACK_MAXZOOM = 8;
const EXTENT = 8192, PX = EXTENT / 512;
/** Bumped when the tiles' meaning changes, so that a browser never keeps a block of an older build. */
const FORMAT = 'pieces-1';

type Bounds = StackManifest['bounds'];
/** Writes one file of the stack (path relative to the data folder). */
export type StackWrite = (path: string, bytes: string | Uint8Array) => void;

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

const emptyBounds = (): Bounds => [Infinity, Infinity, -Infinity, -Infinity];
function extend(b: Bounds, snapshot: Snapshot): Bounds {
  for (const f of snapshot.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polygons) for (const ring of rings) for (const [x, y] of ring) {
      if (x! < b[0]) b[0] = x!; if (x! > b[2]) b[2] = x!; if (y! < b[1]) b[1] = y!; if (y! > b[3]) b[3] = y!;
    }
  }
  return b;
}

/** A snapshot of the index that parses and checks; null for one that does not. */
function readSnapshot(dataDir: string, file: string, ids: string[] | undefined): { snapshot: Snapshot; bytes: Buffer; json: unknown } | null {
  const path = join(dataDir, 'snapshots', file);
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  const json = parseJson(decodeUtf8(bytes), file);
  const snapshot = json.ok ? parseSnapshot(json.value, file, ids) : null;
  return json.ok && snapshot?.ok ? { snapshot: snapshot.value, bytes, json: json.value } : null;
}

/** First pass: the snapshots of the index that parse, with their hashes, and the extent of all. */
function stackInputs(dataDir: string, limit = Infinity, madeStats?: string): { snapshots: StackSnapshot[]; bounds: Bounds; ids: string[] | undefined } | null {
  const indexJson = existsSync(join(dataDir, 'snapshots/index.json')) ? readJson(join(dataDir, 'snapshots/index.json')) : null;
  const index = indexJson === null ? null : parseSnapshotIndex(indexJson, 'index.json');
  if (!index?.ok) return null;
  const factionsJson = existsSync(join(dataDir, 'factions.json')) ? readJson(join(dataDir, 'factions.json')) : null;
  const factions = factionsJson === null ? null : parseFactions(factionsJson, 'factions.json');
  const ids = factions?.ok ? factions.value.map((f) => f.id) : undefined;
  const stats = statsHashes(dataDir, madeStats);
  const snapshots: StackSnapshot[] = [];
  const bounds = emptyBounds();
  for (const entry of index.value.slice(0, limit)) {
    const r = readSnapshot(dataDir, entry.file, ids);
    if (!r) continue;
    extend(bounds, r.snapshot);
    const sha = createHash('sha256').update(r.bytes).digest('hex');
    snapshots.push({ date: entry.dateIso, file: entry.file, hash: contentHash(r.json), statsCurrent: stats.get(entry.file) === sha });
  }
  return { snapshots, bounds, ids };
}

const lonToX = (lon: number, z: number) => Math.min(2 ** z - 1, Math.max(0, Math.floor(((lon + 180) / 360) * 2 ** z)));
const latToY = (lat: number, z: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return Math.min(2 ** z - 1, Math.max(0, Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 2 ** z)));
};
/** Every tile "z/x/y" over `bounds`, zoom 0 to STACK_MAXZOOM, and `margin` tiles around. */
function* tilesOver([w, s, e, n]: Bounds, margin = 0): Generator<[number, number, number]> {
  if (!Number.isFinite(w)) return;
  for (let z = 0; z <= STACK_MAXZOOM; z++) {
    const m = z === 0 ? 0 : margin, last = 2 ** z - 1;
    for (let x = Math.max(0, lonToX(w, z) - m); x <= Math.min(last, lonToX(e, z) + m); x++) {
      for (let y = Math.max(0, latToY(n, z) - m); y <= Math.min(last, latToY(s, z) + m); y++) yield [z, x, y];
    }
  }
}

/** A feature of a geojson-vt tile. */
type TileFeature = { type: number; geometry: unknown; tags: Record<string, unknown> };
/** A distinct piece of a tile in a block, and the places in the block of the dates it is drawn on. */
interface Piece { feature: TileFeature; at: number[] }

/** The pieces of one polygon: tile "z/x/y" → the tile's feature for it, cut as the page's source cuts it. */
function cutPolygon(polygon: ReturnType<typeof stackPolygons>[number]): [string, TileFeature][] {
  const data = { type: 'Feature' as const, properties: polygon.props, geometry: { type: 'Polygon' as const, coordinates: polygon.rings } };
  const options = { extent: EXTENT, buffer: 64 * PX, indexMaxZoom: 0, indexMaxPoints: 0 };
  // geojson-vt simplifies every zoom but its maxZoom, which it keeps as it is.
  const index = new GeoJSONVT(data as never, { ...options, maxZoom: STACK_MAXZOOM, tolerance: 0.5 * PX });
  const out: [string, TileFeature][] = [];
  // One tile around the polygon's own too: geojson-vt's buffer reaches an eighth of a tile into them.
  for (const [z, x, y] of tilesOver(extend(emptyBounds(), { type: 'FeatureCollection', features: [data] } as never), 1)) {
    const tile = index.getTile(z, x, y) as { features: TileFeature[] } | null;
    for (const f of tile?.features ?? []) out.push([`${z}/${x}/${y}`, f]);
  }
  return out;
}

/** One block's tiles: every distinct piece once per tile, with the dates it is drawn on. */
class BlockTiles {
  readonly #tiles = new Map<string, Map<string, Piece>>();
  /** Where the pieces of each polygon already cut in this block are ("z/x/y" and the piece's key), by the polygon's text: a polygon drawn alike on many dates is cut once. */
  readonly #cut = new Map<string, [string, string][]>();

  add(at: number, snapshot: Snapshot): void {
    for (const polygon of stackPolygons(snapshot)) {
      const polygonKey = hash(JSON.stringify([polygon.props, polygon.rings]));
      const seen = this.#cut.get(polygonKey);
      if (seen) {
        for (const [tile, key] of seen) this.#on(tile, key, at);
        continue;
      }
      const pieces: [string, string][] = [];
      for (const [tile, feature] of cutPolygon(polygon)) {
        const key = hash(JSON.stringify([feature.tags, feature.geometry]));
        this.#on(tile, key, at, feature);
        pieces.push([tile, key]);
      }
      this.#cut.set(polygonKey, pieces);
    }
  }

  /** Marks a piece as drawn on the date at `at`; `feature` keeps a piece not seen before (only a new one's geometry is kept). */
  #on(tile: string, key: string, at: number, feature?: TileFeature): void {
    let byKey = this.#tiles.get(tile);
    if (!byKey) this.#tiles.set(tile, (byKey = new Map()));
    const piece = byKey.get(key);
    if (!piece) byKey.set(key, { feature: feature!, at: [at] });
    else if (piece.at[piece.at.length - 1] !== at) piece.at.push(at);
  }

  /** The tile "z/x/y" as vector-tile bytes (an empty tile when nothing of the block lies in it). */
  tile(key: string, size: number): Uint8Array {
    const features = [...(this.#tiles.get(key)?.values() ?? [])].map(({ feature, at }) => {
      const on = onValue(at, size);
      return { ...feature, tags: on === undefined ? feature.tags : { ...feature.tags, on } };
    });
    return fromGeojsonVt({ [STACK_LAYER]: { features } as never }, { version: 2, extent: EXTENT });
  }
}

const hash = (text: string) => createHash('sha1').update(text).digest('base64');

/**
 * Writes the stack of `dataDir` through `write`, one block at a time, the manifest last; returns
 * how many dates it holds (0, and nothing written, when the index is unreadable or no file parses).
 * `madeStats`: the text of a stats.json made for the site, when the folder has none. `blockDates`
 * and `limit` (the first dates only) are for measuring (bench/stack-designs.ts).
 */
export function writeStack(dataDir: string, write: StackWrite, o: { blockDates?: number; limit?: number; madeStats?: string } = {}): number {
  const inputs = stackInputs(dataDir, o.limit, o.madeStats);
  if (!inputs?.snapshots.length) return 0;
  const { snapshots, bounds, ids } = inputs;
  const blocks: StackBlock[] = [];
  for (const [from, to] of blockRanges(snapshots.length, o.blockDates)) {
    const dates = snapshots.slice(from, to + 1);
    // Named after what it holds, so a browser never keeps a block of an older build.
    const dir = textHash(JSON.stringify([FORMAT, dates.map((d) => [d.date, d.hash])]));
    const block = new BlockTiles();
    dates.forEach((d, at) => {
      const r = readSnapshot(dataDir, d.file, ids);
      // A file changed since the first pass: the page finds its hash differs and draws the file itself.
      if (r) block.add(at, r.snapshot);
    });
    for (const [z, x, y] of tilesOver(bounds)) write(`${STACK_DIR}/${dir}/${z}/${x}/${y}.pbf`, block.tile(`${z}/${x}/${y}`, dates.length));
    blocks.push({ dir, from, to });
    freeMemory();
  }
  const manifest: StackManifest = { snapshots, blocks, bounds, maxzoom: STACK_MAXZOOM };
  write(STACK_MANIFEST, `${JSON.stringify(manifest)}\n`);
  return snapshots.length;
}

/** path (relative to the data folder) → content of every file of the stack, in memory (the dev server's; small stories). */
export function stackFiles(dataDir: string, madeStats?: string): Map<string, string | Uint8Array> {
  const out = new Map<string, string | Uint8Array>();
  writeStack(dataDir, (path, bytes) => out.set(path, bytes), { madeStats });
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
