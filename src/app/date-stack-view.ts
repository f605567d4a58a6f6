/**
 * Which dates the map can draw from the date stack (docs/performance.md): reads data/stack/index.json
 * once the first map is drawn, and answers, for a snapshot the page has loaded, whether the stack
 * holds that very file (same content hash). After every swap it readies the dates either side in
 * slots not shown (territory-slots.ts), once their files are in and checked, so that the next
 * step by keyboard or by the player only switches slots.
 */
import type { Snapshot, SnapshotEntry } from '../data/contract.ts';
import { contentHash } from '../data/content-hash.ts';
import { parseStackManifest, STACK_DIR, STACK_MANIFEST, type StackManifest } from '../data/date-stack.ts';
import type { StackDate, TerritorySlots } from '../map/territory-slots.ts';
import type { AppContext } from './context.ts';
import type { SnapshotLoader } from './snapshot-loader.ts';

export class DateStackView {
  readonly #ctx: AppContext;
  readonly #slots: TerritorySlots;
  readonly #loader: SnapshotLoader;
  readonly #hashes = new WeakMap<Snapshot, string>();
  #manifest: StackManifest | null = null;
  /** Manifest position of each "date|file". */
  #at = new Map<string, number>();
  #loading: Promise<void> | null = null;
  #preparing = 0;

  constructor(ctx: AppContext, slots: TerritorySlots, loader: SnapshotLoader) {
    this.#ctx = ctx;
    this.#slots = slots;
    this.#loader = loader;
  }

  /** Loads the manifest if files.json lists one; a missing or broken one leaves the stack unused. */
  start(): Promise<void> {
    const { core, load } = this.#ctx;
    if (!core.files.has(STACK_MANIFEST)) return Promise.resolve();
    return (this.#loading ??= load(STACK_MANIFEST, parseStackManifest).then((r) => {
      // A broken manifest is the build's doing, not the reader's: every date is then drawn from its file.
      if (!r.ok) { console.warn(r.problems.map((p) => `${p.file}: ${p.message}`).join('\n')); return; }
      this.#manifest = r.value;
      this.#at = new Map(r.value.snapshots.map((s, i) => [`${s.date}|${s.file}`, i]));
      this.#slots.useStack({ bounds: r.value.bounds, maxzoom: r.value.maxzoom });
    }));
  }

  #hash(snapshot: Snapshot): string {
    let h = this.#hashes.get(snapshot);
    if (h === undefined) this.#hashes.set(snapshot, (h = contentHash(snapshot)));
    return h;
  }

  /** The manifest position of an entry whose loaded snapshot is the very file the stack was made from. */
  #position(entry: SnapshotEntry, snapshot: Snapshot): number | null {
    const i = this.#manifest ? this.#at.get(`${entry.dateIso}|${entry.file}`) : undefined;
    return i !== undefined && this.#manifest!.snapshots[i]!.hash === this.#hash(snapshot) ? i : null;
  }

  /** Where the stack draws this snapshot of this entry, or null: not in the stack, or not that file. */
  dateFor(entry: SnapshotEntry, snapshot: Snapshot): StackDate | null {
    const i = this.#position(entry, snapshot);
    if (i === null) return null;
    const m = this.#manifest!;
    const block = m.blocks.find((b) => b.from <= i && i <= b.to);
    return block ? { tiles: `${new URL(`${STACK_DIR}/${block.dir}/`, this.#ctx.dataBase).href}{z}/{x}/{y}.pbf`, dateIso: entry.dateIso, at: i - block.from } : null;
  }

  /** True when stats.json's figures were made from this very snapshot (the manifest says so, and it is that file). */
  statsCurrent(entry: SnapshotEntry, snapshot: Snapshot): boolean {
    const i = this.#position(entry, snapshot);
    return i !== null && this.#manifest!.snapshots[i]!.statsCurrent;
  }

  /** Readies the date at `index` and those either side, once their files are loaded (newest call wins). */
  async prepare(index: number): Promise<void> {
    if (!this.#manifest) return;
    const mine = ++this.#preparing;
    const entries = this.#ctx.core.entries;
    const around = [index, index + 1, index - 1].filter((j) => j >= 0 && j < entries.length).map((j) => entries[j]!);
    const loaded = await Promise.all(around.map((e) => this.#loader.get(e)));
    if (mine !== this.#preparing) return;
    const dates: StackDate[] = [];
    for (let k = 0; k < around.length; k++) {
      const r = loaded[k]!;
      if (!r.ok) continue;
      // Each file's hash (JSON.stringify of a snapshot, some 10–30 ms) in a task of its own.
      if (!this.#hashes.has(r.value)) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (mine !== this.#preparing) return;
      }
      const d = this.dateFor(around[k]!, r.value);
      if (d) dates.push(d);
    }
    this.#slots.prepare(dates);
  }
}
