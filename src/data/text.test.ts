import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8, describeChar } from './text.ts';
import { parseJson } from './contract.ts';

const BOM = [0xef, 0xbb, 0xbf];
const bytes = (s: string) => new TextEncoder().encode(s);
/**
 * What a browser's fetch().json() makes of the bytes: the value, or 'rejected'. Node's Response
 * follows the same standard, except that Node 20 (undici 6) drops two leading marks where the
 * standard and Chromium drop one; files starting with two are left to the hand-written case below.
 */
const twoMarks = (b: Uint8Array) => b.length >= 6 && BOM.every((x, i) => b[i] === x && b[i + 3] === x);
const browserJson = async (b: Uint8Array<ArrayBuffer>) => new Response(b).json().catch(() => 'rejected' as const);

/** JSON files as editors save them: with or without a byte-order mark, LF or CRLF, pretty or not. */
const savedJson: fc.Arbitrary<Uint8Array<ArrayBuffer>> = fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.boolean(), fc.boolean(), fc.boolean()).map(([v, bom, crlf, pretty]) => {
  let text = JSON.stringify(v, null, pretty ? 2 : undefined);
  if (crlf) text = text.replace(/\n/g, '\r\n');
  return new Uint8Array([...(bom ? BOM : []), ...bytes(text)]);
});
/** Odd bytes too: two marks, a lone CR, invalid UTF-8. */
const oddBytes: fc.Arbitrary<Uint8Array<ArrayBuffer>> = fc.tuple(savedJson, fc.constantFrom([0xef, 0xbb, 0xbf], [0x0d], [0xff], [0xc3], [0x0a]), fc.nat()).map(([b, extra, at]) => {
  const k = b.length ? at % (b.length + 1) : 0;
  return new Uint8Array([...b.slice(0, k), ...extra, ...b.slice(k)]);
});

describe('decodeUtf8 and parseJson accept what fetch().json() accepts', () => {
  it('decodes bytes exactly as Response.text() does', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array(b)), savedJson, oddBytes), async (b) => {
      fc.pre(!twoMarks(b));
      expect(decodeUtf8(b)).toBe(await new Response(b).text());
    }), { numRuns: 2_000 });
  });

  it('accepts and rejects the same files, with the same values', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(savedJson, oddBytes), async (b) => {
      fc.pre(!twoMarks(b));
      const ours = parseJson(decodeUtf8(b), 'f.json');
      expect(ours.ok ? ours.value : 'rejected').toEqual(await browserJson(b));
    }), { numRuns: 2_000 });
  });

  it('reads a file with a byte-order mark and CRLF line ends', () => {
    const r = parseJson(decodeUtf8(new Uint8Array([...BOM, ...bytes('{\r\n  "a": 1\r\n}\r\n')])), 'f.json');
    expect(r).toEqual({ ok: true, value: { a: 1 } });
  });

  it('keeps the second of two marks, as Chromium does, and names it where the JSON goes wrong', () => {
    // Checked in Chromium 2026-11: new Response(EF BB BF EF BB BF 30).text() is "\uFEFF0" and .json() rejects.
    const twice = decodeUtf8(new Uint8Array([...BOM, ...BOM, ...bytes('{}')]));
    expect(parseJson(twice, 'f.json')).toEqual({ ok: false, problems: [{ file: 'f.json', message: 'invalid JSON at line 1, column 1: expected a value, found U+FEFF' }] });
    expect(describeChar('}')).toBe('"}"');
    expect(describeChar('\t')).toBe('U+0009');
  });
});
