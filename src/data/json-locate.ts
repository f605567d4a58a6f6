/**
 * Finds where JSON text first goes wrong, for error messages with a line and column. Browsers and
 * Node word JSON.parse errors differently and not all give a position, so this walks the grammar
 * (RFC 8259) itself. It runs only after JSON.parse has failed.
 */
export interface JsonFault { offset: number; expected: string }

export function locateJsonError(text: string): JsonFault | null {
  let i = 0;
  const fault = (expected: string): never => { throw { offset: i, expected } satisfies JsonFault; };
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++; };
  const literal = (word: string) => { if (text.startsWith(word, i)) i += word.length; else fault('a value'); };
  const string = () => {
    i++; // opening quote
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
    if (!m || m[0] === '-' || m[0] === '') fault('a value');
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

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}
