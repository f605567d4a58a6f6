/**
 * The date stack draws every date as its snapshot file (issue 21): read back from the written
 * tiles with the page's own filter (a piece without `on`, or whose `on` lists the date's place in
 * its block), each tile of each date holds exactly what MapLibre's geojson-vt cuts from that
 * date's file alone; and on the made-up daily archive, the area per side of 50 dates drawn from the
 * deepest tiles equals Turf's area of the snapshot file within 0.1%.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader as Pbf } from 'pbf';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { area, bboxClip, feature as turfFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ARCHIVE_SIDE, writeArchiveStory, writeDailyArchive } from '../tests/fixtures/daily-archive.ts';
import { parseStackManifest, STACK_LAYER, STACK_MANIFEST, stackPolygons, type StackManifest } from '../src/data/date-stack.ts';
import type { Snapshot } from '../src/data/contract.ts';
import { runDataAdd } from './data-add.ts';
import { STACK_MAXZOOM, writeStack } from './stack-files.ts';

const tmp = mkdtempSync(join(tmpdir(), 'frontlines-stack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Stack { files: Map<string, string | Uint8Array>; manifest: StackManifest }
function stackOf(dataDir: string, blockDates?: number): Stack {
  const files = new Map<string, string | Uint8Array>();
  writeStack(dataDir, (p, b) => files.set(p, b), { blockDates });
  const m = parseStackManifest(JSON.parse(files.get(STACK_MANIFEST) as string), STACK_MANIFEST);
  if (!m.ok) throw new Error('bad manifest');
  return { files, manifest: m.value };
}
const snapshotOf = (dataDir: string, file: string) => JSON.parse(readFileSync(join(dataDir, 'snapshots', file), 'utf8')) as Snapshot;

/** A decoded tile's features as comparable text: properties (but `on`) and geometry in tile units. */
function decoded(bytes: Uint8Array, keep: (props: Record<string, unknown>) => boolean = () => true): string[] {
  const layer = new VectorTile(new Pbf(bytes)).layers[STACK_LAYER];
  const out: string[] = [];
  for (let i = 0; i < (layer?.length ?? 0); i++) {
    const f = layer!.feature(i);
    if (!keep(f.properties)) continue;
    const { on: _, ...props } = f.properties;
    out.push(JSON.stringify([props, f.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y]))]));
  }
  return out.sort();
}

/** The page's filter (src/map/territory-slots.ts) for the date at place `at` of its block. */
const drawnOn = (at: number) => (props: Record<string, unknown>) => props.on === undefined || String(props.on).includes(`,${at},`);

/** What geojson-vt, as the stack is made (scripts/stack-files.ts), cuts from one snapshot alone for tile z/x/y. */
function alone(snapshot: Snapshot, [z, x, y]: number[]): string[] {
  const features = stackPolygons(snapshot).map((p) => ({ type: 'Feature', properties: p.props, geometry: { type: 'Polygon', coordinates: p.rings } }));
  const index = new GeoJSONVT({ type: 'FeatureCollection', features } as never, { extent: 8192, buffer: 1024, indexMaxZoom: 0, indexMaxPoints: 0, maxZoom: STACK_MAXZOOM, tolerance: 8 });
  const tile = index.getTile(z!, x!, y!) ?? { features: [] };
  return decoded(fromGeojsonVt({ [STACK_LAYER]: tile as never }, { version: 2, extent: 8192 }));
}

/** Every (date, tile) of the stack: the stack's pieces for the date against the date's file cut alone; returns the (date, tile) pairs with ground. */
function checkEveryTile(dataDir: string, { files, manifest }: Stack): number {
  let checked = 0;
  // Every block has the same tiles (all over the stack's bounds), and every file is the manifest or a tile.
  const perBlock = (files.size - 1) / manifest.blocks.length;
  for (const block of manifest.blocks) {
    const tiles = [...files.keys()].filter((p) => p.startsWith(`stack/${block.dir}/`));
    expect(tiles).toHaveLength(perBlock);
    for (let i = block.from; i <= block.to; i++) {
      const s = manifest.snapshots[i]!;
      const snapshot = snapshotOf(dataDir, s.file);
      for (const path of tiles) {
        const zxy = path.slice(`stack/${block.dir}/`.length, -'.pbf'.length).split('/').map(Number);
        const expected = alone(snapshot, zxy);
        expect(decoded(files.get(path) as Uint8Array, drawnOn(i - block.from)), `${s.date} ${path}`).toEqual(expected);
        if (expected.length) checked++;
      }
    }
  }
  return checked;
}

describe('the date stack, read back', () => {
  it('story-b (three sides, desert, contested, pockets): every tile of every date is what that date\'s file alone makes', () => {
    const dir = 'tests/fixtures/story-b';
    const stack = stackOf(dir, 2);
    expect(stack.manifest.blocks.map((b) => [b.from, b.to])).toEqual([[0, 1], [2, 2]]);
    expect(checkEveryTile(dir, stack)).toBeGreaterThan(3 * 10);
  });

  describe('a made-up daily archive (tests/fixtures/daily-archive.ts) through data:add', () => {
    const story = join(tmp, 'steppe');
    const DAYS = 150;
    beforeAll(() => {
      writeDailyArchive(join(tmp, 'archive'), { days: DAYS, startIso: '2024-01-01' });
      writeArchiveStory(story);
      const err: string[] = [];
      expect(runDataAdd([join(tmp, 'archive'), '--faction', ARCHIVE_SIDE, '--source', 'Made-up archive', '--data', story], { out: () => {}, err: (l) => err.push(l) }), err.join('\n')).toBe(0);
    }, 120_000);

    it('stores the ground that stays once a block, so the stack is a small part of the snapshots', () => {
      const { files } = stackOf(story);
      const stackBytes = [...files.values()].reduce((n, b) => n + b.length, 0);
      const index = JSON.parse(readFileSync(join(story, 'snapshots/index.json'), 'utf8')) as { snapshots: { file: string }[] };
      const snapshotBytes = index.snapshots.reduce((n, s) => n + readFileSync(join(story, 'snapshots', s.file)).length, 0);
      expect(stackBytes / snapshotBytes).toBeLessThan(0.25);
    }, 120_000);

    it('every tile of the first 20 dates, in blocks of 8, is what that date\'s file alone makes', () => {
      const small = join(tmp, 'steppe-20');
      writeArchiveStory(small);
      const err: string[] = [];
      writeDailyArchive(join(tmp, 'archive-20'), { days: 20, startIso: '2024-01-01', vertices: 900 });
      expect(runDataAdd([join(tmp, 'archive-20'), '--faction', ARCHIVE_SIDE, '--source', 'Made-up archive', '--data', small], { out: () => {}, err: (l) => err.push(l) }), err.join('\n')).toBe(0);
      expect(checkEveryTile(small, stackOf(small, 8))).toBeGreaterThan(20 * 10);
    }, 120_000);

    it('on 50 random dates, the area per side drawn from the deepest tiles equals Turf on the file within 0.1%', () => {
      const { files, manifest } = stackOf(story);
      let seed = 21;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const picks = new Set<number>();
      while (picks.size < 50) picks.add(Math.floor(random() * manifest.snapshots.length));
      for (const i of picks) {
        const s = manifest.snapshots[i]!;
        const block = manifest.blocks.find((b) => b.from <= i && i <= b.to)!;
        const drawn = new Map<string, number>();
        for (const [path, bytes] of files) {
          const m = new RegExp(`^stack/${block.dir}/${STACK_MAXZOOM}/(\\d+)/(\\d+)\\.pbf$`).exec(path);
          if (!m) continue;
          const [x, y] = [Number(m[1]), Number(m[2])];
          const layer = new VectorTile(new Pbf(bytes as Uint8Array)).layers[STACK_LAYER];
          for (let k = 0; k < (layer?.length ?? 0); k++) {
            const f = layer!.feature(k);
            if (!drawnOn(i - block.from)(f.properties)) continue;
            // Only the tile's own square: its buffer is drawn by the tiles around it.
            const clipped = bboxClip(f.toGeoJSON(x, y, STACK_MAXZOOM) as Feature<Polygon | MultiPolygon>, tileBox(x, y, STACK_MAXZOOM));
            const key = `${f.properties.faction}|${f.properties.tier ?? 'held'}`;
            drawn.set(key, (drawn.get(key) ?? 0) + area(clipped));
          }
        }
        const file = new Map<string, number>();
        for (const f of snapshotOf(story, s.file).features) {
          const key = `${f.properties.faction}|${f.properties.tier ?? 'held'}`;
          file.set(key, (file.get(key) ?? 0) + area(turfFeature(f.geometry)));
        }
        expect([...drawn.keys()].sort(), s.date).toEqual([...file.keys()].sort());
        for (const [key, m2] of file) expect(Math.abs(drawn.get(key)! - m2) / m2, `${s.date} ${key}`).toBeLessThan(0.001);
      }
    }, 120_000);
  });
});

/** [w, s, e, n] of tile z/x/y in degrees. */
function tileBox(x: number, y: number, z: number): [number, number, number, number] {
  const lon = (tx: number) => (tx / 2 ** z) * 360 - 180;
  const lat = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / 2 ** z))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}
