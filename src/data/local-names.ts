/**
 * The places' local names (`name_local`): which language they are in, and which way they run, so
 * the page can mark them up (`lang`, `dir`) for screen readers, fonts and line breaking.
 */
import type { Place } from './contract.ts';
import type { Story } from './story.ts';

/**
 * The language of the local names: story.json's `localLanguage`; else Arabic when the places give
 * them as `name_ar` (the older name of the field, from when every story was in Syria and Iraq);
 * else null (not stated).
 */
export function localLanguage(story: Pick<Story, 'localLanguage'>, places: readonly Place[]): string | null {
  if (story.localLanguage) return story.localLanguage;
  return places.some((p) => typeof p.properties.name_ar === 'string') ? 'ar' : null;
}

/** Scripts written right to left (ISO 15924 codes), of those CLDR's likely subtags give a language. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);
/** For a runtime without Intl.Locale.maximize: languages usually written right to left. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ku-arab', 'pa-arab', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/**
 * The text direction of a language: `rtl` for Arabic, Hebrew, Persian, Urdu and the like, `ltr`
 * otherwise, and `auto` (let the browser look at the text) when the language is not known.
 * @example direction('he') // 'rtl'
 */
export function direction(lang: string | null): 'rtl' | 'ltr' | 'auto' {
  if (!lang) return 'auto';
  try {
    const script = new Intl.Locale(lang).maximize().script;
    if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  } catch {
    // not a tag Intl reads: fall through to the list
  }
  const l = lang.toLowerCase();
  return RTL_LANGUAGES.has(l) || RTL_LANGUAGES.has(l.split('-')[0]!) ? 'rtl' : 'ltr';
}
