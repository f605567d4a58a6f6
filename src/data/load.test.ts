import { describe, expect, it } from 'vitest';
import { fetchJson, fetchOptional, fetchParsed } from './load.ts';
import { ok } from './result.ts';
import { probeFiles } from './files.ts';

const dataUrl = (bytes: number[]) => `data:application/json;base64,${Buffer.from(bytes).toString('base64')}`;
const utf8 = (s: string) => [...Buffer.from(s, 'utf8')];

describe('fetchJson', () => {
  it('decodes as the CLIs do: one byte-order mark dropped, CRLF fine, a second mark named', async () => {
    expect(await fetchJson(dataUrl([0xef, 0xbb, 0xbf, ...utf8('{\r\n"a": 1\r\n}')]), 'f.json')).toEqual({ ok: true, value: { a: 1 } });
    // Node 20's Response.text() would drop both marks; browsers and text.ts drop one.
    expect(await fetchJson(dataUrl([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...utf8('{}')]), 'f.json'))
      .toEqual({ ok: false, problems: [{ file: 'f.json', message: 'invalid JSON at line 1, column 1: expected a value, found U+FEFF' }] });
  });
});

describe('fetchParsed with a ready gate (the app parses once its first picture is on screen)', () => {
  it('downloads at once but parses only once the gate settles, even if it rejects', async () => {
    const { createServer } = await import('node:http');
    const served: string[] = [];
    let allServed!: () => void;
    const both = new Promise<void>((resolve) => { allServed = resolve; });
    const srv = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(req.url === '/a.json' ? '{"a":1}' : '[2]');
      served.push(req.url!);
      if (served.length === 2) allServed();
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(srv.address() as { port: number }).port}`;
    try {
      const seen: string[] = [];
      let open!: () => void, refuse!: (e: Error) => void;
      const gate = new Promise<void>((resolve) => { open = resolve; });
      const refused = new Promise<void>((_, reject) => { refuse = reject; });
      const parse = (tag: string) => (data: unknown) => { seen.push(tag); return ok(data); };
      const a = fetchParsed(`${base}/a.json`, 'a.json', parse('a'), undefined, gate);
      const b = fetchParsed(`${base}/b.json`, 'b.json', parse('b'), undefined, refused);
      await both; // both files were sent while both gates were shut
      for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0)); // and read by the client
      expect(served.sort()).toEqual(['/a.json', '/b.json']);
      expect(seen).toEqual([]);
      refuse(new Error('no picture'));
      expect(await b).toEqual({ ok: true, value: [2] });
      expect(seen).toEqual(['b']);
      open();
      expect(await a).toEqual({ ok: true, value: { a: 1 } });
      expect(seen).toEqual(['b', 'a']);
    } finally { srv.closeAllConnections(); srv.close(); }
  });
});

describe('fetchJson on a stalled server', () => {
  /** A local server that sends `parts` of a body, `gapMs` apart, then stops (or ends when `end`). */
  async function server(parts: string[], gapMs: number, end: boolean): Promise<{ url: string; close: () => void }> {
    const { createServer } = await import('node:http');
    const s = createServer(async (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      for (const p of parts) { res.write(p); await new Promise((ok) => setTimeout(ok, gapMs)); }
      if (end) res.end();
    });
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
    const port = (s.address() as { port: number }).port;
    return { url: `http://127.0.0.1:${port}/x.json`, close: () => { s.closeAllConnections(); s.close(); } };
  }

  it('gives up when no byte has come for the idle time, naming the file', async () => {
    const srv = await server(['{"a": ', '1'], 50, false); // half a file, then silence
    try {
      const t0 = performance.now();
      expect(await fetchJson(srv.url, 'data/x.json', undefined, 400))
        .toEqual({ ok: false, problems: [{ file: 'data/x.json', message: 'no data arrived for 400 ms (the server stopped answering)' }] });
      expect(performance.now() - t0).toBeLessThan(3000);
    } finally { srv.close(); }
  });

  it('lets a slow download that keeps moving finish', async () => {
    // Ten parts 150 ms apart: 1.5 s in all, over an idle limit of 400 ms.
    const srv = await server(['[', ...Array.from({ length: 9 }, (_, i) => `${i ? ',' : ''}${i}`), ']'], 150, true);
    try {
      expect(await fetchJson(srv.url, 'data/x.json', undefined, 400)).toEqual({ ok: true, value: [0, 1, 2, 3, 4, 5, 6, 7, 8] });
    } finally { srv.close(); }
  });

  it('rejects when the caller aborts', async () => {
    const srv = await server(['{'], 50, false);
    try {
      const c = new AbortController();
      setTimeout(() => c.abort(new Error('stop')), 100);
      await expect(fetchJson(srv.url, 'data/x.json', c.signal, 5000)).rejects.toThrow('stop');
    } finally { srv.close(); }
  });
});

describe('a folder without files.json', () => {
  /** A server with `files` (path → body), 404 for anything else, and 405 for HEAD on `noHead`. */
  async function server(files: Record<string, string>, noHead: string[] = []): Promise<{ base: string; close: () => void; methods: string[] }> {
    const { createServer } = await import('node:http');
    const methods: string[] = [];
    const s = createServer((req, res) => {
      const path = (req.url ?? '').replace(/^\/data\//, '');
      methods.push(`${req.method} ${path}`);
      if (req.method === 'HEAD' && noHead.includes(path)) { res.writeHead(405).end(); return; }
      if (!(path in files)) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(files[path]);
    });
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
    const port = (s.address() as { port: number }).port;
    return { base: `http://127.0.0.1:${port}/data/`, methods, close: () => { s.closeAllConnections(); s.close(); } };
  }

  it('reads a missing optional file as absent, and any other failure as a problem', async () => {
    const srv = await server({ 'there.json': '{"a": 1}', 'bad.json': '{' });
    try {
      expect(await fetchOptional(`${srv.base}missing.json`, 'data/missing.json', (d) => ({ ok: true, value: d }))).toEqual({ ok: true, value: null });
      expect(await fetchOptional(`${srv.base}there.json`, 'data/there.json', (d) => ({ ok: true, value: d }))).toEqual({ ok: true, value: { a: 1 } });
      expect((await fetchOptional(`${srv.base}bad.json`, 'data/bad.json', (d) => ({ ok: true, value: d }))).ok).toBe(false);
    } finally { srv.close(); }
  });

  it('asks for each optional file with HEAD, and counts one a server will not answer HEAD for as there', async () => {
    const srv = await server({ 'story.json': '{}', 'stats.json': '{}', 'odd.json': '{}' }, ['odd.json']);
    try {
      const there = await probeFiles(srv.base, ['story.json', 'claims.json', 'stats.json', 'stack/index.json', 'odd.json']);
      expect([...there].sort()).toEqual(['odd.json', 'stats.json', 'story.json']);
      expect(srv.methods.every((m) => m.startsWith('HEAD '))).toBe(true);
    } finally { srv.close(); }
  });
});
