/** The legend: the factions present on the shown date, with a swatch, their name and area in km². */
import type { Faction, FactionId } from '../data/contract.ts';
import { el } from './dom.ts';
import { formatNumber, type Lang, type Strings } from './i18n.ts';

export function renderLegend(container: HTMLElement, factions: readonly Faction[], areas: ReadonlyMap<FactionId, number>, lang: Lang, t: Strings): void {
  const list = el('ul', { class: 'legend-list' });
  for (const f of factions) {
    const km2 = areas.get(f.id);
    if (km2 === undefined) continue;
    const swatch = el('span', { class: 'legend-swatch', 'aria-hidden': 'true' });
    swatch.style.background = f.color;
    list.append(el('li', { 'data-faction': f.id, 'data-area-km2': String(Math.round(km2)) },
      swatch,
      el('span', { class: 'legend-name' }, f.name[lang]),
      el('span', { class: 'legend-area' }, `${formatNumber(Math.round(km2 / 100) * 100, lang)} ${t.km2}`)));
  }
  container.replaceChildren(el('h2', {}, t.legend), list);
}
