/**
 * `store.watch` for views that take a while to redraw (lists, charts, geometry): the view redraws
 * when the page is next idle (requestIdleCallback, at most `timeoutMs` later), each view in a task
 * of its own. A swap's task stays short, the map's frame is not held up by panels, and while a
 * reader steps through dates quickly the panels wait and then draw the date they stop on, once.
 * No main-thread task should pass 50 ms (docs/performance.md).
 */
import type { Store } from './store.ts';

type Idle = (fn: () => void, opts: { timeout: number }) => number;
const whenIdle: Idle = typeof requestIdleCallback === 'function'
  ? (fn, opts) => requestIdleCallback(fn, opts)
  : (fn) => setTimeout(fn, 50) as unknown as number;

export function watchLater<S extends object, T>(store: Store<S>, select: (s: Readonly<S>) => T, fn: (value: T) => void,
  options: { initial?: boolean; timeoutMs?: number } = {}): () => void {
  let waiting = false;
  let stopped = false;
  const stop = store.watch(select, () => {
    if (waiting) return;
    waiting = true;
    whenIdle(() => {
      waiting = false;
      if (!stopped) fn(select(store.state));
    }, { timeout: options.timeoutMs ?? 1000 });
  }, { initial: options.initial });
  return () => { stopped = true; stop(); };
}
