import { describe, expect, it } from 'vitest';
import { createStore, sameSelection } from './store.ts';

describe('createStore', () => {
  it('calls a watcher at once and then only when its slice changes', () => {
    const store = createStore({ a: 1, b: 'x' });
    const seen: [number, number | undefined][] = [];
    store.watch((s) => s.a, (v, prev) => seen.push([v, prev]));
    store.update({ b: 'y' });
    store.update({ a: 2 });
    store.update({ a: 2 });
    expect(seen).toEqual([[1, undefined], [2, 1]]);
  });

  it('compares a tuple of fields element by element', () => {
    const store = createStore({ a: 1, b: 2, c: 3 });
    let calls = 0;
    store.watch((s) => [s.a, s.b], () => { calls++; }, { initial: false });
    store.update({ c: 4 });
    expect(calls).toBe(0);
    store.update({ b: 5 });
    expect(calls).toBe(1);
  });

  it('applies an update made by a watcher at once and tells every watcher in order, once per change', () => {
    const store = createStore({ dateIndex: 0, busy: false });
    const log: string[] = [];
    store.watch((s) => s.dateIndex, (i) => { log.push(`draw ${i}`); store.update({ busy: true }); }, { initial: false });
    store.watch((s) => s.busy, (b) => log.push(`busy ${b} at ${store.state.dateIndex}`), { initial: false });
    store.update({ dateIndex: 3 });
    expect(log).toEqual(['draw 3', 'busy true at 3']);
    expect(store.state).toEqual({ dateIndex: 3, busy: true });
  });

  it('stops calling a watcher that was removed', () => {
    const store = createStore({ n: 0 });
    const seen: number[] = [];
    const stop = store.watch((s) => s.n, (n) => seen.push(n));
    store.update({ n: 1 });
    stop();
    store.update({ n: 2 });
    expect(seen).toEqual([0, 1]);
  });
});

describe('sameSelection', () => {
  it('is Object.is for single values and element-wise for arrays', () => {
    const o = {};
    expect(sameSelection(o, o)).toBe(true);
    expect(sameSelection({}, {})).toBe(false);
    expect(sameSelection([1, o], [1, o])).toBe(true);
    expect(sameSelection([1, 2], [1, 2, 3])).toBe(false);
    expect(sameSelection(NaN, NaN)).toBe(true);
  });
});

describe('a watcher that throws', () => {
  it('is reported, and the watchers after it still see the change', () => {
    const errors: unknown[] = [];
    const store = createStore({ dateIndex: 0, busy: true }, { onError: (e) => errors.push(e) });
    const seen: number[] = [];
    store.watch((s) => s.dateIndex, (i) => { if (i === 2) throw new Error('a broken panel'); }, { initial: false });
    store.watch((s) => s.dateIndex, (i) => seen.push(i), { initial: false });
    store.watch((s) => s.dateIndex, () => store.update({ busy: false }), { initial: false });
    store.update({ dateIndex: 2 });
    expect(seen).toEqual([2]);
    expect(store.state.busy).toBe(false);
    expect(errors.map(String)).toEqual(['Error: a broken panel']);
  });
});
