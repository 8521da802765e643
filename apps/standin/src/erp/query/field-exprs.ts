// `fields` and `order_by` of a list request, checked against the doctype's columns (a whitelist):
// anything else is a ValidationError, never SQL.
import type { Doctype } from '@gigafibre/contracts';
import { columnsOf, q } from '../../db/schema';
import { validationError } from '../errors';

/** One selected column (or aggregate) and the key it is returned under. */
export interface FieldSelection {
  sql: string;
  key: string;
  aggregate: boolean;
}

/** One ORDER BY term. */
export interface OrderTerm {
  field: string;
  dir: 'ASC' | 'DESC';
}

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
// `field`, `` `field` ``, `tabX.field`, `` `tabX`.`field` ``
const COLUMN_RE = new RegExp(`^(?:\`?tab([^\`.]+)\`?\\.)?\`?(${IDENT})\`?$`);
const AGGREGATE_RE = new RegExp(`^(count|sum|avg|min|max)\\(\\s*(\\*|\`?${IDENT}\`?)\\s*\\)$`, 'i');
const ALIAS_RE = new RegExp(`^(.+?)\\s+as\\s+(${IDENT})$`, 'i');

/** Resolves a column reference to a known column of `doctype`, or throws. */
export function resolveColumn(doctype: Doctype, expr: string, what: string): string {
  const m = COLUMN_RE.exec(expr.trim());
  if (!m || (m[1] !== undefined && m[1] !== doctype)) throw validationError(`${what} non autorisé : ${expr}`);
  const field = m[2] as string;
  if (!columnsOf(doctype).has(field)) throw validationError(`Champ inconnu dans ${doctype} : ${field}`);
  return field;
}

/** Parses `fields` (already a list of strings); `*` expands to every column. */
export function parseFieldSelections(doctype: Doctype, fields: readonly string[]): FieldSelection[] {
  const out: FieldSelection[] = [];
  for (const raw of fields) {
    const expr = raw.trim();
    if (expr === '*' || expr === `\`tab${doctype}\`.*`) {
      for (const col of columnsOf(doctype).keys()) out.push({ sql: q(col), key: col, aggregate: false });
      continue;
    }
    const aliased = ALIAS_RE.exec(expr);
    const body = aliased ? (aliased[1] as string).trim() : expr;
    const agg = AGGREGATE_RE.exec(body);
    if (agg) {
      const fn = (agg[1] as string).toLowerCase();
      const arg = agg[2] as string;
      const col = arg === '*' ? '*' : q(resolveColumn(doctype, arg, 'Champ'));
      if (col === '*' && fn !== 'count') throw validationError(`Expression non autorisée : ${expr}`);
      out.push({ sql: `${fn}(${col})`, key: aliased ? (aliased[2] as string) : `${fn}(${arg.replace(/`/g, '')})`, aggregate: true });
      continue;
    }
    const field = resolveColumn(doctype, body, 'Champ');
    out.push({ sql: q(field), key: aliased ? (aliased[2] as string) : field, aggregate: false });
  }
  if (out.length === 0) throw validationError('fields ne peut pas être vide');
  return out;
}

/** Parses `order_by` (`field asc|desc[, …]`). */
export function parseOrderBy(doctype: Doctype, orderBy: string): OrderTerm[] {
  if (orderBy.length > 500) throw validationError('order_by trop long');
  return orderBy.split(',').map((term) => {
    // `field`, `` `field` `` or `` `tabDispatch Job`.`field` `` (a table name may hold a space).
    const m = /^\s*((?:`[^`]+`\.)?\S+?)(?:\s+(asc|desc))?\s*$/i.exec(term);
    if (!m) throw validationError(`order_by non autorisé : ${term.trim()}`);
    const field = resolveColumn(doctype, m[1] as string, 'order_by');
    return { field, dir: (m[2] ?? 'asc').toUpperCase() as 'ASC' | 'DESC' };
  });
}

/** Parses `group_by` (one column). */
export function parseGroupBy(doctype: Doctype, groupBy: string): string {
  return resolveColumn(doctype, groupBy, 'group_by');
}
