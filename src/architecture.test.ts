/**
 * The shape of the code, checked: layers point one way (docs/architecture.md), no source file
 * grows past 300 lines, and no side, place or pocket of the bundled story is named in src/ (the
 * story is data). Reads the files as text; imports are `from '…'` lines.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
});
const rel = (p: string) => relative(ROOT, p).split('\\').join('/');
const sources = walk(join(ROOT, 'src')).filter((p) => p.endsWith('.ts') && !p.endsWith('.test.ts'));

/** What each folder of src/ may import from (besides itself and packages). */
const MAY_IMPORT: Record<string, string[]> = {
  i18n: [],
  data: ['i18n'],
  analysis: ['data', 'i18n'],
  map: ['analysis', 'data', 'i18n'],
  ui: ['analysis', 'data', 'i18n', 'embed'],
  embed: [],
  types: [],
  app: ['analysis', 'data', 'i18n', 'map', 'ui', 'embed'],
};
/** Packages that draw or touch the page: only map/ and app/ use MapLibre. */
const PACKAGE_LAYERS: Record<string, string[]> = { 'maplibre-gl': ['map', 'app'] };

const layerOf = (file: string) => rel(file).split('/')[1]!;
function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)].map((m) => (m[1] ?? m[2])!);
}

describe('layers', () => {
  it('every folder of src/ has a rule', () => {
    expect([...new Set(sources.map(layerOf))].filter((l) => !(l in MAY_IMPORT) && !l.endsWith('.ts'))).toEqual([]);
  });

  it('point one way: data and analysis use no map, ui or app; map uses no ui or app', () => {
    const wrong: string[] = [];
    for (const file of sources) {
      const from = layerOf(file);
      if (!(from in MAY_IMPORT)) continue;
      for (const spec of imports(file)) {
        if (spec.startsWith('.')) {
          const to = rel(resolve(dirname(file), spec)).split('/')[1]!;
          if (to !== from && !MAY_IMPORT[from]!.includes(to)) wrong.push(`${rel(file)} imports ${spec} (${from} → ${to})`);
        } else {
          const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
          const allowed = PACKAGE_LAYERS[pkg];
          if (allowed && !allowed.includes(from)) wrong.push(`${rel(file)} imports ${pkg}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('data, analysis and i18n never touch the page', () => {
    const pure = sources.filter((f) => ['data', 'analysis', 'i18n'].includes(layerOf(f)));
    const touching = pure.filter((f) => /\b(document|window|navigator|localStorage)\.[a-zA-Z]/.test(readFileSync(f, 'utf8')));
    expect(touching.map(rel)).toEqual([]);
  });
});

describe('file sizes', () => {
  /** Files someone is splitting right now, with who; remove the entry once it is done. */
  const BEING_SPLIT: Record<string, string> = { 'src/data/validate.ts': 'issue 11' };
  it('no source file is over 300 lines', () => {
    const all = [...sources, ...['scripts', 'bench', 'tests'].flatMap((d) => walk(join(ROOT, d))).filter((p) => /\.ts$/.test(p)), ...walk(join(ROOT, 'src')).filter((p) => p.endsWith('.test.ts'))];
    const long = all.map((f) => ({ f: rel(f), n: readFileSync(f, 'utf8').split('\n').length - 1 })).filter((x) => x.n > 300 && !(x.f in BEING_SPLIT));
    expect(long.map((x) => `${x.f}: ${x.n} lines`)).toEqual([]);
  });
});

describe('the story is data', () => {
  const json = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));
  const factionIds: string[] = json('data/factions.json').factions.map((f: { id: string }) => f.id);
  const placeIds: string[] = json('data/places.geojson').features.map((f: { properties: { id: string } }) => f.properties.id);
  const pocketIds: string[] = [
    ...Object.keys(json('data/story.json').pockets ?? {}),
    ...json('data/claims.json').claims.flatMap((c: { exclude?: string[] }) => c.exclude ?? []),
  ];
  const ids = [...new Set([...factionIds, ...placeIds, ...pocketIds])];

  it('names no side, place or pocket of the bundled story in src/ (tests aside)', () => {
    const found: string[] = [];
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const id of ids) {
        // Hyphenated ids are distinctive anywhere; one-word ids ("hit", "hama") only as a quoted string.
        const re = id.includes('-') ? new RegExp(`(?<![\\w-])${id}(?![\\w-])`) : new RegExp(`['"\`]${id}['"\`]`);
        if (re.test(text)) found.push(`${rel(file)}: ${id}`);
      }
    }
    expect(found).toEqual([]);
  });
});
