import { describe, expect, it } from 'vitest';
import { embedEvent, heightFromMessage, heightMessages, parseHostCommand } from './protocol.ts';

describe('heightMessages', () => {
  it('speaks Datawrapper, pym.js, AMP and iframe.resize', () => {
    expect(heightMessages('map-1', 412.3, 'https://maps.example/embed.html')).toEqual([
      { 'datawrapper-height': { 'map-1': 413 } },
      'pymxPYMxmap-1xPYMxheightxPYMx413',
      { sentinel: 'amp', type: 'embed-size', height: 413 },
      { context: 'iframe.resize', height: 413, src: 'https://maps.example/embed.html' },
    ]);
  });
  it('every message reads back as the same height', () => {
    for (const m of heightMessages('x', 500, 's')) expect(heightFromMessage(m)).toBe(500);
  });
});

describe('heightFromMessage', () => {
  it('ignores everything else', () => {
    for (const m of [null, 3, 'hello', 'pymxPYMxaxPYMxwidthxPYMx3', { height: 3 }, { sentinel: 'amp', type: 'embed-ready' }, { context: 'iframe.resize', height: -1 }, { 'datawrapper-height': { a: 1, b: 2 } }]) {
      expect(heightFromMessage(m)).toBeNull();
    }
  });
});

describe('parseHostCommand', () => {
  it('accepts our versioned commands', () => {
    expect(parseHostCommand({ frontlines: 1, action: 'set-date', date: '2016-01-01' })).toEqual({ action: 'set-date', date: '2016-01-01' });
    expect(parseHostCommand({ frontlines: 1, action: 'set-place', place: 'mosul' })).toEqual({ action: 'set-place', place: 'mosul' });
    expect(parseHostCommand({ frontlines: 1, action: 'set-place', place: null })).toEqual({ action: 'set-place', place: null });
  });
  it('ignores unknown shapes and versions', () => {
    for (const m of [null, 'set-date', { action: 'set-date', date: '2016-01-01' }, { frontlines: 2, action: 'set-date', date: '2016-01-01' }, { frontlines: 1, action: 'eval', code: '1' }, { frontlines: 1, action: 'set-date', date: 20160101 }]) {
      expect(parseHostCommand(m)).toBeNull();
    }
  });
  it('builds events', () => {
    expect(embedEvent('ready', '2017-07-15')).toEqual({ frontlines: 1, event: 'ready', date: '2017-07-15' });
  });
});
