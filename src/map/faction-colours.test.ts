import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFactions } from '../data/contract.ts';
import { deltaE, DRAWN_FILL_OPACITY, DRAWN_OVER, paletteWarnings, parseHex } from '../data/colour-vision.ts';
import { COLORS } from './style.ts';
import { FILL_OPACITY } from './territory-layers.ts';

describe('colour-vision simulation', () => {
  it('confuses the classic red/green pair for deuteranopes but not for everyone else', () => {
    const red = parseHex('#ff0000'), green = parseHex('#00a000');
    expect(deltaE(red, green, 'none')).toBeGreaterThan(80);
    expect(deltaE(red, green, 'deuteranopia')).toBeLessThan(deltaE(red, green, 'none') / 3);
  });
  it('keeps white white', () => {
    for (const d of ['protanopia', 'deuteranopia', 'tritanopia'] as const) expect(deltaE([255, 255, 255], [255, 255, 255], d)).toBeCloseTo(0, 1);
  });
});

describe('paletteWarnings', () => {
  it('checks the fills as the map draws them', () => {
    expect(DRAWN_FILL_OPACITY).toBe(FILL_OPACITY);
    expect(DRAWN_OVER).toBe(COLORS.focusLand);
  });
  it('names a pair that collides for deuteranopes, and only that pair', () => {
    const w = paletteWarnings([{ id: 'reds', color: '#d23b2c' }, { id: 'greens', color: '#2f8f20' }, { id: 'blues', color: '#1f4fd0' }]);
    expect(w.length).toBeGreaterThan(0);
    expect(w.every((line) => line.startsWith('reds and greens are hard to tell apart with'))).toBe(true);
    expect(w.join()).toContain('deuteranopia');
  });
  it('has nothing to say about one side or about the bundled palette', () => {
    expect(paletteWarnings([{ id: 'only', color: '#123456' }])).toEqual([]);
    const r = parseFactions(JSON.parse(readFileSync('data/factions.json', 'utf8')), 'data/factions.json');
    if (!r.ok) throw new Error('factions.json does not parse');
    expect(paletteWarnings(r.value)).toEqual([]);
  });
});
