import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineColumn, locateJsonError, type JsonFault } from './json-locate.ts';

/** The recursive walk this module had before it became a loop: the oracle for where faults are. */
function recursiveLocate(text: string): JsonFault | null {
  let i = 0;
  const fault = (expected: string): never => { throw { offset: i, expected } satisfies JsonFault; };
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++; };
  const literal = (word: string) => { if (text.startsWith(word, i)) i += word.length; else fault('a value'); };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') { i++; return; }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') { if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) { i++; fault('four hex digits after \\u'); } i += 6; continue; }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) { i++; fault('a valid escape'); }
        i += 2; continue;
      }
      if (c < ' ') fault('no control characters inside a string');
      i++;
    }
    fault('a closing quote');
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fault('a value');
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fault('a property name in double quotes');
        string(); ws();
        if (text[i] !== ':') fault('a colon');
        i++; value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fault('a comma or }');
      }
    }
    if (c === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fault('a comma or ]');
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fault(c === undefined ? 'more text (the file ends too early)' : 'a value');
  };
  try {
    value(); ws();
    if (i < text.length) fault('the end of the file');
    return null;
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'offset' in e) return e as JsonFault;
    throw e;
  }
}

/** JSON text broken in the ways files break: cut short, a character dropped, one put in. */
const brokenJson = fc.tuple(fc.json({ maxDepth: 6 }), fc.nat(), fc.constantFrom('cut', 'drop', 'insert'), fc.constantFrom(',', '}', ']', '"', ':', '{', '[', 'x', '\\', ' ', '\n', '-', '0'))
  .map(([text, at, how, c]) => {
    const k = text.length ? at % text.length : 0;
    return how === 'cut' ? text.slice(0, k) : how === 'drop' ? text.slice(0, k) + text.slice(k + 1) : text.slice(0, k) + c + text.slice(k);
  });

describe('locateJsonError', () => {
  it('finds the same fault as the recursive walk it replaced, and none in valid JSON', () => {
    fc.assert(fc.property(brokenJson, (text) => {
      expect(locateJsonError(text)).toEqual(recursiveLocate(text));
      let valid = true;
      try { JSON.parse(text); } catch { valid = false; }
      expect(locateJsonError(text) === null).toBe(valid);
    }), { numRuns: 10_000 });
  });

  it('walks truncated text nested 200,000 deep without overflowing the stack', () => {
    // The recursive walk threw RangeError (maximum call stack size exceeded) at about 10,000.
    const text = '{"a": '.repeat(100_000) + '[[['.repeat(33_334);
    expect(() => recursiveLocate(text)).toThrow(RangeError);
    expect(locateJsonError(text)).toEqual({ offset: text.length, expected: 'more text (the file ends too early)' });
    const deepValid = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(locateJsonError(deepValid)).toBeNull();
    expect(locateJsonError(deepValid + ',')).toEqual({ offset: 400_000, expected: 'the end of the file' });
  });
});

describe('lineColumn', () => {
  it('counts LF, CRLF and a lone CR as one line end each', () => {
    expect(lineColumn('a\nb\r\nc\rd', 7)).toEqual({ line: 4, column: 1 });
    expect(lineColumn('{\r\n  "a": }', 10)).toEqual({ line: 2, column: 8 });
    expect(lineColumn('abc', 2)).toEqual({ line: 1, column: 3 });
  });
});
