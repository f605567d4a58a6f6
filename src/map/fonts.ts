/**
 * The map's label fonts: Noto Sans, bundled (@fontsource), one file per script, drawn by MapLibre
 * through the style's `font-faces` with no glyph server. The Latin files are always declared
 * (country labels, English and Dutch names); Cyrillic, Greek, Hebrew and Arabic only when the
 * story's names have a letter of that script, so a Cyrillic story never asks for the Arabic file.
 * MapLibre itself downloads a declared file only once a label with a letter in its range is drawn.
 * The ranges are the files' own, from @fontsource's CSS (checked by fonts.test.ts).
 */
import type { FontFacesSpecification } from 'maplibre-gl';
import latin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import cyrillic from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillicExt from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff2?url';
import greek from '@fontsource/noto-sans/files/noto-sans-greek-400-normal.woff2?url';
import hebrew from '@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff2?url';
import arabic from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';

/**
 * One font stack for all map text: a second (bold) stack would download another Latin file and
 * load the other scripts' twice. Emphasis comes from size, letter-spacing and halo instead.
 */
export const FONT_REGULAR = 'Noto Sans Regular';

export interface ScriptFont {
  script: 'latin' | 'latin-ext' | 'cyrillic' | 'cyrillic-ext' | 'greek' | 'hebrew' | 'arabic';
  url: string;
  /** CSS unicode-range entries, as in @fontsource's CSS for the file. */
  ranges: readonly string[];
  /** Declared whatever the names: the Latin base. */
  always?: boolean;
}

/** In the order MapLibre tries them: the first file whose ranges cover a letter draws it. */
export const SCRIPT_FONTS: readonly ScriptFont[] = [
  { script: 'latin', url: latin, always: true, ranges: ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+0304', 'U+0308', 'U+0329', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD'] },
  { script: 'latin-ext', url: latinExt, always: true, ranges: ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+0304', 'U+0308', 'U+0329', 'U+1D00-1DBF', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF'] },
  { script: 'cyrillic', url: cyrillic, ranges: ['U+0301', 'U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116'] },
  { script: 'cyrillic-ext', url: cyrillicExt, ranges: ['U+0460-052F', 'U+1C80-1C8A', 'U+20B4', 'U+2DE0-2DFF', 'U+A640-A69F', 'U+FE2E-FE2F'] },
  { script: 'greek', url: greek, ranges: ['U+0370-0377', 'U+037A-037F', 'U+0384-038A', 'U+038C', 'U+038E-03A1', 'U+03A3-03FF'] },
  { script: 'hebrew', url: hebrew, ranges: ['U+0307-0308', 'U+0590-05FF', 'U+200C-2010', 'U+20AA', 'U+25CC', 'U+FB1D-FB4F'] },
  { script: 'arabic', url: arabic, ranges: ['U+0600-06FF', 'U+0750-077F', 'U+0870-088E', 'U+0890-0891', 'U+0897-08E1', 'U+08E3-08FF', 'U+200C-200E', 'U+2010-2011', 'U+204F', 'U+2E41', 'U+FB50-FDFF', 'U+FE70-FE74', 'U+FE76-FEFC'] },
];

/** [first, last] code points of a `U+XXXX` or `U+XXXX-YYYY` entry. */
const span = (range: string): [number, number] => {
  const [a, b] = range.slice(2).split('-');
  return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
};

/**
 * The fonts the names need: the Latin base, and every other script one of whose letters they
 * have. Marks and punctuation that the Latin file covers never pull in another script's file.
 * @example fontsFor(['Київ']).map((f) => f.script) // ['latin', 'latin-ext', 'cyrillic']
 */
export function fontsFor(names: readonly string[]): ScriptFont[] {
  const points = new Set<number>();
  for (const n of names) for (const ch of n) points.add(ch.codePointAt(0)!);
  const base = SCRIPT_FONTS.filter((f) => f.always);
  const covered = (f: ScriptFont, cp: number) => f.ranges.some((r) => { const [lo, hi] = span(r); return cp >= lo && cp <= hi; });
  const needed = new Set<ScriptFont>(base);
  for (const cp of points) {
    // The first file that covers the letter draws it (as in MapLibre), so only that one is needed.
    const f = SCRIPT_FONTS.find((x) => covered(x, cp));
    if (f) needed.add(f);
  }
  return SCRIPT_FONTS.filter((f) => needed.has(f));
}

/** MapLibre loads font-faces from absolute URLs only. */
const abs = (url: string, base: string) => new URL(url, base).href;

/** The style's `font-faces` for labels of these names. */
export function fontFaces(base: string, names: readonly string[] = []): FontFacesSpecification {
  return { [FONT_REGULAR]: fontsFor(names).map((f) => ({ url: abs(f.url, base), 'unicode-range': [...f.ranges] })) };
}
