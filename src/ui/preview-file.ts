/**
 * For data editors: drop a GeoJSON file on the map (or choose one) to check it as `npm run data:add`
 * would, with the same validation and messages, and see it drawn before it goes into data/. A file
 * whose features name no side (an archive's, say) can be given one here, as with `--faction`.
 * Nothing is uploaded or saved: the file is read in the page.
 */
import type { Faction } from '../data/contract.ts';
import type { Lang } from '../i18n/lang.ts';
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
  /** The story's sides, offered for features that name none. */
  sides: readonly Pick<Faction, 'id' | 'name'>[];
}

export class PreviewFile {
  readonly #input: HTMLInputElement;
  readonly #label: HTMLLabelElement;
  readonly #hint: HTMLParagraphElement;
  readonly #sideLabel: HTMLLabelElement;
  readonly #side: HTMLSelectElement;
  readonly #sides: readonly Pick<Faction, 'id' | 'name'>[];

  constructor({ dropZone, container, onFile, onClose, sides }: PreviewFileOptions) {
    this.#sides = sides;
    this.#sideLabel = el('label', { for: 'preview-side', class: 'preview-label' });
    this.#side = el('select', { id: 'preview-side', class: 'preview-side' });
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
    const details = el('details', { class: 'preview-file' }, el('summary', {}), this.#label, this.#input, this.#sideLabel, this.#side, this.#hint);
    details.addEventListener('toggle', () => { if (!details.open) onClose?.(); });
    container.append(details);
  }

  /** The side chosen for features that name none, if any. */
  side(): string | undefined {
    return this.#side.value || undefined;
  }

  render(t: Strings, lang: Lang): void {
    const chosen = this.#side.value;
    this.#side.replaceChildren(el('option', { value: '' }, t.previewSideNone), ...this.#sides.map((s) => el('option', { value: s.id }, s.name[lang])));
    this.#side.value = chosen;
    this.#sideLabel.textContent = t.previewSide;
    this.#label.textContent = t.previewChoose;
    this.#hint.textContent = t.previewHint;
    const summary = this.#input.closest('details')?.querySelector('summary');
    if (summary) summary.textContent = t.previewTitle;
  }
}
