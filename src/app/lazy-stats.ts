/**
 * The figures that can wait for the first map: the article's claims and the precomputed stats,
 * loaded once the first territory is drawn, and the place distances, loaded when the charts come
 * into view. Each is optional: a story without the file simply has no such figures (files.json
 * says which exist, so nothing is requested in vain). A file that fails to load or parse leaves
 * out just its panels (state `brokenFiles`), with a notice naming the file and what is wrong.
 */
import { parseClaims } from '../analysis/claims.ts';
import { formatProblem, type Problem, type Result } from '../data/result.ts';
import { STRINGS } from '../ui/strings.ts';
import { parseStats } from '../data/stats.ts';
import { parsePlaceDistances } from '../data/place-distances.ts';
import type { AppContext } from './context.ts';

/** Marks an optional file as broken: its panels go, and a notice says which and why. */
export function leaveOut(ctx: AppContext, file: string, problems: readonly Problem[]): void {
  const { store, messages } = ctx;
  const t = STRINGS[store.state.lang];
  const lines = problems.slice(0, 3).map(formatProblem);
  if (problems.length > 3) lines.push(t.previewMore(problems.length - 3));
  messages.notice(t.leftOut(t.leftOutPanels[file] ?? file, lines.join('\n')), `broken-${file}`);
  store.update({ brokenFiles: [...store.state.brokenFiles, file] });
}

export async function loadStats(ctx: AppContext, wanted: boolean): Promise<void> {
  const { store, core, load } = ctx;
  if (!wanted) { store.update({ figuresLoaded: true }); return; }
  const has = (f: string) => core.files.has(f);
  const report = <T>(r: Result<T>, file: string): T | null => {
    if (r.ok) return r.value;
    leaveOut(ctx, file, r.problems);
    return null;
  };
  const factions = core.factions.map((f) => f.id);
  const [claims, stats] = await Promise.all([
    has('claims.json') ? load('claims.json', (d, f) => parseClaims(d, f, { places: core.placeById.keys(), factions })) : null,
    has('stats.json') ? load('stats.json', parseStats) : null,
  ]);
  store.update({ claims: claims && report(claims, 'claims.json')?.claims || null, stats: stats && report(stats, 'stats.json'), figuresLoaded: true });
}

/** Loads place-distances.json the first time `el` comes near the viewport. */
export function loadDistancesWhenSeen(ctx: AppContext, el: HTMLElement): void {
  const { store, core, load } = ctx;
  if (!core.files.has('place-distances.json')) return;
  const seen = new IntersectionObserver(async (entries) => {
    if (!entries.some((e) => e.isIntersecting)) return;
    seen.disconnect();
    const r = await load('place-distances.json', (d, f) => parsePlaceDistances(d, f, core.factions.map((x) => x.id)));
    if (r.ok) store.update({ distances: r.value });
    else leaveOut(ctx, 'place-distances.json', r.problems);
  }, { rootMargin: '200px' });
  seen.observe(el);
}
