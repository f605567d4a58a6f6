/**
 * The sites the benchmark serves: the built explorer (dist/, or BENCH_SITE), the bare MapLibre
 * page with the same data (bench/bare, built into dist-bench/bare), and the scale case, a copy of
 * the site whose story has `count` snapshots (bench/big-story.ts), with its derived files made
 * again by the build's own data step (scripts/site-data.ts).
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { writeSiteData } from '../scripts/site-data.ts';
import { writeBigStory } from './big-story.ts';

/** Builds the bare page into `outDir` and copies the site's data next to it. */
export async function bareSite(root: string, siteDir: string, outDir: string): Promise<void> {
  await build({ configFile: join(root, 'bench/vite.bare.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  mkdirSync(join(outDir, 'data'), { recursive: true });
  cpSync(join(siteDir, 'data'), join(outDir, 'data'), { recursive: true });
}

/** Copies the site to `outDir` with a story of `count` snapshots; returns its dates and how long the data step took. */
export function bigSite(siteDir: string, outDir: string, count: number): { dates: string[]; dataStepMs: number } {
  rmSync(outDir, { recursive: true, force: true });
  cpSync(siteDir, outDir, { recursive: true, filter: (src) => !src.startsWith(join(siteDir, 'data')) });
  const story = `${outDir}-story`;
  const dates = writeBigStory(join(siteDir, 'data'), story, count);
  const t0 = performance.now();
  writeSiteData(story, join(outDir, 'data'));
  const dataStepMs = performance.now() - t0;
  rmSync(story, { recursive: true, force: true });
  return { dates, dataStepMs };
}
