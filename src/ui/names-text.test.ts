import { describe, expect, it } from 'vitest';
import type { Claim } from '../analysis/claims.ts';
import type { Place } from '../data/contract.ts';
import type { PocketName } from '../data/story.ts';
import { claimText, placeName, pocketList } from './names-text.ts';

const enclave: PocketName = { en: 'the X enclave', nl: 'de enclave in X', after: new Map() };
const siege: PocketName = { en: 'the siege line around the X enclave', nl: 'de belegeringslinie rond de enclave in X', after: new Map([['enclave', { en: 'its siege line', nl: 'de belegeringslinie eromheen' }]]) };
const airport: PocketName = { en: 'the airport', nl: 'het vliegveld', after: new Map() };
const pockets = new Map([['enclave', enclave], ['siege', siege], ['airport', airport]]);
const town: Place = { type: 'Feature', geometry: { type: 'Point', coordinates: [40, 35] }, properties: { id: 'town', name_en: 'Mayadeen', name_nl: 'Mayadin', name_ar: 'الميادين', rank: 2 } };

describe('pocketList', () => {
  it('joins pockets so that no name is said twice, the one another is worded after first', () => {
    expect(pocketList(['enclave', 'siege'], pockets, 'en')).toBe('the X enclave and its siege line');
    expect(pocketList(['siege', 'enclave'], pockets, 'en')).toBe('the X enclave and its siege line');
    expect(pocketList(['siege', 'airport', 'enclave', 'siege'], pockets, 'nl')).toBe('het vliegveld, de enclave in X en de belegeringslinie eromheen');
    // Right after the pocket it is worded after, so that "its" is that pocket's.
    expect(pocketList(['enclave', 'airport', 'siege'], pockets, 'en')).toBe('the X enclave, its siege line and the airport');
    // Alone, a pocket has its full name.
    expect(pocketList(['siege'], pockets, 'en')).toBe('the siege line around the X enclave');
    expect(pocketList(['west-pocket'], undefined, 'en')).toBe('west pocket');
  });
  it('says each name once even when two pockets are worded after each other', () => {
    const a: PocketName = { en: 'A', nl: 'A', after: new Map([['b', { en: 'a after b', nl: 'a na b' }]]) };
    const b: PocketName = { en: 'B', nl: 'B', after: new Map([['a', { en: 'b after a', nl: 'b na a' }]]) };
    expect(pocketList(['a', 'b'], new Map([['a', a], ['b', b]]), 'en')).toBe('A and b after a');
  });
});

describe('claimText and placeName', () => {
  it('fills in the claim\'s place in the reader\'s language', () => {
    const c: Claim = { id: 'c', kind: 'holder', place: 'town', article: 'a', text: { en: 'IS holds {place}.', nl: 'IS heeft {place} in handen.' } };
    expect(claimText(c, [town], 'en')).toBe('IS holds Mayadeen.');
    expect(claimText(c, [town], 'nl')).toBe('IS heeft Mayadin in handen.');
    expect(placeName('deir-ez-zor', [town], 'en')).toBe('Deir Ez Zor');
  });
});
