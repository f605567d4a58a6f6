/**
 * The map for screen readers: a live region (after #map) that says, once per swap, the date drawn,
 * who holds what and what changed since the date before (src/ui/announce-text.ts). It speaks when
 * a swap is done (busy false with new territory), not per frame, and not for a failed load (whose
 * alert speaks instead). It joins after the first map (after-first-map.ts).
 */
import { areasByTier, contestedAreas } from '../analysis/area.ts';
import type { FactionId, Snapshot } from '../data/contract.ts';
import { announceText } from '../ui/announce-text.ts';
import { spokenForDate } from '../ui/event-words.ts';
import { el } from '../ui/dom.ts';
import type { AppContext } from './context.ts';
import { watchLater } from './watch-later.ts';
import type { SnapshotLoader } from './snapshot-loader.ts';
import type { Drawn } from './state.ts';

interface Areas { held: Map<FactionId, number>; desert: Map<FactionId, number>; contested: ReturnType<typeof contestedAreas> }

export function watchAnnouncer(ctx: AppContext, loader: SnapshotLoader): HTMLElement {
  const { store, core, mapEl } = ctx;
  const region = el('p', { id: 'map-live', class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  mapEl.after(region);
  const cache = new WeakMap<Snapshot, Areas>();
  const areas = (s: Snapshot): Areas => {
    let a = cache.get(s);
    if (!a) {
      const t = areasByTier(s);
      a = { held: t.get('held') ?? new Map(), desert: t.get('desert') ?? new Map(), contested: contestedAreas(s) };
      cache.set(s, a);
    }
    return a;
  };
  let said: Drawn | null = null;
  let seq = 0;
  // When the page is next idle (watch-later.ts): the areas are not computed in a swap's task, and
  // a reader stepping quickly hears the date they stop on.
  watchLater(store, (s) => [s.busy, s.drawn], async () => {
    const { busy, drawn } = store.state;
    if (busy || !drawn || drawn === said) return;
    said = drawn;
    const mine = ++seq;
    let prev: { dateIso: string; held: Map<FactionId, number> } | null = null;
    const before = drawn.preview ? undefined : core.entries[drawn.index - 1];
    if (before) {
      const r = await loader.get(before);
      if (r.ok) prev = { dateIso: before.dateIso, held: areas(r.value).held };
    }
    if (mine !== seq) return; // a later swap speaks instead
    const a = areas(drawn.snapshot);
    region.textContent = announceText({ dateIso: core.datesIso[drawn.index]!, preview: drawn.preview, ...a, prev, factions: core.factions }, store.state.lang);
    if (!drawn.preview) region.textContent = `${region.textContent} ${spokenForDate(store.state.events, core.datesIso, drawn.index, store.state.lang)}`.trim();
  });
  return region;
}
