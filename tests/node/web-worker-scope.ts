/**
 * Runs a web worker module (one that sets `onmessage` and calls `postMessage` on its global scope)
 * in a Node worker thread, for unit tests of worker code in Node: the module is loaded first, then
 * messages are handed to its `onmessage` (a thread's port holds them until a listener is attached).
 * Started through web-worker-bootstrap.mjs: `new Worker(bootstrapUrl, { workerData: { entry: moduleUrl } })`.
 */
import { parentPort, workerData } from 'node:worker_threads';

const scope = globalThis as unknown as { onmessage: ((e: { data: unknown }) => void) | null; postMessage: (m: unknown) => void };
scope.postMessage = (m) => parentPort!.postMessage(m);
await import((workerData as { entry: string }).entry);
parentPort!.on('message', (data: unknown) => scope.onmessage?.({ data }));
