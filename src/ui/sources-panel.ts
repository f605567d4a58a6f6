/** Precision and sources of the shown snapshot, and a pointer to the method. */
import type { SnapshotEntry } from '../data/contract.ts';
import { el } from './dom.ts';
import { formatDate, type Lang, type Strings } from './i18n.ts';

export function renderSourcesPanel(container: HTMLElement, entry: SnapshotEntry, lang: Lang, t: Strings): void {
  const list = el('ul', { class: 'sources-list' });
  for (const s of entry.sources) list.append(el('li', {}, s));
  container.replaceChildren(
    el('p', { class: 'approx-note' }, t.approxNote),
    el('details', { class: 'sources' },
      el('summary', {}, `${t.sources} (${formatDate(entry.dateIso, lang)})`),
      entry.precision ? el('p', {}, `${t.precision}: ${entry.precision}`) : null,
      list),
  );
}
