// The list view's rows for the current filters: the first page when the filters change (an older
// request is cancelled), more pages on demand, each failure kept for a retry of that page only.
import { getCurrentScope, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { isApiError } from '@/shared/http';
import { fetchClientPage, type ClientListRow } from '../api/clientListApi';
import type { ClientListFilters } from '../model/clientListFilters';

export function useClientList(filters: Ref<ClientListFilters>, fetchPage = fetchClientPage) {
  const rows = shallowRef<ClientListRow[]>([]);
  const next = ref<number | null>(0);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

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
    } catch (caught) {
      if (controller !== mine || (isApiError(caught) && caught.code === 'aborted')) return;
      error.value = caught;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  /** Starts over from the first page (filters changed, or a retry of the first page). */
  const reload = () => {
    rows.value = [];
    next.value = 0;
    return load(0, true);
  };
  /** The next page (or the failed one again). */
  const loadMore = () => (next.value === null ? Promise.resolve() : load(next.value, rows.value.length === 0));

  watch(filters, reload, { deep: true, immediate: true });
  if (getCurrentScope()) onScopeDispose(() => controller?.abort());

  return { rows, next, loading, error, reload, loadMore };
}
