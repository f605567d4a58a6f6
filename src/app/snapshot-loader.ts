/**
 * Loads snapshots by index with a cache, and lets only the latest request win: when a reader
 * scrubs fast, answers to earlier requests are dropped, so only the last chosen date is drawn.
 */
import { parseSnapshot, type Snapshot, type SnapshotEntry } from '../data/contract.ts';
import { fetchParsed } from '../data/load.ts';
import type { Result } from '../data/result.ts';

export class SnapshotLoader {
  readonly #cache = new Map<string, Promise<Result<Snapshot>>>();
  readonly #base: string;
  readonly #factions: readonly string[] | undefined;
  #seq = 0;

  /** `base` is the URL of the folder holding the snapshot files; `factions` the ids features may name. */
  constructor(base: string, factions?: readonly string[]) { this.#base = base; this.#factions = factions; }

  /** Resolves to the result, or to null when a later request superseded this one. */
  async latest(entry: SnapshotEntry): Promise<Result<Snapshot> | null> {
    const seq = ++this.#seq;
    const result = await this.get(entry);
    return seq === this.#seq ? result : null;
  }

  /** True while no request has been made since the one that returned `ticket`. */
  isLatest(ticket: number): boolean { return ticket === this.#seq; }
  get ticket(): number { return this.#seq; }

  get(entry: SnapshotEntry): Promise<Result<Snapshot>> {
    let p = this.#cache.get(entry.file);
    if (!p) {
      const file = `data/snapshots/${entry.file}`;
      p = fetchParsed(new URL(entry.file, this.#base).href, file, (d, f) => parseSnapshot(d, f, this.#factions));
      // A failed load is not cached, so a later visit to the date tries again.
      p.then((r) => { if (!r.ok) this.#cache.delete(entry.file); }, () => this.#cache.delete(entry.file));
      this.#cache.set(entry.file, p);
    }
    return p;
  }
}
