/**
 * The embed (embed.html): the same app in an article's iframe. Reads its flags, sizes its iframe
 * through the host's resize messages, and speaks a small versioned postMessage API (src/embed/).
 */
import './style.css';
import './events.css';
import './embed.css';
import { reportBug, startApp, type AppHandle } from './app.ts';
import { CONTROLS, parseEmbedFlags } from '../embed/flags.ts';
import { embedEvent, heightMessages, parseHostCommand, type SizeMessage } from '../embed/protocol.ts';
import { limitResize } from '../embed/resize-limit.ts';
import { langFromBrowser, isLang } from '../i18n/lang.ts';
import { STRINGS } from '../ui/strings.ts';

const { flags, notices } = parseEmbedFlags(location.search);
const urlLang = new URLSearchParams(location.search).get('lang');
const t = STRINGS[isLang(urlLang) ? urlLang : langFromBrowser(navigator.languages)];

const dark = flags.theme === 'dark' || (flags.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
document.documentElement.dataset.theme = dark ? 'dark' : 'light';
if (flags.isStatic) document.body.classList.add('is-static');
for (const control of CONTROLS) {
  if (!flags.controls.has(control)) document.getElementById(control)?.remove();
}
if (!flags.events) document.getElementById('events')?.remove();
const titleEl = document.getElementById('title')!;
if (flags.title) Object.assign(titleEl, { textContent: flags.title, hidden: false }).dataset.fixed = '1';
const sourceEl = document.getElementById('source-line')!;
if (flags.source) Object.assign(sourceEl, { textContent: `${t.sourceLabel}: ${flags.source}`, hidden: false });
// The link out opens the explorer on the same date and place.
const link = document.getElementById('explorer-link') as HTMLAnchorElement;
link.href = `./${location.search}`;

const inFrame = window.parent !== window;
const target = flags.hostOrigin ?? '*';
const post = (m: SizeMessage | Record<string, unknown>) => { if (inFrame) window.parent.postMessage(m, target); };

// Height: on load and on every change of size, at most once per 100 ms (the loader limits too).
let lastHeight = 0;
const sendLimited = limitResize((h) => { for (const m of heightMessages(flags.id, h, location.href)) post(m); });
// The body, not <html>: <html> is as tall as the frame, the body as tall as its content.
const sendHeight = () => {
  const h = Math.ceil(document.body.getBoundingClientRect().height);
  if (h === lastHeight) return;
  lastHeight = h;
  sendLimited(h);
};
new ResizeObserver(sendHeight).observe(document.body);
sendHeight();

let app: AppHandle | null = null;
let ready = false;
window.addEventListener('message', (e) => {
  if (!inFrame || e.source !== window.parent) return;
  if (flags.hostOrigin && e.origin !== flags.hostOrigin) return;
  const cmd = parseHostCommand(e.data);
  if (!cmd || !app) return;
  if (cmd.action === 'set-date') app.setDate(cmd.date);
  else app.setPlace(cmd.place);
});

startApp({
  urlState: false,
  interactive: !flags.isStatic,
  cooperativeGestures: true,
  view: flags.view,
  theme: dark ? 'dark' : 'light',
  notices: notices.map((n) => t.noticeFlag(n.flag, n.value)),
  onDrawn: (dateIso) => {
    post(embedEvent(ready ? 'date' : 'ready', dateIso));
    ready = true;
    sendHeight();
  },
}).then((handle) => { app = handle; }, reportBug);
