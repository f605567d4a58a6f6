/**
 * The side-by-side frame over the map: a box for the other date's map, cut at the divider (CSS
 * clip-path), the two dates' names above it, and the divider itself (SwipeHandle). The map in the
 * box is the caller's; this only builds and places the DOM.
 */
import { el } from './dom.ts';
import { SwipeHandle } from './swipe-handle.ts';

export class SwipeFrame {
  /** Where the other date's map goes. */
  readonly box = el('div', { class: 'swipe-map', 'aria-hidden': 'true' });
  readonly #labels = el('div', { class: 'swipe-labels', 'aria-hidden': 'true' }, el('span', {}), el('span', {}));
  readonly #handle: SwipeHandle;

  constructor(wrap: HTMLElement, label: string) {
    wrap.append(this.box, this.#labels);
    this.#handle = new SwipeHandle(wrap, label, (pct) => this.#clip(pct));
  }

  /** Names the dates left and right of the divider; `otherSide` is where the other date shows. */
  show(left: string, right: string, otherSide: 'left' | 'right'): void {
    this.#labels.children[0]!.textContent = left;
    this.#labels.children[1]!.textContent = right;
    this.#handle.setValueText(`${left} | ${right}`);
    this.box.dataset.side = otherSide;
    this.#clip(Number(this.#handle.element.getAttribute('aria-valuenow') ?? 50));
  }

  remove(): void { this.box.remove(); this.#labels.remove(); this.#handle.remove(); }

  /** The other date covers the map on its side of the divider. */
  #clip(pct: number): void {
    this.box.style.clipPath = this.box.dataset.side === 'left' ? `inset(0 ${100 - pct}% 0 0)` : `inset(0 0 0 ${pct}%)`;
  }
}
