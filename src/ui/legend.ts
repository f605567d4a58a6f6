/**
 * The legend: the factions present on the shown date, each with a swatch, its name and the area it
 * held in km², plus the desert it dominated without holding; and a key to solid and hatched fills.
 */
import type { Faction, FactionId } from '../data/contract.ts';
import { el } from './dom.ts';
import { formatNumber, type Lang, type Strings } from './i18n.ts';

const round100 = (km2: number) => Math.round(km2 / 100) * 100;

export function renderLegend(
  container: HTMLElement,
  factions: readonly Faction[],
  heldKm2: ReadonlyMap<FactionId, number>,
  desertKm2: ReadonlyMap<FactionId, number>,
  lang: Lang,
  t: Strings,
): void {
  const list = el('ul', { class: 'legend-list' });
  for (const f of factions) {
    const held = heldKm2.get(f.id) ?? 0;
    const desert = desertKm2.get(f.id) ?? 0;
    if (held === 0 && desert === 0) continue;
    const swatch = el('span', { class: 'legend-swatch', 'aria-hidden': 'true' });
    swatch.style.background = f.color;
    list.append(el('li', { 'data-faction': f.id, 'data-area-km2': String(Math.round(held)), 'data-desert-km2': String(Math.round(desert)) },
      swatch,
      el('span', { class: 'legend-name' }, f.name[lang]),
      el('span', { class: 'legend-area' },
        `${formatNumber(round100(held), lang)} ${t.km2}`,
        desert > 0 ? el('span', { class: 'legend-desert' }, ` + ${formatNumber(round100(desert), lang)} ${t.km2} ${t.desertShort}`) : null)));
  }
  const key = el('p', { class: 'legend-key' },
    el('span', { class: 'legend-swatch key-held', 'aria-hidden': 'true' }), `${t.keyHeld} `,
    el('span', { class: 'legend-swatch key-desert', 'aria-hidden': 'true' }), t.keyDesert);
  container.replaceChildren(el('h2', {}, t.legend), list, key);
}
