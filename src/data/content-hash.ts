/**
 * A fingerprint of a JSON value's content, the same in Node and in browsers: 53 bits of cyrb53
 * (a fast non-cryptographic string hash, public domain, bryc/code on GitHub) over
 * `JSON.stringify(value)`. The build stores it for every snapshot it derives files from
 * (date-stack.ts), and the page compares it with the file it loaded, so a file replaced after the
 * build is noticed. It tells accidental change, not tampering: a file is data to draw, not a key.
 */

/** cyrb53 of a string, as 14 hex digits. */
export function textHash(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed, h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * The fingerprint of a parsed JSON value: equal for files with the same content however they are
 * spaced, different (all but surely) when any value, key or order differs.
 * @example contentHash(JSON.parse('{"a": [1, 2]}')) === contentHash({ a: [1, 2] }) // true
 */
export const contentHash = (value: unknown): string => textHash(JSON.stringify(value));
