/**
 * The legend: the factions present on the shown date, each with a swatch, its name and the area it
 * held in km², plus the ground of every other tier (the desert it dominated without holding, …);
 * and a key to how each tier is drawn. Tiers come from src/data/contract.ts TIERS. Before the
 * areas are known (they come from stats.json, after the first map), the sides are listed without.
 */
import { TIERS, type Faction, type FactionId, type Tier } from '../data/contract.ts';
import { formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { el } from './dom.ts';
import { swatch } from './swatch.ts';
import type { Strings } from './strings.ts';

/** To 100 km², or to 10 (then 1) below 1,000 (then 10) km², so that small contested ground never reads as 0. */
const round100 = (km2: number) => (km2 >= 1000 ? Math.round(km2 / 100) * 100 : km2 >= 10 ? Math.round(km2 / 10) * 10 : Math.max(1, Math.round(km2)));

export function renderLegend(
  container: HTMLElement,
  factions: readonly Faction[],
  present: ReadonlySet<FactionId>,
  areas: ReadonlyMap<Tier, ReadonlyMap<FactionId, number>> | null,
  lang: Lang,
  t: Strings,
): void {
  const list = el('ul', { class: 'legend-list' });
  const km2 = (tier: Tier, id: FactionId) => areas?.get(tier)?.get(id) ?? 0;
  for (const f of factions) {
    if (areas ? TIERS.every((tier) => km2(tier, f.id) === 0) : !present.has(f.id)) continue;
    if (!areas) {
      list.append(el('li', { 'data-faction': f.id }, swatch(f.color), el('span', { class: 'legend-name' }, f.name[lang]), el('span', { class: 'legend-area', 'aria-hidden': 'true' }, '…')));
      continue;
    }
    const attrs: Record<string, string> = { 'data-faction': f.id, 'data-area-km2': String(Math.round(km2('held', f.id))) };
    const extra: (HTMLElement | null)[] = [];
    for (const tier of TIERS.filter((x) => x !== 'held')) {
      const a = km2(tier, f.id);
      attrs[`data-${tier}-km2`] = String(Math.round(a));
      extra.push(a > 0 ? el('span', { class: `legend-${tier}` }, ` + ${formatNumber(round100(a), lang)} ${t.km2} ${t.tierShort[tier]}`) : null);
    }
    list.append(el('li', attrs,
      swatch(f.color),
      el('span', { class: 'legend-name' }, f.name[lang]),
      el('span', { class: 'legend-area' }, `${formatNumber(round100(km2('held', f.id)), lang)} ${t.km2}`, ...extra)));
  }
  const key = el('p', { class: 'legend-key' }, ...TIERS.flatMap((tier) => [
    el('span', { class: `legend-swatch key-${tier}`, 'aria-hidden': 'true' }), `${t.tierKey[tier]} `,
  ]), el('span', { class: 'legend-swatch key-none', 'aria-hidden': 'true' }), t.noSideKey);
  container.replaceChildren(el('h2', {}, t.legend), list, key);
}
