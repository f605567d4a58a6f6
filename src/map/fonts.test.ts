import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fontFaces, fontsFor, FONT_REGULAR, SCRIPT_FONTS } from './fonts.ts';

const ROOT = join(import.meta.dirname, '../..');
const scripts = (names: string[]) => fontsFor(names).map((f) => f.script);

describe('label fonts', () => {
  it('declare for each file the unicode-range @fontsource gives it', () => {
    const css = ['noto-sans', 'noto-sans-hebrew', 'noto-sans-arabic'].map((p) => readFileSync(join(ROOT, 'node_modules/@fontsource', p, '400.css'), 'utf8')).join('\n');
    for (const f of SCRIPT_FONTS) {
      const file = f.url.split('/').pop()!.replace(/-[\w]{8}\.woff2$|\.woff2$/, '');
      const block = css.split('@font-face').find((b) => b.includes(`${file}.woff2`));
      expect(block, file).toBeDefined();
      const ranges = /unicode-range:\s*([^;]+);/.exec(block!)![1]!.split(',').map((r) => r.trim());
      // Our list may leave out ranges beyond the names' needs (supplementary planes, symbols), never add any.
      for (const r of f.ranges) expect(ranges, `${file} ${r}`).toContain(r);
    }
  });

  it('are the Latin base, plus a script\'s file only when a name has a letter of it', () => {
    expect(scripts(['Stonebridge', 'Steenbrug', 'Kam’yanka'])).toEqual(['latin', 'latin-ext']);
    expect(scripts(['Stepove', 'Степове'])).toEqual(['latin', 'latin-ext', 'cyrillic']);
    expect(scripts(['دمشق'])).toEqual(['latin', 'latin-ext', 'arabic']);
    expect(scripts(['תל אביב'])).toEqual(['latin', 'latin-ext', 'hebrew']);
    expect(scripts(['Αθήνα', 'Ґудзь'])).toEqual(['latin', 'latin-ext', 'cyrillic', 'greek']);
    expect(scripts(['Әлматы'])).toEqual(['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext']); // Ә is in the extended file, the rest in the basic one
  });

  it('make absolute URLs, in the order MapLibre tries them', () => {
    const faces = fontFaces('https://example.org/site/', ['Київ'])[FONT_REGULAR] as { url: string }[];
    expect(faces).toHaveLength(3);
    for (const f of faces) expect(f.url).toMatch(/^https:\/\/example\.org\//);
  });

  it('are the same files the page\'s CSS uses for local names', () => {
    const css = readFileSync(join(ROOT, 'src/app/style.css'), 'utf8');
    const files = [...css.matchAll(/url\('@fontsource\/[\w-]+\/files\/([\w-]+)\.woff2'\)/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(0);
    const ours = SCRIPT_FONTS.map((f) => f.url.split('/').pop()!);
    for (const f of files) expect(ours.some((u) => u.startsWith(f)), f).toBe(true);
  });
});
