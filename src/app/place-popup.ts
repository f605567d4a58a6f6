/**
 * The place popup: follows `placeId`, the drawn territory and the language. Closing it clears the
 * place; choosing a place (a marker, the URL, the host page) opens it.
 */
import { Popup } from 'maplibre-gl';
import { distancesToFactions } from '../analysis/distance.ts';
import { featureNear } from '../analysis/territory.ts';
import { placeCard } from '../ui/place-card.ts';
import { STRINGS } from '../ui/strings.ts';
import type { AppContext } from './context.ts';
import { watchLater } from './watch-later.ts';

export function watchPlacePopup(ctx: AppContext): void {
  const { store, map, mapEl, core } = ctx;
  const popup = new Popup({ closeOnClick: true, focusAfterOpen: false, maxWidth: `${Math.min(300, mapEl.clientWidth - 48)}px`, offset: 10 });
  let open: string | null = null;
  popup.on('close', () => { if (open !== null) { open = null; store.update({ placeId: null }); } });
  const ids = core.factions.map((f) => f.id);
  watchLater(store, (s) => [s.placeId, s.drawn, s.lang], () => {
    const { placeId, drawn, lang } = store.state;
    const place = placeId ? core.placeById.get(placeId) : undefined;
    if (!place || !drawn) {
      if (open !== null) { open = null; popup.remove(); }
      return;
    }
    const at = place.geometry.coordinates;
    const t = STRINGS[lang];
    const content = placeCard({
      place, holder: featureNear(drawn.snapshot, at), distances: distancesToFactions(drawn.snapshot, at, ids),
      factions: core.factions, dateIso: core.datesIso[drawn.index]!, note: core.story.method?.[lang] ?? t.approxNote, blank: core.story.blank?.[lang] ?? null, lang, localLang: core.localLanguage, t,
    });
    open = place.properties.id;
    popup.setLngLat(at as [number, number]).setDOMContent(content);
    if (!popup.isOpen()) popup.addTo(map);
  });
}
