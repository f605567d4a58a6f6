/**
 * IS's loss per country on our map against official statements of it (data/sources/losses.json).
 * Each figure is held to the basis its own quoted words give under the file's one rule; this test
 * applies the rule itself, so a basis cannot be set by hand. Lost and recovered figures must be met
 * within TOLERANCE_PP points; one our map disagrees with by more says so in the file (`disagree`:
 * our value and why), and the test pins our value there, so that the disagreement is stated, not
 * hidden, and a change in the data shows up. scripts/losses.ts computes both bases.
 */
import { describe, expect, it } from 'vitest';
import { basisOfWords, CHECKED_BASES, COUNTRIES, lossSeries, readLossesFile, saidPct } from './losses.ts';

const TOLERANCE_PP = 10;
/** How far our value may move from the one a disagreement records before the test asks for a look. */
const PINNED_PP = 3;
const file = readLossesFile();
const NAME = { iraq: 'Iraq', syria: 'Syria' } as const;

describe('the statements and the rule that reads them', () => {
  it('has a rule that names every basis, and at least ten checked figures', () => {
    expect(new Set(file.rule.map((r) => r.basis))).toEqual(new Set(['populated', 'country', 'recovered', 'lost']));
    const checked = file.statements.flatMap((s) => COUNTRIES.filter((c) => CHECKED_BASES.includes(s.reading[c]?.basis ?? 'populated')));
    expect(checked.length).toBeGreaterThanOrEqual(10);
  });

  for (const s of file.statements) {
    it(`${s.date}, ${s.who}: quoted words for each figure, and the basis the rule gives them`, () => {
      expect(s.source, 'source').toBeTruthy();
      for (const c of COUNTRIES) {
        const r = s.reading[c];
        if (saidPct(s, c) === null) {
          expect(r, `${NAME[c]}: a reading but no figure`).toBeUndefined();
          continue;
        }
        expect(r, `${NAME[c]}: a figure but no "reading"`).toBeDefined();
        expect(r!.words, `${NAME[c]}: the quoted words`).toBeTruthy();
        expect(r!.from, `${NAME[c]}: where the words were found`).toBeTruthy();
        expect(basisOfWords(file.rule, r!.words!), `${NAME[c]}: the rule's basis for "${r!.words}"`).toBe(r!.basis);
        const d = s.disagree?.[c];
        if (d) expect(CHECKED_BASES, `${NAME[c]}: a disagreement on a figure that is not checked`).toContain(r!.basis);
      }
    });
  }
});

describe('IS\'s losses per country against official statements', () => {
  const series = lossSeries(file.partners);
  for (const s of file.statements) {
    for (const c of COUNTRIES) {
      const said = saidPct(s, c);
      const basis = s.reading[c]?.basis;
      if (said === null || basis === undefined || (basis !== 'lost' && basis !== 'recovered')) continue;
      const known = s.disagree?.[c];
      if (known) {
        it(`${s.date}, ${s.who}: ${said}% of IS's ground in ${NAME[c]} ${basis}; our map disagrees, as the file says`, () => {
          const v = series.at(c, basis, s.date);
          expect(Math.abs(v - known.ours), `our map now: ${v.toFixed(0)}%; update "disagree" in losses.json and docs/data.md`).toBeLessThanOrEqual(PINNED_PP);
          expect(Math.abs(v - said), `our map now agrees (${v.toFixed(0)}%): drop the "disagree" entry`).toBeGreaterThan(TOLERANCE_PP);
        });
      } else {
        it(`${s.date}, ${s.who}: ${said}% of IS's ground in ${NAME[c]} ${basis}`, () => {
          const v = series.at(c, basis, s.date);
          expect(Math.abs(v - said), `our map: ${v.toFixed(0)}% ${basis} (IS once held ${series.onceKm2[c].toFixed(0)} km² there)`).toBeLessThanOrEqual(TOLERANCE_PP);
        });
      }
    }
  }
}, 300_000);
