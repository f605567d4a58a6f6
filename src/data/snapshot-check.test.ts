import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import type { Position } from 'geojson';
import { checkSnapshotBlob } from './snapshot-check.ts';
import { checkSnapshotInWorker, type WorkerLike } from './snapshot-check-client.ts';
import { formatProblem, type Result } from './result.ts';

const F = 'dropped.geojson';
const lines = (r: Result<unknown>) => (r.ok ? [] : r.problems.map(formatProblem));
const ring = (n: number): Position[] => {
  const pts = Array.from({ length: n }, (_, i) => { const t = (2 * Math.PI * i) / n; return [39 + 0.5 * Math.cos(t), 35 + 0.5 * Math.sin(t)]; });
  return [...pts, pts[0]!];
};
const snapshot = (rings: Position[][]) => JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { faction: 'islamic-state' }, geometry: { type: 'Polygon', coordinates: rings } }] });

/** A real worker thread running snapshot-check.worker.ts, wrapped to look like a web Worker. */
function nodeWorker(started: Worker[] = []): () => WorkerLike {
  return () => {
    const w = new Worker(new URL('../../tests/node/web-worker-bootstrap.mjs', import.meta.url), {
      workerData: { entry: new URL('./snapshot-check.worker.ts', import.meta.url).href },
    });
    started.push(w);
    const like: WorkerLike = { postMessage: (m) => w.postMessage(m), terminate: () => void w.terminate(), onmessage: null, onerror: null };
    w.on('message', (data) => like.onmessage?.({ data }));
    w.on('error', (e) => like.onerror?.({ message: e.message }));
    return like;
  };
}

describe('checkSnapshotBlob (the pure check)', () => {
  it('gives data:check\'s messages, and reads a byte-order mark as browsers do', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const good = new Blob([bom, snapshot([ring(8)])]);
    expect(lines(await checkSnapshotBlob(good, F))).toEqual([]);
    const bowTie = new Blob([snapshot([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]])]);
    expect(lines(await checkSnapshotBlob(bowTie, F))).toEqual([`${F}: feature 0: polygon ring 0 crosses itself at [1, 1]`]);
    expect(lines(await checkSnapshotBlob(new Blob(['{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"faction": "syrian-kurds"}, "geometry": {"type": "MultiPolygon", "coordinates": []}}]}']), F)))
      .toEqual([`${F}: feature 0: MultiPolygon coordinates must be a non-empty array of polygons`]);
  });

  it('refuses an oversized file before reading it', async () => {
    // A Blob whose content would throw if read: only its size may be looked at.
    const huge = { size: 3_000_000, arrayBuffer: () => { throw new Error('read'); } } as unknown as Blob;
    expect(lines(await checkSnapshotBlob(huge, F))).toEqual([`${F}: is 3,000,000 bytes; a snapshot may be at most 2,000,000 (simplify its polygons); its content was not checked`]);
  });
});

describe('checkSnapshotInWorker (a real worker thread)', () => {
  it('checks a file in the worker and ends the worker', async () => {
    const started: Worker[] = [];
    const r = await checkSnapshotInWorker(new Blob([snapshot([ring(1000)])]), F, { createWorker: nodeWorker(started) });
    expect(lines(r)).toEqual([]);
    expect(r.ok && r.value.features).toHaveLength(1);
    expect(started).toHaveLength(1);
    expect(await new Promise((ok) => started[0]!.once('exit', ok).ref())).toBeDefined();
  }, 30_000);

  it('cancels a long check at once: the promise rejects with the reason and the thread exits', async () => {
    const started: Worker[] = [];
    // 100 features of 20,000 vertices: many seconds of work in the worker, which we stop after 1.5 s.
    const feature = JSON.stringify(JSON.parse(snapshot([ring(20_000)])).features[0]);
    const big = `{"type": "FeatureCollection", "features": [${new Array(100).fill(feature).join(',')}]}`;
    const controller = new AbortController();
    const checking = checkSnapshotInWorker(new Blob([big]), F, { createWorker: nodeWorker(started), maxSnapshotBytes: 1e9, signal: controller.signal });
    let settled = false;
    void checking.then(() => (settled = true), () => (settled = true));
    await new Promise((ok) => setTimeout(ok, 1500));
    expect(settled).toBe(false);
    const exited = new Promise<number>((ok) => started[0]!.once('exit', ok));
    const t0 = performance.now();
    controller.abort(new Error('a new file was dropped'));
    await expect(checking).rejects.toThrow('a new file was dropped');
    await exited;
    // Terminated mid-check, not finished: the whole check takes many seconds.
    expect(performance.now() - t0).toBeLessThan(3000);
  }, 30_000);

  it('rejects at once for a signal already aborted, and resolves a problem when the worker cannot start', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(checkSnapshotInWorker(new Blob(['{}']), F, { signal: controller.signal, createWorker: () => { throw new Error('not called'); } })).rejects.toThrow('stop');
    const blocked = await checkSnapshotInWorker(new Blob(['{}']), F, { createWorker: () => { throw new Error('Refused by Content-Security-Policy'); } });
    expect(lines(blocked)).toEqual([`${F}: could not be checked: the checker did not start (Refused by Content-Security-Policy)`]);
  });
});
