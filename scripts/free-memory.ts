/**
 * A full garbage collection, for build steps that stream through an archive (scripts/stack-files.ts,
 * scripts/site-data.ts). V8 lets its heap grow with the garbage a long loop leaves (measured: a
 * 365-date stack grew to 340 MB of memory with 40 MB in use) before it collects; collecting between
 * blocks keeps the process at what it uses. Node exposes `gc` only with --expose-gc, which can be
 * set once the process runs (v8.setFlagsFromString) for contexts made after it (vm). Where that is
 * refused, this does nothing and V8 collects in its own time.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

export function freeMemory(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
