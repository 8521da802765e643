import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick } from 'vue';
import { ApiError } from '@/shared/http';
import type { ClientSearchAnswer } from '../api/clientSearchApi';
import type { ClientSearchResult } from '../model/mergeSearchResults';
import { useClientSearch } from './useClientSearch';

const result = (id: string): ClientSearchResult => ({ id, customer: null, reasons: [] });
const answer = (...ids: string[]): ClientSearchAnswer => ({ results: ids.map(result), more: false });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(search: (term: string, signal: AbortSignal) => Promise<ClientSearchAnswer>) {
  const scope = effectScope();
  const state = scope.run(() => useClientSearch({ debounceMs: 200, search })) as ReturnType<typeof useClientSearch>;
  return { state, scope };
}

describe('useClientSearch', () => {
  it('waits for a pause in typing and searches only the last term', async () => {
    const search = vi.fn((term: string) => Promise.resolve(answer(term)));
    const { state } = setup(search);
    for (const t of ['tr', 'trem', 'tremblay']) {
      state.term.value = t;
      await nextTick();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(search).not.toHaveBeenCalled();
    expect(state.status.value).toBe('searching');
    await vi.advanceTimersByTimeAsync(200);
    expect(search.mock.calls.map((c) => c[0])).toEqual(['tremblay']);
    expect(state.results.value.map((r) => r.id)).toEqual(['tremblay']);
    expect(state.status.value).toBe('done');
  });

  it('cancels the older request: a late answer never replaces a newer one', async () => {
    const pending: { term: string; signal: AbortSignal; resolve: (r: ClientSearchAnswer) => void }[] = [];
    const { state } = setup((term, signal) => new Promise((resolve) => pending.push({ term, signal, resolve })));
    state.term.value = 'trem';
    await nextTick();
    await vi.advanceTimersByTimeAsync(200);
    state.term.value = 'tremblay';
    await nextTick();
    expect(pending[0]?.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    pending[1]?.resolve(answer('new'));
    pending[0]?.resolve(answer('old'));
    await vi.advanceTimersByTimeAsync(0);
    expect(state.results.value.map((r) => r.id)).toEqual(['new']);
    expect(state.answeredTerm.value).toBe('tremblay');
  });

  it('says when a term is too short, clears on empty, reports failures and retries', async () => {
    let fail = true;
    const search = vi.fn(() => (fail ? Promise.reject(new ApiError({ status: 503, code: 'unavailable', message: 'x' })) : Promise.resolve(answer('a'))));
    const { state, scope } = setup(search);
    state.term.value = 'a';
    await nextTick();
    expect(state.status.value).toBe('too-short');
    state.term.value = 'tremblay';
    await nextTick();
    await vi.advanceTimersByTimeAsync(200);
    expect(state.status.value).toBe('error');
    fail = false;
    await state.searchNow();
    expect(state.status.value).toBe('done');
    state.term.value = '';
    await nextTick();
    expect(state.status.value).toBe('idle');
    expect(state.results.value).toEqual([]);
    scope.stop();
  });

  it('stops a pending search when its scope ends', async () => {
    const search = vi.fn(() => Promise.resolve(answer()));
    const { state, scope } = setup(search);
    state.term.value = 'tremblay';
    await nextTick();
    scope.stop();
    await vi.advanceTimersByTimeAsync(500);
    expect(search).not.toHaveBeenCalled();
  });
});
