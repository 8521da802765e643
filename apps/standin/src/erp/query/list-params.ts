// The parameters of a list request (`/api/resource/<Doctype>`, `frappe.client.get_list|get_count`),
// parsed and validated into SQL pieces.
import type { Doctype } from '@gigafibre/contracts';
import { validationError } from '../errors';
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
}

/** Parameters from a query string or a JSON body. */
export type RawParams = Record<string, unknown>;

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

/** A parameter that may be JSON text: parsed when it looks like JSON, refused when malformed. */
export function jsonParam(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return undefined;
  if (text.startsWith('[') || text.startsWith('{') || text === 'null') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw validationError(`JSON invalide dans ${name}`);
    }
  }
  return text;
}

function intParam(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : /^\d+$/.test(String(value).trim()) ? Number(String(value).trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw validationError(`${name} doit être un entier ≥ 0`);
  return n;
}

function fieldList(value: unknown): string[] {
  const parsed = jsonParam(value, 'fields');
  if (parsed === undefined || parsed === null) return ['name'];
  if (typeof parsed === 'string') return parsed.split(',');
  if (Array.isArray(parsed) && parsed.every((f) => typeof f === 'string')) return parsed as string[];
  throw validationError('fields doit être une liste JSON de noms de champs');
}

function textParam(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw validationError(`${name} doit être du texte`);
  return value;
}

/** Parses and validates every list parameter; `today` anchors `timespan` filters. */
export function parseListRequest(doctype: Doctype, params: RawParams, today: string): ListRequest {
  const fields = parseFieldSelections(doctype, fieldList(params.fields));
  const filters = parseFilters(doctype, jsonParam(params.filters, 'filters'));
  const orFilters = parseFilters(doctype, jsonParam(params.or_filters, 'or_filters'));
  const orderText = textParam(params.order_by, 'order_by');
  const groupText = textParam(params.group_by, 'group_by');
  const hasAggregate = fields.some((f) => f.aggregate);
  const groupBy = groupText ? parseGroupBy(doctype, groupText) : null;
  let orderBy: OrderTerm[] | null = orderText ? parseOrderBy(doctype, orderText) : null;
  // Frappe's default order; an aggregate or grouped query has none unless asked.
  if (!orderBy && !hasAggregate && !groupBy) orderBy = [{ field: 'modified', dir: 'DESC' }];
  const pageLength = params.limit_page_length ?? params.limit ?? params.page_length;
  return {
    fields,
    where: whereSql(doctype, filters, orFilters, today),
    orderBy,
    groupBy,
    limitStart: intParam(params.limit_start ?? params.start, 'limit_start', 0),
    limitPageLength: intParam(pageLength, 'limit_page_length', 20),
  };
}

/** Parses only what a count needs (`filters`, `or_filters`). */
export function parseCountRequest(doctype: Doctype, params: RawParams, today: string): SqlPart {
  return whereSql(
    doctype,
    parseFilters(doctype, jsonParam(params.filters, 'filters')),
    parseFilters(doctype, jsonParam(params.or_filters, 'or_filters')),
    today,
  );
}
