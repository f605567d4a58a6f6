/**
 * The one place where the user is told what went wrong: notices (role="status", e.g. a bad value in
 * the link) and errors (role="alert", e.g. a snapshot that failed to load). Neither blocks the map.
 */
import { el } from './dom.ts';

export class Messages {
  readonly #statusBox: HTMLElement;
  readonly #alertBox: HTMLElement;
  #dismissLabel: string;

  constructor(container: HTMLElement, dismissLabel: string) {
    this.#dismissLabel = dismissLabel;
    this.#statusBox = el('div', { class: 'messages-status', role: 'status' });
    this.#alertBox = el('div', { class: 'messages-alert', role: 'alert' });
    container.append(this.#alertBox, this.#statusBox);
  }

  notice(text: string): void { this.#add(this.#statusBox, text, 'notice'); }
  error(text: string, key?: string): void { this.#add(this.#alertBox, text, 'error', key); }

  /** Removes errors with this key (e.g. a snapshot error once a snapshot draws again). */
  clear(key: string): void {
    for (const n of this.#alertBox.querySelectorAll<HTMLElement>(`[data-key]`)) if (n.dataset.key === key) n.remove();
  }

  #add(box: HTMLElement, text: string, kind: string, key?: string): void {
    if (key) this.clear(key);
    const close = el('button', { type: 'button', class: 'message-close', 'aria-label': this.#dismissLabel }, '×');
    const item = el('p', { class: `message message-${kind}`, 'data-key': key }, el('span', {}, text), close);
    close.addEventListener('click', () => item.remove());
    box.append(item);
  }
}
