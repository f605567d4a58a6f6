/**
 * Worker entry of the in-page file check (snapshot-check.ts): answers each CheckRequest with a
 * CheckResponse. Start it with snapshot-check-client.ts, which bundlers resolve through
 * `new Worker(new URL('./snapshot-check.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { handleCheckRequest, type CheckRequest } from './snapshot-check.ts';

/** The parts of a worker's global scope used here (tsconfig's lib is the DOM's, not the worker's). */
interface WorkerScope {
  onmessage: ((e: { data: CheckRequest }) => void) | null;
  postMessage(message: unknown): void;
}
const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (e) => { void handleCheckRequest(e.data).then((r) => scope.postMessage(r)); };
