/**
 * The scale case: a copy of the story with `count` snapshots in its index, in a temporary folder.
 * Every real date keeps its file; the dates added between them (spread evenly over the same years)
 * carry the latest real snapshot before them, moved east by a multiple of 0.0001° (≈10 m), so
 * that no two files are alike (nothing is shared between dates that would not be in real data).
 * index.json entries, stats.json and place-distances.json entries are copied from that snapshot's,
 * with the new file's hash, so the derived files count as up to date.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

interface IndexEntry { date: string; file: string; article?: boolean; [k: string]: unknown }
interface StatsEntry { date: string; [k: string]: unknown }

const DAY_MS = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Moves every position of a GeoJSON text's coordinates east by `dLon`, keeping 4 decimals. */
function shifted(snapshot: { features: { geometry: { coordinates: unknown } }[] }, dLon: number): unknown {
  const move = (c: unknown): unknown => (typeof (c as number[])[0] === 'number'
    ? [Math.round(((c as number[])[0]! + dLon) * 1e4) / 1e4, ...(c as number[]).slice(1)]
    : (c as unknown[]).map(move));
  return { ...snapshot, features: snapshot.features.map((f) => ({ ...f, geometry: { ...f.geometry, coordinates: move(f.geometry.coordinates) } })) };
}

/** Writes the story in `dataDir` with `count` snapshots to `outDir` (replaced); returns the dates. */
export function writeBigStory(dataDir: string, outDir: string, count: number): string[] {
  rmSync(outDir, { recursive: true, force: true });
  cpSync(dataDir, outDir, { recursive: true, filter: (src) => !src.startsWith(join(dataDir, 'sources')) && !src.startsWith(join(dataDir, 'snapshots')) });
  mkdirSync(join(outDir, 'snapshots'), { recursive: true });
  const index = JSON.parse(readFileSync(join(dataDir, 'snapshots/index.json'), 'utf8')) as { snapshots: IndexEntry[] };
  const real = index.snapshots;
  const first = msOf(real[0]!.date), last = msOf(real[real.length - 1]!.date);
  const realDates = new Set(real.map((e) => e.date));
  // The other days between the first and the last date, picked evenly.
  const days: string[] = [];
  for (let t = first; t <= last; t += DAY_MS) if (!realDates.has(isoOf(t))) days.push(isoOf(t));
  const extra = Math.min(days.length, Math.max(0, count - real.length));
  const dates = new Set(realDates);
  for (let i = 0; i < extra; i++) dates.add(days[Math.floor((i * days.length) / extra)]!);
  const sorted = [...dates].sort();
  const stats = existsSync(join(dataDir, 'stats.json')) ? JSON.parse(readFileSync(join(dataDir, 'stats.json'), 'utf8')) as { generated: { sha256: Record<string, string> }; snapshots: StatsEntry[] } : null;
  const statsBy = new Map(stats?.snapshots.map((s) => [s.date, s]) ?? []);
  const distances = existsSync(join(dataDir, 'place-distances.json')) ? JSON.parse(readFileSync(join(dataDir, 'place-distances.json'), 'utf8')) as { dates: string[]; places: Record<string, Record<string, (number | null)[]>> } : null;
  const entries: IndexEntry[] = [];
  const newStats: StatsEntry[] = [];
  const sha: Record<string, string> = {};
  let base = real[0]!, step = 0;
  const baseOf: number[] = [];
  for (const date of sorted) {
    const r = real.findIndex((e) => e.date === date);
    if (r >= 0) { base = real[r]!; step = 0; } else step++;
    baseOf.push(real.indexOf(base));
    const text = readFileSync(join(dataDir, 'snapshots', base.file), 'utf8');
    const file = `${date}.geojson`;
    const out = step === 0 ? text : `${JSON.stringify(shifted(JSON.parse(text), step * 1e-4))}\n`;
    writeFileSync(join(outDir, 'snapshots', file), out);
    sha[`data/snapshots/${file}`] = createHash('sha256').update(out).digest('hex');
    const { article, ...rest } = base;
    entries.push({ ...rest, date, file, ...(article && step === 0 ? { article } : {}) });
    const s = statsBy.get(base.date);
    if (s) newStats.push({ ...s, date });
  }
  writeFileSync(join(outDir, 'snapshots/index.json'), `${JSON.stringify({ ...index, snapshots: entries }, null, 1)}\n`);
  if (stats) writeFileSync(join(outDir, 'stats.json'), `${JSON.stringify({ ...stats, generated: { ...stats.generated, sha256: sha }, snapshots: newStats })}\n`);
  if (distances) {
    const at = new Map(distances.dates.map((d, i) => [d, i]));
    const places = Object.fromEntries(Object.entries(distances.places).map(([id, byF]) => [id, Object.fromEntries(Object.entries(byF).map(([f, series]) => [f, baseOf.map((b) => series[at.get(real[b]!.date) ?? 0] ?? null)]))]));
    writeFileSync(join(outDir, 'place-distances.json'), `${JSON.stringify({ ...distances, dates: sorted, places })}\n`);
  }
  return sorted;
}
