/**
 * The in-page file check, pure and ready to run in a worker: a dropped or chosen file (a Blob) in,
 * a Result out, taken as data:add takes a file (drawn-file.ts: a single Feature or bare geometry
 * wrapped, projected or swapped files refused, features naming no side given the chosen one), with
 * the same validation and messages. The size limit is checked before the file is read, so an
 * oversized file costs nothing. snapshot-check.worker.ts runs it off the main thread; snapshot-check-client.ts starts
 * that worker and can cancel it.
 */
import type { Snapshot } from './contract.ts';
import { fail, type Result } from './result.ts';
import { decodeUtf8 } from './text.ts';
import { checkDrawnText, type DrawnOptions } from './drawn-file.ts';
import { snapshotSizeProblem } from './validate.ts';

/** What can cross to a worker: the options without the overlap cache. */
export interface CheckOptions extends Omit<DrawnOptions, 'cache'> {
  /** Largest file, in bytes (validate.ts DEFAULT_MAX_SNAPSHOT_BYTES). */
  maxSnapshotBytes?: number;
}

/**
 * Checks a snapshot file as the page receives it. Never throws on bad content.
 * @example await checkSnapshotBlob(file, file.name)
 */
export async function checkSnapshotBlob(blob: Blob, file: string, options: CheckOptions = {}): Promise<Result<Snapshot>> {
  const tooBig = snapshotSizeProblem(file, blob.size, options.maxSnapshotBytes);
  if (tooBig) return fail(tooBig);
  let text: string;
  try {
    text = decodeUtf8(new Uint8Array(await blob.arrayBuffer()));
  } catch (err) {
    return fail({ file, message: `could not be read (${err instanceof Error ? err.message : String(err)})` });
  }
  const { maxSnapshotBytes: _max, ...drawn } = options;
  return checkDrawnText(text, file, drawn);
}

/** A message to the worker: one check. */
export interface CheckRequest { id: number; file: string; blob: Blob; options?: CheckOptions }
/** The worker's answer; `internalError` (a bug) instead of a result when the check threw. */
export type CheckResponse = { id: number; result: Result<Snapshot> } | { id: number; internalError: string };

/** What the worker does with each message. */
export async function handleCheckRequest(req: CheckRequest): Promise<CheckResponse> {
  try {
    return { id: req.id, result: await checkSnapshotBlob(req.blob, req.file, req.options) };
  } catch (err) {
    return { id: req.id, internalError: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
}
