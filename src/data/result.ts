/** An expected failure (bad data, a failed fetch): a message for the user, naming file and feature. */
export interface Problem {
  file: string;
  /** 0-based feature index in a FeatureCollection, when the problem belongs to one feature. */
  feature?: number;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...problems: Problem[]): Result<T> => ({ ok: false, problems });
/**
 * A failure with a list of problems of any length. Never spread a list that grows with the input
 * into a call (`fail(...list)`, `push(...list)`): a call takes a bounded number of arguments, and a
 * long list overflows the stack (issue 23).
 */
export const failAll = <T = never>(problems: Problem[]): Result<T> => ({ ok: false, problems });
/** Appends `items` to `into` one by one (see failAll). */
export function pushAll<T>(into: T[], items: Iterable<T>): void {
  for (const x of items) into.push(x);
}

/** One line per problem, `file: feature N: message`, the same words in the CLI and the page. */
export function formatProblem(p: Problem): string {
  return p.feature === undefined ? `${p.file}: ${p.message}` : `${p.file}: feature ${p.feature}: ${p.message}`;
}
