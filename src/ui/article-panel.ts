/** The article's Mayadeen distances as text: the article's figure next to ours for the shown date. */
import type { ArticleDistances } from '../analysis/article.ts';
import { ARTICLE_RINGS_KM } from '../analysis/article.ts';
import { el } from './dom.ts';
import { formatNumber, type Lang, type Strings } from './i18n.ts';

export function renderArticlePanel(container: HTMLElement, d: ArticleDistances, placeName: string, lang: Lang, t: Strings): void {
  const row = (id: string, label: string, articleKm: number, ours: number | null) =>
    el('li', { 'data-distance-id': id, 'data-value': ours === null ? undefined : ours.toFixed(1) },
      el('span', { class: 'article-label' }, label),
      el('span', { class: 'article-values' },
        `${t.articleSays} ≈${articleKm} ${t.km} · ${t.ours} `,
        el('strong', {}, ours === null ? t.noneOnDate : `${formatNumber(ours, lang)} ${t.km}`)));
  container.replaceChildren(
    el('h2', {}, t.article),
    el('ul', { class: 'article-list' },
      row('mayadeen-kurds', t.articleKurds(placeName), ARTICLE_RINGS_KM['syrian-kurds'], d.kurds?.distanceKm ?? null),
      row('mayadeen-regime', t.articleRegime(placeName), ARTICLE_RINGS_KM['syrian-regime'], d.regime?.distanceKm ?? null)),
  );
}
