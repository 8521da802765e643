// `fields` and `order_by` of a list request, checked against the doctype's columns (a whitelist):
// anything else is refused, never SQL.
import type { Doctype } from '@gigafibre/contracts';
import { columnsOf, q } from '../../db/schema';
import { dataError, FrappeError, validationError } from '../errors';

/** One selected column (or aggregate) and the key it is returned under. */
export interface FieldSelection {
  sql: string;
  key: string;
  aggregate: boolean;
  /** The column a plain selection reads (for its wire format); none for aggregates. */
  column?: string;
}

/**
 * What `fields=["*"]` stands for (frappe/desk/reportview.py update_wildcard_field_param →
 * frappe/model/__init__.py get_permitted_fields): the standard fields, a child row's parent fields,
 * then the doctype's own; the optional ones (`_user_tags` …) only when named.
 */
export function wildcardColumns(doctype: Doctype): string[] {
  return [...columnsOf(doctype).keys()].filter((c) => c !== '_user_tags');
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

/**
 * Resolves a column reference in `fields` to a known column of `doctype`. Anything else is
 * frappe/model/db_query.py sanitize_fields' "Use of sub-query or function is restricted", and an
 * unknown name frappe/desk/reportview.py raise_invalid_field's "Field not permitted in query": both
 * DataError (417).
 */
export function resolveColumn(doctype: Doctype, expr: string): string {
  const m = COLUMN_RE.exec(expr.trim());
  if (!m || (m[1] !== undefined && m[1] !== doctype)) throw dataError(`L’usage de sous-requêtes ou de fonctions est restreint : ${expr}`);
  const field = m[2] as string;
  if (!columnsOf(doctype).has(field)) throw dataError(`Champ non permis dans la requête : ${field}`);
  return field;
}

/**
 * A column in `order_by`/`group_by`. Frappe validates these clauses only against SQL (subqueries,
 * stray characters, sleep(): ValidationError, frappe/model/db_query.py validate_order_by_and_group_by)
 * and leaves column names to the database (v15: MariaDB's unknown column, a 500), while the newer
 * query engine refuses a name it does not know with PermissionError (frappe/database/query.py
 * _check_field_permission). The standin answers the latter: a 4xx either way.
 */
function clauseColumn(doctype: Doctype, expr: string, clause: string): string {
  const m = COLUMN_RE.exec(expr.trim());
  if (!m || (m[1] !== undefined && m[1] !== doctype)) throw validationError(`${clause} non autorisé : ${expr}`);
  const field = m[2] as string;
  if (!columnsOf(doctype).has(field)) throw new FrappeError('PermissionError', `Vous n’avez pas la permission d’accéder au champ ${doctype}.${field}`);
  return field;
}

/** Parses `fields` (already a list of strings); `*` expands to every column. */
export function parseFieldSelections(doctype: Doctype, fields: readonly string[]): FieldSelection[] {
  const out: FieldSelection[] = [];
  for (const raw of fields) {
    const expr = raw.trim();
    if (expr === '*' || expr === `\`tab${doctype}\`.*`) {
      for (const col of wildcardColumns(doctype)) out.push({ sql: q(col), key: col, aggregate: false, column: col });
      continue;
    }
    const aliased = ALIAS_RE.exec(expr);
    const body = aliased ? (aliased[1] as string).trim() : expr;
    const agg = AGGREGATE_RE.exec(body);
    if (agg) {
      const fn = (agg[1] as string).toLowerCase();
      const arg = agg[2] as string;
      const col = arg === '*' ? '*' : q(resolveColumn(doctype, arg));
      if (col === '*' && fn !== 'count') throw dataError(`L’usage de sous-requêtes ou de fonctions est restreint : ${expr}`);
      out.push({ sql: `${fn}(${col})`, key: aliased ? (aliased[2] as string) : `${fn}(${arg.replace(/`/g, '')})`, aggregate: true });
      continue;
    }
    const field = resolveColumn(doctype, body);
    out.push({ sql: q(field), key: aliased ? (aliased[2] as string) : field, aggregate: false, column: field });
  }
  // DatabaseQuery.execute: no fields means `name`.
  if (out.length === 0) out.push({ sql: q('name'), key: 'name', aggregate: false, column: 'name' });
  return out;
}

/** Parses `order_by` (`field asc|desc[, …]`). */
export function parseOrderBy(doctype: Doctype, orderBy: string): OrderTerm[] {
  if (orderBy.length > 500) throw validationError('order_by trop long');
  return orderBy.split(',').map((term) => {
    // `field`, `` `field` `` or `` `tabDispatch Job`.`field` `` (a table name may hold a space).
    const m = /^\s*((?:`[^`]+`\.)?\S+?)(?:\s+(asc|desc))?\s*$/i.exec(term);
    if (!m) throw validationError(`order_by non autorisé : ${term.trim()}`);
    const field = clauseColumn(doctype, m[1] as string, 'order_by');
    return { field, dir: (m[2] ?? 'asc').toUpperCase() as 'ASC' | 'DESC' };
  });
}

/** Parses `group_by` (one column). */
export function parseGroupBy(doctype: Doctype, groupBy: string): string {
  return clauseColumn(doctype, groupBy, 'group_by');
}
