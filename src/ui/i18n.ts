/** UI strings in English and Dutch. Place and faction names come from the data files. */
export const LANGS = ['en', 'nl'] as const;
export type Lang = (typeof LANGS)[number];

const en = {
  title: 'The shrinking caliphate',
  subtitle: 'Who held which ground in Syria and Iraq, 2014–2019',
  mapLabel: 'Map of territorial control in Syria and Iraq',
  date: 'Date',
  previous: 'Previous snapshot',
  next: 'Next snapshot',
  legend: 'Who holds what',
  legendArea: 'area',
  desertShort: 'desert',
  keyHeld: 'Solid: held (within 25 km of a town the side held).',
  keyDesert: 'Hatched: desert the side dominated but did not hold.',
  km2: 'km²',
  km: 'km',
  loading: 'Loading map data…',
  heldBy: 'Held by',
  dominatedBy: 'Desert dominated (not held) by',
  notHeld: 'Not held by any side in our data (open desert or no information)',
  distancesTitle: 'Distance to the nearest ground held by',
  inside: 'inside',
  onDate: 'on',
  article: 'The article (July 2017)',
  articleKurds: (place: string) => `${place} → Syrian Kurds`,
  articleRegime: (place: string) => `${place} → Syrian regime (without the Deir ez-Zor enclave)`,
  articleSays: 'article',
  ours: 'our data',
  noneOnDate: 'none on this date',
  approxNote: 'Front lines are approximate: drawn half way between towns whose control is documented.',
  sources: 'Sources for this date',
  precision: 'Precision',
  method: 'How this map is made',
  places: 'Places',
  close: 'Close',
  language: 'Language',
  noticeDate: (value: string, shown: string) => `The date “${value}” in the link is not a date written YYYY-MM-DD; showing ${shown}.`,
  noticeDateEarly: (value: string, shown: string) => `There is no snapshot on or before ${value}; showing the first one, ${shown}.`,
  noticePlace: (value: string) => `There is no place “${value}” on this map; no place is selected.`,
  noticeLang: (value: string) => `The language “${value}” is not available; use en or nl.`,
  errorSnapshot: (file: string, reason: string, shown: string | null) =>
    `Could not show ${file}: ${reason}.` + (shown ? ` The map still shows ${shown}.` : ''),
  errorStartup: (reason: string) => `The map could not start: ${reason}`,
  dismiss: 'Dismiss',
  ringLabel: (km: number) => `${km} km`,
  lineLabel: (who: string, km: string) => `${who}: ${km} km`,
  showingDate: (d: string) => `Map showing ${d}`,
  sourceLabel: 'Source',
  yes: 'yes',
  no: 'no',
  nobody: 'nobody',
  verdicts: { agrees: 'agrees', close: 'close', differs: 'differs', 'n/a': 'not applicable' } as Record<'agrees' | 'close' | 'differs' | 'n/a', string>,
  claimsTitle: (d: string) => `The article’s claims, checked on ${d}`,
  claimsMissing: 'No precomputed values for this date (run npm run data:stats).',
  claimsNote: 'Distances within 10% of the article’s count as agreeing, within 25% as close. “Borders” means the main body of IS territory shares at least 1 km of front line.',
  embed: 'Embed',
  embedTitle: 'Embed this map',
  embedTitleField: 'Title (optional)',
  embedSourceField: 'Source line (optional)',
  embedCode: 'Embed code',
  embedPreview: 'Preview',
  embedHint: 'Paste this into the article. The iframe sizes itself when the loader script is included (or on Datawrapper, pym.js and AMP pages). It loads nothing from anyone else\'s servers.',
  copy: 'Copy code',
  copied: 'Copied.',
  copyByHand: 'Select the code and copy it by hand (your browser refused).',
  theme: 'Theme',
  themeNames: { light: 'Light', dark: 'Dark', auto: 'Follow the reader' } as Record<'light' | 'dark' | 'auto', string>,
  controls: 'Show',
  controlNames: { timeline: 'Date slider', legend: 'Legend', claims: 'The article\'s claims' } as Record<'timeline' | 'legend' | 'claims', string>,
  staticPicture: 'Still picture (no panning or zooming)',
  useCurrentView: 'Use the current view',
  includeLoader: 'Include the sizing script',
  noticeFlag: (flag: string, value: string) => `The embed setting ${flag}=“${value}” is not valid; using the default.`,
};
export type Strings = typeof en;

const nl: Strings = {
  title: 'Het krimpende kalifaat',
  subtitle: 'Wie had welk gebied in Syrië en Irak, 2014–2019',
  mapLabel: 'Kaart van wie welk gebied in Syrië en Irak in handen had',
  date: 'Datum',
  previous: 'Vorige momentopname',
  next: 'Volgende momentopname',
  legend: 'Wie heeft wat',
  legendArea: 'oppervlakte',
  desertShort: 'woestijn',
  keyHeld: 'Effen: in handen (binnen 25 km van een plaats die de partij had).',
  keyDesert: 'Gearceerd: woestijn die de partij beheerste maar niet in handen had.',
  km2: 'km²',
  km: 'km',
  loading: 'Kaartgegevens laden…',
  heldBy: 'In handen van',
  dominatedBy: 'Woestijn beheerst (niet in handen) door',
  notHeld: 'Volgens onze gegevens van niemand (open woestijn of geen informatie)',
  distancesTitle: 'Afstand tot het dichtstbijzijnde gebied van',
  inside: 'binnen',
  onDate: 'op',
  article: 'Het artikel (juli 2017)',
  articleKurds: (place) => `${place} → Syrische Koerden`,
  articleRegime: (place) => `${place} → Syrisch regime (zonder de enclave Deir ez-Zor)`,
  articleSays: 'artikel',
  ours: 'onze data',
  noneOnDate: 'geen op deze datum',
  approxNote: 'Frontlijnen zijn bij benadering: getrokken halverwege plaatsen waarvan bekend is wie ze had.',
  sources: 'Bronnen voor deze datum',
  precision: 'Nauwkeurigheid',
  method: 'Hoe deze kaart is gemaakt',
  places: 'Plaatsen',
  close: 'Sluiten',
  language: 'Taal',
  noticeDate: (value, shown) => `De datum „${value}” in de link is geen datum in de vorm JJJJ-MM-DD; we tonen ${shown}.`,
  noticeDateEarly: (value, shown) => `Er is geen momentopname op of vóór ${value}; we tonen de eerste, ${shown}.`,
  noticePlace: (value) => `De plaats „${value}” staat niet op deze kaart; er is geen plaats gekozen.`,
  noticeLang: (value) => `De taal „${value}” is niet beschikbaar; kies en of nl.`,
  errorSnapshot: (file, reason, shown) =>
    `Kon ${file} niet tonen: ${reason}.` + (shown ? ` De kaart toont nog ${shown}.` : ''),
  errorStartup: (reason) => `De kaart kon niet starten: ${reason}`,
  dismiss: 'Sluiten',
  ringLabel: (km) => `${km} km`,
  lineLabel: (who, km) => `${who}: ${km} km`,
  showingDate: (d) => `Kaart van ${d}`,
  sourceLabel: 'Bron',
  yes: 'ja',
  no: 'nee',
  nobody: 'niemand',
  verdicts: { agrees: 'klopt', close: 'ongeveer', differs: 'wijkt af', 'n/a': 'niet van toepassing' },
  claimsTitle: (d) => `De beweringen uit het artikel, getoetst op ${d}`,
  claimsMissing: 'Geen vooraf berekende waarden voor deze datum (draai npm run data:stats).',
  claimsNote: 'Afstanden binnen 10% van die in het artikel kloppen, binnen 25% zijn ze ongeveer goed. „Grenst aan” betekent: het hoofdgebied van IS deelt minstens 1 km frontlijn.',
  embed: 'Insluiten',
  embedTitle: 'Deze kaart insluiten',
  embedTitleField: 'Titel (optioneel)',
  embedSourceField: 'Bronregel (optioneel)',
  embedCode: 'Insluitcode',
  embedPreview: 'Voorbeeld',
  embedHint: 'Plak dit in het artikel. Het iframe krijgt vanzelf de goede hoogte met het script erbij (of op Datawrapper-, pym.js- en AMP-pagina\'s). Er wordt niets van servers van anderen geladen.',
  copy: 'Code kopiëren',
  copied: 'Gekopieerd.',
  copyByHand: 'Selecteer de code en kopieer hem zelf (de browser weigerde).',
  theme: 'Thema',
  themeNames: { light: 'Licht', dark: 'Donker', auto: 'Zoals de lezer' },
  controls: 'Tonen',
  controlNames: { timeline: 'Datumschuif', legend: 'Legenda', claims: 'Beweringen uit het artikel' },
  staticPicture: 'Stilstaand beeld (niet schuiven of zoomen)',
  useCurrentView: 'Huidige uitsnede gebruiken',
  includeLoader: 'Script voor de hoogte meesturen',
  noticeFlag: (flag, value) => `De instelling ${flag}=„${value}” is ongeldig; we gebruiken de standaardwaarde.`,
};

export const STRINGS: Record<Lang, Strings> = { en, nl };

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/** The first of the browser's languages we speak, else English. */
export function langFromBrowser(languages: readonly string[]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (isLang(base)) return base;
  }
  return 'en';
}

/** A date in words, e.g. "15 July 2017" / "15 juli 2017". Dates are calendar dates, so UTC. */
export function formatDate(dateIso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${dateIso}T00:00:00Z`));
}

/** A number with the language's digit grouping: 36,200 / 36.200. */
export function formatNumber(value: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}
