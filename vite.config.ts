import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, normalize, extname } from 'node:path';
import { availableParallelism } from 'node:os';
import { devGeneratedFile, writeSiteData } from './scripts/site-data.ts';
import { downloadText } from './scripts/downloads.ts';
import { cspContent } from './scripts/csp.ts';

/** The story to serve and build: data/, or another folder named by FRONTLINES_DATA (docs/new-story.md). */
const DATA_DIR = resolve(import.meta.dirname, process.env.FRONTLINES_DATA ?? 'data');

const MIME: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pbf': 'application/x-protobuf',
};

/**
 * Serves the story's data folder at /data/ in dev and copies it to dist/data/ in a build, so a data
 * editor can swap files in a built site without rebuilding. The basemap (Natural Earth for the
 * story's bounds), files.json and the date stack are generated (scripts/site-data.ts), never committed.
 */
function frontlinesData(): Plugin {
  let outDir = 'dist';
  let isBuild = false;
  return {
    name: 'frontlines-data',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      // Vitest resolves this config too (with a dummy outDir); only a real build copies data/.
      isBuild = config.command === 'build' && !process.env.VITEST;
    },
    configureServer(server) {
      const generated = devGeneratedFile(DATA_DIR);
      server.middlewares.use('/data/', (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        // files.json, the downloads and the date stack follow the folder as it is now; the basemap is made once.
        const made = generated(path.slice(1))
          ?? (path.startsWith('/downloads/') ? downloadText(DATA_DIR, path.slice('/downloads/'.length)) ?? undefined : undefined);
        if (made !== undefined) {
          res.setHeader('Content-Type', MIME[extname(path)] ?? 'application/json');
          res.end(made);
          return;
        }
        const file = normalize(join(DATA_DIR, path));
        if (!file.startsWith(DATA_DIR + '/') || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    async closeBundle() {
      if (!isBuild) return;
      // Classic scripts with stable names, each built on its own: the host-side loader, and the
      // pages' first script, which runs as soon as the page is parsed (the app's module waits for
      // MapLibre) and shows the still picture of the opening view (src/app/first-picture.ts);
      // render:fallbacks puts it into the pages with the pictures it lists.
      const classic = (entry: string, name: string, fileName: string, target: string) => build({
        configFile: false,
        logLevel: 'warn',
        build: { outDir, emptyOutDir: false, target, lib: { entry: resolve(import.meta.dirname, entry), formats: ['iife'], name, fileName: () => fileName } },
      });
      await classic('src/embed/loader.ts', 'FrontlinesLoader', 'embed-loader.js', 'es2018');
      await classic('src/app/first-picture-entry.ts', 'FrontlinesFirstPicture', 'first-picture.js', 'es2020');
      writeSiteData(DATA_DIR, join(outDir, 'data'));
    },
  };
}

/**
 * The pages' Content-Security-Policy, from its one source (scripts/csp.ts), as a meta tag at the top
 * of <head>. The dev server injects CSS as <style> tags and talks to its client over a WebSocket,
 * so in dev the policy lets those through; builds keep the strict one.
 */
function csp(): Plugin {
  let dev = false;
  return {
    name: 'frontlines-csp',
    configResolved(config) { dev = config.command === 'serve'; },
    transformIndexHtml: {
      order: 'pre',
      handler: (_html, { path }) => [{
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: cspContent(path.endsWith('embed.html') ? 'embed' : 'explorer', dev ? 'dev' : 'build') },
        injectTo: 'head-prepend',
      }],
    },
  };
}

/**
 * MapLibre's script is imported by the app only once the page's still picture is on screen
 * (src/app/map-boot.ts). The built pages still download it, and what it imports, from the start
 * (`prefetch`), so that the import finds it in the cache. Not `modulepreload`, which compiles it
 * then too: the still's frame and the first drawn map both came later (docs/performance.md).
 */
function preloadMapModule(): Plugin {
  return {
    name: 'frontlines-preload-map',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, { bundle }) => {
        const chunks = Object.values(bundle ?? {}).filter((c) => c.type === 'chunk');
        const boot = chunks.find((c) => c.facadeModuleId?.endsWith('/src/app/map-boot.ts'));
        if (!boot) return html;
        const files: string[] = [];
        const add = (file: string) => {
          if (files.includes(file)) return;
          files.push(file);
          for (const dep of chunks.find((c) => c.fileName === file)?.imports ?? []) add(dep);
        };
        add(boot.fileName);
        return { html, tags: files.filter((f) => !html.includes(f)).map((f) => ({ tag: 'link', attrs: { rel: 'prefetch', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })) };
      },
    },
  };
}

/**
 * Test files in the order Vitest would run them (its own sequencer: failed and longest first from
 * its cache, else the largest files first), except that these go first. On a fresh machine there is
 * no cache, and the bench's smoke test, a small file that starts its own Chromium and builds two
 * sites (about 80 s), came last: the other worker sat idle while it ran alone.
 */
const RUN_FIRST = ['tests/browser/bench.test.ts'];
interface Spec { moduleId: string }
class RunFirstSequencer {
  readonly #ctx: unknown;
  constructor(ctx: unknown) { this.#ctx = ctx; }
  async #base() { const { BaseSequencer } = await import('vitest/node'); return new BaseSequencer(this.#ctx as ConstructorParameters<typeof BaseSequencer>[0]); }
  async shard<T extends Spec>(files: T[]): Promise<T[]> { return (await this.#base()).shard(files as never) as unknown as T[]; }
  async sort<T extends Spec>(files: T[]): Promise<T[]> {
    const sorted = (await (await this.#base()).sort(files as never)) as unknown as T[];
    const rank = (f: T) => { const i = RUN_FIRST.findIndex((n) => normalize(f.moduleId).endsWith(normalize(n))); return i < 0 ? RUN_FIRST.length : i; };
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  base: './',
  plugins: [frontlinesData(), csp(), preloadMapModule()],
  optimizeDeps: { exclude: ['maplibre-gl'] },
  server: { port: 5173, strictPort: false },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { index: resolve(import.meta.dirname, 'index.html'), embed: resolve(import.meta.dirname, 'embed.html') },
    },
  },
  test: {
    sequence: { sequencer: RunFirstSequencer as never },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/fuzz/seed.ts'],
          // One file per core. Vitest's default leaves a core to its own process, which does next to
          // nothing here: on two cores that ran the unit tests one file at a time.
          maxWorkers: availableParallelism(),
          // A worker imports Turf, polyclip and the rest once for all its files, not once per file
          // (about 30 s of the unit run's import time on two cores). The files share no state: the
          // few that stub a global or fake timers undo it in afterEach.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two files at a time share the one Chromium (global-setup.ts): much of a browser test is
          // waiting (a stalled server, a spawned renderer, the player), which the other file fills.
          maxWorkers: 2,
        },
      },
    ],
  },
});
