/**
 * Computes what changed between two snapshots (analysis/change.ts) in a module Web Worker, so that
 * the page stays responsive. Replies are matched to calls by id. Aborting a call the worker is busy
 * with restarts the worker, so stale work never delays the next call.
 *
 * Falls back to the main thread, in steps that give the event loop a turn between polygon overlays,
 * only when there is no worker to be had: `Worker` is missing, its constructor throws (e.g. a
 * sandboxed frame), or the worker reports an error before its first reply (its script was blocked
 * by a CSP or failed to load). The client then stays on the main thread.
 */
import type { ChangeResult } from '../analysis/change.ts';
import type { Snapshot } from '../data/contract.ts';
import type { ChangeReply, ChangeRequest } from './change-worker.ts';

interface Job extends ChangeRequest { resolve: (result: ChangeResult) => void; reject: (reason: unknown) => void }

export class ChangeClient {
  #worker: Worker | null = null;
  /** True once a worker has replied: later worker errors are failures, not a failure to start. */
  #workerWorks = false;
  #mainThread = typeof Worker === 'undefined';
  #nextId = 1;
  readonly #jobs = new Map<number, Job>();

  /** What changed from `before` to `after`; rejects with the signal's reason on abort. */
  compute(before: Snapshot, after: Snapshot, signal?: AbortSignal): Promise<ChangeResult> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<ChangeResult>((resolve, reject) => {
      const id = this.#nextId++;
      const onAbort = () => {
        this.#cancel(id);
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      const job: Job = { id, before, after, resolve: (r) => { done(); resolve(r); }, reject: (e) => { done(); reject(e); } };
      this.#jobs.set(id, job);
      this.#start(job);
    });
  }

  /** Stops the worker; pending calls reject. */
  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const job of this.#jobs.values()) job.reject(new Error('ChangeClient was terminated'));
    this.#jobs.clear();
  }

  #start(job: Job): void {
    const worker = this.#mainThread ? null : this.#worker ?? this.#spawn();
    if (!worker) void this.#runHere(job);
    else worker.postMessage({ id: job.id, before: job.before, after: job.after } satisfies ChangeRequest);
  }

  #spawn(): Worker | null {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./change-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      this.#mainThread = true;
      return null;
    }
    worker.onmessage = ({ data }: MessageEvent<ChangeReply>) => {
      this.#workerWorks = true;
      const job = this.#jobs.get(data.id);
      if (!job) return;
      this.#jobs.delete(data.id);
      if ('result' in data) job.resolve(data.result);
      else job.reject(new Error(data.error));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      this.#worker = null;
      if (!this.#workerWorks) {
        this.#mainThread = true;
        for (const j of this.#jobs.values()) void this.#runHere(j);
        return;
      }
      for (const j of this.#jobs.values()) j.reject(new Error(`the change worker failed: ${event.message || 'unknown error'}`));
      this.#jobs.clear();
    };
    return (this.#worker = worker);
  }

  /** Drops a call; if the worker has work, it is replaced and given the calls still wanted. */
  #cancel(id: number): void {
    if (!this.#jobs.delete(id) || !this.#worker) return;
    this.#worker.terminate();
    this.#worker = null;
    for (const job of this.#jobs.values()) this.#start(job);
  }

  async #runHere(job: Job): Promise<void> {
    try {
      // The overlays' code loads only when there is no worker to run them.
      const { changeSteps } = await import('../analysis/change.ts');
      const steps = changeSteps(job.before, job.after);
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (!this.#jobs.has(job.id)) return;
        const next = steps.next();
        if (next.done) {
          this.#jobs.delete(job.id);
          job.resolve(next.value);
          return;
        }
      }
    } catch (err) {
      this.#jobs.delete(job.id);
      job.reject(err);
    }
  }
}

const abortReason = (signal: AbortSignal): unknown => signal.reason ?? new DOMException('The computation was aborted', 'AbortError');
