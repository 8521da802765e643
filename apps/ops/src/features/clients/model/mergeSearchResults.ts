// The lookups' rows → one result per client, each with the reasons it matched (strongest first),
// clients ranked by their strongest reason (an exact account, serial or phone before a partial
// name), then by name.
import { normaliseForMatch } from './highlight';
import type { MatchKind, Needle, SearchLookup } from './searchPlan';

export interface SearchCustomerRow {
  name: string;
  customer_name: string;
  mobile_no: string | null;
  email_id: string | null;
  territory: string | null;
  custom_account_status: string | null;
}

export interface SearchLocationRow {
  name: string;
  customer: string;
  address_line: string;
  city: string | null;
  postal_code: string | null;
}

export interface SearchEquipmentRow {
  name: string;
  customer: string | null;
  serial_no: string;
  mac_address: string | null;
  equipment_type: string;
  model: string | null;
}

export type SearchRow = SearchCustomerRow | SearchLocationRow | SearchEquipmentRow;

/** What one lookup returned. */
export interface LookupHits {
  lookup: SearchLookup;
  rows: SearchRow[];
}

export interface MatchReason {
  kind: MatchKind;
  /** The matched value as stored (a phone as typed in ERPNext, a MAC upper-case). */
  value: string;
  /** Context shown beside it: the city of an address, the model of a device. */
  detail: string;
  needle: Needle;
  exact: boolean;
}

export interface ClientSearchResult {
  id: string;
  /** Null when the customer record itself could not be read (its match is still shown). */
  customer: SearchCustomerRow | null;
  reasons: MatchReason[];
}

/** Strength of each kind of match: lower comes first. */
const KIND_RANK: Record<MatchKind, number> = { account: 0, serial: 1, mac: 2, phone: 3, name: 4, email: 5, postal: 6, address: 7 };

function reasonRank(r: MatchReason): number {
  return (r.exact ? 0 : 10) + KIND_RANK[r.kind];
}

function isExact(value: string, needle: Needle): boolean {
  const v = normaliseForMatch(value, needle.mode).text;
  const n = normaliseForMatch(needle.parts.join(needle.mode === 'text' ? ' ' : ''), needle.mode).text;
  // A phone stored with its country code (+1 514…) is still the same number.
  return v === n || (needle.mode === 'digits' && v === `1${n}`);
}

function reasonFor(lookup: SearchLookup, row: SearchRow): { customer: string | null; value: string; detail: string } {
  switch (lookup.kind) {
    case 'account':
      return { customer: row.name, value: row.name, detail: '' };
    case 'name':
      return { customer: row.name, value: (row as SearchCustomerRow).customer_name, detail: '' };
    case 'email':
      return { customer: row.name, value: (row as SearchCustomerRow).email_id ?? '', detail: '' };
    case 'phone':
      return { customer: row.name, value: (row as SearchCustomerRow).mobile_no ?? '', detail: '' };
    case 'address': {
      const loc = row as SearchLocationRow;
      return { customer: loc.customer, value: loc.address_line, detail: [loc.city, loc.postal_code].filter(Boolean).join(' ') };
    }
    case 'postal': {
      const loc = row as SearchLocationRow;
      return { customer: loc.customer, value: loc.postal_code ?? '', detail: [loc.address_line, loc.city].filter(Boolean).join(', ') };
    }
    case 'serial':
    case 'mac': {
      const eq = row as SearchEquipmentRow;
      const value = lookup.kind === 'serial' ? eq.serial_no : (eq.mac_address ?? '');
      return { customer: eq.customer, value, detail: [eq.equipment_type, eq.model].filter(Boolean).join(' ') };
    }
  }
}

/** Customer ids found through a location or equipment that no customer lookup returned. */
export function missingCustomerIds(hits: readonly LookupHits[]): string[] {
  const known = new Set(hits.filter((h) => h.lookup.doctype === 'Customer').flatMap((h) => h.rows.map((r) => r.name)));
  const missing = new Set<string>();
  for (const h of hits) {
    if (h.lookup.doctype === 'Customer') continue;
    for (const row of h.rows) {
      const id = reasonFor(h.lookup, row).customer;
      if (id && !known.has(id)) missing.add(id);
    }
  }
  return [...missing];
}

/** Merges every lookup's rows (and the customers fetched for location/equipment hits). */
export function mergeSearchResults(hits: readonly LookupHits[], extraCustomers: readonly SearchCustomerRow[] = [], max = 20): ClientSearchResult[] {
  const customers = new Map<string, SearchCustomerRow>();
  for (const c of extraCustomers) customers.set(c.name, c);
  for (const h of hits) if (h.lookup.doctype === 'Customer') for (const row of h.rows) customers.set(row.name, row as SearchCustomerRow);

  const byId = new Map<string, ClientSearchResult>();
  for (const h of hits) {
    for (const row of h.rows) {
      const { customer, value, detail } = reasonFor(h.lookup, row);
      if (!customer) continue; // equipment in stock: nobody's
      let result = byId.get(customer);
      if (!result) {
        result = { id: customer, customer: customers.get(customer) ?? null, reasons: [] };
        byId.set(customer, result);
      }
      if (result.reasons.some((r) => r.kind === h.lookup.kind && r.value === value)) continue;
      result.reasons.push({ kind: h.lookup.kind, value, detail, needle: h.lookup.needle, exact: isExact(value, h.lookup.needle) });
    }
  }
  const results = [...byId.values()];
  for (const r of results) r.reasons.sort((a, b) => reasonRank(a) - reasonRank(b));
  const best = (r: ClientSearchResult) => reasonRank(r.reasons[0] as MatchReason);
  results.sort((a, b) => best(a) - best(b) || (a.customer?.customer_name ?? a.id).localeCompare(b.customer?.customer_name ?? b.id, 'fr-CA'));
  return results.slice(0, max);
}
