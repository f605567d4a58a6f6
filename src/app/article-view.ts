/**
 * The article's rings and lines on the map, from claims.json's distance claims about the story's
 * place (story.json `article.place`, else the first distance claim's). Drawn once labels are on
 * and the claims are in; the lines follow the drawn territory and the language.
 */
import { articleLines, articlePlace, distanceClaimsAt, ringRadiiKm } from '../analysis/article.ts';
import { formatNumber } from '../i18n/format.ts';
import { addArticleLayers, setArticleLines } from '../map/article-layers.ts';
import { STRINGS } from '../ui/strings.ts';
import type { AppContext } from './context.ts';
import { watchLater } from './watch-later.ts';

export function watchArticle(ctx: AppContext): void {
  const { store, map, core } = ctx;
  let added = false;
  watchLater(store, (s) => [s.labelsOn, s.claims, s.drawn, s.lang], () => {
    const { labelsOn, claims, drawn, lang } = store.state;
    const placeId = claims && articlePlace(claims, core.story.article?.place ?? null);
    const place = placeId ? core.placeById.get(placeId) : undefined;
    if (!labelsOn || !claims || !place) return;
    const at = place.geometry.coordinates;
    const mine = distanceClaimsAt(claims, place.properties.id);
    const t = STRINGS[lang];
    if (!added) { addArticleLayers(map, at, ringRadiiKm(mine), t.ringLabel); added = true; }
    if (!drawn) return;
    // The side's short name, as its ground is named on the map: a short label finds room beside the
    // towns (it gives way to them, article-layers.ts); the legend and claims give the full name.
    const name = (id: string) => core.factions.find((f) => f.id === id)?.short[lang] ?? id;
    setArticleLines(map, at, articleLines(drawn.snapshot, mine, at).map((l) => ({
      nearest: l.nearest, label: t.lineLabel(name(l.faction), formatNumber(l.nearest?.distanceKm ?? 0, lang)),
    })));
  });
}
