// The queue's quick filters, kept in the URL (shareable, restored by saved views), and the Frappe
// filters they stand for. The queue shows active tickets (Open, Replied, On Hold) unless « all
// statuses » is asked; « due » is the SLA's resolution deadline passed or within the hour.
import { frappeTimestamp, ISSUE_STATUSES, PRIORITIES, type FilterScalar, type FrappeOperator, type IssueStatus, type Priority } from '@gigafibre/contracts';

/** Who holds the ticket: anyone, the signed-in user, nobody. */
export const TICKET_SCOPES = ['all', 'mine', 'unassigned'] as const;
export type TicketScope = (typeof TICKET_SCOPES)[number];

/** How the queue is sorted: by the SLA's resolution deadline (default), or newest first. */
export const TICKET_SORTS = ['due', 'newest'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

/** Issue types the CSRs use (ERPNext's Issue Type names). */
export const ISSUE_TYPES = ['Technique', 'Wi-Fi', 'Facturation', 'Installation'] as const;

export const ACTIVE_ISSUE_STATUSES: readonly IssueStatus[] = ['Open', 'Replied', 'On Hold'];

export interface TicketQueueFilters {
  scope: TicketScope;
  /** Only tickets waiting on us (status Open). */
  open: boolean;
  /** Only tickets overdue or due within the hour. */
  due: boolean;
  /** Resolved and closed tickets too. */
  closed: boolean;
  type: string | null;
  priority: Priority | null;
  search: string;
  sort: TicketSort;
}

export const DEFAULT_TICKET_FILTERS: TicketQueueFilters = { scope: 'all', open: false, due: false, closed: false, type: null, priority: null, search: '', sort: 'due' };

/** Longest search text sent (the BFF bounds query sizes; a ticket subject is short). */
export const MAX_TICKET_SEARCH = 80;

type Query = Record<string, unknown>;
const one = (v: unknown): string | undefined => (Array.isArray(v) ? one(v[0]) : typeof v === 'string' ? v : undefined);
const pick = <T extends string>(values: readonly T[], v: unknown, fallback: T): T => ((values as readonly string[]).includes(one(v) ?? '') ? (one(v) as T) : fallback);

/** Filters from a route query; anything unknown falls back to the default. */
export function ticketFiltersFromQuery(query: Query): TicketQueueFilters {
  const type = one(query.type);
  const priority = one(query.priority);
  return {
    scope: pick(TICKET_SCOPES, query.scope, 'all'),
    open: one(query.open) === '1',
    due: one(query.due) === '1',
    closed: one(query.closed) === '1',
    type: type && (ISSUE_TYPES as readonly string[]).includes(type) ? type : null,
    priority: priority && (PRIORITIES as readonly string[]).includes(priority) ? (priority as Priority) : null,
    search: (one(query.q) ?? '').slice(0, MAX_TICKET_SEARCH),
    sort: pick(TICKET_SORTS, query.sort, 'due'),
  };
}

/** The route query of some filters: only what differs from the default. */
export function ticketFiltersToQuery(f: TicketQueueFilters): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.scope !== 'all') q.scope = f.scope;
  if (f.open) q.open = '1';
  if (f.due) q.due = '1';
  if (f.closed) q.closed = '1';
  if (f.type) q.type = f.type;
  if (f.priority) q.priority = f.priority;
  if (f.search.trim()) q.q = f.search.trim();
  if (f.sort !== 'due') q.sort = f.sort;
  return q;
}

/** A Frappe filter row. */
export type TicketFilter = [field: string, operator: FrappeOperator, value: FilterScalar | FilterScalar[]];

/** The Frappe datetime one hour after `nowMs`: « due within the hour » ends there. */
export function dueHorizon(nowMs: number): string {
  return frappeTimestamp(nowMs + 3_600_000).slice(0, 19);
}

// Frappe's `like` has no escape character: the user's own wildcards are dropped rather than obeyed.
const plainLike = (text: string) => text.replace(/[%_\\]/g, ' ').trim();

/** The Frappe filters of a scope alone (counts per quick filter use them one at a time). */
export function scopeFilters(scope: TicketScope, user: string): TicketFilter[] {
  // `_assign` is a JSON list of e-mails: ["a@x.ca"]. Empty or NULL is unassigned (Frappe's
  // `not like` reads NULL as '').
  if (scope === 'mine') return [['_assign', 'like', `%${JSON.stringify(user)}%`]];
  if (scope === 'unassigned') return [['_assign', 'not like', '%@%']];
  return [];
}

/** Everything but the search: `filters` for erpList / get_count. */
export function ticketFilters(f: TicketQueueFilters, user: string, nowMs: number): TicketFilter[] {
  const out: TicketFilter[] = [];
  if (f.open) out.push(['status', '=', 'Open']);
  else if (!f.closed) out.push(['status', 'in', [...ACTIVE_ISSUE_STATUSES]]);
  out.push(...scopeFilters(f.scope, user));
  if (f.due) out.push(['resolution_by', '<', dueHorizon(nowMs)]);
  if (f.type) out.push(['issue_type', '=', f.type]);
  if (f.priority) out.push(['priority', '=', f.priority]);
  return out;
}

/** The search as `or_filters`: ticket number, subject or client number. */
export function ticketSearchFilters(search: string): TicketFilter[] {
  const text = plainLike(search.slice(0, MAX_TICKET_SEARCH));
  if (!text) return [];
  const like = `%${text}%`;
  return [['name', 'like', like], ['subject', 'like', like], ['customer', 'like', like]];
}

/** `order_by` for a sort: the SLA deadline first (tickets without one last), or the newest. */
export function ticketOrderBy(sort: TicketSort): string {
  return sort === 'due' ? 'resolution_by asc' : 'creation desc';
}

/** The statuses a CSR may pick, in ERPNext's order. */
export const TICKET_STATUS_OPTIONS: readonly IssueStatus[] = ISSUE_STATUSES;

/** The queue's columns (the bench reads the same). */
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

