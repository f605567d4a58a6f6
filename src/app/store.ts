/**
 * The app's one state store: `state`, `update(patch)` and `watch(selector, fn)`. Views subscribe to
 * the slice they draw; they never ask what else changed. A watcher is called when its selected
 * value changes (Object.is, or element by element for an array of values), in the order the
 * watchers were added. An update made by a watcher is applied at once and its watchers are called
 * after the current round, so every watcher sees each change once, in order. A watcher that throws
 * (a bug in one view) is reported through `onError` and the others still run, so one broken panel
 * cannot stop the map, aria-busy or the embed's events. Pure: no DOM.
 */
export interface Store<S extends object> {
  readonly state: Readonly<S>;
  update(patch: Partial<S>): void;
  /**
   * Calls `fn(value, previous)` now (unless `initial: false`) and whenever `select(state)` changes.
   * Returns a function that stops watching.
   */
  watch<T>(select: (s: Readonly<S>) => T, fn: (value: T, previous: T | undefined) => void, options?: { initial?: boolean }): () => void;
}

interface Watcher<S> { select: (s: Readonly<S>) => unknown; fn: (value: unknown, previous: unknown) => void; last: unknown }

/** Equal values, or arrays of equal values (a selector may pick several fields as a tuple). */
export function sameSelection(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, i) => Object.is(x, b[i]));
}

/**
 * @example const store = createStore({ dateIndex: 0 }); store.watch((s) => s.dateIndex, (i) => draw(i)); store.update({ dateIndex: 3 });
 */
export function createStore<S extends object>(initial: S, options: { onError?: (err: unknown) => void } = {}): Store<S> {
  const onError = options.onError ?? ((err: unknown) => console.error(err));
  const call = (w: Watcher<S>, value: unknown, previous: unknown) => {
    try { w.fn(value, previous); } catch (err) { onError(err); }
  };
  const state = { ...initial };
  let watchers: Watcher<S>[] = [];
  let notifying = false;
  let again = false;
  const notify = () => {
    if (notifying) { again = true; return; }
    notifying = true;
    try {
      do {
        again = false;
        for (const w of watchers) {
          if (!watchers.includes(w)) continue; // removed by an earlier watcher this round
          const value = w.select(state);
          if (sameSelection(value, w.last)) continue;
          const previous = w.last;
          w.last = value;
          call(w, value, previous);
        }
      } while (again);
    } finally {
      notifying = false;
    }
  };
  return {
    state,
    update(patch) {
      Object.assign(state, patch);
      notify();
    },
    watch(select, fn, opts = {}) {
      const w: Watcher<S> = { select, fn: fn as Watcher<S>['fn'], last: select(state) };
      watchers = [...watchers, w];
      if (opts.initial !== false) call(w, w.last, undefined);
      return () => { watchers = watchers.filter((x) => x !== w); };
    },
  };
}
