// One search term → the ERPNext list calls that can find the client (run in parallel, then merged):
// customers by name, e-mail, phone digits or account number; service locations by address or
// postal code; equipment by serial or MAC. Pure: the SPA runs these calls through erpList and the
// bench sends the very same ones through the BFF.
import type { FilterTuple } from '@gigafibre/contracts';
import {
  accountNumber,
  hasAccountPrefix,
  macSearchPatterns,
  phoneSearchDigits,
  postalCodePattern,
  serialSearchTerm,
  textWords,
} from './searchTerms';

/** Why a client came up. */
export type MatchKind = 'account' | 'name' | 'email' | 'phone' | 'address' | 'postal' | 'serial' | 'mac';

/** How a matched value is compared and highlighted: which characters count. */
export type NeedleMode = 'text' | 'digits' | 'hex' | 'alnum';

export interface Needle {
  mode: NeedleMode;
  /** Each part is highlighted where it occurs (words of a name, the digits of a phone). */
  parts: string[];
}

export type SearchDoctype = 'Customer' | 'Service Location' | 'Service Equipment';

export interface SearchLookup {
  kind: MatchKind;
  doctype: SearchDoctype;
  /** AND-ed. */
  filters: FilterTuple[];
  /** OR-ed (then AND-ed with `filters`), as Frappe combines them. */
  orFilters?: FilterTuple[];
  needle: Needle;
}

/** One `GET /api/resource/<doctype>` call, in erpList's option names. */
export interface ListCall {
  doctype: SearchDoctype;
  fields: readonly string[];
  filters?: FilterTuple[];
  orFilters?: FilterTuple[];
  limit: number;
}

export const CUSTOMER_FIELDS = ['name', 'customer_name', 'mobile_no', 'email_id', 'territory', 'custom_account_status'] as const;
export const LOCATION_FIELDS = ['name', 'customer', 'address_line', 'city', 'postal_code'] as const;
export const EQUIPMENT_FIELDS = ['name', 'customer', 'serial_no', 'mac_address', 'equipment_type', 'model'] as const;

const FIELDS: Record<SearchDoctype, readonly string[]> = {
  Customer: CUSTOMER_FIELDS,
  'Service Location': LOCATION_FIELDS,
  'Service Equipment': EQUIPMENT_FIELDS,
};

/** Rows per lookup: enough to pick from while typing, few enough to stay instant. */
export const LOOKUP_LIMIT = 8;
/** Shortest term searched at all. */
export const MIN_TERM_LENGTH = 2;

const contains = (field: string, value: string): FilterTuple => [field, 'like', `%${value}%`];
const hasLetter = (s: string) => /\p{L}/u.test(s);
const hasDigit = (s: string) => /\d/.test(s);

function customer(kind: MatchKind, filters: FilterTuple[], needle: Needle): SearchLookup {
  return { kind, doctype: 'Customer', filters, needle };
}

/**
 * Every word, in the order typed or the reverse (« josée tremblay », « tremblay josée »): one
 * pattern per order rather than one condition per word, because each word alone may match
 * thousands of clients while together they match a handful, and a single pattern lets the
 * database narrow on all the words at once.
 */
function allWords(field: string, words: string[]): Pick<SearchLookup, 'filters' | 'orFilters'> {
  if (words.length === 1) return { filters: [contains(field, words[0] as string)] };
  const typed = words.join('%');
  const reversed = [...words].reverse().join('%');
  return { filters: [], orFilters: [contains(field, typed), contains(field, reversed)] };
}

function wordsLookups(term: string): SearchLookup[] {
  const words = textWords(term);
  const single = words.length === 1;
  const lookups: SearchLookup[] = [];
  // Names and streets rarely hold digits unless typed with other words (« 4512 saint-denis »).
  const wordy = hasLetter(term) && (!hasDigit(term) || !single);
  if (wordy && words.some((w) => w.length >= 2)) {
    lookups.push({ kind: 'name', doctype: 'Customer', ...allWords('customer_name', words), needle: { mode: 'text', parts: words } });
  }
  // An e-mail's local part: letters, or with digits only when it looks like one (« jean.roy42 »),
  // so serials do not also search e-mails.
  if (single && term.length >= 3 && hasLetter(term) && (!hasDigit(term) || /[._]/.test(term))) {
    lookups.push(customer('email', [contains('email_id', term)], { mode: 'text', parts: [term] }));
  }
  if (wordy && term.length >= 3) {
    lookups.push({ kind: 'address', doctype: 'Service Location', ...allWords('address_line', words), needle: { mode: 'text', parts: words } });
  }
  return lookups;
}

function equipmentLookups(term: string, withSerial: boolean): SearchLookup[] {
  const lookups: SearchLookup[] = [];
  const serial = withSerial ? serialSearchTerm(term) : null;
  if (serial) lookups.push({ kind: 'serial', doctype: 'Service Equipment', filters: [contains('serial_no', serial)], needle: { mode: 'alnum', parts: [serial] } });
  const macs = macSearchPatterns(term);
  if (macs) {
    lookups.push({
      kind: 'mac',
      doctype: 'Service Equipment',
      filters: [],
      orFilters: macs.map((p) => contains('mac_address', p)),
      needle: { mode: 'hex', parts: [term.replace(/[^0-9a-f]/gi, '')] },
    });
  }
  return lookups;
}

/**
 * The lookups worth running for `raw`. A term that can only be one thing (`cust-42`, an e-mail, a
 * postal code, a MAC with separators, a formatted phone number) runs that lookup alone; bare
 * digits may be a phone, an account number or a serial; words a name, an e-mail or a street.
 */
export function buildSearchPlan(raw: string): SearchLookup[] {
  const term = raw.trim().replace(/\s+/g, ' ');
  if (term.replace(/[%\s]/g, '').length < MIN_TERM_LENGTH) return [];

  const account = accountNumber(term);
  if (hasAccountPrefix(term) && account) return [customer('account', [['name', '=', account]], { mode: 'alnum', parts: [account] })];
  if (term.includes('@')) return [customer('email', [contains('email_id', term.replace(/\s/g, ''))], { mode: 'text', parts: [term] })];

  const postal = postalCodePattern(term);
  if (postal) {
    const code = term.replace(/\s/g, '');
    return [{ kind: 'postal', doctype: 'Service Location', filters: [['postal_code', 'like', postal]], needle: { mode: 'alnum', parts: [code] } }];
  }

  const macWithSeparators = /[:.\-\s]/.test(term) && macSearchPatterns(term) !== null;
  if (macWithSeparators) return equipmentLookups(term, false);

  const phone = phoneSearchDigits(term);
  const lookups: SearchLookup[] = [];
  if (account && /^\d+$/.test(term)) lookups.push(customer('account', [['name', '=', account]], { mode: 'alnum', parts: [account] }));
  // Phones are searched on `custom_phone_digits`, never on `mobile_no`: ERPNext stores what was
  // typed (`(514) 555-0142`, `+1 514 555 0142`…), which no LIKE pattern can match in every format.
  // Production needs, in the gigafibre app: the custom field on Customer (Data, read-only, hidden),
  // filled by a `before_save` doc event from mobile_no (digits only, a leading 1 of an 11-digit
  // number dropped), and a one-time patch to backfill existing customers; the same for any other
  // phone field we later search (contacts, addresses). No B-tree index serves a contains-search:
  // MariaDB scans the column (a few ms at 50,000 customers); much larger, an n-gram index would.
  if (phone) lookups.push(customer('phone', [contains('custom_phone_digits', phone)], { mode: 'digits', parts: [phone] }));
  // A formatted number (spaces, dashes, +1) is a phone number and nothing else.
  if (phone && !/^\d+$/.test(term)) return lookups;
  return [...lookups, ...wordsLookups(term), ...equipmentLookups(term, true)];
}

/** The list call a lookup makes. */
export function lookupCall(lookup: SearchLookup, limit = LOOKUP_LIMIT): ListCall {
  return {
    doctype: lookup.doctype,
    fields: FIELDS[lookup.doctype],
    filters: lookup.filters,
    ...(lookup.orFilters ? { orFilters: lookup.orFilters } : {}),
    limit,
  };
}

/** The second call: customers found through a location or a piece of equipment. */
export function customersByIdCall(ids: readonly string[]): ListCall {
  return { doctype: 'Customer', fields: CUSTOMER_FIELDS, filters: [['name', 'in', [...ids]]], limit: ids.length };
}

/**
 * Query parameters of a list call, encoded exactly as the SPA's erpList sends them (checked by a
 * test against erpList itself), for callers outside the SPA such as the bench.
 */
export function listCallQuery(call: ListCall): Record<string, string> {
  const query: Record<string, string> = { fields: JSON.stringify(call.fields) };
  if (call.filters !== undefined) query.filters = JSON.stringify(call.filters);
  if (call.orFilters !== undefined) query.or_filters = JSON.stringify(call.orFilters);
  query.limit_page_length = String(call.limit);
  return query;
}
