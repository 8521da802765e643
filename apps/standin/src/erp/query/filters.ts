// Frappe filters (list and dict forms, every operator) → an SQL condition with bound parameters.
// Field names come only from the doctype's columns; values are never spliced into SQL. Two rule
// sets: get_list's (frappe/model/db_query.py, conditions-list.ts) and get_count's
// (frappe/database/query.py, conditions-count.ts).
import { FRAPPE_OPERATORS, type Doctype, type FrappeOperator } from '@gigafibre/contracts';
import { columnsOf } from '../../db/schema';
import { dataError, validationError } from '../errors';
import { countConditionSql } from './conditions-count';
import { listConditionSql } from './conditions-list';

/** One parsed condition. */
export interface Condition {
  field: string;
  op: FrappeOperator;
  value: unknown;
}

/** SQL text and its parameters. */
export interface SqlPart {
  sql: string;
  params: unknown[];
  /** Trigram-index shortcuts in `sql`, which a runner may swap for their plain form (see likeSql). */
  accelerators?: Accelerator[];
}

/** An index-backed clause, its plain equivalent (same parameters) and its matches (to count, capped). */
export interface Accelerator {
  clause: string;
  plain: string;
  probe: { sql: string; params: unknown[] };
}

/** Which Frappe code reads the filters: get_list's DatabaseQuery, or get_count's query builder. */
export type FilterSemantics = 'list' | 'count';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** frappe/utils/data.py get_filter: "Operator must be one of …" (ValidationError). */
function operator(raw: unknown): FrappeOperator {
  const op = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (!(FRAPPE_OPERATORS as readonly string[]).includes(op)) {
    throw validationError(`L’opérateur doit être l’un de ${FRAPPE_OPERATORS.join(', ')} (reçu : ${String(raw)})`);
  }
  return op as FrappeOperator;
}

/** frappe/desk/reportview.py validate_filters: a field the doctype lacks is "not permitted in query" (DataError). */
function fieldName(doctype: Doctype, raw: unknown): string {
  if (typeof raw !== 'string' || !columnsOf(doctype).has(raw)) throw dataError(`Champ non permis dans la requête : ${String(raw)}`);
  return raw;
}

/** Parses list form `[[f, op, v], [dt, f, op, v]]` or dict form `{f: v}` / `{f: [op, v]}`. */
export function parseFilters(doctype: Doctype, input: unknown): Condition[] {
  if (input === undefined || input === null || input === '') return [];
  if (Array.isArray(input)) {
    return input.map((item) => {
      if (!Array.isArray(item) || item.length < 3 || item.length > 4) {
        throw validationError(`Filtre invalide : ${JSON.stringify(item)} (attendu [champ, opérateur, valeur])`);
      }
      const [dt, f, op, v] = item.length === 4 ? item : [doctype, ...item];
      if (dt !== doctype) throw validationError(`Filtre sur un autre doctype non pris en charge : ${String(dt)}`);
      return { field: fieldName(doctype, f), op: operator(op), value: v };
    });
  }
  if (isPlainObject(input)) {
    return Object.entries(input).map(([f, v]) => {
      const field = fieldName(doctype, f);
      if (Array.isArray(v)) {
        if (v.length !== 2) throw validationError(`Filtre invalide pour ${field} : ${JSON.stringify(v)}`);
        return { field, op: operator(v[0]), value: v[1] };
      }
      return { field, op: '=', value: v };
    });
  }
  throw validationError('Les filtres doivent être une liste ou un objet JSON');
}

/** One condition → SQL under `semantics`. */
export function conditionSql(doctype: Doctype, c: Condition, today: string, semantics: FilterSemantics = 'list'): SqlPart {
  return semantics === 'list' ? listConditionSql(doctype, c, today) : countConditionSql(doctype, c, today);
}

/** `filters` AND-ed, then `or_filters` OR-ed in one group, as DatabaseQuery.prepare_args combines them. */
export function whereSql(doctype: Doctype, filters: Condition[], orFilters: Condition[], today: string, semantics: FilterSemantics = 'list'): SqlPart {
  const parts: string[] = [];
  const params: unknown[] = [];
  const accelerators: Accelerator[] = [];
  for (const c of filters) {
    const part = conditionSql(doctype, c, today, semantics);
    parts.push(part.sql);
    params.push(...part.params);
    accelerators.push(...(part.accelerators ?? []));
  }
  if (orFilters.length > 0) {
    const ors = orFilters.map((c) => conditionSql(doctype, c, today, semantics));
    parts.push(`(${ors.map((p) => p.sql).join(' OR ')})`);
    for (const p of ors) {
      params.push(...p.params);
      accelerators.push(...(p.accelerators ?? []));
    }
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params, ...(accelerators.length > 0 ? { accelerators } : {}) };
}
