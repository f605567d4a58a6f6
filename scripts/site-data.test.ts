/**
 * The site's data for a story folder without figures (scripts/site-data.ts): the build and the dev
 * server make stats.json and place-distances.json for it, list them in files.json with the basemap,
 * the date stack's manifest and the downloads' index, and leave the folder itself as it was.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseStats } from '../src/data/stats.ts';
import { devGeneratedFile, writeSiteData } from './site-data.ts';

const STORY = join(import.meta.dirname, '..', 'tests', 'fixtures', 'story-b');

describe('site data for a folder without figures', () => {
  it('the build writes them into the site, not the folder, and lists them', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontlines-site-data-'));
    const story = join(dir, 'story'), site = join(dir, 'site');
    try {
      cpSync(STORY, story, { recursive: true });
      const before = readdirSync(story).sort();
      writeSiteData(story, site);
      expect(readdirSync(story).sort()).toEqual(before);
      const files = (JSON.parse(readFileSync(join(site, 'files.json'), 'utf8')) as { files: string[] }).files;
      expect(files).toEqual(expect.arrayContaining(['stats.json', 'place-distances.json', 'basemap/basemap.geojson', 'stack/index.json', 'downloads/index.json']));
      const stats = parseStats(JSON.parse(readFileSync(join(site, 'stats.json'), 'utf8')), 'stats.json');
      expect(stats.ok && [...stats.value.keys()]).toEqual(['2024-01-01', '2024-04-01', '2024-07-01']);
      // The downloads have the areas' CSV, which needs stats.json.
      expect(existsSync(join(site, 'downloads', 'frontlines-areas.csv'))).toBe(true);
      // The date stack vouches for the figures it was made with: the legend may use them.
      const manifest = JSON.parse(readFileSync(join(site, 'stack', 'index.json'), 'utf8')) as { snapshots: { statsCurrent: boolean }[] };
      expect(manifest.snapshots.every((s) => s.statsCurrent)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the dev server lists them and makes them when asked', () => {
    const made = devGeneratedFile(STORY);
    const files = (JSON.parse(made('files.json') as string) as { files: string[] }).files;
    expect(files).toEqual(expect.arrayContaining(['stats.json', 'place-distances.json']));
    const stats = parseStats(JSON.parse(made('stats.json') as string), 'stats.json');
    expect(stats.ok).toBe(true);
    expect(existsSync(join(STORY, 'stats.json'))).toBe(false);
  });
});
