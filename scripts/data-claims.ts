/**
 * Prints every claim of data/claims.json for every snapshot, as a table: dates as rows, the
 * article's values in a header row. Reads data/stats.json when its input hashes match; otherwise
 * computes the values (and says so).
 * Usage: npm run data:claims [-- 2017-07-15 2016] (only dates starting with any of the arguments)
 */
import { readText } from './read-text.ts';
import { join } from 'node:path';
import { parseFactions, parseJson, parseSnapshotIndex, type FactionId } from '../src/data/contract.ts';
import type { Result } from '../src/data/result.ts';
import { parseClaims, type Claim, type Verdict } from '../src/analysis/claims.ts';
import { buildStats, inputFiles, loadInputs, readStats, type ClaimStat, type SnapshotStats } from './build-stats.ts';
import { ROOT, staleInputs } from './derived-file.ts';
import { unwrapOrExit } from './sources.ts';

const SYMBOL: Record<Verdict, string> = { agrees: '✓', close: '~', differs: '✗', 'n/a': '–' };

function parsedFile<T>(path: string, parse: (d: unknown, f: string) => Result<T>): T {
  const json = parseJson(readText(join(ROOT, path)), path);
  return unwrapOrExit(json.ok ? parse(json.value, path) : json);
}

const entries = parsedFile('data/snapshots/index.json', parseSnapshotIndex);
const claims = parsedFile('data/claims.json', parseClaims);
const short = new Map<string, string>(parsedFile('data/factions.json', parseFactions).map((f) => [f.id, f.short.en]));
const name = (f: FactionId | string | null) => (f === null ? 'nobody' : short.get(f) ?? f);

let rows: SnapshotStats[];
const stored = readStats();
const stale = stored ? staleInputs(stored.generated.sha256, inputFiles(entries)) : ['data/stats.json is missing or unreadable'];
if (stored && stale.length === 0) rows = stored.snapshots;
else {
  console.error(`data/stats.json is stale (${stale.slice(0, 3).join('; ')}${stale.length > 3 ? '; …' : ''}); computing. Run npm run data:stats to store the result.`);
  rows = buildStats(unwrapOrExit(loadInputs())).snapshots;
}
const only = process.argv.slice(2);
if (only.length) rows = rows.filter((r) => only.some((p) => r.date.startsWith(p)));

/** Two header lines per claim: a group (merged across neighbours) and the column's own label. */
function heading(c: Claim): [string, string] {
  switch (c.kind) {
    case 'distance': return [`${c.place} → km`, `${name(c.faction)}${c.exclude.length ? '*' : ''}`];
    case 'borders': return [`${name(c.faction)} main body borders (km)`, 'faction' in c.with ? name(c.with.faction) : c.with.name];
    case 'holder': return ['held by', c.place];
  }
}
function articleCell(c: Claim): string {
  switch (c.kind) {
    case 'distance': return `≈${c.article}`;
    case 'borders': return c.article ? 'yes' : 'no';
    case 'holder': return name(c.article);
  }
}
function cell(c: Claim, s: ClaimStat | undefined): string {
  if (!s) return '?';
  const v = s.value === null ? (c.kind === 'holder' ? 'nobody' : '') : typeof s.value === 'number' ? (c.kind === 'borders' ? s.value.toFixed(0) : s.value.toFixed(1)) : name(s.value);
  return `${v} ${SYMBOL[s.verdict]}`.trim();
}

const heads = claims.claims.map(heading);
const table: string[][] = [
  ['', ...heads.map((h, i) => (i > 0 && heads[i - 1]![0] === h[0] ? '' : h[0]))],
  ['date', ...heads.map((h) => h[1])],
  [`article`, ...claims.claims.map(articleCell)],
  ...rows.map((r) => [r.date + (r.date === claims.dateIso ? ' ◀' : ''), ...claims.claims.map((c) => cell(c, r.claims[c.id]))]),
];
// Group labels may overflow into the next (empty-headed) columns; other cells set the width.
const width = table[1]!.map((_, i) => Math.max(...table.slice(1).map((row) => [...row[i]!].length)));
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].length));
console.log(`Claims of the ${claims.source} (${claims.dateIso} ◀ stands for its date).`);
console.log(`✓ agrees (distances within 10%)  ~ close (within 25%; borders: only pockets off the main body match)  ✗ differs  – n/a  * leaving out ${[...new Set(claims.claims.flatMap((c) => (c.kind === 'distance' ? c.exclude : [])))].join(', ')}`);
// The group line: each label starts at its first column.
const starts: number[] = [];
width.reduce((at, w, i) => (starts[i] = at, at + w + 2), 0);
let line = '';
table[0]!.forEach((label, i) => { if (label) line = pad(line, starts[i]!) + label + ' '; });
console.log(line.trimEnd());
for (const row of table.slice(1)) console.log(row.map((c, i) => pad(c, width[i]! + 2)).join('').trimEnd());
