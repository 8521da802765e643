// Search as you type: waits for a pause in typing, cancels the request of an older term (an answer
// for « trem » never replaces the one for « tremblay »), keeps the last results on screen while the
// next ones load, and says whether the term is too short to search.
import { getCurrentScope, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { isApiError } from '@/shared/http';
import { searchClients, type ClientSearchAnswer } from '../api/clientSearchApi';
import type { ClientSearchResult } from '../model/mergeSearchResults';
import { buildSearchPlan } from '../model/searchPlan';

export type SearchStatus = 'idle' | 'too-short' | 'searching' | 'done' | 'error';

export interface UseClientSearchOptions {
  debounceMs?: number;
  search?: (term: string, signal: AbortSignal) => Promise<ClientSearchAnswer>;
}

export const SEARCH_DEBOUNCE_MS = 180;

export function useClientSearch(options: UseClientSearchOptions = {}) {
  const { debounceMs = SEARCH_DEBOUNCE_MS, search = searchClients } = options;
  const term = ref('');
  const results = shallowRef<ClientSearchResult[]>([]);
  /** More clients match than shown. */
  const more = ref(false);
  const status = ref<SearchStatus>('idle');
  const error = shallowRef<unknown>(null);
  /** The term the shown results answer. */
  const answeredTerm = ref('');
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: AbortController | null = null;

  function cancel(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    current?.abort();
    current = null;
  }

  async function run(value: string): Promise<void> {
    cancel();
    const controller = new AbortController();
    current = controller;
    status.value = 'searching';
    try {
      const found = await search(value, controller.signal);
      if (current !== controller) return;
      results.value = found.results;
      more.value = found.more;
      answeredTerm.value = value;
      error.value = null;
      status.value = 'done';
    } catch (caught) {
      if (current !== controller || (isApiError(caught) && caught.code === 'aborted')) return;
      error.value = caught;
      status.value = 'error';
    }
  }

  watch(term, (value) => {
    cancel();
    if (value.trim() === '') {
      results.value = [];
      more.value = false;
      answeredTerm.value = '';
      status.value = 'idle';
      return;
    }
    if (buildSearchPlan(value).length === 0) {
      results.value = [];
      more.value = false;
      status.value = 'too-short';
      return;
    }
    status.value = 'searching';
    timer = setTimeout(() => void run(value), debounceMs);
  });

  if (getCurrentScope()) onScopeDispose(cancel);

  return {
    term,
    results,
    more,
    status,
    error,
    answeredTerm,
    /** Searches the current term now (Enter before the pause, or retry after a failure). */
    searchNow: () => run(term.value),
  };
}
