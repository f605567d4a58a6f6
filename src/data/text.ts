/**
 * How data files become text, in one place, so the CLIs, the in-page check and the app accept the
 * same files. Browsers decode `fetch().json()`, `Response.text()` and `File.text()` with the
 * Encoding Standard's "UTF-8 decode": a leading UTF-8 byte-order mark is dropped and invalid bytes
 * become U+FFFD (https://encoding.spec.whatwg.org/#utf-8-decode). `TextDecoder('utf-8')` with its
 * defaults does exactly that; Node's `readFileSync(path, 'utf8')` keeps the mark, so the CLIs
 * read bytes and decode them here. CRLF line ends need nothing: JSON counts CR as white space.
 */
const UTF8 = new TextDecoder('utf-8');

/** Bytes to text as a browser decodes a fetched or dropped JSON file. */
export function decodeUtf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

/**
 * A character for an error message: itself when it is visible, else its code point, so a stray
 * byte-order mark or control character is named rather than printed invisibly.
 * @example describeChar('\uFEFF') // 'U+FEFF'
 */
export function describeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0xfeff || (code >= 0x200b && code <= 0x200f) || (code >= 0x2028 && code <= 0x202e)
    ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : JSON.stringify(c);
}
