/**
 * The panels that need the figures loaded after the first map (claims.json, stats.json): the
 * article's claims for the shown date and the summary paragraph. (A panel whose file is missing is
 * hidden from the start, by panels.ts, so that the layout does not move.)
 */
import { renderClaimsPanel } from '../ui/claims-panel.ts';
import { STRINGS } from '../ui/strings.ts';
import { summarize } from '../ui/summary-text.ts';
import { $, type AppContext } from './context.ts';
import { watchLater } from './watch-later.ts';

export function watchFigurePanels(ctx: AppContext): void {
  const { store, core, mapEl } = ctx;
  const { story, factions, datesIso, places } = core;
  const claimsEl = $('#claims');
  // At once when the figures arrive (the panels above the charts take their height before a
  // reader reaches the charts), when the page is next idle after a swap.
  const both = (fn: () => void) => {
    store.watch((s) => [s.lang, s.claims, s.stats], fn);
    watchLater(store, (s) => s.drawn, fn, { initial: false });
  };
  both(() => {
    const { drawn, lang, claims, stats } = store.state;
    if (!drawn || !claims || !claimsEl) return;
    const dateIso = datesIso[drawn.index]!;
    renderClaimsPanel(claimsEl, claims, stats?.get(dateIso)?.claims ?? null, factions, places, dateIso, story.article?.source[lang] ?? null, lang, STRINGS[lang]);
  });

  // The summary in words needs the precomputed figures; it describes the map to screen readers.
  const box = $('#summary');
  both(() => {
    const { drawn, lang, claims, stats } = store.state;
    const s = drawn && stats?.get(datesIso[drawn.index]!);
    if (!box || !drawn || !s) return;
    const prev = drawn.index > 0 ? datesIso[drawn.index - 1]! : null;
    box.textContent = summarize({
      dateIso: datesIso[drawn.index]!, prevDateIso: prev, stats: s, prevStats: prev ? stats!.get(prev) ?? null : null,
      factions, claims: claims ?? [], places, pockets: story.pockets, dateCount: datesIso.length,
    }, lang);
    mapEl.setAttribute('aria-describedby', box.id);
  });
}
