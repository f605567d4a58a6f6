import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from './static-server.ts';

/** GET with the path sent exactly as written (fetch would normalise it). */
function get(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => ok({ status: res.statusCode ?? 0, body }));
    }).on('error', fail).end();
  });
}

describe('serveStatic', () => {
  let dir = '';
  let server: StaticServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'frontlines-static-'));
    mkdirSync(join(dir, 'dist'));
    mkdirSync(join(dir, 'dist2'));
    writeFileSync(join(dir, 'dist', 'index.html'), 'inside');
    writeFileSync(join(dir, 'dist2', 'x'), 'secret');
    writeFileSync(join(dir, 'x'), 'secret');
    server = await serveStatic(join(dir, 'dist'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves files inside its folder', async () => {
    expect(await get(server.url, '/')).toEqual({ status: 200, body: 'inside' });
    expect(await get(server.url, '/index.html')).toEqual({ status: 200, body: 'inside' });
  });

  it('serves nothing outside it, however the path is written', async () => {
    for (const path of ['/..%2fdist2/x', '/..%2Fdist2%2Fx', '/%2e%2e/dist2/x', '/..%2f..%2fx', '/..%2fx', '/../dist2/x']) {
      const r = await get(server.url, path);
      expect(r.body, path).not.toBe('secret');
      expect([403, 404], path).toContain(r.status);
    }
    expect((await get(server.url, '/%E0%A4%A')).status).toBe(400);
  });
});
