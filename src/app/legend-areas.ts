/**
 * The legend's areas for the drawn snapshot, in state `areas`: stats.json's precomputed figures
 * when they were made from that very file (the date stack's manifest vouches for it,
 * date-stack-view.ts), else computed from the drawn snapshot (Turf; this module loads after the
 * first map): a previewed file, a snapshot added or replaced after data:stats, a story without
 * stats.json. Either way in the same update as `drawn`, so the legend never lags the map. Until
 * stats.json and the manifest are in, the legend names the sides without km².
 */
import { areasByTier } from '../analysis/area.ts';
import { TIERS, type FactionId, type Tier } from '../data/contract.ts';
import type { SnapshotStats } from '../data/stats.ts';
import type { AppContext } from './context.ts';
import type { DateStackView } from './date-stack-view.ts';

const fromStats = (s: SnapshotStats): Map<Tier, Map<FactionId, number>> =>
  new Map(TIERS.map((t) => [t, new Map(Object.entries(s.areaKm2[t] ?? {}).filter(([, km2]) => km2 > 0))]));

export function watchLegendAreas(ctx: AppContext, stack: DateStackView): void {
  const { store, core } = ctx;
  store.watch((s) => [s.drawn, s.stats, s.figuresLoaded, s.stackLoaded], () => {
    const { drawn, stats, figuresLoaded, stackLoaded } = store.state;
    if (!drawn || store.state.areas?.drawn === drawn) return;
    const entry = drawn.preview ? null : core.entries[drawn.index]!;
    const s = entry ? stats?.get(entry.dateIso) : undefined;
    if (s && entry && stack.statsCurrent(entry, drawn.snapshot)) {
      store.update({ areas: { drawn, km2: fromStats(s), from: 'stats' } });
      return;
    }
    // stats.json may yet vouch for this date: wait for it and the manifest.
    if (entry && core.files.has('stats.json') && (!figuresLoaded || !stackLoaded)) return;
    store.update({ areas: { drawn, km2: areasByTier(drawn.snapshot), from: 'computed' } });
  });
}
