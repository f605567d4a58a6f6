/**
 * The legend: the factions present on the shown date, each with a swatch, its name and the area it
 * held in km², plus the ground of every other tier (the desert it dominated without holding, …);
 * and a key to how each tier is drawn, for the tiers the story has (`storyTiers`), and to blank
 * ground when the story says what it means (story.json `blank`). Tiers come from
 * src/data/contract.ts TIERS. Before the areas are known (they come from stats.json, after the
 * first map), the sides are listed without.
 */
import { TIERS, tierOf, type Faction, type FactionId, type Snapshot, type Tier } from '../data/contract.ts';
import type { Stats } from '../data/stats.ts';
import { roundKm2 } from '../analysis/summary.ts';
import { formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { el } from './dom.ts';
import { swatch } from './swatch.ts';
import type { Strings } from './strings.ts';

/** As the words round (analysis/summary.ts roundKm2), and never 0: a sliver reads as 1 km². */
const rounded = (km2: number) => Math.max(1, roundKm2(km2));

/**
 * The tiers the story's snapshots have: every tier with ground on any date in stats.json (all
 * dates), and those of the snapshot on the map (a preview, or a date stats.json does not know).
 * @example storyTiers(stats, snapshot) // Set { 'held', 'desert' } for a story with no contested ground
 */
export function storyTiers(stats: Stats | null, shown: Snapshot): Set<Tier> {
  const out = new Set<Tier>(shown.features.map(tierOf));
  if (stats) for (const tier of statsTiers(stats)) out.add(tier);
  return out;
}

/** The tiers with ground on any date of stats.json, worked out once per file (it may have thousands of dates). */
const seen = new WeakMap<Stats, ReadonlySet<Tier>>();
function statsTiers(stats: Stats): ReadonlySet<Tier> {
  let out = seen.get(stats) as Set<Tier> | undefined;
  if (out) return out;
  out = new Set();
  for (const s of stats.values()) {
    for (const tier of TIERS) if (Object.values(s.areaKm2[tier] ?? {}).some((km2) => km2 > 0)) out.add(tier);
    if (out.size === TIERS.length) break;
  }
  seen.set(stats, out);
  return out;
}

export function renderLegend(
  container: HTMLElement,
  factions: readonly Faction[],
  present: ReadonlySet<FactionId>,
  areas: ReadonlyMap<Tier, ReadonlyMap<FactionId, number>> | null,
  /** The tiers the key explains (`storyTiers`), and what blank ground means (null: not explained). */
  key: { tiers: ReadonlySet<Tier>; blank: string | null },
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
      extra.push(a > 0 ? el('span', { class: `legend-${tier}` }, ` + ${formatNumber(rounded(a), lang)} ${t.km2} ${t.tierShort[tier]}`) : null);
    }
    list.append(el('li', attrs,
      swatch(f.color),
      el('span', { class: 'legend-name' }, f.name[lang]),
      el('span', { class: 'legend-area' }, `${formatNumber(rounded(km2('held', f.id)), lang)} ${t.km2}`, ...extra)));
  }
  const lines = TIERS.filter((tier) => key.tiers.has(tier)).map((tier) => [
    el('span', { class: `legend-swatch key-${tier}`, 'aria-hidden': 'true' }), t.tierKey[tier]]);
  if (key.blank) lines.push([el('span', { class: 'legend-swatch key-none', 'aria-hidden': 'true' }), t.noSideKey(key.blank)]);
  const keyEl = el('p', { class: 'legend-key' }, ...lines.flatMap((line, i) => [...line, i < lines.length - 1 ? ' ' : '']));
  container.replaceChildren(el('h2', {}, t.legend), list, ...(lines.length ? [keyEl] : []));
}
