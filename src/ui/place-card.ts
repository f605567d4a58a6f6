/** The content of a place's popup: its names, who holds it, and distances to every other side. */
import { tierOf, type Faction, type FactionId, type Place, type TerritoryFeature } from '../data/contract.ts';
import type { Nearest } from '../analysis/distance.ts';
import { formatDate, formatList, formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { direction } from '../data/local-names.ts';
import { el } from './dom.ts';
import { swatch } from './swatch.ts';
import type { Strings } from './strings.ts';

export interface PlaceCardInput {
  place: Place;
  /** The territory the place lies in (or next to), or null. */
  holder: TerritoryFeature | null;
  distances: ReadonlyMap<FactionId, Nearest>;
  factions: readonly Faction[];
  dateIso: string;
  /** How the lines are drawn (the story's method), shown under the figures. */
  note: string;
  /** What ground no side holds means in the story (story.json `blank`), or null. */
  blank: string | null;
  lang: Lang;
  /** The language of the place's local name (story.json `localLanguage`), or null when not stated. */
  localLang: string | null;
  t: Strings;
}

export function placeCard({ place, holder, distances, factions, dateIso, note, blank, lang, localLang, t }: PlaceCardInput): HTMLElement {
  const p = place.properties;
  const byId = new Map(factions.map((f) => [f.id, f]));
  const holderId: FactionId | null = holder?.properties.faction ?? null;
  const holderFaction = holderId ? byId.get(holderId) : undefined;
  const tier = holder ? tierOf(holder) : 'held';
  const rows = el('ul', { class: 'place-distances' });
  for (const f of factions) {
    if (f.id === holderId) continue;
    const n = distances.get(f.id);
    if (!n) continue;
    rows.append(el('li', { 'data-faction': f.id, 'data-distance-km': n.distanceKm.toFixed(1) },
      swatch(f.color), el('span', {}, f.name[lang]), el('span', { class: 'place-km' }, `${formatNumber(n.distanceKm, lang)} ${t.km}`)));
  }
  return el('section', { class: 'place-card', 'data-place-id': p.id, 'aria-label': p[`name_${lang}`] },
    el('h3', {}, p[`name_${lang}`], ...(p.name_local ? [' ', el('span', { ...(localLang ? { lang: localLang } : {}), dir: direction(localLang), class: 'place-local' }, p.name_local)] : [])),
    el('p', { class: 'place-holder', 'data-holder': holderId ?? 'none', 'data-tier': tier },
      holderFaction ? swatch(holderFaction.color) : null,
      holderFaction ? `${t.holderBy[tier]}: ${holderFaction.name[lang]}` : t.notHeld(blank),
      tier === 'contested' && holder?.properties.against?.length
        ? `; ${t.attackedBy}: ${formatList(holder.properties.against.map((id) => byId.get(id)?.name[lang] ?? id), lang)}` : null,
      ` (${formatDate(dateIso, lang)})`),
    rows.childElementCount ? el('p', { class: 'place-distances-title' }, `${t.distancesTitle}:`) : null,
    rows.childElementCount ? rows : null,
    el('p', { class: 'place-note' }, note));
}
