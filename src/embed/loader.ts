/**
 * The optional host-side loader (dist/embed-loader.js): a host page includes it once to give every
 * Frontlines iframe (those with a `data-frontlines` attribute) the height the embed reports.
 * Frames are matched by `event.source`, so a message can only ever resize the frame that sent it.
 */
import { heightFromMessage } from './protocol.ts';

const flag = '__frontlinesLoader';
const w = window as unknown as Record<string, unknown>;
if (!w[flag]) {
  w[flag] = true;
  window.addEventListener('message', (e: MessageEvent) => {
    const h = heightFromMessage(e.data);
    if (h === null || e.source === null) return;
    for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-frontlines]')) {
      if (frame.contentWindow === e.source) {
        frame.style.height = `${Math.ceil(h)}px`;
        return;
      }
    }
  });
}
