// The instant search: every lookup of the term's plan in parallel through erpList, then the
// customers found only through a location or a device, then one ranked list.
import type { Doctype } from '@gigafibre/contracts';
import { erpList, isApiError, type FieldOf } from '@/shared/http';
import { mergeSearchResults, missingCustomerIds, type ClientSearchResult, type LookupHits, type SearchCustomerRow, type SearchRow } from '../model/mergeSearchResults';
import { buildSearchPlan, customersByIdCall, lookupCall, LOOKUP_LIMIT, type ListCall } from '../model/searchPlan';

/** A search should feel instant; past this it is reported rather than left spinning. */
const SEARCH_TIMEOUT_MS = 8_000;

/** Runs one planned call (the same parameters the bench sends). */
export function runListCall(call: ListCall, signal?: AbortSignal): Promise<SearchRow[]> {
  return erpList(call.doctype as Doctype, {
    fields: call.fields as readonly FieldOf<Doctype>[],
    filters: call.filters,
    ...(call.orFilters ? { orFilters: call.orFilters } : {}),
    limit: call.limit,
    signal,
    timeoutMs: SEARCH_TIMEOUT_MS,
  }) as unknown as Promise<SearchRow[]>;
}

export interface ClientSearchAnswer {
  results: ClientSearchResult[];
  /** Some lookup filled its page: more clients match than shown (the user should say more). */
  more: boolean;
}

/** Most clients shown for one term. */
export const MAX_RESULTS = 20;

/**
 * Clients matching `term`, strongest match first. A lookup that fails is left out when others
 * answered (a partial answer beats none while a caller waits); when all fail, the first error is thrown.
 */
export async function searchClients(term: string, signal?: AbortSignal): Promise<ClientSearchAnswer> {
  const plan = buildSearchPlan(term);
  if (plan.length === 0) return { results: [], more: false };
  const settled = await Promise.allSettled(plan.map((lookup) => runListCall(lookupCall(lookup), signal)));
  const hits: LookupHits[] = [];
  settled.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') hits.push({ lookup: plan[i] as (typeof plan)[number], rows: outcome.value });
  });
  if (hits.length === 0) throw (settled[0] as PromiseRejectedResult).reason;
  const missing = missingCustomerIds(hits);
  let extra: SearchCustomerRow[] = [];
  if (missing.length > 0) {
    try {
      extra = (await runListCall(customersByIdCall(missing), signal)) as SearchCustomerRow[];
    } catch (error) {
      if (isApiError(error) && error.code === 'aborted') throw error;
      // The matches still show, with the account number instead of the name.
    }
  }
  const merged = mergeSearchResults(hits, extra, MAX_RESULTS + 1);
  return { results: merged.slice(0, MAX_RESULTS), more: merged.length > MAX_RESULTS || hits.some((h) => h.rows.length >= LOOKUP_LIMIT) };
}
