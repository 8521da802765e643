// The affected addresses of one incident, a page at a time, each with the client's open tickets and jobs.
import { computed, shallowRef } from 'vue';
import type { AffectedCustomer } from '@gigafibre/contracts';
import { getAffectedPage, getOpenWork } from '../api/incidentsApi';
import { workByCustomer, type ClientWork } from '../model/incidentWork';

export function useAffectedCustomers(incidentId: () => string) {
  const rows = shallowRef<AffectedCustomer[]>([]);
  const work = shallowRef(new Map<string, ClientWork>());
  const total = shallowRef(0);
  const cursor = shallowRef<string | null>(null);
  const loading = shallowRef(false);
  const error = shallowRef<unknown>(null);
  let generation = 0;

  async function loadPage(reset: boolean): Promise<void> {
    const mine = reset ? ++generation : generation;
    loading.value = true;
    error.value = null;
    try {
      const page = await getAffectedPage(incidentId(), reset ? null : cursor.value);
      const { tickets, jobs } = await getOpenWork([...new Set(page.data.map((r) => r.customer))]);
      if (mine !== generation) return;
      const merged = new Map(reset ? [] : work.value);
      for (const [customer, w] of workByCustomer(tickets, jobs)) merged.set(customer, w);
      rows.value = reset ? page.data : [...rows.value, ...page.data];
      work.value = merged;
      total.value = page.total;
      cursor.value = page.next_cursor;
    } catch (caught) {
      if (mine === generation) error.value = caught;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  return {
    rows,
    work,
    total,
    loading,
    error,
    hasMore: computed(() => cursor.value !== null),
    reload: () => loadPage(true),
    more: () => loadPage(false),
  };
}
