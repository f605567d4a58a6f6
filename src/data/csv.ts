/**
 * Cells and lines of every CSV file Frontlines writes (RFC 4180), made safe to open in a
 * spreadsheet: text from the data that a spreadsheet would run as a formula is neutralised as
 * OWASP advises ("CSV Injection", owasp.org/www-community/attacks/CSV_Injection). Pure, so the
 * build scripts and the page can share it.
 */

/** A text cell starting with one of these is read as a formula by Excel, LibreOffice Calc or Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell. Text gets a leading apostrophe when it begins with =, +, -, @, a tab or a carriage
 * return (spreadsheets then show it as text, without the apostrophe), and is quoted when it holds
 * a comma, a double quote or a line break. A finite number is written as JavaScript writes it:
 * "-12.5" or "1e-7" is a number to every spreadsheet, never a formula, and an apostrophe would make
 * it text, so only text (anything that came from the data) is neutralised. NaN and ±Infinity are
 * written as text, so "-Infinity" gets its apostrophe.
 * @example csvCell('=HYPERLINK("https://evil.example/","Click")') // "'=HYPERLINK(...)", quoted
 * @example csvCell(-12.5) // '-12.5'
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One line of cells, without its line end. */
export const csvLine = (cells: readonly (string | number)[]): string => cells.map(csvCell).join(',');

/** A whole file: lines ended with CRLF, as RFC 4180 writes them. */
export const csvText = (lines: readonly (readonly (string | number)[])[]): string => lines.map((l) => `${csvLine(l)}\r\n`).join('');
