/**
 * Play and pause through the snapshots. A step waits for the map to draw before the next one is
 * scheduled, so a slow machine shows every date instead of skipping. Readers who prefer reduced
 * motion get the slowest speed by default; nothing ever animates between dates, it only steps.
 */
import { el } from './dom.ts';
import type { Strings } from './strings.ts';

export const SPEEDS_MS = { slow: 1600, normal: 800, fast: 350 } as const;
export type Speed = keyof typeof SPEEDS_MS;

export interface PlayerOptions {
  container: HTMLElement;
  /** Advances one snapshot and resolves once it is drawn; resolves false at the last one. */
  step: () => Promise<boolean>;
  /** True at the last snapshot: play then starts again from the first. */
  atEnd: () => boolean;
  /** Goes to the first snapshot and resolves once it is drawn. */
  rewind: () => Promise<void>;
  reducedMotion: boolean;
}

export class Player {
  readonly #button: HTMLButtonElement;
  readonly #speed: HTMLSelectElement;
  readonly #speedLabel: HTMLLabelElement;
  readonly #opts: PlayerOptions;
  #playing = false;
  #run = 0;
  #strings: Strings | null = null;

  constructor(opts: PlayerOptions) {
    this.#opts = opts;
    this.#button = el('button', { type: 'button', class: 'play-button', 'aria-pressed': 'false' });
    this.#speed = el('select', { id: 'play-speed', class: 'play-speed' });
    for (const s of Object.keys(SPEEDS_MS) as Speed[]) this.#speed.append(el('option', { value: s }));
    this.#speed.value = opts.reducedMotion ? 'slow' : 'normal';
    this.#speedLabel = el('label', { for: 'play-speed', class: 'play-speed-label' });
    this.#button.addEventListener('click', () => (this.#playing ? this.stop() : void this.play(opts.atEnd())));
    // Into the row the date control kept for it (src/ui/timeline.ts), else a new one.
    const row = opts.container.querySelector<HTMLElement>(':scope > .player:empty') ?? opts.container.appendChild(el('div', { class: 'player' }));
    row.append(this.#button, this.#speedLabel, this.#speed);
  }

  get playing(): boolean { return this.#playing; }

  async play(atEnd = false): Promise<void> {
    if (this.#playing) return;
    this.#playing = true;
    const run = ++this.#run;
    this.#render();
    if (atEnd) await this.#opts.rewind();
    while (this.#playing && run === this.#run) {
      await new Promise((r) => setTimeout(r, SPEEDS_MS[this.#speed.value as Speed] ?? SPEEDS_MS.normal));
      if (!this.#playing || run !== this.#run) return;
      if (!(await this.#opts.step())) { this.stop(); return; }
    }
  }

  /** Stops playing; also called when the reader picks a date by hand. */
  stop(): void {
    if (!this.#playing) return;
    this.#playing = false;
    this.#run++;
    this.#render();
  }

  render(t: Strings): void {
    this.#strings = t;
    this.#render();
  }

  #render(): void {
    const t = this.#strings;
    if (!t) return;
    this.#button.textContent = this.#playing ? `⏸ ${t.pause}` : `▶ ${t.play}`;
    this.#button.setAttribute('aria-pressed', String(this.#playing));
    this.#speedLabel.textContent = t.speed;
    for (const o of this.#speed.options) o.textContent = t.speeds[o.value as Speed];
  }
}
