/**
 * Marks on the date slider, one per event, under the track where the event falls between the
 * snapshots around it (src/analysis/event-periods.ts `markPosition`). They are a picture only
 * (aria-hidden): the slider's description and the list below the map say the same in words.
 * The marks of the shown date's period stand out.
 */
import { el } from './dom.ts';

export interface EventMark {
  id: string;
  /** 0 (first snapshot) to 1 (last). */
  position: number;
  /** The snapshot index whose period holds the event. */
  period: number;
  /** A claim (claimed or disproved) is drawn open, a confirmed event filled. */
  claim: boolean;
}

/** Draws the marks into the slider's track (once); returns how to show the period of a snapshot. */
export function drawEventMarks(track: HTMLElement, marks: readonly EventMark[]): (period: number) => void {
  const row = el('div', { class: 'timeline-events', 'aria-hidden': 'true' });
  const spans = marks.map((m) => {
    const s = el('span', { class: m.claim ? 'timeline-event is-claim' : 'timeline-event', 'data-event-id': m.id });
    s.style.left = `${(m.position * 100).toFixed(3)}%`;
    row.append(s);
    return s;
  });
  track.querySelector('.timeline-events')?.remove();
  track.append(row);
  track.classList.add('has-events');
  return (period) => marks.forEach((m, i) => spans[i]!.classList.toggle('is-current', m.period === period));
}
