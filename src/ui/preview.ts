/**
 * The data editors' file check (preview-file.ts): validation with data:check's rules and messages,
 * then the file drawn in place of the shown date until the reader stops or picks a date. The app
 * provides the drawing; this module keeps the preview's own state and banner.
 */
import type { Snapshot } from '../data/contract.ts';
import { formatProblem } from '../data/result.ts';
import { PreviewFile } from './preview-file.ts';
import { el } from './dom.ts';
import type { Messages } from './messages.ts';
import type { Strings } from './strings.ts';

export interface PreviewOptions {
  mapEl: HTMLElement;
  container: HTMLElement;
  messages: Messages;
  strings: () => Strings;
  /** The faction ids a file may name (factions.json). */
  factions: readonly string[];
  /** Draws a snapshot in place of the date's; resolves once drawn. */
  draw: (snapshot: Snapshot, name: string) => Promise<void>;
  /** Draws the shown date again. */
  restore: () => void;
}

export class Preview {
  readonly #o: PreviewOptions;
  readonly #file: PreviewFile;
  readonly #banner = el('div', { class: 'preview-banner', role: 'status', hidden: '' });
  #name: string | null = null;

  constructor(o: PreviewOptions) {
    this.#o = o;
    o.mapEl.parentElement!.append(this.#banner);
    this.#file = new PreviewFile({ dropZone: o.mapEl.parentElement!, container: o.container, onFile: (n, text, size) => void this.#show(n, text, size) });
  }

  render(t: Strings): void { this.#file.render(t); }

  /** Leaves preview mode without redrawing (the caller draws what comes next). */
  end(): void {
    if (this.#name === null) return;
    this.#name = null;
    this.#banner.hidden = true;
    delete this.#o.mapEl.dataset.preview;
  }

  async #show(name: string, text: string, sizeBytes: number): Promise<void> {
    const t = this.#o.strings();
    // The checks (polygon overlaps and all) load with the first file, not with the page.
    const { validateSnapshotText } = await import('../data/validate.ts');
    const r = validateSnapshotText(text, name, sizeBytes, { factions: this.#o.factions });
    if (!r.ok) {
      const lines = r.problems.map(formatProblem);
      this.#o.messages.error([t.previewProblems(name, lines.length), ...lines.slice(0, 12), ...(lines.length > 12 ? [t.previewMore(lines.length - 12)] : [])].join('\n'), 'preview');
      return;
    }
    this.#o.messages.clear('preview');
    this.#name = name;
    await this.#o.draw(r.value, name);
    if (this.#name !== name) return;
    this.#o.mapEl.dataset.preview = name;
    const stop = el('button', { type: 'button' }, t.previewStop);
    stop.addEventListener('click', () => { this.end(); this.#o.restore(); });
    this.#banner.replaceChildren(el('span', {}, t.previewing(name)), stop);
    this.#banner.hidden = false;
  }
}
