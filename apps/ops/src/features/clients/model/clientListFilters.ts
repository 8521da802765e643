// The list view's quick filters (account status, region, unpaid balance): their shape, how they
// read from and write to the URL (`/ops/clients?status=Suspended&region=Laval&unpaid=1`, shareable
// and what a saved view restores), and the Customer filters they make.
import { REGIONS, type FilterTuple, type Region } from '@gigafibre/contracts';

export const ACCOUNT_STATUSES = ['Active', 'Suspended', 'Terminated'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface ClientListFilters {
  status: AccountStatus | null;
  region: Region | null;
  /** Only clients with an unpaid invoice (Sales Invoice outstanding_amount > 0). */
  unpaid: boolean;
}

export const NO_FILTERS: ClientListFilters = { status: null, region: null, unpaid: false };

const one = (value: unknown): string | null => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null);

/** Reads filters from a route query; unknown values are ignored, never an error. */
export function filtersFromQuery(query: Record<string, unknown>): ClientListFilters {
  const status = one(query.status);
  const region = one(query.region);
  return {
    status: (ACCOUNT_STATUSES as readonly string[]).includes(status ?? '') ? (status as AccountStatus) : null,
    region: (REGIONS as readonly string[]).includes(region ?? '') ? (region as Region) : null,
    unpaid: one(query.unpaid) === '1',
  };
}

/** The route query for `filters` (empty values left out). */
export function filtersToQuery(filters: ClientListFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.status) query.status = filters.status;
  if (filters.region) query.region = filters.region;
  if (filters.unpaid) query.unpaid = '1';
  return query;
}

export function sameFilters(a: ClientListFilters, b: ClientListFilters): boolean {
  return a.status === b.status && a.region === b.region && a.unpaid === b.unpaid;
}

export function hasFilters(f: ClientListFilters): boolean {
  return !sameFilters(f, NO_FILTERS);
}

/** The Customer filters for status and region (the unpaid filter is on Sales Invoice). */
export function customerFilters(filters: ClientListFilters): FilterTuple[] {
  const out: FilterTuple[] = [];
  if (filters.status) out.push(['custom_account_status', '=', filters.status]);
  if (filters.region) out.push(['territory', '=', filters.region]);
  return out;
}
