/**
 * The optional host-side loader (dist/embed-loader.js): a host page includes it once to give every
 * Frontlines iframe (those with a `data-frontlines` attribute) the height the embed reports.
 * Frames are matched by `event.source`, so a message can only ever resize the frame that sent it,
 * and each frame resizes at most once per 100 ms, to a height between 100 and 4,000 px
 * (resize-limit.ts).
 */
import { heightFromMessage } from './protocol.ts';
import { limitResize } from './resize-limit.ts';

const flag = '__frontlinesLoader';
const w = window as unknown as Record<string, unknown>;
if (!w[flag]) {
  w[flag] = true;
  const limits = new WeakMap<HTMLIFrameElement, (h: number) => void>();
  window.addEventListener('message', (e: MessageEvent) => {
    const h = heightFromMessage(e.data);
    if (h === null || e.source === null) return;
    for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[data-frontlines]')) {
      if (frame.contentWindow === e.source) {
        let offer = limits.get(frame);
        if (!offer) limits.set(frame, (offer = limitResize((px) => { frame.style.height = `${px}px`; })));
        offer(h);
        return;
      }
    }
  });
}
