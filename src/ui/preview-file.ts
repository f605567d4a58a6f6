/**
 * For data editors: drop a GeoJSON snapshot on the map (or choose one) to check it with the same
 * validation and messages as `npm run data:check`, and see it drawn before it goes into data/.
 * Nothing is uploaded or saved: the file is read in the page.
 */
import { el } from './dom.ts';
import type { Strings } from './strings.ts';

export interface PreviewFileOptions {
  /** Where files can be dropped (the map). */
  dropZone: HTMLElement;
  /** Where the "choose a file" control goes. */
  container: HTMLElement;
  /** Called with the file (it is read by the check, off the main thread). */
  onFile: (file: File) => void;
  /** Called when the reader folds the check away. */
  onClose?: () => void;
}

export class PreviewFile {
  readonly #input: HTMLInputElement;
  readonly #label: HTMLLabelElement;
  readonly #hint: HTMLParagraphElement;

  constructor({ dropZone, container, onFile, onClose }: PreviewFileOptions) {
    this.#input = el('input', { type: 'file', id: 'preview-file', accept: '.geojson,.json,application/geo+json,application/json', class: 'preview-input' });
    this.#label = el('label', { for: 'preview-file', class: 'preview-label' });
    this.#hint = el('p', { class: 'preview-hint' });
    this.#input.addEventListener('change', () => { const f = this.#input.files?.[0]; if (f) onFile(f); this.#input.value = ''; });
    dropZone.addEventListener('dragover', (e) => { if (e.dataTransfer?.types.includes('Files')) { e.preventDefault(); dropZone.classList.add('drop-target'); } });
    dropZone.addEventListener('dragleave', () => dropZone.classList.remove('drop-target'));
    dropZone.addEventListener('drop', (e) => {
      dropZone.classList.remove('drop-target');
      const f = e.dataTransfer?.files[0];
      if (!f) return;
      e.preventDefault();
      onFile(f);
    });
    const details = el('details', { class: 'preview-file' }, el('summary', {}), this.#label, this.#input, this.#hint);
    details.addEventListener('toggle', () => { if (!details.open) onClose?.(); });
    container.append(details);
  }

  render(t: Strings): void {
    this.#label.textContent = t.previewChoose;
    this.#hint.textContent = t.previewHint;
    const summary = this.#input.closest('details')?.querySelector('summary');
    if (summary) summary.textContent = t.previewTitle;
  }
}
