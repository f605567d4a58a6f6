/** Copies of the built site, each served with a data/ folder of its own; closed and removed together. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/static-server.ts';

export class SiteCopies {
  readonly #sites: { server: StaticServer; dir: string }[] = [];
  constructor(private readonly distDir: string, private readonly prefix: string) {}

  /** Copies the site without its data/, lets `fill` write the copy's data/ folder, serves it; its URL. */
  async serve(fill: (dataOut: string) => void): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), this.prefix));
    cpSync(this.distDir, dir, { recursive: true, filter: (src) => src !== join(this.distDir, 'data') });
    fill(join(dir, 'data'));
    const server = await serveStatic(dir);
    this.#sites.push({ server, dir });
    return server.url;
  }

  async close(): Promise<void> {
    for (const s of this.#sites) { await s.server.close(); rmSync(s.dir, { recursive: true, force: true }); }
  }
}
