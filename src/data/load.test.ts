import { describe, expect, it } from 'vitest';
import { fetchJson } from './load.ts';

const dataUrl = (bytes: number[]) => `data:application/json;base64,${Buffer.from(bytes).toString('base64')}`;
const utf8 = (s: string) => [...Buffer.from(s, 'utf8')];

describe('fetchJson', () => {
  it('decodes as the CLIs do: one byte-order mark dropped, CRLF fine, a second mark named', async () => {
    expect(await fetchJson(dataUrl([0xef, 0xbb, 0xbf, ...utf8('{\r\n"a": 1\r\n}')]), 'f.json')).toEqual({ ok: true, value: { a: 1 } });
    // Node 20's Response.text() would drop both marks; browsers and text.ts drop one.
    expect(await fetchJson(dataUrl([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...utf8('{}')]), 'f.json'))
      .toEqual({ ok: false, problems: [{ file: 'f.json', message: 'invalid JSON at line 1, column 1: expected a value, found U+FEFF' }] });
  });
});
