/**
 * The file operations the data CLIs write with, behind one interface, so tests can make any of
 * them fail (a full disk, a lost permission) at a chosen moment and check what is left on disk.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

export interface Files {
  exists(path: string): boolean;
  readFile(path: string): Buffer;
  writeFile(path: string, text: string): void;
  /** Creates the file only if it does not exist yet; throws an error with code EEXIST if it does. */
  createExclusive(path: string, text: string): void;
  copyFile(from: string, to: string): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  /** Size in bytes of a file (not a folder), or null when there is no such file. */
  sizeOf(path: string): number | null;
  /** The names in a folder, or null when `path` is not a folder. */
  list(path: string): string[] | null;
  makeDir(path: string): void;
  /** Removes a folder and everything in it; nothing when there is none. */
  removeDir(path: string): void;
}

export const nodeFiles: Files = {
  exists: (p) => existsSync(p),
  readFile: (p) => readFileSync(p),
  writeFile: (p, t) => writeFileSync(p, t),
  createExclusive: (p, t) => writeFileSync(p, t, { flag: 'wx' }),
  copyFile: (a, b) => copyFileSync(a, b),
  rename: (a, b) => renameSync(a, b),
  remove: (p) => rmSync(p, { force: true }),
  sizeOf: (p) => (existsSync(p) && statSync(p).isFile() ? statSync(p).size : null),
  list: (p) => (existsSync(p) && statSync(p).isDirectory() ? readdirSync(p) : null),
  makeDir: (p) => { mkdirSync(p, { recursive: true }); },
  removeDir: (p) => rmSync(p, { recursive: true, force: true }),
};

/** A copy of `files` whose operation `op` throws on its `nth` call (1-based); for tests. */
export function failingFiles(files: Files, op: keyof Files, nth: number, error = Object.assign(new Error('ENOSPC: no space left on device (simulated)'), { code: 'ENOSPC' })): Files {
  let calls = 0;
  return {
    ...files,
    [op]: (...args: unknown[]) => {
      if (++calls === nth) throw error;
      return (files[op] as (...a: unknown[]) => unknown)(...args);
    },
  } as Files;
}
