import { effectScope, nextTick, ref } from 'vue';
import { describe, expect, it, vi } from 'vitest';
import type { ClientListPage, ClientListRow } from '../api/clientListApi';
import { NO_FILTERS, type ClientListFilters } from '../model/clientListFilters';
import { useClientList } from './useClientList';

const row = (name: string): ClientListRow => ({ name, customer_name: name, mobile_no: null, email_id: null, territory: 'Laval', custom_account_status: 'Active', balanceDue: 'loading' }) as ClientListRow;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await nextTick();
};

function setUp(fetchDue: (ids: string[], signal?: AbortSignal) => Promise<Map<string, number>>, pages: ClientListPage[]) {
  const filters = ref<ClientListFilters>({ ...NO_FILTERS });
  const fetchPage = vi.fn(async () => pages.shift() as ClientListPage);
  const scope = effectScope();
  const list = scope.run(() => useClientList(filters, fetchPage, fetchDue))!;
  return { list, filters, scope };
}

describe('useClientList balances', () => {
  it('shows the rows at once, each balance loading, then the balances (0 included)', async () => {
    const due = deferred<Map<string, number>>();
    const { list, scope } = setUp(() => due.promise, [{ rows: [row('CUST-1'), row('CUST-2')], next: null }]);
    await flush();
    expect(list.rows.value.map((r) => r.balanceDue)).toEqual(['loading', 'loading']);
    due.resolve(new Map([['CUST-1', 42.5], ['CUST-2', 0]]));
    await flush();
    expect(list.rows.value.map((r) => r.balanceDue)).toEqual([42.5, 0]);
    scope.stop();
  });

  it('says « unavailable » only for a balance that could not be read', async () => {
    const { list, scope } = setUp(() => Promise.reject(new Error('503')), [{ rows: [row('CUST-1')], next: null }]);
    await flush();
    expect(list.rows.value[0]?.balanceDue).toBe('unavailable');
    scope.stop();
  });

  it('keeps filling the first page’s balances when the next page is asked for', async () => {
    const first = deferred<Map<string, number>>();
    const fetchDue = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValueOnce(new Map([['CUST-2', 7]]));
    const { list, scope } = setUp(fetchDue, [
      { rows: [row('CUST-1')], next: 1 },
      { rows: [row('CUST-2')], next: null },
    ]);
    await flush();
    await list.loadMore();
    await flush();
    first.resolve(new Map([['CUST-1', 3]]));
    await flush();
    expect(list.rows.value.map((r) => r.balanceDue)).toEqual([3, 7]);
    scope.stop();
  });

  it('drops the balances of a list the filters replaced', async () => {
    const stale = deferred<Map<string, number>>();
    const fetchDue = vi.fn().mockReturnValueOnce(stale.promise).mockResolvedValueOnce(new Map([['CUST-9', 1]]));
    const { list, filters, scope } = setUp(fetchDue, [
      { rows: [row('CUST-1')], next: null },
      { rows: [row('CUST-9')], next: null },
    ]);
    await flush();
    expect((fetchDue.mock.calls[0]?.[1] as AbortSignal).aborted).toBe(false);
    filters.value = { ...NO_FILTERS, region: 'Laval' };
    await flush();
    expect((fetchDue.mock.calls[0]?.[1] as AbortSignal).aborted).toBe(true);
    stale.resolve(new Map([['CUST-1', 99]]));
    await flush();
    expect(list.rows.value.map((r) => [r.name, r.balanceDue])).toEqual([['CUST-9', 1]]);
    scope.stop();
  });
});
