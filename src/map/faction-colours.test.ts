import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFactions } from '../data/contract.ts';
import { blend, closestPair, deltaE, parseHex, type Deficiency } from '../analysis/colour-vision.ts';
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

describe('data/factions.json colours', () => {
  const r = parseFactions(JSON.parse(readFileSync('data/factions.json', 'utf8')), 'data/factions.json');
  if (!r.ok) throw new Error('factions.json does not parse');
  // As drawn: the territory fill's opacity over the land colour of Syria and Iraq.
  const land = parseHex(COLORS.focusLand);
  const drawn = r.value.map((f) => ({ id: f.id, rgb: blend(parseHex(f.color), land, FILL_OPACITY) }));
  it.each(['none', 'protanopia', 'deuteranopia', 'tritanopia'] as Deficiency[])('stay at least ΔE 12 apart with %s', (d) => {
    const pair = closestPair(drawn, d);
    expect(pair.deltaE, `${pair.a} vs ${pair.b}`).toBeGreaterThanOrEqual(12);
  });
});
