/** What a layout test asks of a page: whether anything in its panels sticks out or is cut off. */
import type { Page } from 'playwright-core';

/**
 * Everything in the header, the side panel and the summary that sticks out of its box or is cut
 * off: the page scrolling sideways, an element outside its panel, text wider than the element
 * that clips it. Inside a box that scrolls on its own (role=region, labelled, focusable) content
 * may be wider than the box: the box itself must be inside the panel.
 */
export function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`the page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.classList.length ? `.${[...e.classList].join('.')}` : ''} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
    for (const box of document.querySelectorAll<HTMLElement>('.app-header, aside.panel, #summary')) {
      const b = box.getBoundingClientRect();
      const left = b.left + box.clientLeft - 0.5, right = b.left + box.clientLeft + box.clientWidth + 0.5;
      for (const e of box.querySelectorAll<HTMLElement | SVGElement>('*')) {
        const r = e.getBoundingClientRect();
        if (!r.width || !r.height || e.closest('.visually-hidden')) continue;
        const region = e.parentElement?.closest('[role="region"]');
        if (region && box.contains(region) && region !== box) continue; // scrolls with its box
        if (r.left < left || r.right > right) out.push(`${name(e)} is outside its panel: ${r.left.toFixed(0)}–${r.right.toFixed(0)}, panel ${left.toFixed(0)}–${right.toFixed(0)}`);
        if (!(e instanceof HTMLElement)) continue;
        const style = getComputedStyle(e);
        if (e.getAttribute('role') === 'region' && e !== box) {
          if (!(e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'))) out.push(`${name(e)} scrolls but has no label`);
          if (e.tabIndex !== 0) out.push(`${name(e)} scrolls but cannot be focused`);
          if (!['auto', 'scroll'].includes(style.overflowX)) out.push(`${name(e)} is a region that does not scroll`);
          continue;
        }
        // Cut off: wider content than the element shows, where it does not show the rest.
        const clips = style.overflowX !== 'visible' || e.tagName === 'TD' || e.tagName === 'TH';
        if (clips && e.scrollWidth > e.clientWidth + 1 && !['SELECT', 'INPUT'].includes(e.tagName)) out.push(`${name(e)} is cut off: ${e.scrollWidth} > ${e.clientWidth}`);
      }
    }
    return out;
  });
}
