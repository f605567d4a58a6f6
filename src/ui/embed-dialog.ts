/**
 * "Embed this map": a dialog that builds the iframe snippet (and loader tag) for the current date,
 * view and language and the editor's choices, with a copy button and a live preview that sizes
 * itself as a host page would.
 */
import '../embed/loader.ts'; // sizes the preview iframe, exactly as on a host page
import { CONTROLS, originOfAddress, type Control, type Theme } from '../embed/flags.ts';
import { embedSnippet, embedUrl, type EmbedChoice } from '../embed/snippet.ts';
import { parseFallback, type Fallback } from '../data/fallback.ts';
import { fetchParsed } from '../data/load.ts';
import { formatDate } from '../i18n/format.ts';
import { el } from './dom.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Strings } from './strings.ts';

export interface EmbedDialogOptions {
  opener: HTMLButtonElement;
  /** The site's folder URL, ending in / (where embed.html and embed-loader.js live). */
  base: string;
  current: () => { dateIso: string; lang: Lang; view: EmbedChoice['view']; placeId: string | null; title: string };
  strings: () => Strings;
}

export function setupEmbedDialog({ opener, base, current, strings }: EmbedDialogOptions): void {
  const dialog = el('dialog', { class: 'embed-dialog', 'aria-labelledby': 'embed-dialog-title' });
  document.body.append(dialog);
  let id = `frontlines-${Math.random().toString(36).slice(2, 8)}`;
  // The still pictures (npm run render:fallbacks), asked for the first time the dialog opens; a site without them offers none.
  let fallback: Promise<Fallback | null> | null = null;

  const open = () => {
    const t = strings();
    const now = current();
    const field = (label: string, input: HTMLElement) => el('label', { class: 'field' }, el('span', {}, label), input);
    const titleIn = el('input', { type: 'text', maxlength: '140', name: 'title' });
    const sourceIn = el('input', { type: 'text', maxlength: '240', name: 'source' });
    // The article's address pins the embed to its origin (the `origin` flag, docs/embed.md).
    const originIn = el('input', { type: 'url', maxlength: '300', name: 'origin', placeholder: 'https://news.example/…', 'aria-describedby': 'embed-origin-note' });
    const originNote = el('p', { class: 'hint', id: 'embed-origin-note' });
    const langSel = el('select', { name: 'lang' }, el('option', { value: 'en' }, 'English'), el('option', { value: 'nl' }, 'Nederlands'));
    langSel.value = now.lang;
    const themeSel = el('select', { name: 'theme' }, ...(['light', 'dark', 'auto'] as Theme[]).map((th) => el('option', { value: th }, t.themeNames[th])));
    const controlBoxes = CONTROLS.map((c) => {
      const box = el('input', { type: 'checkbox', name: `control-${c}`, value: c });
      box.checked = c !== 'claims';
      return el('label', { class: 'check' }, box, ` ${t.controlNames[c]}`);
    });
    const staticBox = el('input', { type: 'checkbox', name: 'static' });
    const viewBox = el('input', { type: 'checkbox', name: 'view' });
    viewBox.checked = true;
    const loaderBox = el('input', { type: 'checkbox', name: 'loader' });
    loaderBox.checked = true;
    const pictureBox = el('input', { type: 'checkbox', name: 'picture' });
    pictureBox.checked = true;
    const pictureLabel = el('span', {});
    const pictureRow = el('label', { class: 'check', hidden: '' }, pictureBox, ' ', pictureLabel);
    let pictures: Fallback | null = null;
    const code = el('textarea', { readonly: '', rows: '5', class: 'embed-code', 'aria-label': t.embedCode, spellcheck: 'false' });
    const copyBtn = el('button', { type: 'button', class: 'primary' }, t.copy);
    const copied = el('span', { class: 'copy-status', role: 'status' });
    const preview = el('iframe', { title: t.embedPreview, 'data-frontlines': '', class: 'embed-preview' });
    const close = el('button', { type: 'button', class: 'dialog-close', 'aria-label': t.close }, '×');

    const choice = (): EmbedChoice => ({
      dateIso: now.dateIso,
      lang: langSel.value === 'nl' ? 'nl' : 'en',
      controls: controlBoxes.map((l) => l.querySelector('input')!).filter((b) => b.checked).map((b) => b.value as Control),
      theme: themeSel.value as Theme,
      isStatic: staticBox.checked,
      title: titleIn.value,
      source: sourceIn.value,
      view: viewBox.checked ? now.view : null,
      placeId: now.placeId,
      id,
      origin: originOfAddress(originIn.value),
    });
    /** The origin field's note: what it does, or why what was typed cannot be used. */
    const checkOrigin = () => {
      const typed = originIn.value.trim();
      const origin = originOfAddress(typed);
      const bad = typed !== '' && origin === null;
      originIn.setAttribute('aria-invalid', String(bad));
      originNote.classList.toggle('field-error', bad);
      originNote.textContent = bad ? t.embedOriginBad(typed) : origin ? t.embedOriginSet(origin) : t.embedOriginHint;
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    /** The code for the current choice; the preview follows separately (update). */
    const writeCode = (c: EmbedChoice) => {
      const picture = pictures?.pictures[c.lang] ?? null;
      pictureRow.hidden = !picture;
      if (pictures) pictureLabel.textContent = `${t.fallbackPicture} (${formatDate(pictures.dateIso, c.lang)})`;
      code.value = embedSnippet(base, c, t.mapLabel(now.title), loaderBox.checked, pictureBox.checked ? picture : null);
      copied.textContent = '';
    };
    const update = () => {
      const c = choice();
      checkOrigin();
      writeCode(c);
      clearTimeout(timer);
      timer = setTimeout(() => { preview.src = embedUrl(base, c); }, 300); // typing should not reload it on every key
    };
    copyBtn.addEventListener('click', async () => {
      code.select();
      try {
        await navigator.clipboard.writeText(code.value);
        copied.textContent = t.copied;
      } catch {
        copied.textContent = t.copyByHand;
      }
    });
    close.addEventListener('click', () => dialog.close());
    // Escape closes the dialog from inside the preview too (same site), unless the embed used it
    // (to close a place's popup).
    preview.addEventListener('load', () => {
      try {
        preview.contentWindow?.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !e.defaultPrevented) dialog.close(); });
      } catch { /* another origin: Escape works once the focus is back in the dialog */ }
    });
    dialog.replaceChildren(
      el('div', { class: 'dialog-head' }, el('h2', { id: 'embed-dialog-title' }, t.embedTitle), close),
      el('div', { class: 'dialog-body' },
        el('form', { class: 'embed-form', method: 'dialog' },
          field(t.embedTitleField, titleIn), field(t.embedSourceField, sourceIn),
          el('div', { class: 'field' }, field(t.embedOriginField, originIn), originNote),
          el('div', { class: 'field-row' }, field(t.language, langSel), field(t.theme, themeSel)),
          el('fieldset', {}, el('legend', {}, t.controls), ...controlBoxes),
          el('label', { class: 'check' }, staticBox, ` ${t.staticPicture}`),
          el('label', { class: 'check' }, viewBox, ` ${t.useCurrentView}`),
          el('label', { class: 'check' }, loaderBox, ` ${t.includeLoader}`),
          pictureRow,
          code, el('div', { class: 'copy-row' }, copyBtn, copied),
          el('p', { class: 'hint' }, t.embedHint)),
        el('div', { class: 'preview-wrap' }, el('p', { class: 'preview-label' }, t.embedPreview), preview)),
    );
    dialog.querySelector('form')!.addEventListener('input', update);
    dialog.querySelector('form')!.addEventListener('change', update);
    update();
    preview.src = embedUrl(base, choice());
    dialog.showModal();
    titleIn.focus();
    fallback ??= fetchParsed(new URL('fallback/fallback.json', base).href, 'fallback/fallback.json', parseFallback).then((r) => (r.ok ? r.value : null));
    void fallback.then((f) => { if (dialog.open && f) { pictures = f; writeCode(choice()); } });
  };
  opener.addEventListener('click', open);
  dialog.addEventListener('close', () => { dialog.replaceChildren(); id = `frontlines-${Math.random().toString(36).slice(2, 8)}`; opener.focus(); });
}
