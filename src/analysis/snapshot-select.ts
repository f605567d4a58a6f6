/**
 * Index of the latest date on or before `dateIso` in an ascending list of ISO dates; the first
 * snapshot when the date is earlier than all of them.
 * @example snapshotIndexFor(['2015-01-01', '2016-01-01'], '2015-07-04') // 0
 */
export function snapshotIndexFor(datesIso: readonly string[], dateIso: string): number {
  if (datesIso.length === 0) throw new RangeError('no snapshots to choose from');
  let lo = 0, hi = datesIso.length - 1, found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (datesIso[mid]! <= dateIso) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/**
 * The snapshot a story opens on: the one on or before the story's date, else the index entry
 * marked `article`, else the last.
 * @example openingIndex(['2015-01-01', '2016-01-01'], -1, null) // 1
 */
export function openingIndex(datesIso: readonly string[], articleIndex: number, storyDateIso: string | null): number {
  if (storyDateIso) return snapshotIndexFor(datesIso, storyDateIso);
  return articleIndex >= 0 ? articleIndex : datesIso.length - 1;
}
