import { afterEach, describe, expect, it, vi } from 'vitest';
import { SnapshotLoader } from './snapshot-loader.ts';
import type { SnapshotEntry } from '../data/contract.ts';
import { formatProblem } from '../data/result.ts';

const entry = (dateIso: string): SnapshotEntry => ({ dateIso, file: `${dateIso}.geojson`, sources: [], precision: '', article: false });
const body = (faction: string) => JSON.stringify({ type: 'FeatureCollection', features: [
  { type: 'Feature', properties: { faction }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
] });

/** A fetch whose answers the test gives, one URL at a time, in any order. */
function controlledFetch() {
  const waiting = new Map<string, (r: Response) => void>();
  const calls: string[] = [];
  const fetch = vi.fn((url: string) => {
    calls.push(url);
    return new Promise<Response>((resolve) => waiting.set(url, resolve));
  });
  const answer = async (file: string, status: number, text: string) => {
    const url = `https://x.test/data/snapshots/${file}`;
    await vi.waitFor(() => expect(waiting.has(url)).toBe(true));
    waiting.get(url)!(new Response(text, { status }));
    waiting.delete(url);
  };
  return { fetch, calls, answer };
}

afterEach(() => { vi.unstubAllGlobals(); });

describe('SnapshotLoader', () => {
  it('lets only the newest request win, whichever answer comes first', async () => {
    const f = controlledFetch();
    vi.stubGlobal('fetch', f.fetch);
    const loader = new SnapshotLoader('https://x.test/data/snapshots/');
    const first = loader.latest(entry('2015-01-01'));
    const second = loader.latest(entry('2016-01-01'));
    const ticket = loader.ticket;
    await f.answer('2016-01-01.geojson', 200, body('side-b'));
    await f.answer('2015-01-01.geojson', 200, body('side-a'));
    expect(await first).toBeNull();
    const r = await second;
    expect(r?.ok && r.value.features[0]!.properties.faction).toBe('side-b');
    expect(loader.isLatest(ticket)).toBe(true);
    void loader.latest(entry('2015-01-01')); // cached: no new request, but a newer ticket
    expect(loader.isLatest(ticket)).toBe(false);
    expect(f.calls).toHaveLength(2);
  });

  it('keeps a good snapshot and asks again after a failure, naming the file', async () => {
    const f = controlledFetch();
    vi.stubGlobal('fetch', f.fetch);
    const loader = new SnapshotLoader('https://x.test/data/snapshots/', ['side-a']);
    const bad = loader.get(entry('2015-01-01'));
    await f.answer('2015-01-01.geojson', 503, '');
    const r = await bad;
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual(['data/snapshots/2015-01-01.geojson: the server answered 503']);
    const again = loader.get(entry('2015-01-01'));
    await f.answer('2015-01-01.geojson', 200, body('side-b'));
    const wrong = await again;
    // The loader checks the features' sides against factions.json's.
    expect(wrong.ok ? [] : wrong.problems.map(formatProblem)).toEqual([
      'data/snapshots/2015-01-01.geojson: feature 0: unknown faction "side-b"; expected a faction id of factions.json (side-a)',
    ]);
    const good = loader.get(entry('2015-01-01'));
    await f.answer('2015-01-01.geojson', 200, body('side-a'));
    expect((await good).ok).toBe(true);
    expect((await loader.get(entry('2015-01-01'))).ok).toBe(true);
    expect(f.calls).toHaveLength(3);
  });

  it('turns a failed request into a problem rather than a rejection', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('network down'))));
    const r = await new SnapshotLoader('https://x.test/data/snapshots/').latest(entry('2015-01-01'));
    expect(r && !r.ok && r.problems.map(formatProblem)).toEqual(['data/snapshots/2015-01-01.geojson: the request failed (network down)']);
  });
});
