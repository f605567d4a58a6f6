/**
 * Writes several files so that either all of them change or, after a failure, all are put back:
 * new contents go to temporary files beside their targets (or were staged already, for a batch of
 * many files that is not held in memory), existing targets are copied aside, then each new file is
 * renamed over its target (atomic on one file system). If any step fails, the renamed targets are
 * restored from their copies (or removed, when they are new) in reverse order.
 */
import type { Files } from './files.ts';

/** A file's new text, or a file already written (`staged`, on the target's file system) to move into place. */
export type FileChange = { path: string; text: string } | { path: string; staged: string };

export type CommitResult =
  | { ok: true; warnings: string[] }
  /** `restored`: every file is as it was. If not, `damaged` names what could not be put back and `kept` where the old contents are. */
  | { ok: false; error: unknown; restored: true }
  | { ok: false; error: unknown; restored: false; damaged: string[]; kept: string[] };

export function commitFiles(changes: readonly FileChange[], files: Files, tag: string): CommitResult {
  const tmpOf = (p: string) => `${p}.tmp-${tag}`;
  const from = (c: FileChange) => ('staged' in c ? c.staged : tmpOf(c.path));
  const bak = (p: string) => `${p}.bak-${tag}`;
  const hadOld = changes.map((c) => files.exists(c.path));
  const backedUp: boolean[] = changes.map(() => false);
  let renamed = 0;
  try {
    for (const c of changes) if ('text' in c) files.writeFile(tmpOf(c.path), c.text);
    changes.forEach((c, i) => { if (hadOld[i]) { files.copyFile(c.path, bak(c.path)); backedUp[i] = true; } });
    for (const c of changes) { files.rename(from(c), c.path); renamed++; }
  } catch (error) {
    const damaged: string[] = [];
    for (let i = renamed - 1; i >= 0; i--) {
      const path = changes[i]!.path;
      try {
        if (hadOld[i]) { files.rename(bak(path), path); backedUp[i] = false; } else files.remove(path);
      } catch {
        damaged.push(path);
      }
    }
    const kept: string[] = [];
    changes.forEach((c, i) => {
      const leftovers = ['text' in c ? [tmpOf(c.path)] : [], ...(backedUp[i] && !damaged.includes(c.path) ? [bak(c.path)] : [])].flat();
      for (const p of leftovers) { try { files.remove(p); } catch { /* a stray temporary file harms nothing */ } }
      if (backedUp[i] && damaged.includes(c.path)) kept.push(bak(c.path));
    });
    return damaged.length ? { ok: false, error, restored: false, damaged, kept } : { ok: false, error, restored: true };
  }
  const warnings: string[] = [];
  changes.forEach((c, i) => {
    if (!backedUp[i]) return;
    try { files.remove(bak(c.path)); } catch { warnings.push(`could not remove the copy ${bak(c.path)}; delete it by hand`); }
  });
  return { ok: true, warnings };
}
