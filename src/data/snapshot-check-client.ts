/**
 * Runs the in-page file check (snapshot-check.ts) in a worker, so a big file never freezes the
 * page, and stops it on request: aborting the signal terminates the worker at once, even in the
 * middle of a long check, and rejects with the signal's reason (as fetch does). Expected failures,
 * including a worker that cannot start (a Content-Security-Policy without worker-src 'self', say),
 * resolve as a Result with a problem naming the file, so the page always has something to show.
 */
import type { Snapshot } from './contract.ts';
import type { CheckOptions, CheckRequest, CheckResponse } from './snapshot-check.ts';
import { fail, type Result } from './result.ts';

/** The part of a Worker used here, so tests can pass a Node worker thread wrapped to look like one. */
export interface WorkerLike {
  postMessage(message: CheckRequest): void;
  terminate(): void;
  onmessage: ((e: { data: CheckResponse }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

export interface WorkerCheckOptions extends CheckOptions {
  signal?: AbortSignal;
  /** Starts a worker running snapshot-check.worker.ts. Default: a module Worker from this folder. */
  createWorker?: () => WorkerLike;
}

const defaultWorker = (): WorkerLike => new Worker(new URL('./snapshot-check.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
let nextId = 1;

/**
 * Checks a dropped or chosen file in a worker of its own, which ends with the check.
 * @example const r = await checkSnapshotInWorker(file, file.name, { signal: controller.signal })
 */
export function checkSnapshotInWorker(blob: Blob, file: string, options: WorkerCheckOptions = {}): Promise<Result<Snapshot>> {
  const { signal, createWorker = defaultWorker, ...checkOptions } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    let worker: WorkerLike;
    const done = () => { signal?.removeEventListener('abort', onAbort); worker?.terminate(); };
    const onAbort = () => { done(); reject(signal!.reason); };
    try {
      worker = createWorker();
    } catch (err) {
      resolve(fail({ file, message: `could not be checked: the checker did not start (${err instanceof Error ? err.message : String(err)})` }));
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    const id = nextId++;
    worker.onmessage = (e) => {
      if (e.data.id !== id) return;
      done();
      if ('result' in e.data) resolve(e.data.result);
      else reject(new Error(`the file check failed (a bug in Frontlines): ${e.data.internalError}`));
    };
    worker.onerror = (e) => {
      done();
      resolve(fail({ file, message: `could not be checked: the checker stopped (${e.message ?? 'no reason given'})` }));
    };
    worker.postMessage({ id, file, blob, options: checkOptions });
  });
}
