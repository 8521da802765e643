// Pages of the client list, by account number. With "unpaid balance" on, the page is driven by
// Sales Invoice (grouped by customer, outstanding > 0) since Frappe's REST cannot join: batches of
// grouped invoices, their customers fetched with the status/region filters, until a page is full.
// The cursor is the offset in that grouped list, so "load more" continues exactly where it stopped.
import type { Customer } from '@gigafibre/contracts';
import { callMethod, erpList } from '@/shared/http';
import { customerFilters, type ClientListFilters } from '../model/clientListFilters';

export const CLIENT_PAGE_SIZE = 25;
/** Grouped invoices read per round trip, and round trips per page at most. */
const UNPAID_BATCH = 100;
const UNPAID_MAX_BATCHES = 5;

const LIST_FIELDS = ['name', 'customer_name', 'mobile_no', 'email_id', 'territory', 'custom_account_status'] as const;

/** Sum of unpaid invoices (CAD, 0 when none); 'loading' until read; 'unavailable' when it could not be read. */
export type BalanceDue = number | 'loading' | 'unavailable';

export type ClientListRow = Pick<Customer, (typeof LIST_FIELDS)[number]> & { balanceDue: BalanceDue };

export interface ClientListPage {
  rows: ClientListRow[];
  /** Cursor of the next page; null at the end. */
  next: number | null;
}

interface BalanceRow {
  customer: string;
  balance_due: number;
}

function unpaidBalances(extra: { filters?: unknown[]; limit_start?: number; limit_page_length: number }, signal?: AbortSignal): Promise<BalanceRow[]> {
  return callMethod<BalanceRow[]>(
    'frappe.client.get_list',
    {
      doctype: 'Sales Invoice',
      fields: ['customer', 'sum(outstanding_amount) as balance_due'],
      filters: [['outstanding_amount', '>', 0], ...(extra.filters ?? [])],
      group_by: 'customer',
      order_by: 'customer asc',
      limit_start: extra.limit_start,
      limit_page_length: extra.limit_page_length,
    },
    { http: 'GET', signal },
  );
}

function customers(filters: ClientListFilters, ids: string[] | null, start: number, limit: number, signal?: AbortSignal) {
  return erpList('Customer', {
    fields: LIST_FIELDS,
    filters: [...customerFilters(filters), ...(ids ? [['name', 'in', ids] as ['name', 'in', string[]]] : [])],
    orderBy: 'name asc',
    limit,
    start,
    signal,
  });
}

/** The unpaid balance of each of these customers (0 for those without unpaid invoices). */
export async function fetchBalances(ids: string[], signal?: AbortSignal): Promise<Map<string, number>> {
  const rows = ids.length === 0 ? [] : await unpaidBalances({ filters: [['customer', 'in', ids]], limit_page_length: ids.length }, signal);
  const due = new Map(rows.map((r) => [r.customer, r.balance_due]));
  return new Map(ids.map((id) => [id, due.get(id) ?? 0]));
}

// The rows show at once; their balances follow (fetchBalances, from useClientList).
async function plainPage(filters: ClientListFilters, start: number, signal?: AbortSignal): Promise<ClientListPage> {
  const found = await customers(filters, null, start, CLIENT_PAGE_SIZE + 1, signal);
  const page = found.slice(0, CLIENT_PAGE_SIZE);
  return {
    rows: page.map((c) => ({ ...c, balanceDue: 'loading' as const })),
    next: found.length > CLIENT_PAGE_SIZE ? start + CLIENT_PAGE_SIZE : null,
  };
}

async function unpaidPage(filters: ClientListFilters, cursor: number, signal?: AbortSignal): Promise<ClientListPage> {
  const rows: ClientListRow[] = [];
  let offset = cursor;
  for (let batch = 0; batch < UNPAID_MAX_BATCHES; batch++) {
    const groups = await unpaidBalances({ limit_start: offset, limit_page_length: UNPAID_BATCH }, signal);
    const found = groups.length === 0 ? [] : await customers(filters, groups.map((g) => g.customer), 0, UNPAID_BATCH, signal);
    const byId = new Map(found.map((c) => [c.name, c]));
    for (const [i, group] of groups.entries()) {
      offset++;
      const customer = byId.get(group.customer);
      if (customer) rows.push({ ...customer, balanceDue: group.balance_due });
      const more = i < groups.length - 1 || groups.length === UNPAID_BATCH;
      if (rows.length === CLIENT_PAGE_SIZE) return { rows, next: more ? offset : null };
    }
    if (groups.length < UNPAID_BATCH) return { rows, next: null };
  }
  // Many invoices matched none of the other filters: stop here and let the user ask for more.
  return { rows, next: offset };
}

/** One page of the list for `filters`, from `cursor` (0 for the first page). */
export function fetchClientPage(filters: ClientListFilters, cursor: number, signal?: AbortSignal): Promise<ClientListPage> {
  return filters.unpaid ? unpaidPage(filters, cursor, signal) : plainPage(filters, cursor, signal);
}
