/** Serves the built site (dist/, made by `npm run build` before the browser tests) and runs one Chromium, for all browser tests. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/static-server.ts';
import { launchChromiumServer } from '../../scripts/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext { siteUrl: string; distDir: string; browserWsEndpoint: string }
}

export default async function setup(project: TestProject) {
  const distDir = resolve(import.meta.dirname, '../../dist');
  if (!existsSync(resolve(distDir, 'index.html'))) throw new Error('dist/ has no index.html: run `npm run build` before the browser tests (npm test does).');
  // One Chromium for every test file (each connects to it and opens its own contexts); launching
  // fails early with a clear message when there is no browser.
  const chromium = await launchChromiumServer();
  const server = await serveStatic(distDir);
  project.provide('siteUrl', server.url);
  project.provide('distDir', distDir);
  project.provide('browserWsEndpoint', chromium.wsEndpoint());
  return async () => { await server.close(); await chromium.close(); };
}
