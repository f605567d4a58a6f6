/**
 * The figures for any story folder (scripts/data-stats.ts): made in one pass for folders without
 * claims, checked by the page's own parsers, and the same as the bundled story's committed files
 * when made for the bundled story's folder (its stats are tested against its inputs elsewhere,
 * scripts/stats.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFactions } from '../src/data/contract.ts';
import { parsePlaceDistances } from '../src/data/place-distances.ts';
import { formatProblem } from '../src/data/result.ts';
import { parseStats } from '../src/data/stats.ts';
import { areasKm2 } from '../src/analysis/area.ts';
import { figureFiles, FIGURE_FILES } from './data-stats.ts';
import { loadCoreInputs } from './build-stats.ts';
import { readText } from './read-text.ts';

const FIXTURES = join(import.meta.dirname, '..', 'tests', 'fixtures');

describe('figureFiles', () => {
  for (const story of ['story-b', 'story-12']) {
    it(`makes stats.json and place-distances.json for ${story}, a folder without claims`, () => {
      const dir = join(FIXTURES, story);
      const r = figureFiles(dir, FIGURE_FILES);
      if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
      const factions = parseFactions(JSON.parse(readText(join(dir, 'factions.json'))), 'factions.json');
      if (!factions.ok) throw new Error('factions');
      const stats = parseStats(JSON.parse(r.value.get('stats.json')!), 'stats.json');
      const distances = parsePlaceDistances(JSON.parse(r.value.get('place-distances.json')!), 'place-distances.json', factions.value.map((f) => f.id));
      expect(stats.ok ? [] : stats.problems.map(formatProblem)).toEqual([]);
      expect(distances.ok ? [] : distances.problems.map(formatProblem)).toEqual([]);
      // The areas are the snapshots' own, to the 0.1 km² the file keeps; no claims, no article block.
      const core = loadCoreInputs([], dir)!;
      for (const e of core.entries) {
        const held = Object.fromEntries([...areasKm2(core.snapshot(e))].map(([id, km2]) => [id, Math.round(km2 * 10) / 10]));
        expect(stats.ok && { ...stats.value.get(e.dateIso)!.areaKm2.held }).toEqual(held);
      }
      const raw = JSON.parse(r.value.get('stats.json')!) as { article?: unknown; generated: { sha256: Record<string, string> } };
      expect(raw.article).toBeUndefined();
      expect(Object.keys(raw.generated.sha256)).toContain('data/snapshots/index.json');
    });
  }

  it('names the file that does not parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontlines-figures-'));
    try {
      cpSync(join(FIXTURES, 'story-b'), dir, { recursive: true });
      writeFileSync(join(dir, 'snapshots', '2024-04-01.geojson'), '{"type": "FeatureCollection", "features": [{"type": "Feature"}]}');
      const r = figureFiles(dir, FIGURE_FILES);
      expect(r.ok ? [] : r.problems.map(formatProblem)[0]).toMatch(/^data\/snapshots\/2024-04-01\.geojson: /);
      const index = figureFiles(join(FIXTURES, 'broken'), ['place-distances.json']);
      expect(index.ok ? [] : index.problems.map(formatProblem)[0]).toBe('data/snapshots/index.json: dates are not in order: 2015-04-01 comes before 2015-03-01');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
