// Frappe filters (list and dict forms, every operator) → an SQL condition with bound parameters.
// Field names come only from the doctype's columns; values are never spliced into SQL.
import { FRAPPE_OPERATORS, type Doctype, type FrappeOperator, type FieldSpec } from '@gigafibre/contracts';
import { columnsOf, q, searchTableOf, SEARCH_COLUMNS } from '../../db/schema';
import { validationError } from '../errors';
import { isTimespan, timespanRange } from './timespan';

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

type Scalar = string | number | null;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function operator(raw: unknown): FrappeOperator {
  const op = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (!(FRAPPE_OPERATORS as readonly string[]).includes(op)) {
    throw validationError(`Opérateur inconnu : ${String(raw)} (attendu : ${FRAPPE_OPERATORS.join(', ')})`);
  }
  return op as FrappeOperator;
}

function fieldName(doctype: Doctype, raw: unknown): string {
  if (typeof raw !== 'string' || !columnsOf(doctype).has(raw)) throw validationError(`Champ inconnu dans ${doctype} : ${String(raw)}`);
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

function scalar(value: unknown, field: string): Scalar {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw validationError(`Valeur de filtre invalide pour ${field} : ${JSON.stringify(value)}`);
}

function list(value: unknown, field: string): Scalar[] {
  if (Array.isArray(value)) return value.map((v) => scalar(v, field));
  if (typeof value === 'string') return value.split(',').map((s) => s.trim());
  throw validationError(`Liste attendue pour ${field} : ${JSON.stringify(value)}`);
}

const isDateOnly = (v: Scalar) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Bounds of a range; dates on a Datetime column cover whole days, as Frappe does. */
function rangeBounds(spec: FieldSpec, from: Scalar, to: Scalar): [Scalar, Scalar] {
  if (spec.type !== 'Datetime') return [from, to];
  return [isDateOnly(from) ? `${from as string} 00:00:00.000000` : from, isDateOnly(to) ? `${to as string} 23:59:59.999999` : to];
}

/** One condition → SQL. `!=`, `not like` and `not in` include empty values, like Frappe's ifnull(). */
export function conditionSql(doctype: Doctype, c: Condition, today: string): SqlPart {
  const col = q(c.field);
  const spec = columnsOf(doctype).get(c.field) as FieldSpec;
  switch (c.op) {
    case '=': {
      const v = scalar(c.value, c.field);
      return v === null ? { sql: `${col} IS NULL`, params: [] } : { sql: `${col} = ?`, params: [v] };
    }
    case '!=': {
      const v = scalar(c.value, c.field);
      return v === null ? { sql: `${col} IS NOT NULL`, params: [] } : { sql: `(${col} IS NULL OR ${col} != ?)`, params: [v] };
    }
    case '>':
    case '<':
    case '>=':
    case '<=': {
      const v = scalar(c.value, c.field);
      if (v === null) throw validationError(`Valeur nulle non comparable pour ${c.field}`);
      return { sql: `${col} ${c.op} ?`, params: [v] };
    }
    case 'like':
    case 'not like': {
      const v = scalar(c.value, c.field);
      if (v === null) throw validationError(`Motif attendu pour ${c.field}`);
      if (c.op === 'not like') return { sql: `(${col} IS NULL OR ${col} NOT LIKE ?)`, params: [String(v)] };
      return likeSql(doctype, c.field, String(v));
    }
    case 'in':
    case 'not in': {
      const values = list(c.value, c.field);
      if (values.length > 1000) throw validationError(`Trop de valeurs pour ${c.field} (1000 au plus)`);
      if (values.length === 0) return c.op === 'in' ? { sql: '0', params: [] } : { sql: '1', params: [] };
      const marks = values.map(() => '?').join(', ');
      return c.op === 'in'
        ? { sql: `${col} IN (${marks})`, params: values }
        : { sql: `(${col} IS NULL OR ${col} NOT IN (${marks}))`, params: values };
    }
    case 'between': {
      const values = list(c.value, c.field);
      if (values.length !== 2 || values[0] == null || values[1] == null) {
        throw validationError(`between attend deux valeurs pour ${c.field}`);
      }
      const [from, to] = rangeBounds(spec, values[0], values[1]);
      return { sql: `${col} BETWEEN ? AND ?`, params: [from, to] };
    }
    case 'is': {
      const v = typeof c.value === 'string' ? c.value.toLowerCase() : c.value;
      if (v === 'set') return { sql: `(${col} IS NOT NULL AND ${col} != '')`, params: [] };
      if (v === 'not set') return { sql: `(${col} IS NULL OR ${col} = '')`, params: [] };
      throw validationError(`is attend « set » ou « not set » pour ${c.field}`);
    }
    case 'timespan': {
      if (!isTimespan(c.value)) throw validationError(`timespan inconnu pour ${c.field} : ${JSON.stringify(c.value)}`);
      const [from, to] = rangeBounds(spec, ...timespanRange(c.value, today));
      return { sql: `${col} BETWEEN ? AND ?`, params: [from, to] };
    }
  }
}

/**
 * `col LIKE ?`. On a searched column with three literal characters in a row, the trigram index
 * narrows the rows first; the plain LIKE stays, so the answer is exactly LIKE's.
 */
function likeSql(doctype: Doctype, field: string, pattern: string): SqlPart {
  const col = q(field);
  const indexed = SEARCH_COLUMNS[doctype]?.includes(field) && /[^%_]{3}/.test(pattern);
  if (!indexed) return { sql: `${col} LIKE ?`, params: [pattern] };
  const fts = searchTableOf(doctype);
  const clause = `(rowid IN (SELECT rowid FROM ${fts} WHERE ${col} LIKE ?) AND ${col} LIKE ?)`;
  return {
    sql: clause,
    params: [pattern, pattern],
    accelerators: [
      {
        clause,
        plain: `(? IS NOT NULL AND ${col} LIKE ?)`,
        probe: { sql: `SELECT 1 FROM ${fts} WHERE ${col} LIKE ?`, params: [pattern] },
      },
    ],
  };
}


/** `filters` AND-ed, then `or_filters` OR-ed, as Frappe combines them. */
export function whereSql(doctype: Doctype, filters: Condition[], orFilters: Condition[], today: string): SqlPart {
  const parts: string[] = [];
  const params: unknown[] = [];
  const accelerators: Accelerator[] = [];
  for (const c of filters) {
    const part = conditionSql(doctype, c, today);
    parts.push(part.sql);
    params.push(...part.params);
    accelerators.push(...(part.accelerators ?? []));
  }
  if (orFilters.length > 0) {
    const ors = orFilters.map((c) => conditionSql(doctype, c, today));
    parts.push(`(${ors.map((p) => p.sql).join(' OR ')})`);
    for (const p of ors) {
      params.push(...p.params);
      accelerators.push(...(p.accelerators ?? []));
    }
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params, ...(accelerators.length > 0 ? { accelerators } : {}) };
}
