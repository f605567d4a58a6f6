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

/** One line per problem, `file: feature N: message`, the same words in the CLI and the page. */
export function formatProblem(p: Problem): string {
  return p.feature === undefined ? `${p.file}: ${p.message}` : `${p.file}: feature ${p.feature}: ${p.message}`;
}
