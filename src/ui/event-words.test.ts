import { describe, expect, it } from 'vitest';
import { parseEvents, type StoryEvent } from '../data/events.ts';
import { eventDateText, settledText, spokenEvent, spokenForDate } from './event-words.ts';

const parsed = parseEvents({ events: [
  { id: 'fact', date: '2024-02-10', title: { en: 'Bridge taken', nl: 'Brug ingenomen' }, status: 'confirmed', sources: ['s'] },
  { id: 'count', date: '2023-10', title: { en: 'Army says 900 killed', nl: 'Leger: 900 doden' }, status: 'claimed', sources: ['s'] },
  { id: 'rumour', date: '2024-01-05', title: { en: 'Leader said to be dead', nl: 'Leider zou dood zijn' }, status: 'disproved', settled: { date: '2024-03-02', source: 'Agency, 2 March 2024' }, sources: ['s'] },
] }, 'data/events.json');
const [count, rumour, fact] = (parsed as { ok: true; value: StoryEvent[] }).value;

describe('the words of events', () => {
  it('a month-only date reads as a month', () => {
    expect(eventDateText(count!.date, 'en')).toBe('October 2023');
    expect(eventDateText(count!.date, 'nl')).toBe('oktober 2023');
    expect(eventDateText(fact!.date, 'nl')).toBe('10 februari 2024');
  });
  it('a claim is always called one when spoken; a disproved claim says when it was disproved', () => {
    expect(spokenEvent(count!, 'en')).toBe('Claim: October 2023, Army says 900 killed');
    expect(spokenEvent(count!, 'nl')).toBe('Bewering: oktober 2023, Leger: 900 doden');
    expect(spokenEvent(rumour!, 'en')).toBe('Disproved claim: 5 January 2024, Leader said to be dead, disproved on 2 March 2024');
    expect(spokenEvent(rumour!, 'nl')).toBe('Weerlegde bewering: 5 januari 2024, Leider zou dood zijn, weerlegd op 2 maart 2024');
    expect(spokenEvent(fact!, 'en')).toBe('10 February 2024, Bridge taken');
    expect(settledText(rumour!, 'en')).toBe('Disproved on 2 March 2024: Agency, 2 March 2024');
    expect(settledText(fact!, 'en')).toBeNull();
  });
  it('the live region names the date\'s events, and at the last date the later ones', () => {
    const events = [count!, rumour!, fact!];
    const dates = ['2023-11-01', '2024-02-01'];
    expect(spokenForDate(events, dates, 0, 'en')).toBe('Events: Claim: October 2023, Army says 900 killed.');
    expect(spokenForDate(events, dates, 1, 'en')).toBe('Events: Disproved claim: 5 January 2024, Leader said to be dead, disproved on 2 March 2024. After 1 February 2024: 10 February 2024, Bridge taken.');
    expect(spokenForDate(null, dates, 1, 'en')).toBe('');
    expect(spokenForDate(events, ['2023-11-01', '2023-12-01', '2024-03-01'], 1, 'nl')).toBe('');
  });
});
