/**
 * The data folder as the site serves it: the story's files (not `sources/`, which only builds the
 * snapshots), plus generated files: `basemap/basemap.geojson` (Natural Earth for the story's
 * bounds, with its rivers; scripts/basemap.ts), the figures the folder lacks (`stats.json`,
 * `place-distances.json`; scripts/data-stats.ts), `files.json` (which files there are, so the page
 * asks for no optional file that is missing; src/data/files.ts), `downloads/`
 * (scripts/downloads.ts) and the date stack, `stack/` (src/data/date-stack.ts, scripts/stack-files.ts).
 * The build writes it next to the pages (vite.config.ts), the dev server serves it, and
 * `npx tsx scripts/site-data.ts DATA_DIR SITE_DIR` puts another story into a built site (and its
 * title into the pages' card tags; `npm run render:fallbacks` then draws its still pictures).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BASEMAP_FILE, DOWNLOADS_INDEX, fileList } from '../src/data/files.ts';
import { STACK_MANIFEST } from '../src/data/date-stack.ts';
import { formatProblem } from '../src/data/result.ts';
import { storyBasemap } from './basemap.ts';
import { writeDownloads } from './downloads.ts';
import { isMain } from './derived-file.ts';
import { FIGURE_FILES, figureFiles, type FigureFile } from './data-stats.ts';
import { freeMemory } from './free-memory.ts';
import { folderStamp, stackFilesCached, writeStack } from './stack-files.ts';

/** data/ subfolders that are build inputs, not run-time data. */
const NOT_SHIPPED = new Set(['sources']);

/** files.json for a data folder: its top-level data files, and `generated` ones made for the site. */
export function fileListText(dataDir: string, generated: readonly string[] = []): string {
  const names = readdirSync(dataDir).filter((n) => statSync(join(dataDir, n)).isFile());
  return `${JSON.stringify(fileList([...names, ...generated]))}\n`;
}

/**
 * The figure files the folder lacks, made for the site by name (its own are used as they are:
 * `npm run data:stats` keeps them current). A story whose figures cannot be made (a snapshot that
 * does not parse) goes without them, with a warning; the page then leaves out their panels.
 */
export function missingFigures(dataDir: string): Map<FigureFile, string> {
  const missing = FIGURE_FILES.filter((f) => !existsSync(join(dataDir, f)));
  if (!missing.length) return new Map();
  const r = figureFiles(dataDir, missing);
  if (r.ok) return r.value;
  console.warn(`site-data: no ${missing.join(' or ')} for ${dataDir}: ${r.problems.slice(0, 3).map(formatProblem).join('; ')}`);
  return new Map();
}

/**
 * For the dev server: the text of a generated file at `path` (relative to the data folder), made
 * afresh when its inputs changed (the basemap, slow to make, once), or undefined for any other path.
 */
export function devGeneratedFile(dataDir: string): (path: string) => string | Uint8Array | undefined {
  let basemap: string | null = null;
  const stack = stackFilesCached(dataDir);
  let figures = { key: '', files: new Map<FigureFile, string>() };
  const figuresNow = () => {
    const key = folderStamp(dataDir, ['places.geojson', 'claims.json', 'factions.json', ...FIGURE_FILES]);
    if (key !== figures.key) figures = { key, files: missingFigures(dataDir) };
    return figures.files;
  };
  const missing = () => FIGURE_FILES.filter((f) => !existsSync(join(dataDir, f)));
  return (path) => {
    // Figures the folder lacks are listed before they are made: they are made when first asked for.
    if (path === 'files.json') return fileListText(dataDir, [...missing(), BASEMAP_FILE, ...(stack().size ? [STACK_MANIFEST] : []), DOWNLOADS_INDEX]);
    if (path === BASEMAP_FILE) return (basemap ??= JSON.stringify(storyBasemap(dataDir)));
    if ((missing() as string[]).includes(path)) return figuresNow().get(path as FigureFile);
    return path.startsWith('stack/') ? stack().get(path) : undefined;
  };
}

/** Writes the story in `dataDir` to `outDataDir` (replacing what was there) as the site serves it. */
export function writeSiteData(dataDir: string, outDataDir: string): void {
  const from = resolve(dataDir);
  rmSync(outDataDir, { recursive: true, force: true });
  cpSync(from, outDataDir, { recursive: true, filter: (src) => !NOT_SHIPPED.has(src.slice(from.length + 1).split(/[\\/]/)[0] ?? '') });
  const write = (path: string, text: string | Uint8Array) => {
    mkdirSync(dirname(join(outDataDir, path)), { recursive: true });
    writeFileSync(join(outDataDir, path), text);
  };
  // The figures the folder lacks first: the stack records whether stats.json is current for each date.
  const figures = missingFigures(from);
  for (const [path, text] of figures) write(path, text);
  // The date stack (scripts/stack-files.ts), block by block as it is made: memory follows a block, not the archive.
  const dates = writeStack(from, write, { madeStats: figures.get('stats.json') });
  figures.clear();
  write(BASEMAP_FILE, JSON.stringify(storyBasemap(from)));
  freeMemory();
  // The reader's downloads (scripts/downloads.ts), from the site's folder, figures made for it
  // included; a story's own downloads/ folder, if any, is replaced.
  for (const p of writeDownloads(outDataDir, join(outDataDir, 'downloads')).problems) console.warn(`site-data: downloads: ${p}`);
  // Last: the list of what is there.
  const more = [BASEMAP_FILE, ...(dates > 0 ? [STACK_MANIFEST] : []), ...(existsSync(join(outDataDir, DOWNLOADS_INDEX)) ? [DOWNLOADS_INDEX] : [])];
  writeFileSync(join(outDataDir, 'files.json'), fileListText(outDataDir, more));
}

if (isMain(import.meta.url)) {
  const [dataDir, siteDir] = process.argv.slice(2);
  if (!dataDir || !siteDir) {
    console.error('usage: npx tsx scripts/site-data.ts DATA_DIR SITE_DIR   (SITE_DIR: a built site, e.g. dist; its data/ is replaced)');
    process.exit(2);
  }
  writeSiteData(dataDir, join(siteDir, 'data'));
  // The pages' card tags and <noscript> words follow the new story; the old story's pictures go.
  // Imported here, not at the top: the build and the bench call writeSiteData without it.
  const { publishFallbacks } = await import('./fallbacks.ts');
  await publishFallbacks(siteDir, { render: false });
  console.log(`site-data: ${dataDir} → ${join(siteDir, 'data')}; for its still pictures and social card: npm run render:fallbacks -- --dist ${siteDir}`);
}
