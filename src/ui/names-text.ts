/**
 * Names as sentences use them, each from one place: a place's name in the reader's language
 * (places.geojson), a claim's text with its place's name filled in, and the pockets a claim leaves
 * out (story.json `pockets`), joined so that no name is said twice. Pure.
 */
import type { Claim } from '../analysis/claims.ts';
import type { Place, Text } from '../data/contract.ts';
import type { PocketName } from '../data/story.ts';
import { formatList } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A place's name in `lang`; for an unknown id, the id in words ("stone-bridge" → "Stone Bridge"). */
export function placeName(id: string, places: readonly Place[] | undefined, lang: Lang): string {
  const p = places?.find((x) => x.properties.id === id);
  if (p) return lang === 'nl' ? p.properties.name_nl : p.properties.name_en;
  return id.split('-').map(capitalize).join(' ');
}

/** Where a claim's text says `{place}`, its place's name (claims.json; so one spelling per language). */
export const PLACE_TOKEN = '{place}';

/**
 * A claim's text in `lang` with `{place}` replaced by the name of the claim's place.
 * @example claimText({ kind: 'holder', place: 'town-a', text: { en: '{place} is held by the North Army.', … }, … }, places, 'en') // "Stonebridge is held…"
 */
export function claimText(claim: Claim, places: readonly Place[] | undefined, lang: Lang): string {
  const text = claim.text[lang];
  return 'place' in claim ? text.split(PLACE_TOKEN).join(placeName(claim.place, places, lang)) : text;
}

/**
 * The pockets of `ids` as one list in words, each once; a pocket whose name has a form after
 * another pocket of the list (story.json `after`) comes after it in that form: "the Deir ez-Zor
 * enclave and its siege line". A pocket story.json does not name is its id in words.
 * @example pocketList(['siege', 'enclave'], pockets, 'en') // "the X enclave and its siege line"
 */
export function pocketList(ids: readonly string[], pockets: ReadonlyMap<string, PocketName | Text> | undefined, lang: Lang): string {
  const unique = [...new Set(ids)];
  const after = (id: string): ReadonlyMap<string, Text> => {
    const p = pockets?.get(id);
    return p && 'after' in p ? p.after : new Map();
  };
  // A pocket worded after another of the list goes right after it ("… enclave and its siege
  // line"); the others keep the order given.
  const anchor = (id: string) => unique.find((o) => o !== id && after(id).has(o));
  const ordered = unique.filter((id) => !anchor(id));
  let pending = unique.filter((id) => anchor(id));
  while (pending.length) {
    const ready = pending.filter((id) => ordered.includes(anchor(id)!));
    // Pockets worded only after each other: the first takes its full name.
    if (!ready.length) ready.push(pending[0]!);
    for (const id of ready) {
      const a = anchor(id)!;
      let at = ordered.indexOf(a) + 1;
      if (at === 0) { ordered.push(id); continue; }
      while (at < ordered.length && anchor(ordered[at]!) === a) at++;
      ordered.splice(at, 0, id);
    }
    pending = pending.filter((id) => !ready.includes(id));
  }
  const names = ordered.map((id, i) => {
    const a = anchor(id);
    if (a && ordered.indexOf(a) > -1 && ordered.indexOf(a) < i) return after(id).get(a)![lang];
    return pockets?.get(id)?.[lang] ?? id.replace(/-/g, ' ');
  });
  return formatList(names, lang);
}
