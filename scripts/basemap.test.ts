import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { paddedBox, storyBasemap, storyBounds } from './basemap.ts';

const ROOT = join(import.meta.dirname, '..');
const kinds = (fc: ReturnType<typeof storyBasemap>) => fc.features.reduce<Record<string, number>>((m, f) => ({ ...m, [String(f.properties?.kind)]: (m[String(f.properties?.kind)] ?? 0) + 1 }), {});
const labels = (fc: ReturnType<typeof storyBasemap>) => fc.features.filter((f) => f.properties?.kind === 'label').map((f) => f.properties?.name_en);

describe('storyBasemap', () => {
  it('fits another story\'s bounds, with its countries and no rivers when it has none', () => {
    const dir = join(ROOT, 'tests/fixtures/story-b');
    const fc = storyBasemap(dir);
    expect(kinds(fc).river).toBeUndefined();
    expect(labels(fc)).toContain('CHILE');
    const focus = fc.features.filter((f) => f.properties?.kind === 'country' && f.properties.focus).map((f) => f.properties?.name);
    expect(focus).toEqual(['Argentina']); // the country its places are in
    const [w, s, e, n] = paddedBox(storyBounds(dir));
    for (const f of fc.features) {
      const coords = JSON.stringify(f.geometry).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g)!.map((p) => p.split(',').map(Number));
      for (const [x, y] of coords) { expect(x).toBeGreaterThanOrEqual(w - 1e-9); expect(x).toBeLessThanOrEqual(e + 1e-9); expect(y).toBeGreaterThanOrEqual(s - 1e-9); expect(y).toBeLessThanOrEqual(n + 1e-9); }
    }
  }, 30_000);

  it('draws the bundled story\'s rivers and names its countries in three languages', () => {
    const fc = storyBasemap(join(ROOT, 'data'));
    expect(kinds(fc).river).toBeGreaterThan(0);
    const syria = fc.features.find((f) => f.properties?.kind === 'label' && f.properties.id === '760');
    expect(syria?.properties).toMatchObject({ name_en: 'SYRIA', name_nl: 'SYRIË' });
  }, 30_000);

  it('uses the bounds of the data when story.json has none, with room around them', () => {
    expect(paddedBox([[-70, -46], [-67, -44]])).toEqual([-72, -48, -65, -42]);
    expect(paddedBox([[0, 0], [40, 20]])).toEqual([-6, -3, 46, 23]);
  });
});
