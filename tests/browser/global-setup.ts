/** Serves the built site (dist/, made by `npm run build` before the browser tests) for all browser tests. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/static-server.ts';
import { chromiumPath } from '../../scripts/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext { siteUrl: string; distDir: string }
}

export default async function setup(project: TestProject) {
  const distDir = resolve(import.meta.dirname, '../../dist');
  if (!existsSync(resolve(distDir, 'index.html'))) throw new Error('dist/ has no index.html: run `npm run build` before the browser tests (npm test does).');
  chromiumPath(); // fail early with a clear message when there is no browser
  const server = await serveStatic(distDir);
  project.provide('siteUrl', server.url);
  project.provide('distDir', distDir);
  return () => server.close();
}
