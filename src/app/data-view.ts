/** The Data control (src/ui/data-panel.ts), on pages that have a #data section, following the shown date and language. */
import { parseDownloads } from '../data/downloads.ts';
import { DataPanel } from '../ui/data-panel.ts';
import { STRINGS } from '../ui/strings.ts';
import { $, type AppContext } from './context.ts';

export function watchDataPanel(ctx: AppContext): void {
  const container = $('#data');
  if (!container) return;
  const { store, core, load, dataBase } = ctx;
  const panel = new DataPanel(container, dataBase, () => load('downloads/index.json', parseDownloads));
  store.watch((s) => [s.drawn?.index ?? s.dateIndex, s.lang], () => {
    const index = store.state.drawn?.index ?? store.state.dateIndex;
    const entry = core.entries[index]!;
    panel.update({ dateIso: entry.dateIso, snapshotFile: entry.file, lang: store.state.lang, licence: core.story.licence }, STRINGS[store.state.lang]);
  });
}
