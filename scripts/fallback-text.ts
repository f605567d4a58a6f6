/**
 * The words that go with the still pictures of the default view (fallbacks.ts): the date the story
 * opens on, and per language an alternative text made from the data: the map's title, the date,
 * who held how much ground, and the article's distances when the story has claims. The same
 * paragraph as the explorer's summary (src/ui/summary-text.ts), so a reader without scripts or
 * sight is told what the others see.
 */
import { areasKm2 } from '../src/analysis/area.ts';
import { parseClaims, type Claim } from '../src/analysis/claims.ts';
import { openingIndex } from '../src/analysis/snapshot-select.ts';
import { parseFactions, parsePlaces, parseSnapshot, parseSnapshotIndex, type Text } from '../src/data/contract.ts';
import { parseStats, type SnapshotStats } from '../src/data/stats.ts';
import { NO_STORY, parseStory } from '../src/data/story.ts';
import { LANGS, type Lang } from '../src/i18n/lang.ts';
import { STRINGS } from '../src/ui/strings.ts';
import { summarize } from '../src/ui/summary-text.ts';
import { dataFolderReader } from './read-text.ts';

export interface FallbackText {
  /** The date the story opens on (its snapshot). */
  dateIso: string;
  title: Text;
  subtitle: Text | null;
  alt: Record<Lang, string>;
}

/** Reads the story in `dataDir` (a built site's data/) and words its opening view; bad files throw, named. */
export function fallbackText(dataDir: string): FallbackText {
  const { read, has } = dataFolderReader(dataDir);
  const story = has('story.json') ? read('story.json', parseStory) : NO_STORY;
  const factions = read('factions.json', parseFactions);
  const places = read('places.geojson', parsePlaces);
  const entries = read('snapshots/index.json', parseSnapshotIndex);
  const datesIso = entries.map((e) => e.dateIso);
  const index = openingIndex(datesIso, entries.findIndex((e) => e.article), story.dateIso);
  const entry = entries[index]!;
  const ids = factions.map((f) => f.id);
  const claims: Claim[] = has('claims.json') ? read('claims.json', (d, f) => parseClaims(d, f, { places: places.map((p) => p.properties.id), factions: ids })).claims : [];
  // Without stats.json the areas are measured here, as the legend measures them; there are then no claim values.
  const stats: SnapshotStats = (has('stats.json') ? read('stats.json', parseStats).get(entry.dateIso) : undefined) ?? {
    dateIso: entry.dateIso,
    areaKm2: { held: Object.fromEntries(areasKm2(read(`snapshots/${entry.file}`, (d, f) => parseSnapshot(d, f, ids)))), desert: {} },
    frontierKm: {},
    claims: {},
  };
  const alt = Object.fromEntries(LANGS.map((lang) => {
    const words = summarize({
      dateIso: entry.dateIso, prevDateIso: datesIso[index - 1] ?? null, stats, prevStats: null,
      factions, claims, places, pockets: story.pockets,
    }, lang);
    return [lang, `${STRINGS[lang].mapLabel(story.title[lang])}. ${words}`];
  })) as Record<Lang, string>;
  return { dateIso: entry.dateIso, title: story.title, subtitle: story.subtitle, alt };
}
