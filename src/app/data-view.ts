/**
 * The Data control on pages that have a #data section: closed at first; its code
 * (src/ui/data-panel.ts) and the list of files load when the reader first opens it, and then
 * follow the shown date and language.
 */
import { DOWNLOADS_INDEX } from '../data/files.ts';
import { dataShell } from '../ui/data-shell.ts';
import type { DataPanel } from '../ui/data-panel.ts';
import { STRINGS } from '../ui/strings.ts';
import { $, type AppContext } from './context.ts';

export function watchDataPanel(ctx: AppContext): void {
  const container = $('#data');
  if (!container) return;
  const { store, core, load, dataBase } = ctx;
  const { details, summary } = dataShell(container);
  let panel: DataPanel | null = null;
  const update = () => {
    const { drawn, dateIndex, lang } = store.state;
    const entry = core.entries[drawn?.index ?? dateIndex]!;
    summary.textContent = STRINGS[lang].data;
    panel?.update({ dateIso: entry.dateIso, snapshotFile: entry.file, lang, licence: core.story.licence }, STRINGS[lang]);
  };
  let loading = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || panel || loading) return;
    loading = true;
    const { DataPanel } = await import('../ui/data-panel.ts');
    panel = new DataPanel(details, dataBase, load, core.files.has(DOWNLOADS_INDEX));
    update();
  });
  store.watch((s) => [s.drawn?.index ?? s.dateIndex, s.lang], update);
}
