// The queue's reads: one page of tickets for the filters, and the count of each quick filter
// (over active tickets, whatever else is picked: « how many are mine, unassigned, waiting, late »).
import type { Issue } from '@gigafibre/contracts';
import { erpCount, erpList } from '@/shared/http';
import { ACTIVE_ISSUE_STATUSES, dueHorizon, scopeFilters, ticketFilters, ticketOrderBy, ticketSearchFilters, type TicketFilter, type TicketQueueFilters } from '../model/ticketQueueFilters';

export const TICKET_PAGE_SIZE = 50;

export const QUEUE_FIELDS = [
  'name',
  'subject',
  'status',
  'priority',
  'issue_type',
  'customer',
  'opening_date',
  'creation',
  'response_by',
  'resolution_by',
  'first_responded_on',
  'agreement_status',
  '_assign',
  'modified',
] as const;

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

/** The quick filters that carry a count. */
export const COUNTED_FILTERS = ['active', 'mine', 'unassigned', 'open', 'due'] as const;
export type CountedFilter = (typeof COUNTED_FILTERS)[number];
export type QueueCounts = Record<CountedFilter, number>;

/** Each quick filter's Frappe filters, over active tickets. */
export function countFilters(user: string, nowMs: number): Record<CountedFilter, TicketFilter[]> {
  const active: TicketFilter = ['status', 'in', [...ACTIVE_ISSUE_STATUSES]];
  return {
    active: [active],
    mine: [active, ...scopeFilters('mine', user)],
    unassigned: [active, ...scopeFilters('unassigned', user)],
    open: [['status', '=', 'Open']],
    due: [active, ['resolution_by', '<', dueHorizon(nowMs)]],
  };
}

/** How many tickets each quick filter holds (the counts are read in parallel). */
export async function fetchQueueCounts(user: string, nowMs: number, signal?: AbortSignal): Promise<QueueCounts> {
  const filters = countFilters(user, nowMs);
  const counts = await Promise.all(COUNTED_FILTERS.map((key) => erpCount('Issue', filters[key], { signal })));
  return Object.fromEntries(COUNTED_FILTERS.map((key, i) => [key, counts[i] ?? 0])) as QueueCounts;
}
