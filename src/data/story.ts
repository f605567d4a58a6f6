/**
 * data/story.json: what the map is about (title, subtitle), where it opens (bounds, date), and the
 * article it was made for, if any. Every field but `title` may be left out; `storyDefaults` then
 * fills in the bounds of the data and the last date. Parsed without trust, like every data file.
 */
import { isId, isIsoDate, type Text } from './contract.ts';
import { clip, echo } from './echo.ts';
import { fail, failAll, ok, type Problem, type Result } from './result.ts';

/** [[west, south], [east, north]] in degrees. */
export type Bounds = [[number, number], [number, number]];

export interface Story {
  title: Text;
  subtitle: Text | null;
  bounds: Bounds | null;
  /** The date to open on; null: the index entry marked `article`, else the last snapshot. */
  dateIso: string | null;
  /** The article the map was made for: its source line, and the place whose distances it discusses. */
  article: { source: Text; place: string | null } | null;
  /** How the front lines are drawn, in a sentence; shown with every place and the sources. */
  method: Text | null;
  /** Names, in a sentence, of hand-drawn pockets (snapshot features' `id`), e.g. "the X enclave". */
  pockets: ReadonlyMap<string, PocketName>;
  /** What blank ground (no side's) means in this story, e.g. "open desert, or no reliable information"; null: the legend does not explain blank ground. */
  blank: Text | null;
  /** The licence of the story's data, e.g. CC BY 4.0; null: not stated. */
  licence: { name: string; url: string | null } | null;
  /** Whose data the story builds on and how to credit it, one line each (Natural Earth is credited by the app). */
  credits: string[];
  /** The language of the places' local names (`name_local`), a BCP 47 tag such as "ar" or "uk"; null: not stated. */
  localLanguage: string | null;
}

/**
 * A pocket's name, and how it reads right after another pocket's in one list (`after`, by that
 * pocket's id): "the X enclave and *its siege line*", not "… and the siege line around the X enclave".
 */
export interface PocketName extends Text { after: ReadonlyMap<string, Text> }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is Text => isObject(v) && typeof v.en === 'string' && !!v.en && typeof v.nl === 'string' && !!v.nl;
const TEXT = '{"en": string, "nl": string}';
const isWebUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/[^\s"<>]+$/.test(v);

/** Checks bounds written [[west, south], [east, north]]; a message, or null when they are good. */
export function boundsProblem(b: unknown): string | null {
  const pair = (p: unknown): p is [number, number] => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (!Array.isArray(b) || b.length !== 2 || !pair(b[0]) || !pair(b[1])) return 'must be [[west, south], [east, north]] in degrees';
  const [[w, s], [e, n]] = b as Bounds;
  if (w < -180 || e > 180 || s < -90 || n > 90) return `[[${w}, ${s}], [${e}, ${n}]] is out of range`;
  if (!(w < e && s < n)) return `[[${w}, ${s}], [${e}, ${n}]]: west must be less than east and south less than north`;
  return null;
}

/**
 * Checks a parsed story file. With `known` places, the article's place must be one of them.
 * @example parseStory({ title: { en: 'A war', nl: 'Een oorlog' } }, 'data/story.json')
 */
export function parseStory(data: unknown, file: string, known: { places?: Iterable<string> } = {}): Result<Story> {
  if (!isObject(data)) return fail({ file, message: 'expected an object {"title": {"en": …, "nl": …}, …}' });
  const problems: Problem[] = [];
  const bad = (field: string, message: string) => problems.push({ file, message: `"${field}" ${message}` });
  const text = (field: string, required: boolean): Text | null => {
    const v = data[field];
    if (v === undefined && !required) return null;
    if (isText(v)) return { en: v.en, nl: v.nl };
    bad(field, `must be ${TEXT} with both texts filled in`);
    return null;
  };
  const title = text('title', true);
  const subtitle = text('subtitle', false);
  const method = text('method', false);
  let bounds: Bounds | null = null;
  if (data.bounds !== undefined) {
    const why = boundsProblem(data.bounds);
    if (why) bad('bounds', why);
    else bounds = data.bounds as Bounds;
  }
  if (data.date !== undefined && !isIsoDate(data.date)) bad('date', `must be a date written YYYY-MM-DD, got ${echo(data.date)}`);
  let article: Story['article'] = null;
  const a = data.article;
  if (a !== undefined) {
    const places = known.places ? new Set(known.places) : null;
    // The source line in both languages, or (older stories) one string for both.
    const source = isObject(a) && typeof a.source === 'string' && a.source ? { en: a.source, nl: a.source } : isObject(a) && isText(a.source) ? { en: a.source.en, nl: a.source.nl } : null;
    if (!isObject(a) || !source) bad('article', `must be {"source": ${TEXT} (or one string for both), "place"?: a place id}`);
    else if (a.place !== undefined && (!isId(a.place) || (places && !places.has(a.place)))) bad('article', `"place": no place ${echo(a.place)} in places.geojson`);
    else article = { source, place: typeof a.place === 'string' ? a.place : null };
  }
  const pockets = parsePockets(data.pockets, bad);
  const blank = text('blank', false);
  let licence: Story['licence'] = null;
  const l = data.licence;
  if (l !== undefined) {
    if (!isObject(l) || typeof l.name !== 'string' || !l.name.trim() || (l.url !== undefined && !isWebUrl(l.url))) bad('licence', 'must be {"name": "CC BY 4.0", "url"?: "https://…"}');
    else licence = { name: l.name.trim(), url: typeof l.url === 'string' ? l.url : null };
  }
  const credits: string[] = [];
  if (data.credits !== undefined) {
    if (!Array.isArray(data.credits) || !data.credits.every((c) => typeof c === 'string' && c.trim())) bad('credits', 'must be a list of non-empty strings, one credit each');
    else for (const c of data.credits as string[]) credits.push(c.trim());
  }
  let localLanguage: string | null = null;
  if (data.localLanguage !== undefined) {
    localLanguage = languageTag(data.localLanguage);
    if (!localLanguage) bad('localLanguage', `must be a BCP 47 language tag such as "ar", "uk" or "he", got ${echo(data.localLanguage)}`);
  }
  if (problems.length || !title) return failAll(problems);
  return ok({ title, subtitle, bounds, dateIso: typeof data.date === 'string' ? data.date : null, article, method, pockets, blank, licence, credits, localLanguage });
}

/** A well-formed BCP 47 language tag in its canonical case ("uk", "sr-Cyrl"), or null. */
function languageTag(v: unknown): string | null {
  if (typeof v !== 'string' || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(v)) return null;
  try {
    return Intl.getCanonicalLocales(v)[0] ?? null;
  } catch {
    return null; // RangeError: not a well-formed tag
  }
}

/** The story when data/story.json is missing: a neutral title, nothing else. */
export const NO_STORY: Story = {
  title: { en: 'Who held which ground', nl: 'Wie had welk gebied' },
  subtitle: null, bounds: null, dateIso: null, article: null, method: null, pockets: new Map(), blank: null, licence: null, credits: [], localLanguage: null,
};

/**
 * story.json `pockets`: id → {en, nl, after?: {other id: {en, nl}}}. A name that contains another
 * pocket's name needs its form after that pocket, so that a list of both never says a name twice.
 */
function parsePockets(v: unknown, bad: (field: string, message: string) => void): Map<string, PocketName> {
  const pockets = new Map<string, PocketName>();
  if (v === undefined) return pockets;
  if (!isObject(v)) { bad('pockets', `must be an object of pocket id → ${TEXT}`); return pockets; }
  for (const [id, name] of Object.entries(v)) {
    if (!isId(id) || !isText(name)) { bad('pockets', `${echo(id)}: must be a feature id with a name ${TEXT}`); continue; }
    const after = new Map<string, Text>();
    const a = (name as unknown as Record<string, unknown>).after;
    if (a !== undefined && !isObject(a)) bad('pockets', `${echo(id)}: "after" must be an object of pocket id → ${TEXT}`);
    else for (const [other, form] of Object.entries(a ?? {})) {
      if (isId(other) && isText(form)) after.set(other, { en: form.en, nl: form.nl });
      else bad('pockets', `${echo(id)}: "after" ${echo(other)}: must be a pocket id with a name ${TEXT}`);
    }
    pockets.set(id, { en: name.en, nl: name.nl, after });
  }
  for (const [id, p] of pockets) {
    for (const [other, q] of pockets) {
      if (other === id || p.after.has(other)) continue;
      const lang = (['en', 'nl'] as const).find((l) => q[l].trim() !== '' && p[l].toLowerCase().includes(q[l].trim().toLowerCase()));
      if (!lang) continue;
      bad('pockets', `${echo(id)}: its name "${clip(p[lang])}" repeats the name of ${echo(other)}; give the name it takes after that pocket in a list, "after": {${echo(other)}: ${TEXT}}`);
      break; // one problem a pocket is enough to fix it
    }
  }
  return pockets;
}
