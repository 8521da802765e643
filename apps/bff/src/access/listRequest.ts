// A list or count request's query, checked against what Frappe would read from it: only the
// parameters the ops app uses (anything else — `expand`, `debug`, `parent`, `as_dict`,
// `run_method`, `page_length` — is refused, since Frappe hands every parameter to get_list), each
// once, each well formed; the page size bounded. The result names every column the request touches.
import { LIST_LIMITS } from '@gigafibre/capabilities';
import { badQuery, pageTooLarge } from './accessErrors';
import { parseFilters, type Condition } from './filters';
import { fieldEntryColumns, groupByColumn, orderByColumns, parseFieldsParam } from './queryGrammar';

/** The three ways to list a doctype through the ERP. */
export type ListKind = 'list' | 'get_list' | 'get_count';

const LIST_PARAMS = ['fields', 'filters', 'or_filters', 'order_by', 'group_by', 'limit_start', 'limit_page_length'];
const ALLOWED: Record<ListKind, ReadonlySet<string>> = {
  // Frappe's /api/resource reads `limit` before `limit_page_length`; get_list knows only the latter.
  list: new Set([...LIST_PARAMS, 'limit']),
  get_list: new Set(['doctype', ...LIST_PARAMS]),
  // frappe.client.get_count(doctype, filters, debug, cache): only the first two are the app's.
  get_count: new Set(['doctype', 'filters']),
};
const COUNT = /^\d{1,7}$/;
/** Frappe's page size when none is given. */
const DEFAULT_PAGE = 20;

/** A checked list request. */
export interface ListRequest {
  readonly kind: ListKind;
  readonly doctype: string;
  /** Every column read, filtered, sorted or grouped on. */
  readonly columns: ReadonlySet<string>;
  /** True when `fields` asks for `*`. */
  readonly star: boolean;
  readonly filters: readonly Condition[];
  /** Rows asked for (0 for a count). */
  readonly pageLength: number;
  /** The query as received (every parameter checked). */
  readonly params: URLSearchParams;
}

function single(params: URLSearchParams, kind: ListKind): void {
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (!ALLOWED[kind].has(key)) throw badQuery(key, `paramètre « ${key.slice(0, 40)} » non accepté.`);
    // A repeated parameter could be read one way here and another upstream.
    if (seen.has(key)) throw badQuery(key, `paramètre « ${key} » répété.`);
    seen.add(key);
  }
}

function pageLengthOf(params: URLSearchParams): number {
  const limit = params.get('limit');
  const pageLength = params.get('limit_page_length');
  if (limit !== null && pageLength !== null) throw badQuery('limit', 'limit et limit_page_length ensemble sont ambigus.');
  const text = limit ?? pageLength;
  if (text === null) return DEFAULT_PAGE;
  // An empty value reaches Frappe as 0, "every row".
  if (!COUNT.test(text)) throw badQuery(limit !== null ? 'limit' : 'limit_page_length', 'taille de page : un entier attendu.');
  const n = Number(text);
  if (n === 0 || n > LIST_LIMITS.maxPage) throw pageTooLarge(LIST_LIMITS.maxPage);
  return n;
}

/** Reads and checks a list (`kind`) request's query on `doctype`. */
export function parseListRequest(kind: ListKind, doctype: string, params: URLSearchParams): ListRequest {
  single(params, kind);
  const columns = new Set<string>();
  let star = false;
  const fields = params.get('fields');
  if (fields !== null && fields !== '') {
    for (const entry of parseFieldsParam(fields)) {
      const read = fieldEntryColumns(entry);
      if (read === '*') star = true;
      else for (const column of read) columns.add(column);
    }
  }
  const filtersText = params.get('filters');
  const filters = filtersText === null || filtersText === '' ? [] : parseFilters('filters', filtersText, doctype);
  const orText = params.get('or_filters');
  const orFilters = orText === null || orText === '' ? [] : parseFilters('or_filters', orText, doctype);
  for (const [field] of filters) columns.add(field);
  for (const [field] of orFilters) columns.add(field);
  const orderBy = params.get('order_by');
  if (orderBy !== null && orderBy !== '') for (const column of orderByColumns(orderBy)) columns.add(column);
  const groupBy = params.get('group_by');
  if (groupBy !== null && groupBy !== '') columns.add(groupByColumn(groupBy));
  const start = params.get('limit_start');
  if (start !== null && !COUNT.test(start)) throw badQuery('limit_start', 'limit_start : un entier ≥ 0 attendu.');
  return { kind, doctype, columns, star, filters, pageLength: kind === 'get_count' ? 0 : pageLengthOf(params), params };
}

/** The query string to send upstream with `filters` replaced by `conditions` (list form). */
export function withFilters(request: ListRequest, conditions: readonly Condition[]): string {
  const params = new URLSearchParams(request.params);
  params.set('filters', JSON.stringify(conditions));
  return params.toString();
}
