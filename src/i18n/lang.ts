/** The languages of the interface. Place and faction names come from the data files in both. */
export const LANGS = ['en', 'nl'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/** The first of the browser's languages we speak, else English. */
export function langFromBrowser(languages: readonly string[]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}
