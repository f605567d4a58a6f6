/**
 * Module Web Worker behind ChangeClient (change-client.ts): computes what changed between two
 * snapshots off the main thread. Receives `{ id, before, after }`, replies `{ id, result }` or, if
 * the computation throws, `{ id, error }` with the message.
 */
import { computeChange, type ChangeResult } from '../analysis/change.ts';
import type { Snapshot } from '../data/contract.ts';

export interface ChangeRequest { id: number; before: Snapshot; after: Snapshot }
export type ChangeReply = { id: number; result: ChangeResult } | { id: number; error: string };

// The project's TypeScript lib is the DOM's, not WebWorker's; this is the part of the scope used.
const scope = self as unknown as { onmessage: ((event: MessageEvent<ChangeRequest>) => void) | null; postMessage(reply: ChangeReply): void };

scope.onmessage = ({ data: { id, before, after } }) => {
  let reply: ChangeReply;
  try {
    reply = { id, result: computeChange(before, after) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply);
};
