/**
 * The two kinds of failure of a data CLI, as in mapshaper's logging: bad input is a user error,
 * reported as problems naming the file and field (never a stack trace); anything else thrown is a
 * bug in Frontlines, reported with its stack. Exit codes: 1 problems, 2 usage, 70 internal error
 * (EX_SOFTWARE in BSD sysexits.h).
 */
export const EXIT_INTERNAL = 70;

/** Runs a CLI's main; a throw that reaches here is a bug, printed with its stack. */
export function runCli(name: string, main: () => void): void {
  try {
    main();
  } catch (err) {
    console.error(`${name}: internal error, a bug in Frontlines rather than a problem in your files; please report it with this trace:`);
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = EXIT_INTERNAL;
  }
}
