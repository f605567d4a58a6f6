/**
 * A lock file against two data:add runs on one data folder at once. It holds the owner's process
 * id, host and start time. A lock is stale, and taken over, when its owner on this host is no
 * longer running, when it is older than an hour (no run takes that long; the process id may have
 * been reused), or when it cannot be read. Creating it is atomic (exclusive create), so of two runs
 * that find the same stale lock only one gets it. (proper-lockfile was considered: it detects
 * staleness by refreshing the lock's time on a timer, which a run busy validating a big file for
 * many seconds, synchronously, would fail to do.)
 */
import { hostname } from 'node:os';
import type { Files } from './files.ts';

export const STALE_AFTER_MS = 60 * 60 * 1000;

export interface LockOwner { pid: number; host: string; startedAtIso: string }

export interface LockOptions {
  now?: Date;
  pid?: number;
  host?: string;
  /** Whether a process of this host is running. */
  isAlive?: (pid: number) => boolean;
}

const alive = (pid: number) => {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
};

export type LockResult = { ok: true; release: () => void; tookOverFrom: LockOwner | null } | { ok: false; owner: LockOwner };

function readOwner(files: Files, path: string): LockOwner | null {
  try {
    const o = JSON.parse(files.readFile(path).toString('utf8')) as Partial<LockOwner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.startedAtIso === 'string' ? (o as LockOwner) : null;
  } catch {
    return null;
  }
}

export function acquireLock(path: string, files: Files, options: LockOptions = {}): LockResult {
  const now = options.now ?? new Date();
  const me: LockOwner = { pid: options.pid ?? process.pid, host: options.host ?? hostname(), startedAtIso: now.toISOString() };
  const isAlive = options.isAlive ?? alive;
  let tookOverFrom: LockOwner | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      files.createExclusive(path, JSON.stringify(me));
      return { ok: true, tookOverFrom, release: () => { if (readOwner(files, path)?.pid === me.pid) files.remove(path); } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = readOwner(files, path);
    const stale = !owner
      || (owner.host === me.host && !isAlive(owner.pid))
      || now.getTime() - Date.parse(owner.startedAtIso) > STALE_AFTER_MS
      || Number.isNaN(Date.parse(owner.startedAtIso));
    if (!stale || attempt === 1) return { ok: false, owner: owner ?? { pid: 0, host: '?', startedAtIso: '?' } };
    tookOverFrom = owner ?? { pid: 0, host: '?', startedAtIso: '?' };
    files.remove(path);
  }
  throw new Error('unreachable');
}
