/**
 * Prints every official statement of data/sources/losses.json against our map on both bases, so
 * that one sees how much the basis matters: what was said, our lost and recovered values on its
 * date, the basis the rule gives its words, and the verdict (scripts/losses.test.ts checks it).
 * Usage: npm run data:losses [-- --words]   (--words adds the quoted words under each row)
 */
import { basisOfWords, COUNTRIES, lossSeries, readLossesFile, saidPct, LOSSES_FILE } from './losses.ts';
import { runCli } from './cli.ts';

const TOLERANCE_PP = 10;
/** The speaker, without title and office: the text before the first comma or bracket, clipped. */
const short = (who: string) => {
  const w = who.split(/[,(]/)[0]!.trim();
  return w.length > 30 ? `${w.slice(0, 29)}…` : w;
};

runCli('data:losses', () => {
  const withWords = process.argv.includes('--words');
  const file = readLossesFile();
  const series = lossSeries(file.partners);
  const rows: string[][] = [['date', 'who', 'country', 'said', 'ours lost', 'ours recovered', 'basis', 'verdict']];
  const words: string[] = [];
  for (const s of file.statements) {
    for (const c of COUNTRIES) {
      const said = saidPct(s, c);
      const r = s.reading[c];
      if (said === null || !r) continue;
      const lost = series.at(c, 'lost', s.date), recovered = series.at(c, 'recovered', s.date);
      const ruled = r.words ? basisOfWords(file.rule, r.words) : null;
      const checked = r.basis === 'lost' || r.basis === 'recovered';
      const ours = r.basis === 'lost' ? lost : recovered;
      const verdict = ruled !== r.basis ? `basis should be ${ruled ?? '?'}`
        : !checked ? 'not checked'
          : Math.abs(ours - said) <= TOLERANCE_PP ? (s.disagree?.[c] ? '✓ but listed as a disagreement' : '✓ within 10')
            : s.disagree?.[c] ? '✗ documented disagreement' : '✗ FAILS';
      rows.push([s.date, short(s.who), c, String(said), lost.toFixed(1), recovered.toFixed(1), r.basis, verdict]);
      words.push(`"${r.words}" (${r.from})`);
    }
  }
  const width = rows[0]!.map((_, i) => Math.max(...rows.map((row) => [...row[i]!].length)));
  const line = (row: string[]) => row.map((cell, i) => cell + ' '.repeat(width[i]! - [...cell].length)).join('  ').trimEnd();
  console.log(`IS's losses per country, in percent of the ground it once held there (Iraq ${series.onceKm2.iraq.toFixed(0)} km², Syria ${series.onceKm2.syria.toFixed(0)} km²), from ${LOSSES_FILE}.`);
  console.log(`lost: the share IS no longer held; recovered: the share the coalition's partners held (${file.partners.iraq.join(', ')}; ${file.partners.syria.join(', ')}).`);
  console.log('basis: the one the file\'s rule gives the statement\'s quoted words; populated and country figures count another measure and are not checked.');
  console.log(line(rows[0]!));
  rows.slice(1).forEach((row, i) => {
    console.log(line(row));
    if (withWords) console.log(`    ${words[i]}`);
  });
});
