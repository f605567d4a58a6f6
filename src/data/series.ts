/**
 * The snapshot dates of the default series: the first of every month from June 2014 to April 2019,
 * plus the article's date. The article was published in July 2017 after the fall of Mosul
 * (2017-07-10); its exact day is not in our sources, so mid-month stands for it.
 */
export const ARTICLE_DATE = '2017-07-15';

export function snapshotDates(fromIso = '2014-06-01', toIso = '2019-04-01'): string[] {
  const out: string[] = [];
  let [y, m] = fromIso.split('-').map(Number) as [number, number];
  for (;;) {
    const d = `${y}-${String(m).padStart(2, '0')}-01`;
    if (d > toIso) break;
    out.push(d);
    if (d < ARTICLE_DATE && ARTICLE_DATE.slice(0, 7) === d.slice(0, 7)) out.push(ARTICLE_DATE);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}
