/** The Data control as the first view has it: a closed disclosure; data-panel.ts fills it once opened. */
import { el } from './dom.ts';

export function dataShell(container: HTMLElement): { details: HTMLDetailsElement; summary: HTMLElement } {
  const summary = el('summary', {});
  const details = el('details', { class: 'data-downloads' }, summary);
  container.replaceChildren(details);
  return { details, summary };
}
