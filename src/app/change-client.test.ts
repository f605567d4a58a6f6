import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangeClient } from './change-client.ts';
import { computeChange } from '../analysis/change.ts';
import type { ChangeReply, ChangeRequest } from './change-worker.ts';
import { loadSnapshotFixture } from '../../tests/fixtures/load.ts';

const before = loadSnapshotFixture('change-before.geojson');
const after = loadSnapshotFixture('change-after.geojson');
const expected = computeChange(before, after);

interface Fake { terminated: boolean; reply(data: ChangeReply): void; fail(message: string): void }

/** A stand-in for the browser's Worker: `behave` decides what happens to each message. */
function fakeWorker(behave: (w: Fake, req: ChangeRequest) => void, opts: { throwOnCreate?: boolean } = {}): Fake[] {
  const made: Fake[] = [];
  class FakeWorker {
    onmessage: ((e: { data: ChangeReply }) => void) | null = null;
    onerror: ((e: { message: string; preventDefault: () => void }) => void) | null = null;
    terminated = false;
    constructor() {
      if (opts.throwOnCreate) throw new DOMException('blocked', 'SecurityError');
      made.push(this);
    }
    postMessage(req: ChangeRequest) { setTimeout(() => behave(this, req), 0); }
    terminate() { this.terminated = true; }
    reply(data: ChangeReply) { if (!this.terminated) this.onmessage?.({ data }); }
    fail(message: string) { if (!this.terminated) this.onerror?.({ message, preventDefault: () => {} }); }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return made;
}

afterEach(() => { vi.unstubAllGlobals(); });

describe('ChangeClient', () => {
  it('computes on the main thread when there is no Worker, with the same result', async () => {
    expect(typeof Worker).toBe('undefined'); // Node, as in a very old or locked-down browser
    expect(await new ChangeClient().compute(before, after)).toEqual(expected);
  });

  it('uses the worker while it answers', async () => {
    const made = fakeWorker((w, req) => w.reply({ id: req.id, result: computeChange(req.before, req.after) }));
    const client = new ChangeClient();
    expect(await client.compute(before, after)).toEqual(expected);
    expect(await client.compute(after, before)).toEqual(computeChange(after, before));
    expect(made).toHaveLength(1);
  });

  it('falls back to the main thread when the Worker constructor throws (a sandboxed frame)', async () => {
    fakeWorker(() => {}, { throwOnCreate: true });
    expect(await new ChangeClient().compute(before, after)).toEqual(expected);
  });

  it('falls back to the main thread, and stays there, when the worker fails before its first reply (blocked by a CSP)', async () => {
    const made = fakeWorker((w) => w.fail('script blocked'));
    const client = new ChangeClient();
    expect(await client.compute(before, after)).toEqual(expected);
    expect(await client.compute(before, after)).toEqual(expected);
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(true);
  });

  it('rejects, without falling back, when a worker that has answered fails later', async () => {
    let n = 0;
    fakeWorker((w, req) => (n++ === 0 ? w.reply({ id: req.id, result: expected }) : w.fail('out of memory')));
    const client = new ChangeClient();
    await client.compute(before, after);
    await expect(client.compute(before, after)).rejects.toThrow('the change worker failed: out of memory');
  });

  it('rejects with the reason when aborted', async () => {
    const abort = new AbortController();
    const p = new ChangeClient().compute(before, after, abort.signal);
    abort.abort(new Error('the reader chose another date'));
    await expect(p).rejects.toThrow('the reader chose another date');
  });
});
