// The list view's rows for the current filters: the first page when the filters change (an older
// request is cancelled), more pages on demand, each failure kept for a retry of that page only.
// A page's rows show as soon as they arrive; their balances follow in one more call (a skeleton
// meanwhile), and a balance that cannot be read says so without hiding the row.
import { getCurrentScope, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { isApiError } from '@/shared/http';
import { fetchBalances, fetchClientPage, type ClientListRow } from '../api/clientListApi';
import type { ClientListFilters } from '../model/clientListFilters';

export function useClientList(filters: Ref<ClientListFilters>, fetchPage = fetchClientPage, fetchDue = fetchBalances) {
  const rows = shallowRef<ClientListRow[]>([]);
  const next = ref<number | null>(0);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;
  // Balances outlive « load more » (which cancels the page request) but not a change of filters.
  let balances = new AbortController();

  async function fillBalances(pageRows: ClientListRow[]): Promise<void> {
    const ids = pageRows.filter((r) => r.balanceDue === 'loading').map((r) => r.name);
    if (ids.length === 0) return;
    const mine = balances;
    let due: Map<string, number> | null = null;
    try {
      due = await fetchDue(ids, mine.signal);
    } catch {
      // shown as unavailable below, unless the list moved on
    }
    if (mine.signal.aborted) return;
    const wanted = new Set(ids);
    rows.value = rows.value.map((r) => (wanted.has(r.name) && r.balanceDue === 'loading' ? { ...r, balanceDue: due?.get(r.name) ?? 'unavailable' } : r));
  }

  async function load(cursor: number, replace: boolean): Promise<void> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(filters.value, cursor, mine.signal);
      if (controller !== mine) return;
      rows.value = replace ? page.rows : [...rows.value, ...page.rows];
      next.value = page.next;
      void fillBalances(page.rows);
    } catch (caught) {
      if (controller !== mine || (isApiError(caught) && caught.code === 'aborted')) return;
      error.value = caught;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  /** Starts over from the first page (filters changed, or a retry of the first page). */
  const reload = () => {
    balances.abort();
    balances = new AbortController();
    rows.value = [];
    next.value = 0;
    return load(0, true);
  };
  /** The next page (or the failed one again). */
  const loadMore = () => (next.value === null ? Promise.resolve() : load(next.value, rows.value.length === 0));

  watch(filters, reload, { deep: true, immediate: true });
  if (getCurrentScope()) onScopeDispose(() => (controller?.abort(), balances.abort()));

  return { rows, next, loading, error, reload, loadMore };
}
