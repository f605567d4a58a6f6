/**
 * The data editors' file check (preview-file.ts): validation with data:check's rules and messages,
 * run in a worker (src/data/snapshot-check-client.ts) so a big file never freezes the page, then
 * the file drawn in place of the shown date until the reader stops or picks a date. A new file,
 * Cancel, folding the check away or picking a date cancels a check under way (its worker is
 * stopped). Every other failure is shown, naming the file. The app provides the drawing; this
 * module keeps the preview's own state and banner.
 */
import type { Faction, Snapshot } from '../data/contract.ts';
import type { StoryArea } from '../data/drawn-file.ts';
import type { Lang } from '../i18n/lang.ts';
import { formatProblem, type Result } from '../data/result.ts';
import { checkSnapshotInWorker, type WorkerCheckOptions } from '../data/snapshot-check-client.ts';
import { PreviewFile } from './preview-file.ts';
import { el } from './dom.ts';
import type { Messages } from './messages.ts';
import type { Strings } from './strings.ts';

export interface PreviewOptions {
  mapEl: HTMLElement;
  container: HTMLElement;
  messages: Messages;
  strings: () => Strings;
  /** The sides a file may name (factions.json). */
  factions: readonly Pick<Faction, 'id' | 'name'>[];
  /** The story's area, for finding files with latitude and longitude swapped. */
  area: StoryArea | null;
  /** Draws a snapshot in place of the date's; resolves once drawn. */
  draw: (snapshot: Snapshot, name: string) => Promise<void>;
  /** Draws the shown date again. */
  restore: () => void;
  /** The check; default: in a worker. */
  check?: (file: Blob, name: string, options: WorkerCheckOptions) => Promise<Result<Snapshot>>;
}

export class Preview {
  readonly #o: PreviewOptions;
  readonly #file: PreviewFile;
  readonly #banner = el('div', { class: 'preview-banner', role: 'status', hidden: '' });
  #name: string | null = null;
  /** The check under way, if any, and its file's name. */
  #checking: AbortController | null = null;
  #checkingName = '';

  constructor(o: PreviewOptions) {
    this.#o = o;
    o.mapEl.parentElement!.append(this.#banner);
    this.#file = new PreviewFile({ dropZone: o.mapEl.parentElement!, container: o.container, sides: o.factions, onFile: (f) => { this.#show(f).catch((err: unknown) => this.#failed(f.name, err)); }, onClose: () => this.cancel() });
  }

  render(t: Strings, lang: Lang): void { this.#file.render(t, lang); }

  /** Stops a check under way; its file is not drawn. */
  cancel(): void {
    if (!this.#checking) return;
    this.#checking.abort(new DOMException('the check was cancelled', 'AbortError'));
    this.#checking = null;
    delete this.#o.mapEl.dataset.checking;
    this.#renderBanner();
  }

  /** Leaves preview mode (and stops a check) without redrawing (the caller draws what comes next). */
  end(): void {
    this.cancel();
    if (this.#name === null) return;
    this.#name = null;
    delete this.#o.mapEl.dataset.preview;
    this.#renderBanner();
  }

  async #show(file: File): Promise<void> {
    const name = file.name;
    this.cancel(); // a new file replaces a check under way
    const checking = (this.#checking = new AbortController());
    this.#checkingName = name;
    const t = this.#o.strings();
    this.#o.messages.clear('preview');
    this.#o.mapEl.dataset.checking = name;
    this.#renderBanner();
    let r: Result<Snapshot>;
    try {
      const fallback = this.#file.side();
      r = await (this.#o.check ?? checkSnapshotInWorker)(file, name, { factions: this.#o.factions.map((f) => f.id), area: this.#o.area, ...(fallback ? { fallback } : {}), signal: checking.signal });
    } catch (err) {
      if (checking.signal.aborted) return; // cancelled: a newer file, Cancel, or a date was picked
      this.#finishCheck(checking);
      this.#failed(name, err);
      return;
    }
    if (checking.signal.aborted) return;
    this.#finishCheck(checking);
    if (!r.ok) {
      const lines = r.problems.map(formatProblem);
      this.#o.messages.error([t.previewProblems(name, lines.length), ...lines.slice(0, 12), ...(lines.length > 12 ? [t.previewMore(lines.length - 12)] : [])].join('\n'), 'preview');
      return;
    }
    this.#name = name;
    await this.#o.draw(r.value, name);
    if (this.#name !== name) return;
    this.#o.mapEl.dataset.preview = name;
    this.#renderBanner();
  }

  /** A bug (in the checker or in drawing): never swallowed, shown naming the file; the stack goes to the console. */
  #failed(name: string, err: unknown): void {
    console.error(err);
    this.#o.messages.error(this.#o.strings().previewFailed(name, String(err instanceof Error ? err.message : err).split('\n')[0]!), 'preview');
  }

  /** The check is over; the banner goes back to the preview shown, if any. */
  #finishCheck(checking: AbortController): void {
    if (this.#checking !== checking) return;
    this.#checking = null;
    delete this.#o.mapEl.dataset.checking;
    this.#renderBanner();
  }

  /** The banner: a check under way (with Cancel), else the file previewed (with Stop), else none. */
  #renderBanner(): void {
    const t = this.#o.strings();
    const button = (label: string, run: () => void) => {
      const b = el('button', { type: 'button' }, label);
      b.addEventListener('click', run);
      return b;
    };
    if (this.#checking) this.#banner.replaceChildren(el('span', {}, t.previewChecking(this.#checkingName)), button(t.previewCancel, () => this.cancel()));
    else if (this.#name !== null && this.#o.mapEl.dataset.preview === this.#name) {
      this.#banner.replaceChildren(el('span', {}, t.previewing(this.#name)), button(t.previewStop, () => { this.end(); this.#o.restore(); }));
    } else { this.#banner.hidden = true; return; }
    this.#banner.hidden = false;
  }
}
