/**
 * Finds where JSON text first goes wrong, for error messages with a line and column. Browsers and
 * Node word JSON.parse errors differently and not all give a position, so this walks the grammar
 * (RFC 8259) itself. It runs only after JSON.parse has failed. The walk keeps its open brackets in
 * a list rather than recursing, so truncated text nested 100,000 deep cannot overflow the stack.
 */
export interface JsonFault { offset: number; expected: string }

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

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
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || m[0] === '-') fault('a value');
    i += m![0].length;
  };
  /** A property name and its colon, after `{` or a comma in an object. */
  const key = () => {
    ws();
    if (text[i] !== '"') fault('a property name in double quotes');
    string(); ws();
    if (text[i] !== ':') fault('a colon');
    i++;
  };
  /** Open objects and arrays, innermost last. */
  const open: ('{' | '[')[] = [];
  try {
    for (;;) {
      // A value: a scalar, an empty container, or the start of a container whose members follow.
      ws();
      const c = text[i];
      if (c === '{' || c === '[') {
        i++; ws();
        if (text[i] === (c === '{' ? '}' : ']')) i++;
        else {
          open.push(c);
          if (c === '{') key();
          continue;
        }
      } else if (c === '"') string();
      else if (c === 't') literal('true');
      else if (c === 'f') literal('false');
      else if (c === 'n') literal('null');
      else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
      else fault(c === undefined ? 'more text (the file ends too early)' : 'a value');
      // After a value: close what ends here, then a comma leads to the next member.
      for (;;) {
        ws();
        const inner = open[open.length - 1];
        if (inner === undefined) {
          if (i < text.length) fault('the end of the file');
          return null;
        }
        if (text[i] === ',') {
          i++;
          if (inner === '{') key();
          break;
        }
        if (text[i] === (inner === '{' ? '}' : ']')) { i++; open.pop(); continue; }
        fault(inner === '{' ? 'a comma or }' : 'a comma or ]');
      }
    }
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'offset' in e) return e as JsonFault;
    throw e;
  }
}

/** 1-based line and column of an offset; a line ends at LF, CRLF or a lone CR. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1, start = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) { line++; start = k + 1; }
  }
  return { line, column: offset - start + 1 };
}
