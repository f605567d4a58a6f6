/**
 * A short rendering of any parsed JSON value, for messages that quote what a file holds. It is
 * JSON (as `JSON.stringify` writes it) for small values, cut to `maxChars` with an ellipsis for big
 * ones, and walked with a loop rather than recursion: `JSON.stringify` and `String()` overflow the
 * stack on a value nested some 10,000 deep, which is valid JSON. Numbers print as JavaScript reads
 * them, so `1e400` shows as Infinity rather than JSON's null.
 * @example echo({ faction: ['a', 1] }) // '{"faction":["a",1]}'
 */
export function echo(value: unknown, maxChars = 80): string {
  let out = '';
  const stack: { items: unknown[]; keys: string[] | null; i: number }[] = [];
  const clip = (s: string) => JSON.stringify(s.length > maxChars ? s.slice(0, maxChars + 1) : s);
  const put = (v: unknown): void => {
    if (v === null) out += 'null';
    else if (typeof v === 'string') out += clip(v);
    else if (Array.isArray(v)) { out += '['; stack.push({ items: v, keys: null, i: 0 }); }
    else if (typeof v === 'object') {
      const keys = Object.keys(v);
      out += '{';
      stack.push({ items: keys.map((k) => (v as Record<string, unknown>)[k]), keys, i: 0 });
    } else out += String(v);
  };
  put(value);
  while (stack.length && out.length <= maxChars) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.items.length) {
      out += top.keys ? '}' : ']';
      stack.pop();
      continue;
    }
    if (top.i > 0) out += ',';
    if (top.keys) out += `${clip(top.keys[top.i]!)}:`;
    put(top.items[top.i++]);
  }
  return out.length > maxChars ? `${out.slice(0, maxChars)}…` : out;
}

/** Text from a file, cut to `maxChars` with an ellipsis: for ids and keys quoted in messages. */
export const clip = (text: string, maxChars = 60): string => (text.length > maxChars ? `${text.slice(0, maxChars)}…` : text);
