/**
 * How far apart colours stay for readers with colour-vision deficiencies: simulation with the
 * matrices of Machado, Oliveira & Fernandes (2009, IEEE TVCG 15(6), severity 1.0) applied in
 * linear sRGB, and the CIE76 colour difference ΔE*ab in CIELAB (D65).
 */
export type Deficiency = 'none' | 'protanopia' | 'deuteranopia' | 'tritanopia';
type Mat = [number, number, number, number, number, number, number, number, number];

const MACHADO: Record<Exclude<Deficiency, 'none'>, Mat> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
};

export type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new TypeError(`expected a #rrggbb colour, got ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** `fg` at `alpha` over `bg`, as a fill layer with fill-opacity draws it. */
export function blend(fg: Rgb, bg: Rgb, alpha: number): Rgb {
  return [0, 1, 2].map((i) => fg[i]! * alpha + bg[i]! * (1 - alpha)) as Rgb;
}

const toLinear = (c: number) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };

export function simulate(rgb: Rgb, d: Deficiency): [number, number, number] {
  const lin = rgb.map(toLinear) as [number, number, number];
  if (d === 'none') return lin;
  const m = MACHADO[d];
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return [
    clamp(m[0] * lin[0] + m[1] * lin[1] + m[2] * lin[2]),
    clamp(m[3] * lin[0] + m[4] * lin[1] + m[5] * lin[2]),
    clamp(m[6] * lin[0] + m[7] * lin[1] + m[8] * lin[2]),
  ];
}

/** Linear sRGB to CIELAB (D65 white). */
export function linearToLab([r, g, b]: [number, number, number]): [number, number, number] {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

export function deltaE(a: Rgb, b: Rgb, d: Deficiency): number {
  const la = linearToLab(simulate(a, d)), lb = linearToLab(simulate(b, d));
  return Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

/** The closest pair of colours under a deficiency, and their ΔE. */
export function closestPair(colours: readonly { id: string; rgb: Rgb }[], d: Deficiency): { a: string; b: string; deltaE: number } {
  let best = { a: '', b: '', deltaE: Infinity };
  for (let i = 0; i < colours.length; i++) {
    for (let j = i + 1; j < colours.length; j++) {
      const e = deltaE(colours[i]!.rgb, colours[j]!.rgb, d);
      if (e < best.deltaE) best = { a: colours[i]!.id, b: colours[j]!.id, deltaE: e };
    }
  }
  return best;
}

/**
 * How the territory is drawn, which the check assumes: fills at this opacity over the land colour
 * of the story's countries (src/map/territory-layers.ts FILL_OPACITY and src/map/style.ts
 * COLORS.focusLand; src/map/faction-colours.test.ts keeps them equal).
 */
export const DRAWN_FILL_OPACITY = 0.72;
export const DRAWN_OVER = '#f7f5f0';
/** Below this CIE76 ΔE two sides' fills are hard to tell apart (ours; 10–15 is "clearly different"). */
export const MIN_DELTA_E = 12;

/**
 * Pairs of sides whose fills, as drawn, come closer than MIN_DELTA_E for normal vision or any of the
 * three simulated deficiencies: one line each, for data:check to print as a warning (colour is
 * never the only cue on the map, so a close pair is allowed).
 * @example paletteWarnings([{ id: 'a', color: '#ff0000' }, { id: 'b', color: '#00a000' }]) // ['a and b are hard to tell apart with deuteranopia (ΔE 9.8 < 12)', …]
 */
export function paletteWarnings(factions: readonly { id: string; color: string }[]): string[] {
  const land = parseHex(DRAWN_OVER);
  const drawn = factions.map((f) => ({ id: f.id, rgb: blend(parseHex(f.color), land, DRAWN_FILL_OPACITY) }));
  const out: string[] = [];
  for (const d of ['none', 'protanopia', 'deuteranopia', 'tritanopia'] as Deficiency[]) {
    for (let i = 0; i < drawn.length; i++) {
      for (let j = i + 1; j < drawn.length; j++) {
        const e = deltaE(drawn[i]!.rgb, drawn[j]!.rgb, d);
        if (e < MIN_DELTA_E) out.push(`${drawn[i]!.id} and ${drawn[j]!.id} are hard to tell apart ${d === 'none' ? 'for anyone' : `with ${d}`} (ΔE ${e.toFixed(1)} < ${MIN_DELTA_E})`);
      }
    }
  }
  return out;
}
