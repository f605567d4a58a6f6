/** Precision and sources of the shown snapshot, after a line on how the front lines are drawn. */
import type { SnapshotEntry } from '../data/contract.ts';
import { formatDate } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { el } from './dom.ts';
import type { Strings } from './strings.ts';

/** `note`: the story's method (story.json), else the interface's general caution. */
export function renderSourcesPanel(container: HTMLElement, entry: SnapshotEntry, note: string, lang: Lang, t: Strings): void {
  const list = el('ul', { class: 'sources-list' });
  for (const s of entry.sources) list.append(el('li', {}, s));
  container.replaceChildren(
    el('p', { class: 'approx-note' }, note),
    el('details', { class: 'sources' },
      el('summary', {}, `${t.sources} (${formatDate(entry.dateIso, lang)})`),
      entry.precision ? el('p', {}, `${t.precision}: ${entry.precision}`) : null,
      list),
  );
}
