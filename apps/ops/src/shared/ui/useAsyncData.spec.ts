import { describe, expect, it } from 'vitest';
import { useAsyncData } from './useAsyncData';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('useAsyncData', () => {
  it('goes loading → data, and keeps only the newest answer', async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const calls = [first, second];
    const signals: AbortSignal[] = [];
    const state = useAsyncData((signal) => (signals.push(signal), (calls.shift() as typeof first).promise));
    expect(state.loading.value).toBe(true);
    const again = state.reload();
    expect(signals[0]?.aborted).toBe(true);
    second.resolve('nouveau');
    first.resolve('ancien');
    await again;
    expect(state.data.value).toBe('nouveau');
    expect(state.loading.value).toBe(false);
  });

  it('keeps the error for ErrorState, and clears it on a successful retry', async () => {
    let fail = true;
    const state = useAsyncData(() => (fail ? Promise.reject(new Error('hors ligne')) : Promise.resolve(42)), { immediate: false });
    await state.reload();
    expect(state.error.value).toBeInstanceOf(Error);
    fail = false;
    await state.reload();
    expect(state.error.value).toBeNull();
    expect(state.data.value).toBe(42);
  });
});
