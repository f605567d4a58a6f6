import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, resolve, normalize, extname } from 'node:path';
import { basemapCollection } from './scripts/basemap.ts';

const DATA_DIR = resolve(import.meta.dirname, 'data');
/** data/ subfolders that are build inputs, not run-time data. */
const NOT_SHIPPED = new Set(['sources']);

const MIME: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
};

/**
 * Serves data/ at /data/ in dev and copies it to dist/data/ in a build, so a data editor can swap
 * files in a built site without rebuilding. The basemap is generated from Natural Earth at build
 * time (never committed) as data/basemap/basemap.geojson.
 */
function frontlinesData(): Plugin {
  let basemapJson: string | null = null;
  const basemap = () => (basemapJson ??= JSON.stringify(basemapCollection()));
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
      server.middlewares.use('/data/', (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        if (path === '/basemap/basemap.geojson') {
          res.setHeader('Content-Type', 'application/json');
          res.end(basemap());
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
      // The host-side loader is a classic script with a stable name, so it is built on its own.
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2018',
          lib: { entry: resolve(import.meta.dirname, 'src/embed/loader.ts'), formats: ['iife'], name: 'FrontlinesLoader', fileName: () => 'embed-loader.js' },
        },
      });
      const target = join(outDir, 'data');
      cpSync(DATA_DIR, target, {
        recursive: true,
        filter: (src) => !NOT_SHIPPED.has(src.slice(DATA_DIR.length + 1).split('/')[0] ?? ''),
      });
      mkdirSync(join(target, 'basemap'), { recursive: true });
      writeFileSync(join(target, 'basemap', 'basemap.geojson'), basemap());
    },
  };
}

/**
 * The pages carry a strict Content-Security-Policy. The dev server injects CSS as <style> tags and
 * talks to its client over a WebSocket, so in dev only the policy lets those through; builds keep
 * the strict one.
 */
function devCsp(): Plugin {
  return {
    name: 'frontlines-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
  };
}

export default defineConfig({
  base: './',
  plugins: [frontlinesData(), devCsp()],
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
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
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
          fileParallelism: false,
        },
      },
    ],
  },
});
