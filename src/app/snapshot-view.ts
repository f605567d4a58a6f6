/**
 * The snapshot view: draws the chosen date's territory whenever `dateIndex` changes. Snapshots load
 * through a SnapshotLoader (newest request wins); the next and previous dates are prefetched while
 * idle, so stepping is a cached swap. A data editor's preview draws a file in the date's place
 * until the date changes. It writes `drawn`, `shownIso` and `busy`; app.ts turns the last two
 * into the map's data-snapshot and aria-busy.
 */
import type { FeatureCollection } from 'geojson';
import type { Snapshot } from '../data/contract.ts';
import { labelPoints } from '../analysis/labels.ts';
import { setTerritory, setTerritoryLabels } from '../map/territory-layers.ts';
import { formatDate } from '../i18n/format.ts';
import { STRINGS } from '../ui/strings.ts';
import type { AppContext } from './context.ts';
import { SnapshotLoader } from './snapshot-loader.ts';

const NO_LABELS: FeatureCollection = { type: 'FeatureCollection', features: [] };

export class SnapshotView {
  readonly loader: SnapshotLoader;
  readonly #ctx: AppContext;
  #latest: Promise<void> = Promise.resolve();
  /** Bumped by a preview, so that a snapshot still loading does not replace the previewed file. */
  #generation = 0;

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
    this.loader = new SnapshotLoader(new URL('snapshots/', ctx.dataBase).href, ctx.core.factions.map((f) => f.id));
    const { store, map } = ctx;
    store.watch((s) => s.dateIndex, (i) => { this.#latest = this.#draw(i); }, { initial: false });
    // The sides' names join the territory once labels are on.
    store.watch((s) => s.labelsOn, (on) => { const d = store.state.drawn; if (on && d) setTerritoryLabels(map, labelPoints(d.snapshot)); }, { initial: false });
  }

  /** Draws the chosen date (the first time, or again after a preview). */
  redraw(): Promise<void> { return (this.#latest = this.#draw(this.#ctx.store.state.dateIndex)); }

  /** Resolves once the latest chosen date is drawn (or failed). */
  whenDrawn(): Promise<void> { return this.#latest; }

  /** Draws a previewed file in place of the date; resolves once drawn. */
  async preview(snapshot: Snapshot, name: string): Promise<void> {
    const { store, map } = this.#ctx;
    this.#generation++;
    store.update({ busy: true, failedIndex: null });
    this.#ctx.messages.clear('snapshot');
    const shown = setTerritory(map, snapshot, labelPoints(snapshot));
    store.update({ drawn: { index: store.state.dateIndex, snapshot, preview: name } });
    await shown;
    store.update({ busy: false });
  }

  async #draw(index: number): Promise<void> {
    const { store, map, core, messages, config } = this.#ctx;
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
    const shown = setTerritory(map, result.value, store.state.labelsOn ? labelPoints(result.value) : NO_LABELS);
    store.update({ drawn: { index, snapshot: result.value, preview: null }, failedIndex: null });
    await shown;
    if (!this.loader.isLatest(ticket)) return;
    store.update({ shownIso: entry.dateIso, busy: false });
    // The dates a reader most likely picks next: fetched while idle, so stepping is a cached swap.
    const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
    idle(() => { for (const j of [index + 1, index - 1]) if (core.entries[j]) void this.loader.get(core.entries[j]!); });
    config.onDrawn?.(entry.dateIso);
  }
}
