/**
 * The data folder as the site serves it: the story's files (not `sources/`, which only builds the
 * snapshots), plus generated files: `basemap/basemap.geojson` (Natural Earth for the story's
 * bounds, with its rivers; scripts/basemap.ts), `files.json` (which files there are, so the page
 * asks for no optional file that is missing; src/data/files.ts) and `downloads/` (scripts/downloads.ts).
 * The build writes it next to the pages (vite.config.ts), the dev server serves it, and
 * `npx tsx scripts/site-data.ts DATA_DIR SITE_DIR` puts another story into a built site (and its
 * title into the pages' card tags; `npm run render:fallbacks` then draws its still pictures).
 */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileList } from '../src/data/files.ts';
import { storyBasemap } from './basemap.ts';
import { writeDownloads } from './downloads.ts';
import { publishFallbacks } from './fallbacks.ts';
import { isMain } from './derived-file.ts';

/** data/ subfolders that are build inputs, not run-time data. */
const NOT_SHIPPED = new Set(['sources']);

/** files.json for a data folder: its top-level data files. */
export function fileListText(dataDir: string): string {
  const names = readdirSync(dataDir).filter((n) => statSync(join(dataDir, n)).isFile());
  return `${JSON.stringify(fileList(names))}\n`;
}

/** The generated files for a data folder, by path relative to it. */
export function generatedFiles(dataDir: string): Record<'files.json' | 'basemap/basemap.geojson', string> {
  return { 'files.json': fileListText(dataDir), 'basemap/basemap.geojson': JSON.stringify(storyBasemap(dataDir)) };
}

/** Writes the story in `dataDir` to `outDataDir` (replacing what was there) as the site serves it. */
export function writeSiteData(dataDir: string, outDataDir: string): void {
  const from = resolve(dataDir);
  rmSync(outDataDir, { recursive: true, force: true });
  cpSync(from, outDataDir, { recursive: true, filter: (src) => !NOT_SHIPPED.has(src.slice(from.length + 1).split(/[\\/]/)[0] ?? '') });
  mkdirSync(join(outDataDir, 'basemap'), { recursive: true });
  for (const [path, text] of Object.entries(generatedFiles(from))) writeFileSync(join(outDataDir, path), text);
  // The reader's downloads (scripts/downloads.ts); a story's own downloads/ folder, if any, is replaced.
  for (const p of writeDownloads(from, join(outDataDir, 'downloads')).problems) console.warn(`site-data: downloads: ${p}`);
}

if (isMain(import.meta.url)) {
  const [dataDir, siteDir] = process.argv.slice(2);
  if (!dataDir || !siteDir) {
    console.error('usage: npx tsx scripts/site-data.ts DATA_DIR SITE_DIR   (SITE_DIR: a built site, e.g. dist; its data/ is replaced)');
    process.exit(2);
  }
  writeSiteData(dataDir, join(siteDir, 'data'));
  // The pages' card tags and <noscript> words follow the new story; the old story's pictures go.
  await publishFallbacks(siteDir, { render: false });
  console.log(`site-data: ${dataDir} → ${join(siteDir, 'data')}; for its still pictures and social card: npm run render:fallbacks -- --dist ${siteDir}`);
}
