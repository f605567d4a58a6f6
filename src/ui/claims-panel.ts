/**
 * The article's claims for the shown date: the claim in words, the article's value, ours, and a
 * verdict in words and symbol (never colour alone). Values come precomputed from data/stats.json.
 */
import type { Claim } from '../analysis/claims.ts';
import type { Faction, Place } from '../data/contract.ts';
import type { ClaimValue } from '../data/stats.ts';
import { el } from './dom.ts';
import { claimText } from './names-text.ts';
import { formatDate, formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Strings } from './strings.ts';

const SYMBOL = { agrees: '✓', close: '≈', differs: '✗', 'n/a': '–' } as const;

export function renderClaimsPanel(
  container: HTMLElement,
  claims: readonly Claim[],
  values: Readonly<Record<string, ClaimValue>> | null,
  factions: readonly Faction[],
  /** For the name of a claim's place in its text (`{place}`). */
  places: readonly Place[],
  dateIso: string,
  /** The article's source line (story.json), shown under the heading. */
  source: string | null,
  lang: Lang,
  t: Strings,
): void {
  const name = (id: unknown) => (typeof id === 'string' ? factions.find((f) => f.id === id)?.name[lang] ?? id : t.nobody);
  const list = el('ul', { class: 'claims-list' });
  for (const c of claims) {
    const v = values?.[c.id];
    let article: string, ours: string;
    if (c.kind === 'distance') {
      article = `≈${c.article} ${t.km}`;
      ours = v && typeof v.value === 'number' ? `${formatNumber(v.value, lang)} ${t.km}` : t.noneOnDate;
    } else if (c.kind === 'borders') {
      article = c.article ? t.yes : t.no;
      ours = v && typeof v.value === 'number' ? (v.value > 0 ? `${t.yes}, ${formatNumber(v.value, lang)} ${t.km}` : t.no) : t.noneOnDate;
    } else {
      article = name(c.article);
      ours = v ? name(v.value) : t.noneOnDate;
    }
    const verdict = v?.verdict ?? 'n/a';
    list.append(el('li', {
      'data-claim-id': c.id,
      'data-verdict': verdict,
      'data-value': v && typeof v.value === 'number' && c.kind !== 'holder' ? String(v.value) : undefined,
    },
    el('p', { class: 'claim-text' }, claimText(c, places, lang)),
    el('p', { class: 'claim-values' },
      `${t.articleSays}: ${article} · ${t.ours}: `, el('strong', {}, ours), ' ',
      el('span', { class: `verdict verdict-${verdict}` }, `${SYMBOL[verdict]} ${t.verdicts[verdict]}`))));
  }
  container.replaceChildren(
    el('h2', {}, t.claimsTitle(formatDate(dateIso, lang))),
    ...(source ? [el('p', { class: 'claims-source' }, `${t.sourceLabel}: ${source}`)] : []),
    values ? list : el('p', { class: 'claims-missing' }, t.claimsMissing),
    el('p', { class: 'claims-note' }, t.claimsNote),
  );
}
