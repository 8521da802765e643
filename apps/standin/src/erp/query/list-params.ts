// The parameters of a list request (`/api/resource/<Doctype>`, `frappe.client.get_list|get_count`),
// parsed and validated into SQL pieces the way Frappe reads them.
import type { Doctype } from '@gigafibre/contracts';
import { FrappeError, validationError } from '../errors';
import { parseFieldSelections, parseGroupBy, parseOrderBy, type FieldSelection, type OrderTerm } from './field-exprs';
import { parseFilters, whereSql, type SqlPart } from './filters';

/** A validated list request. */
export interface ListRequest {
  fields: FieldSelection[];
  where: SqlPart;
  orderBy: OrderTerm[] | null;
  groupBy: string | null;
  limitStart: number;
  /** 0 = all, as in Frappe. */
  limitPageLength: number;
  /** false: each row a list of values in `fields` order (`as_dict=0`). */
  asDict: boolean;
}

/** Parameters from a query string or a JSON body. */
export type RawParams = Record<string, unknown>;

/** Which door the list came in by: they read `fields`, `limit` and `as_dict` differently. */
export type ListDoor = 'resource' | 'get_list';

/** URLSearchParams → RawParams (a repeated parameter is refused: it would be read ambiguously). */
export function paramsFromQuery(query: URLSearchParams): RawParams {
  const out: RawParams = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    if (values.length > 1) throw validationError(`Paramètre répété : ${key}`);
    out[key] = values[0];
  }
  return out;
}

/**
 * A JSON parameter. Frappe json.loads it (frappe/desk/reportview.py parse_json) and answers a
 * malformed one with 500 JSONDecodeError; the standin refuses it with a ValidationError (417), a
 * deliberate deviation that keeps a bad request a 4xx through the BFF (conformance/README.md).
 */
export function jsonParam(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  if (value.trim() === '') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw validationError(`JSON invalide dans ${name}`);
  }
}

/**
 * frappe.utils.cint: a number, or the integer part of a numeric text (`"5.7"` → 5). Frappe reads
 * anything else as 0, which for `limit_page_length` means every row; the standin refuses it (417)
 * and a negative offset (MariaDB's syntax error, a 500), like a malformed JSON parameter.
 */
function cint(value: unknown, name: string): number {
  const n = typeof value === 'number' ? Math.trunc(value) : typeof value === 'string' && /^\s*-?\d+(\.\d*)?\s*$/.test(value) ? Math.trunc(Number(value)) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw validationError(`${name} doit être un entier ≥ 0`);
  return n;
}

/**
 * The page size. `/api/resource` (frappe/api/v1.py document_list) sets `limit_page_length` when
 * absent to `limit or 20`; frappe.client.get_list takes no `limit` (frappe.call drops unknown
 * arguments, as it drops `page_length` and `start`) and defaults to 20. An empty or 0 value means
 * no limit (DatabaseQuery.execute: `cint(x) if x else None`).
 */
function pageLength(params: RawParams, door: ListDoor): number {
  let value = params.limit_page_length;
  if (value === undefined && door === 'resource') value = params.limit || undefined;
  if (value === undefined) return 20;
  if (value === '' || value === null || value === false) return 0;
  return cint(value, 'limit_page_length');
}

const FALSY = new Set(['false', '0', 'f', 'n', 'no', 'off']);
const TRUTHY = new Set(['true', '1', 't', 'y', 'yes', 'on']);

/**
 * `as_dict`: document_list converts it with frappe.utils.sbool ("false"/"0" → False, other text
 * stays truthy); get_list's `as_dict: bool` goes through frappe/utils/typing_validations.py
 * (pydantic, lax): a text that is no boolean or number is a FrappeTypeError (417).
 */
function asDict(value: unknown, door: ListDoor): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const text = String(value).trim().toLowerCase();
  if (door === 'resource') return !(text === 'false' || text === '0');
  if (FALSY.has(text)) return false;
  if (TRUTHY.has(text)) return true;
  if (text !== '' && Number.isFinite(Number(text))) return Number(text) !== 0;
  throw new FrappeError('FrappeTypeError', `L’argument as_dict doit être un booléen (reçu : ${String(value)})`);
}

/** `fields`: JSON (document_list json.loads it); get_list also takes a bare `*`. */
function fieldList(value: unknown, door: ListDoor): string[] {
  if (value === '*' && door === 'get_list') return ['*'];
  const parsed = jsonParam(value, 'fields');
  if (parsed === undefined || parsed === null) return ['name'];
  if (Array.isArray(parsed) && parsed.every((f) => typeof f === 'string')) return parsed as string[];
  throw validationError('fields doit être une liste JSON de noms de champs');
}

function textParam(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw validationError(`${name} doit être du texte`);
  return value;
}

/** Parses and validates every list parameter; `today` anchors date filters. */
export function parseListRequest(doctype: Doctype, params: RawParams, today: string, door: ListDoor = 'resource'): ListRequest {
  const fields = parseFieldSelections(doctype, fieldList(params.fields, door));
  const filters = parseFilters(doctype, jsonParam(params.filters, 'filters'));
  const orFilters = parseFilters(doctype, jsonParam(params.or_filters, 'or_filters'));
  const orderText = textParam(params.order_by, 'order_by');
  const groupText = textParam(params.group_by, 'group_by');
  const hasAggregate = fields.some((f) => f.aggregate);
  const groupBy = groupText ? parseGroupBy(doctype, groupText) : null;
  let orderBy: OrderTerm[] | null = orderText ? parseOrderBy(doctype, orderText) : null;
  // The doctype's sort order (`modified desc` unless its DocType says otherwise); none for an
  // aggregate or grouped query. v15's /api/resource sends no order at all (v16 sends the doctype's).
  if (!orderBy && !hasAggregate && !groupBy) orderBy = [{ field: 'modified', dir: 'DESC' }];
  return {
    fields,
    where: whereSql(doctype, filters, orFilters, today),
    orderBy,
    groupBy,
    limitStart: params.limit_start === undefined || params.limit_start === '' || params.limit_start === null ? 0 : cint(params.limit_start, 'limit_start'),
    limitPageLength: pageLength(params, door),
    asDict: asDict(params.as_dict, door),
  };
}

/**
 * What get_count reads: `filters` only (frappe.client.get_count has no `or_filters`), through
 * frappe.utils.get_safe_filters — a text that is not JSON is a document name — and the query
 * builder's rules (a list of plain values is a list of names).
 */
export function parseCountRequest(doctype: Doctype, params: RawParams, today: string): SqlPart {
  let filters: unknown = params.filters;
  if (typeof filters === 'string') {
    try {
      filters = JSON.parse(filters) as unknown;
    } catch {
      // get_safe_filters keeps the text: a name.
    }
  }
  if (typeof filters === 'string' || typeof filters === 'number') filters = filters === '' ? undefined : { name: String(filters) };
  if (Array.isArray(filters) && filters.length > 0 && filters.every((f) => typeof f === 'string' || typeof f === 'number')) filters = [['name', 'in', filters]];
  return whereSql(doctype, parseFilters(doctype, filters), [], today, 'count');
}
