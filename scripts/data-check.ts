/**
 * Checks every file in a data folder (src/data/validate.ts says what is checked).
 * Usage: npm run data:check [-- DIR] [--json]     DIR defaults to data/
 * Prints one line per problem, `file: feature N: message`; exits 1 on any problem. Warnings (a
 * snapshot the index does not list) are printed too but do not fail the check.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { formatProblem } from '../src/data/result.ts';
import { formatWarning, validateDataFolder, type DataFolder } from '../src/data/data-folder.ts';
import { runCli } from './cli.ts';
import { readText } from './read-text.ts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const unknown = args.filter((a) => a.startsWith('--') && a !== '--json');
const dirs = args.filter((a) => !a.startsWith('--'));
if (unknown.length || dirs.length > 1) {
  console.error(`data:check: unknown arguments ${[...unknown, ...dirs.slice(1)].join(' ')}; usage: npm run data:check [-- DIR] [--json]`);
  process.exit(2);
}
const dir = resolve(dirs[0] ?? join(import.meta.dirname, '..', 'data'));
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error(`data:check: ${dirs[0] ?? 'data'}: no such folder`);
  process.exit(2);
}

// Paths in messages: the folder as seen from the working directory (data/… by default).
const rel = relative(process.cwd(), dir);
const prefix = (rel === '' ? '' : rel.startsWith('..') || isAbsolute(rel) ? dir : rel).split(sep).join('/');

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
const folder: DataFolder = {
  readFile: (p) => (isFile(join(dir, p)) ? readText(join(dir, p)) : null),
  sizeOf: (p) => (isFile(join(dir, p)) ? statSync(join(dir, p)).size : null),
  list: (p) => (existsSync(join(dir, p)) ? readdirSync(join(dir, p)) : []),
};

runCli('data:check', () => {
  const { problems, warnings, checked } = validateDataFolder(folder, prefix ? `${prefix}/` : '');

  if (asJson) {
    console.log(JSON.stringify({ problems, warnings, checked }, null, 1));
  } else {
    for (const p of problems) console.log(formatProblem(p));
    for (const w of warnings) console.log(formatWarning(w));
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const counts = `${plural(checked.snapshots, 'snapshot')}, ${plural(checked.places, 'place')}, ${plural(checked.factions, 'faction')}`;
    const found = problems.length ? plural(problems.length, 'problem') : 'no problems';
    const warned = warnings.length ? `, ${plural(warnings.length, 'warning')}` : '';
    (problems.length ? console.error : console.log)(`data:check: ${counts}: ${found}${warned}`);
  }
  // exitCode, not exit(): a long report to a pipe must be flushed first.
  process.exitCode = problems.length ? 1 : 0;
});
