/**
 * The divider between two dates side by side: dragged with a mouse, finger or pen (pointer events),
 * or moved with the keyboard (arrows 5%, Page Up/Down 20%, Home/End). Emits the position in %.
 */
import { el } from './dom.ts';

export class SwipeHandle {
  readonly element: HTMLElement;
  #pct = 50;
  readonly #onMove: (pct: number) => void;
  readonly #area: HTMLElement;

  constructor(area: HTMLElement, label: string, onMove: (pct: number) => void) {
    this.#area = area;
    this.#onMove = onMove;
    this.element = el('div', {
      class: 'swipe-handle', role: 'slider', tabindex: '0', 'aria-label': label,
      'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-orientation': 'horizontal',
    }, el('span', { class: 'swipe-grip', 'aria-hidden': 'true' }, '⇔'));
    this.element.addEventListener('keydown', (e) => {
      const step = { ArrowLeft: -5, ArrowDown: -5, ArrowRight: 5, ArrowUp: 5, PageDown: -20, PageUp: 20 }[e.key];
      if (step !== undefined) this.set(this.#pct + step);
      else if (e.key === 'Home') this.set(0);
      else if (e.key === 'End') this.set(100);
      else return;
      e.preventDefault();
    });
    this.element.addEventListener('pointerdown', (e) => {
      this.element.setPointerCapture(e.pointerId);
      this.element.focus();
      e.preventDefault();
    });
    this.element.addEventListener('pointermove', (e) => {
      if (!this.element.hasPointerCapture(e.pointerId)) return;
      const r = this.#area.getBoundingClientRect();
      this.set(((e.clientX - r.left) / r.width) * 100);
    });
    area.append(this.element);
    this.set(50);
  }

  set(pct: number): void {
    this.#pct = Math.round(Math.min(100, Math.max(0, pct)));
    this.element.style.left = `${this.#pct}%`;
    this.element.setAttribute('aria-valuenow', String(this.#pct));
    this.#onMove(this.#pct);
  }

  setValueText(text: string): void { this.element.setAttribute('aria-valuetext', text); }

  remove(): void { this.element.remove(); }
}
