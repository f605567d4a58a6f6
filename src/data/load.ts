/**
 * Fetching data files as typed results: a failed request, a bad status, a stalled download or bad
 * content becomes a Problem naming the file; only the caller's abort rejects. Uses `fetch`, so it
 * runs in browsers and Node.
 */
import { parseJson } from './contract.ts';
import { fail, ok, type Result } from './result.ts';
import { decodeUtf8 } from './text.ts';

/**
 * A request is given up when no byte has arrived for this long (waiting for the answer, or between
 * two parts of it): a stalled server, not a slow line, since a download that keeps moving goes on.
 */
export const FETCH_IDLE_MS = 15_000;

/** What `fetchJson` gives, with `absentOk`, for a file the server does not have (404 or 410). */
export const ABSENT: unique symbol = Symbol('absent');

/**
 * `ready`, if given, holds back the decoding and parsing (not the download) until it settles: the
 * app starts its downloads at once but leaves the main thread free until the page's first picture
 * is on screen (app.ts).
 */
export async function fetchJson(url: string, file: string, signal?: AbortSignal, idleMs = FETCH_IDLE_MS, absentOk = false, ready?: Promise<unknown>): Promise<Result<unknown>> {
  const stall = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = () => { clearTimeout(timer); timer = setTimeout(() => stall.abort(), idleMs); };
  const stalled = () => fail({ file, message: `no data arrived for ${idleMs >= 1000 ? `${Math.round(idleMs / 1000)} s` : `${idleMs} ms`} (the server stopped answering)` });
  const both = signal ? AbortSignal.any([signal, stall.signal]) : stall.signal;
  wait();
  try {
    let res: Response;
    try {
      res = await fetch(url, { signal: both, credentials: 'same-origin' });
    } catch (err) {
      if (signal?.aborted) throw err;
      if (stall.signal.aborted) return stalled();
      return fail({ file, message: `the request failed (${err instanceof Error ? err.message : String(err)})` });
    }
    if (!res.ok) void res.body?.cancel().catch(() => {});
    if (absentOk && (res.status === 404 || res.status === 410)) return ok(ABSENT);
    if (!res.ok) { return fail({ file, message: `the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` }); }
    let bytes: Uint8Array;
    try {
      bytes = await readAll(res, wait);
    } catch (err) {
      if (signal?.aborted) throw err;
      if (stall.signal.aborted) return stalled();
      return fail({ file, message: 'the download was interrupted' });
    }
    clearTimeout(timer);
    if (ready) await Promise.allSettled([ready]);
    // Decoded by text.ts, as the CLIs decode files (Response.text() does the same in browsers).
    return parseJson(decodeUtf8(bytes), file);
  } finally {
    clearTimeout(timer);
  }
}

/** The whole body, calling `progress` at every part that arrives. */
async function readAll(res: Response, progress: () => void): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    progress();
    parts.push(value);
    size += value.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Fetches and parses in one step. */
export async function fetchParsed<T>(
  url: string,
  file: string,
  parse: (data: unknown, file: string) => Result<T>,
  signal?: AbortSignal,
  ready?: Promise<unknown>,
): Promise<Result<T>> {
  const json = await fetchJson(url, file, signal, FETCH_IDLE_MS, false, ready);
  return json.ok ? parse(json.value, file) : json;
}

/** As `fetchParsed`, but a file the server does not have (404 or 410) is null, not a problem. */
export async function fetchOptional<T>(url: string, file: string, parse: (data: unknown, file: string) => Result<T>, signal?: AbortSignal): Promise<Result<T | null>> {
  const json = await fetchJson(url, file, signal, FETCH_IDLE_MS, true);
  if (json.ok && json.value === ABSENT) return ok(null);
  return json.ok ? parse(json.value, file) : json;
}
