/**
 * Fetching data files as typed results: a failed request, a bad status or bad content becomes a
 * Problem naming the file; only an abort rejects. Uses `fetch`, so it runs in browsers and Node.
 */
import { parseJson } from './contract.ts';
import { fail, type Result } from './result.ts';
import { decodeUtf8 } from './text.ts';

export async function fetchJson(url: string, file: string, signal?: AbortSignal): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (err) {
    if (signal?.aborted) throw err;
    return fail({ file, message: `the request failed (${err instanceof Error ? err.message : String(err)})` });
  }
  if (!res.ok) return fail({ file, message: `the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` });
  let text: string;
  try {
    // Decoded by text.ts, as the CLIs decode files (Response.text() does the same in browsers).
    text = decodeUtf8(new Uint8Array(await res.arrayBuffer()));
  } catch (err) {
    if (signal?.aborted) throw err;
    return fail({ file, message: 'the download was interrupted' });
  }
  return parseJson(text, file);
}

/** Fetches and parses in one step. */
export async function fetchParsed<T>(
  url: string,
  file: string,
  parse: (data: unknown, file: string) => Result<T>,
  signal?: AbortSignal,
): Promise<Result<T>> {
  const json = await fetchJson(url, file, signal);
  return json.ok ? parse(json.value, file) : json;
}

