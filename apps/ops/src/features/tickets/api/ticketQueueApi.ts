// The queue's reads: one page of tickets for the filters, and the count of each quick filter
// (over active tickets, whatever else is picked: « how many are mine, unassigned, waiting, late »).
import type { Issue } from '@gigafibre/contracts';
import { erpCount, erpList } from '@/shared/http';
import { COUNTED_FILTERS, countFilters, QUEUE_FIELDS, ticketFilters, ticketOrderBy, ticketSearchFilters, type QueueCounts, type TicketQueueFilters } from '../model/ticketQueueFilters';

export type { QueueCounts } from '../model/ticketQueueFilters';

export const TICKET_PAGE_SIZE = 50;

export type QueueRow = Pick<Issue, (typeof QUEUE_FIELDS)[number]> & { customerName: string | null };

/** The first `limit` tickets for these filters, in the queue's order, with their clients' names. */
export async function fetchQueuePage(filters: TicketQueueFilters, user: string, nowMs: number, limit: number, signal?: AbortSignal): Promise<QueueRow[]> {
  const search = ticketSearchFilters(filters.search);
  const rows = await erpList('Issue', {
    fields: QUEUE_FIELDS,
    filters: ticketFilters(filters, user, nowMs),
    ...(search.length > 0 ? { orFilters: search } : {}),
    orderBy: `${ticketOrderBy(filters.sort)}, name asc`,
    limit,
    signal,
  });
  const ids = [...new Set(rows.map((r) => r.customer).filter((c): c is string => !!c))];
  const customers = ids.length === 0 ? [] : await erpList('Customer', { fields: ['name', 'customer_name'], filters: [['name', 'in', ids]], limit: ids.length, signal });
  const names = new Map(customers.map((c) => [c.name, c.customer_name]));
  return rows.map((r) => ({ ...r, customerName: (r.customer && names.get(r.customer)) ?? null }));
}

/** How many tickets each quick filter holds (the counts are read in parallel). */
export async function fetchQueueCounts(user: string, nowMs: number, signal?: AbortSignal): Promise<QueueCounts> {
  const filters = countFilters(user, nowMs);
  const counts = await Promise.all(COUNTED_FILTERS.map((key) => erpCount('Issue', filters[key], { signal })));
  return Object.fromEntries(COUNTED_FILTERS.map((key, i) => [key, counts[i] ?? 0])) as QueueCounts;
}
