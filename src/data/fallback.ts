/**
 * fallback/fallback.json, written by `npm run render:fallbacks` (scripts/fallbacks.ts) next to the
 * still pictures of the story's opening view: per language the picture, its size and its
 * alternative text, and the social card. The embed dialog reads it to put the picture into the
 * snippet for pages that run no scripts.
 */
import { isIsoDate } from './contract.ts';
import { fail, ok, type Result } from './result.ts';
import { LANGS, type Lang } from '../i18n/lang.ts';

export interface FallbackPicture { file: string; width: number; height: number; alt: string }
export interface Fallback {
  dateIso: string;
  pictures: Partial<Record<Lang, FallbackPicture>>;
  social: FallbackPicture | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPicture = (v: unknown): v is FallbackPicture => isObject(v) && typeof v.file === 'string' && /^[\w.-]{1,100}$/.test(v.file) && !v.file.startsWith('.')
  && Number.isInteger(v.width) && Number.isInteger(v.height) && (v.width as number) > 0 && (v.height as number) > 0 && typeof v.alt === 'string';

/** @example parseFallback({ date: '2017-07-15', pictures: {}, social: null }, 'fallback/fallback.json') */
export function parseFallback(data: unknown, file: string): Result<Fallback> {
  const shape = 'expected {"date": "YYYY-MM-DD", "pictures": {"en": {"file", "width", "height", "alt"}, …}, "social": {…} or null}';
  if (!isObject(data) || !isIsoDate(data.date) || !isObject(data.pictures) || !(data.social === null || isPicture(data.social))) return fail({ file, message: shape });
  const pictures: Fallback['pictures'] = {};
  for (const [lang, p] of Object.entries(data.pictures)) {
    if (!(LANGS as readonly string[]).includes(lang) || !isPicture(p)) return fail({ file, message: `"pictures" "${lang.slice(0, 10)}": ${shape}` });
    pictures[lang as Lang] = { file: p.file, width: p.width, height: p.height, alt: p.alt };
  }
  return ok({ dateIso: data.date, pictures, social: data.social === null ? null : { ...(data.social as FallbackPicture) } });
}
