import { el } from './dom.ts';

/** A side's colour as a small square beside its name (colour is never the only cue: the name is there). */
export function swatch(color: string): HTMLElement {
  const s = el('span', { class: 'legend-swatch', 'aria-hidden': 'true' });
  s.style.background = color;
  return s;
}
