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

  notice(text: string, key?: string): void { this.#add(this.#statusBox, text, 'notice', key); }
  /** An error; `action` adds a button (e.g. Retry) that also dismisses the message. */
  error(text: string, key?: string, action?: { label: string; run: () => void }): void { this.#add(this.#alertBox, text, 'error', key, action); }

  /** Removes errors with this key (e.g. a snapshot error once a snapshot draws again). */
  clear(key: string): void {
    for (const box of [this.#alertBox, this.#statusBox]) for (const n of box.querySelectorAll<HTMLElement>(`[data-key]`)) if (n.dataset.key === key) n.remove();
  }

  #add(box: HTMLElement, text: string, kind: string, key?: string, action?: { label: string; run: () => void }): void {
    if (key) this.clear(key);
    const close = el('button', { type: 'button', class: 'message-close', 'aria-label': this.#dismissLabel }, '×');
    const act = action ? el('button', { type: 'button', class: 'message-action' }, action.label) : null;
    const item = el('p', { class: `message message-${kind}`, 'data-key': key }, el('span', {}, text), act, close);
    close.addEventListener('click', () => item.remove());
    act?.addEventListener('click', () => { item.remove(); action!.run(); });
    box.append(item);
  }
}
