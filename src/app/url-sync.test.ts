import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { urlWriter } from './url-sync.ts';

/** A window with only what the writer uses: location.href and history.replaceState. */
function fakeWindow(href: string, replace?: () => void) {
  const calls: string[] = [];
  const w = {
    location: { href },
    history: {
      state: null,
      replaceState: vi.fn((_s: unknown, _t: string, url: string) => {
        replace?.();
        calls.push(url);
        w.location.href = new URL(url, w.location.href).href;
      }),
    },
  };
  vi.stubGlobal('window', w);
  return { w, calls };
}

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

describe('urlWriter', () => {
  it('writes at most once per interval, the latest state, keeping the path and the hash', () => {
    const { calls } = fakeWindow('https://x.test/map/?date=2015-01-01#6/35/40');
    const write = urlWriter(250);
    write('?date=2016-01-01');
    write('?date=2017-01-01');
    vi.advanceTimersByTime(249);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['/map/?date=2017-01-01#6/35/40']);
    write('?date=2018-01-01');
    vi.advanceTimersByTime(250);
    expect(calls).toEqual(['/map/?date=2017-01-01#6/35/40', '/map/?date=2018-01-01#6/35/40']);
  });

  it('leaves the URL alone when it already says the same', () => {
    const { calls } = fakeWindow('https://x.test/?date=2015-01-01');
    const write = urlWriter(250);
    write('?date=2015-01-01');
    vi.advanceTimersByTime(300);
    expect(calls).toEqual([]);
  });

  it('goes on when a frame refuses replaceState', () => {
    fakeWindow('https://x.test/', () => { throw new DOMException('refused', 'SecurityError'); });
    const write = urlWriter(250);
    write('?date=2015-01-01');
    expect(() => vi.advanceTimersByTime(300)).not.toThrow();
    write('?date=2016-01-01');
    expect(() => vi.advanceTimersByTime(300)).not.toThrow();
  });
});
