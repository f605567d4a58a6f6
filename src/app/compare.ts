/**
 * Wires the comparison of two dates: loads the other snapshot, has the change computed off the main
 * thread (ChangeClient), draws it on the map, fills the panel, and runs the side-by-side view.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { Faction, Snapshot, SnapshotEntry } from '../data/contract.ts';
import { formatProblem } from '../data/result.ts';
import { addChangeLayers, setChange } from '../map/change-layers.ts';
import type { SwipeMap } from '../map/swipe-map.ts';
import { ComparePanel, type CompareStatus } from '../ui/compare-panel.ts';
import { SwipeFrame } from '../ui/swipe-frame.ts';
import { formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Strings } from '../ui/strings.ts';
import { ChangeClient } from './change-client.ts';
import type { SnapshotLoader } from './snapshot-loader.ts';

export interface CompareOptions {
  map: MlMap;
  mapWrap: HTMLElement;
  panel: HTMLElement;
  factions: readonly Faction[];
  entries: readonly SnapshotEntry[];
  loader: SnapshotLoader;
  dataBase: string;
  /** The site has a basemap, for the side-by-side map. */
  basemap: boolean;
  theme: 'light' | 'dark';
  onCompare: (index: number | null) => void;
  onSwipe: (on: boolean) => void;
  /** The side-by-side date failed to load (`file`, `reason`), or drew again (null): shown to the reader. */
  onSwipeProblem: (problem: { file: string; reason: string } | null) => void;
}

export interface CompareView { dateIndex: number; compareIndex: number | null; swipe: boolean; lang: Lang; t: Strings; drawn: Snapshot | null }

export class CompareController {
  readonly #o: CompareOptions;
  readonly #panel: ComparePanel;
  readonly #client = new ChangeClient();
  #status: CompareStatus = { kind: 'off' };
  #key = '';
  #abort: AbortController | null = null;
  #swipe: { map: SwipeMap; frame: SwipeFrame; index: number } | null = null;
  #view: CompareView | null = null;

  constructor(o: CompareOptions) {
    this.#o = o;
    addChangeLayers(o.map, o.factions, 'article-rings');
    this.#panel = new ComparePanel({ container: o.panel, datesIso: o.entries.map((e) => e.dateIso), onCompare: o.onCompare, onSwipe: o.onSwipe });
  }

  /** Brings the comparison in line with the view; cheap when nothing relevant changed. */
  update(view: CompareView): void {
    this.#view = view;
    const { dateIndex, compareIndex, drawn } = view;
    const key = compareIndex === null || !drawn ? '' : `${dateIndex}|${compareIndex}`;
    if (key !== this.#key) {
      this.#key = key;
      this.#abort?.abort();
      if (!key) {
        this.#status = { kind: 'off' };
        setChange(this.#o.map, null);
      } else if (compareIndex === dateIndex) {
        this.#status = { kind: 'off' };
        setChange(this.#o.map, null);
      } else {
        this.#status = { kind: 'busy' };
        void this.#compute(dateIndex, compareIndex!, drawn!, key);
      }
    }
    void this.#updateSwipe(view);
    this.#render();
  }

  async #compute(dateIndex: number, compareIndex: number, drawn: Snapshot, key: string): Promise<void> {
    const abort = (this.#abort = new AbortController());
    const other = await this.#o.loader.get(this.#o.entries[compareIndex]!);
    if (abort.signal.aborted || key !== this.#key) return;
    if (!other.ok) {
      this.#status = { kind: 'error', message: other.problems.map(formatProblem).join('; ') };
      this.#render();
      return;
    }
    const earlier = compareIndex < dateIndex;
    const [before, after] = earlier ? [other.value, drawn] : [drawn, other.value];
    const [fromIso, toIso] = [this.#o.entries[Math.min(dateIndex, compareIndex)]!.dateIso, this.#o.entries[Math.max(dateIndex, compareIndex)]!.dateIso];
    try {
      const result = await this.#client.compute(before, after, abort.signal);
      if (key !== this.#key) return;
      setChange(this.#o.map, result);
      this.#status = { kind: 'done', summary: { fromIso, toIso, totals: result.totals, transfersKm2: result.transfersKm2 } };
    } catch (err) {
      if (abort.signal.aborted) return;
      this.#status = { kind: 'error', message: String(err instanceof Error ? err.message : err) };
    }
    this.#render();
  }

  async #updateSwipe(view: CompareView): Promise<void> {
    const want = view.swipe && view.compareIndex !== null;
    if (!want) {
      if (this.#swipe) { this.#swipe.map.remove(); this.#swipe.frame.remove(); this.#swipe = null; this.#o.onSwipeProblem(null); }
      return;
    }
    const { lang, t } = view;
    if (!this.#swipe) {
      // A second map, and the names' geometry, load with the first side-by-side view.
      const { SwipeMap } = await import('../map/swipe-map.ts');
      if (this.#swipe || !this.#view?.swipe || this.#view.compareIndex === null) return;
      const frame = new SwipeFrame(this.#o.mapWrap, t.swipeLabel);
      const map = new SwipeMap({ main: this.#o.map, container: frame.box, factions: this.#o.factions, lang, theme: this.#o.theme, dataBase: this.#o.dataBase, basemap: this.#o.basemap });
      this.#swipe = { map, frame, index: -1 };
    }
    const s = this.#swipe;
    const earlierIsOther = view.compareIndex! < view.dateIndex;
    const dates = this.#o.entries.map((e) => formatDate(e.dateIso, lang));
    const [left, right] = earlierIsOther ? [dates[view.compareIndex!]!, dates[view.dateIndex]!] : [dates[view.dateIndex]!, dates[view.compareIndex!]!];
    s.frame.show(left, right, earlierIsOther ? 'left' : 'right');
    if (s.index !== view.compareIndex) {
      s.index = view.compareIndex!;
      const entry = this.#o.entries[view.compareIndex!]!;
      const other = await this.#o.loader.get(entry);
      if (this.#swipe !== s || s.index !== view.compareIndex) return;
      if (!other.ok) {
        // The other half would stay blank: say why, naming the file.
        s.index = -1; // tried again when the reader picks it again
        this.#o.onSwipeProblem({ file: `data/snapshots/${entry.file}`, reason: other.problems.map((p) => (p.feature === undefined ? p.message : `feature ${p.feature}: ${p.message}`)).join('; ') });
        return;
      }
      this.#o.onSwipeProblem(null);
      await s.map.show(other.value);
    }
  }

  #render(): void {
    const v = this.#view;
    if (!v) return;
    this.#panel.render(v.compareIndex, v.swipe, this.#status, this.#o.factions, v.lang, v.t);
  }
}
