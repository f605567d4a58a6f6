/**
 * The first view's words and panels, each redrawn from its slice of the state: title and language
 * buttons, the date line, legend and sources. The article's claims and the summary, which need
 * the figures loaded after the first map, are figure-panels.ts.
 */
import { formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { renderLegend, storyTiers } from '../ui/legend.ts';
import { renderSourcesPanel } from '../ui/sources-panel.ts';
import { STRINGS } from '../ui/strings.ts';
import { $, type AppContext } from './context.ts';

export function watchPanels(ctx: AppContext): void {
  const { store, core, mapEl } = ctx;
  const { story, factions, entries, datesIso } = core;

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
    const dateLine = $('#date-line');
    if (drawn && dateLine) dateLine.textContent = formatDate(datesIso[drawn.index]!, lang);
  });
  // The legend and the sources follow the map at once (the print view opens the sources as drawn),
  // the legend's areas as soon as they are known (state `areas`, legend-areas.ts): it never shows
  // another date's figures.
  // The key explains the tiers of the whole story once stats.json is in, else of the drawn snapshot.
  store.watch((s) => [s.drawn, s.lang, s.areas, s.stats], () => {
    const { drawn, lang, areas, stats } = store.state;
    const legend = $('#legend');
    if (!drawn || !legend) return;
    const key = { tiers: storyTiers(stats, drawn.snapshot), blank: story.blank?.[lang] ?? null };
    renderLegend(legend, factions, new Set(drawn.snapshot.features.map((f) => f.properties.faction)), areas?.drawn === drawn ? areas.km2 : null, key, lang, STRINGS[lang]);
  });
  store.watch((s) => [s.drawn, s.lang], () => {
    const { drawn, lang } = store.state;
    const sources = $('#sources');
    if (!drawn || !sources) return;
    const t = STRINGS[lang];
    renderSourcesPanel(sources, entries[drawn.index]!, story.method?.[lang] ?? t.approxNote, lang, t);
  });

  // Panels whose file is missing are hidden from the start (hiding them later would resize the
  // map), and when their file turns out broken.
  const claimsEl = $('#claims'), summary = $('#summary');
  store.watch((s) => s.brokenFiles, (broken) => {
    if (claimsEl) claimsEl.hidden = !core.files.has('claims.json') || broken.includes('claims.json');
    if (summary) summary.hidden = !core.files.has('stats.json') || broken.includes('stats.json');
    const events = $('#events');
    if (events) events.hidden = !core.files.has('events.json') || broken.includes('events.json');
  });
}
