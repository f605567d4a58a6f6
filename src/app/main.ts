/**
 * The explorer (index.html): the app with every control, its state in the URL, and the embed
 * dialog, whose module loads once the app has started (it is not part of the first view).
 */
import './style.css';
import './events.css';
import { reportBug, startApp } from './app.ts';
import { STRINGS } from '../ui/strings.ts';

startApp({ urlState: true, interactive: true, cooperativeGestures: false, theme: 'light', view: null, notices: [] })
  .then(async (app) => {
    const opener = document.querySelector<HTMLButtonElement>('#embed-open');
    if (!app || !opener) return;
    opener.hidden = false;
    const label = () => { opener.textContent = STRINGS[app.lang].embed; };
    label();
    new MutationObserver(label).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    // A press that comes while the dialog's module is still loading opens it once it is there.
    let pressed = false;
    const early = () => { pressed = true; };
    opener.addEventListener('click', early);
    const { setupEmbedDialog } = await import('../ui/embed-dialog.ts');
    opener.removeEventListener('click', early);
    setupEmbedDialog({
      opener,
      base: new URL('./', document.baseURI).href,
      current: () => ({ dateIso: app.dateIso, lang: app.lang, view: app.view, placeId: app.placeId, title: app.title }),
      strings: () => STRINGS[app.lang],
    });
    if (pressed) opener.click();
  })
  .catch(reportBug);
