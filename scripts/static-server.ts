/**
 * A minimal static file server for tests, benchmarks and the PNG renderer: serves a folder on
 * 127.0.0.1 with the right content types. `cors` adds Access-Control-Allow-Origin: * (what a
 * sandboxed iframe with an opaque origin needs); `headers` adds any others (e.g. a CSP).
 * `intercept` lets a test answer a path itself, slow it down or never answer it.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export interface StaticServer { url: string; close: () => Promise<void> }

export interface ServeOptions {
  cors?: boolean;
  headers?: Record<string, string>;
  port?: number;
  /**
   * Tests only: called with each decoded path before the file is read. A string is sent as the
   * body instead of the file; undefined serves the file. It may wait first (a slow server), or
   * never settle (a stalled one).
   */
  intercept?: (path: string) => string | undefined | Promise<string | undefined>;
}

export async function serveStatic(rootDir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(rootDir);
  const server: Server = createServer(async (req, res) => {
    try {
      let path: string;
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      } catch {
        res.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad request');
        return;
      }
      let file = normalize(join(root, path));
      // Inside the root means the root itself or below it: a bare prefix test lets /..%2fdist2/x
      // (decoded after URL parsing, so not resolved by it) reach the sibling folder dist2.
      if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
      const s = await stat(file).catch(() => null);
      if (s?.isDirectory()) file = join(file, 'index.html');
      const body = (await options.intercept?.(path)) ?? await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        // As static hosts do: hashed build assets are immutable, everything else is revalidated.
        'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...(options.cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
        ...options.headers,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
