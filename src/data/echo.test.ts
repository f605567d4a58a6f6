import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { echo } from './echo.ts';

describe('echo', () => {
  it('writes small values as JSON.stringify does', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
      const json = JSON.stringify(v);
      // JSON writes -0 as 0; echo keeps what JavaScript reads, as String(-0) does ("0").
      if (json.length <= 80) expect(echo(v)).toBe(json);
      else expect(echo(v)).toBe(`${json.slice(0, 80)}…`);
    }), { numRuns: 10_000 });
  });

  it('bounds what it writes, for values nested 100,000 deep, long strings and long arrays', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: [deep] };
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(echo(deep)).toBe(`${'{"a":['.repeat(13)}{"…`);
    expect(echo('x'.repeat(1e6), 10)).toBe('"xxxxxxxxx…');
    expect(echo(new Array(1e6).fill(0), 9)).toBe('[0,0,0,0,…');
  });

  it('names numbers JSON cannot write, and undefined', () => {
    expect(echo(Infinity)).toBe('Infinity');
    expect(echo(undefined)).toBe('undefined');
    expect(echo(JSON.parse('{"__proto__": 1}'))).toBe('{"__proto__":1}');
  });
});
