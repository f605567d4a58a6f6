/** The content of a place's popup: its names, who holds it, and distances to every other side. */
import type { Faction, FactionId, Place, TerritoryFeature } from '../data/contract.ts';
import type { Nearest } from '../analysis/distance.ts';
import { el } from './dom.ts';
import { formatDate, formatNumber, type Lang, type Strings } from './i18n.ts';

export interface PlaceCardInput {
  place: Place;
  /** The territory the place lies in (or next to), or null. */
  holder: TerritoryFeature | null;
  distances: ReadonlyMap<FactionId, Nearest>;
  factions: readonly Faction[];
  dateIso: string;
  lang: Lang;
  t: Strings;
}

export function placeCard({ place, holder, distances, factions, dateIso, lang, t }: PlaceCardInput): HTMLElement {
  const p = place.properties;
  const byId = new Map(factions.map((f) => [f.id, f]));
  const holderId: FactionId | null = holder?.properties.faction ?? null;
  const holderFaction = holderId ? byId.get(holderId) : undefined;
  const desert = holder?.properties.tier === 'desert';
  const swatch = (f: Faction) => {
    const s = el('span', { class: 'legend-swatch', 'aria-hidden': 'true' });
    s.style.background = f.color;
    return s;
  };
  const rows = el('ul', { class: 'place-distances' });
  for (const f of factions) {
    if (f.id === holderId) continue;
    const n = distances.get(f.id);
    if (!n) continue;
    rows.append(el('li', { 'data-faction': f.id, 'data-distance-km': n.distanceKm.toFixed(1) },
      swatch(f), el('span', {}, f.name[lang]), el('span', { class: 'place-km' }, `${formatNumber(n.distanceKm, lang)} ${t.km}`)));
  }
  return el('section', { class: 'place-card', 'data-place-id': p.id, 'aria-label': p[`name_${lang}`] },
    el('h3', {}, p[`name_${lang}`], ' ', el('span', { lang: 'ar', dir: 'rtl', class: 'place-ar' }, p.name_ar)),
    el('p', { class: 'place-holder', 'data-holder': holderId ?? 'none', 'data-tier': desert ? 'desert' : 'held' },
      holderFaction ? swatch(holderFaction) : null,
      holderFaction ? `${desert ? t.dominatedBy : t.heldBy}: ${holderFaction.name[lang]}` : t.notHeld,
      ` (${formatDate(dateIso, lang)})`),
    rows.childElementCount ? el('p', { class: 'place-distances-title' }, `${t.distancesTitle}:`) : null,
    rows.childElementCount ? rows : null,
    el('p', { class: 'place-note' }, t.approxNote));
}
