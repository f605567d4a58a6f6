/**
 * The snapshot view: draws the chosen date's territory whenever `dateIndex` changes. Snapshots load
 * through a SnapshotLoader (newest request wins); the dates either side are fetched as soon as a
 * date is drawn, so stepping never waits for the network. A date is drawn from the date stack when
 * a loaded block holds that very file, else from the file itself (docs/performance.md). A data editor's
 * preview draws a file in the date's place until the date changes. It writes `drawn`, `shownIso`
 * and `busy`; app.ts turns the last two into the map's data-snapshot and aria-busy.
 */
import type { Snapshot } from '../data/contract.ts';
import { TERRITORY_BEFORE } from '../map/territory-layers.ts';
import { TerritorySlots } from '../map/territory-slots.ts';
import { formatDate } from '../i18n/format.ts';
import { STRINGS } from '../ui/strings.ts';
import type { Core } from './boot.ts';
import type { AppContext } from './context.ts';
import { DateStackView } from './date-stack-view.ts';
import { SnapshotLoader } from './snapshot-loader.ts';
import { TerritoryNames } from './territory-names.ts';

/** The loader of a story's snapshots. */
export const snapshotLoaderFor = (dataBase: string, core: Pick<Core, 'factions'>) => new SnapshotLoader(new URL('snapshots/', dataBase).href, core.factions.map((f) => f.id));

/** How many dates either side of the drawn one are fetched ahead. */
const AHEAD = 2;

export class SnapshotView {
  readonly loader: SnapshotLoader;
  readonly stack: DateStackView;
  readonly #ctx: AppContext;
  readonly #slots: TerritorySlots;
  readonly #names: TerritoryNames;
  #latest: Promise<void> = Promise.resolve();
  /** Bumped by a preview, so that a snapshot still loading does not replace the previewed file. */
  #generation = 0;

  /** `loader`: one made before the map, so that the first snapshot could download meanwhile (app.ts). */
  constructor(ctx: AppContext, loader: SnapshotLoader = snapshotLoaderFor(ctx.dataBase, ctx.core)) {
    this.#ctx = ctx;
    this.loader = loader;
    this.#slots = new TerritorySlots(ctx.map, ctx.core.factions, TERRITORY_BEFORE);
    this.stack = new DateStackView(ctx, this.#slots, this.loader);
    this.#names = new TerritoryNames(ctx.map);
    const { store } = ctx;
    store.watch((s) => s.dateIndex, (i) => { this.#latest = this.#draw(i); }, { initial: false });
    // The sides' names join the territory once labels are on (their module loads then).
    store.watch((s) => s.labelsOn, (on) => { if (on) void this.#names.start(); }, { initial: false });
  }

  /** Draws the chosen date (the first time, or again after a preview). */
  redraw(): Promise<void> { return (this.#latest = this.#draw(this.#ctx.store.state.dateIndex)); }

  /** Resolves once the latest chosen date is drawn (or failed). */
  whenDrawn(): Promise<void> { return this.#latest; }

  /** Resolves once the sides' names of the drawn territory are on the map. */
  namesShown(): Promise<void> { return this.#names.whenShown(); }

  /**
   * After the first map: the stack's manifest, and the block around the shown date, which then
   * takes over drawing it (the same picture, so the reader sees no change).
   */
  async startStack(): Promise<void> {
    const { store, core } = this.#ctx;
    await this.stack.start().finally(() => store.update({ stackLoaded: true }));
    const at = store.state.dateIndex;
    await this.stack.prepare(at);
    const d = store.state.drawn;
    const date = d && !d.preview && d.index === at ? this.stack.dateFor(core.entries[at]!, d.snapshot) : null;
    if (date && store.state.dateIndex === at && !store.state.busy) await this.#slots.showDate(date);
  }

  /** Draws a previewed file in place of the date; resolves once drawn. */
  async preview(snapshot: Snapshot, name: string): Promise<void> {
    const { store } = this.#ctx;
    this.#generation++;
    store.update({ busy: true, failedIndex: null });
    this.#ctx.messages.clear('snapshot');
    this.#names.hide();
    await this.#slots.showSnapshot(snapshot);
    store.update({ drawn: { index: store.state.dateIndex, snapshot, preview: name }, busy: false });
    this.#names.show(snapshot);
  }

  async #draw(index: number): Promise<void> {
    const { store, core, messages, config } = this.#ctx;
    const entry = core.entries[index]!;
    const generation = this.#generation;
    store.update({ busy: true });
    const result = await this.loader.latest(entry);
    if (result === null) return; // superseded by a later choice
    if (generation !== this.#generation) return; // a previewed file was drawn meanwhile
    const ticket = this.loader.ticket;
    if (!result.ok) {
      const t = STRINGS[store.state.lang], shownIso = store.state.shownIso;
      const reason = result.problems.map((p) => (p.feature === undefined ? p.message : `feature ${p.feature}: ${p.message}`)).join('; ');
      // The timeline marks the chosen date as failed; the URL and the embed code keep the date drawn.
      messages.error(t.errorSnapshot(`data/snapshots/${entry.file}`, reason, shownIso ? formatDate(shownIso, store.state.lang) : null), 'snapshot',
        { label: t.retry, run: () => { void this.redraw(); } });
      store.update({ busy: false, failedIndex: index });
      return;
    }
    messages.clear('snapshot');
    const snapshot = result.value;
    const date = this.stack.dateFor(entry, snapshot);
    this.#names.hide();
    if (!date || !(await this.#slots.showDate(date))) await this.#slots.showSnapshot(snapshot);
    if (!this.loader.isLatest(ticket) || generation !== this.#generation) return;
    // The panels, popup and lines follow `drawn`: they redraw after the map's frame, not before it.
    store.update({ drawn: { index, snapshot, preview: null }, failedIndex: null, shownIso: entry.dateIso, busy: false });
    this.#names.show(snapshot);
    // The dates a reader most likely picks next: their files, and those either side readied on the map.
    for (let k = 1; k <= AHEAD; k++) for (const j of [index + k, index - k]) if (core.entries[j]) void this.loader.get(core.entries[j]!);
    void this.stack.prepare(index);
    config.onDrawn?.(entry.dateIso);
  }
}
