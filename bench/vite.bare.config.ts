import { defineConfig } from 'vite';
import { resolve } from 'node:path';

/** Builds the baseline page into dist-bench/bare/; bench/run.ts copies data/ next to it. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'bare'),
  base: './',
  logLevel: 'warn',
  build: { outDir: resolve(import.meta.dirname, '../dist-bench/bare'), emptyOutDir: true, target: 'es2022' },
});
