/**
 * The page's words and panels, each redrawn from its slice of the state: title and language
 * buttons, the date line, legend, sources, the article's claims and the summary paragraph.
 * A panel whose file is missing (claims.json, stats.json) stays hidden.
 */
import { areasByTier } from '../analysis/area.ts';
import { formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { renderClaimsPanel } from '../ui/claims-panel.ts';
import { renderLegend } from '../ui/legend.ts';
import { renderSourcesPanel } from '../ui/sources-panel.ts';
import { STRINGS } from '../ui/strings.ts';
import { summarize } from '../ui/summary-text.ts';
import { $, type AppContext } from './context.ts';

export function watchPanels(ctx: AppContext): void {
  const { store, core, mapEl } = ctx;
  const { story, factions, entries, datesIso, places } = core;

  store.watch((s) => s.lang, (lang: Lang) => {
    const t = STRINGS[lang];
    document.documentElement.lang = lang;
    const title = $('#title'), subtitle = $('#subtitle');
    if (title && !title.dataset.fixed) title.textContent = story.title[lang];
    if (subtitle && !subtitle.dataset.fixed) { subtitle.textContent = story.subtitle?.[lang] ?? ''; subtitle.hidden = !story.subtitle; }
    document.title = `${title?.textContent || story.title[lang]} – Frontlines`;
    document.querySelector('meta[name="description"]')?.setAttribute('content', story.subtitle?.[lang] ?? story.title[lang]);
    mapEl.setAttribute('aria-label', t.mapLabel(story.title[lang]));
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    $('#lang-switch')?.setAttribute('aria-label', t.language);
    // The explorer's summary scrolls in its box, so it is focusable (for keyboard scrolling) and named.
    const summary = $('#summary');
    if (summary?.getAttribute('role') === 'region') summary.setAttribute('aria-label', t.summaryLabel);
  });

  // Figures of the territory on the map: redrawn when it changes, and in the reader's language.
  store.watch((s) => [s.drawn, s.lang], () => {
    const { drawn, lang } = store.state;
    if (!drawn) return;
    const t = STRINGS[lang];
    const legend = $('#legend'), sources = $('#sources'), dateLine = $('#date-line');
    if (dateLine) dateLine.textContent = formatDate(datesIso[drawn.index]!, lang);
    if (legend) renderLegend(legend, factions, areasByTier(drawn.snapshot), lang, t);
    if (sources) renderSourcesPanel(sources, entries[drawn.index]!, story.method?.[lang] ?? t.approxNote, lang, t);
  });

  const claimsEl = $('#claims');
  const box = $('#summary');
  store.watch((s) => s.brokenFiles, (broken) => {
    if (claimsEl) claimsEl.hidden = !core.files.has('claims.json') || broken.includes('claims.json');
    if (box) box.hidden = !core.files.has('stats.json') || broken.includes('stats.json');
  });
  store.watch((s) => [s.drawn, s.lang, s.claims, s.stats], () => {
    const { drawn, lang, claims, stats } = store.state;
    if (!drawn || !claims || !claimsEl) return;
    const dateIso = datesIso[drawn.index]!;
    renderClaimsPanel(claimsEl, claims, stats?.get(dateIso)?.claims ?? null, factions, dateIso, story.article?.source ?? null, lang, STRINGS[lang]);
  });

  // The summary in words needs the precomputed figures; it describes the map to screen readers.
  store.watch((s) => [s.drawn, s.lang, s.claims, s.stats], () => {
    const { drawn, lang, claims, stats } = store.state;
    const s = drawn && stats?.get(datesIso[drawn.index]!);
    if (!box || !drawn || !s) return;
    const prev = drawn.index > 0 ? datesIso[drawn.index - 1]! : null;
    box.textContent = summarize({
      dateIso: datesIso[drawn.index]!, prevDateIso: prev, stats: s, prevStats: prev ? stats!.get(prev) ?? null : null,
      factions, claims: claims ?? [], places, pockets: story.pockets,
    }, lang);
    mapEl.setAttribute('aria-describedby', box.id);
  });
}
