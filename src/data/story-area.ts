/**
 * Where a story lies: story.json's bounds, else the bounds of its places and snapshots. The data
 * editors' checks (drawn-file.ts) use it to find files with latitude and longitude swapped. Light
 * on purpose (no Turf): the page works it out when its file check opens.
 */
import type { Feature } from 'geojson';
import type { Bounds } from './story.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Where a story lies, and what says so (for messages). */
export interface StoryArea { bounds: Bounds; from: 'story.json' | 'places and snapshots' }

/**
 * The story's area: story.json's bounds, else the bounds of its places and snapshots; null when
 * there is nothing to take it from.
 * @example storyArea(story.bounds, [...places, ...snapshot.features])
 */
export function storyArea(bounds: Bounds | null, features: readonly Pick<Feature, 'geometry'>[] | readonly { geometry?: unknown }[] = []): StoryArea | null {
  if (bounds) return { bounds, from: 'story.json' };
  const box = extent(features.map((f) => (isObject(f.geometry) ? f.geometry.coordinates : null))).box;
  return box ? { bounds: [[box[0], box[1]], [box[2], box[3]]], from: 'places and snapshots' } : null;
}

/** [west, south, east, north] of every position, and the first position that is not in degrees. */
export function extent(roots: readonly unknown[]): { box: [number, number, number, number] | null; notDegrees: [number, number] | null } {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  let notDegrees: [number, number] | null = null;
  // A loop, not recursion: a file may nest arrays thousands deep.
  const stack: unknown[] = [...roots];
  while (stack.length) {
    const c = stack.pop();
    if (!Array.isArray(c)) continue;
    if (typeof c[0] === 'number' && typeof c[1] === 'number' && Number.isFinite(c[0]) && Number.isFinite(c[1])) {
      const [x, y] = c as [number, number];
      if (Math.abs(x) > 180 || Math.abs(y) > 90) notDegrees ??= [x, y];
      w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
    } else for (let i = c.length - 1; i >= 0; i--) stack.push(c[i]);
  }
  return { box: Number.isFinite(w) ? [w, s, e, n] : null, notDegrees };
}
