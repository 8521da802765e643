// One filter of a list request → SQL, with the semantics of frappe/model/db_query.py
// prepare_filter_condition: a nullable column is compared through `ifnull(column, fallback)` unless
// the comparison cannot match NULL anyway, so `!=`, `not like`, `not in`, `<` and `<=` count an
// empty field as '' (or 0001-01-01 for dates), and `= ''` finds both empty and NULL.
import type { Doctype, FieldSpec } from '@gigafibre/contracts';
import { columnsOf, isNumeric, q } from '../../db/schema';
import { validationError } from '../errors';
import { comparable, datetimeText, fallbackOf, scalar, type Scalar } from './filter-values';
import type { Condition, SqlPart } from './filters';
import { likeSql } from './like-index';
import { isTimespan, timespanRange, type Timespan } from './timespan';

/** frappe/model/db_query.py get_date_range: the values `previous` and `next` take. */
const PERIODS: Readonly<Record<string, string>> = { '1 week': 'week', '1 month': 'month', '3 months': 'quarter', '6 months': '6 months', '1 year': 'year' };

/** The `timespan` a `timespan`, `previous` or `next` filter stands for. */
export function spanOf(op: 'timespan' | 'previous' | 'next', value: unknown, field: string): Timespan {
  const span = op === 'timespan' ? value : typeof value === 'string' && PERIODS[value] ? `${op === 'previous' ? 'last' : 'next'} ${PERIODS[value]}` : undefined;
  if (!isTimespan(span)) throw validationError(`Période inconnue pour ${field} : ${JSON.stringify(value)}`);
  return span;
}

/** `in` values: a list, a comma-separated text, or null (one empty value); each as text, trimmed (cstr(v).strip()). */
export function inValues(value: unknown, field: string, trim: boolean): string[] {
  const raw: unknown[] = value === null || value === undefined ? [''] : typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value];
  return raw.map((v) => {
    const s = scalar(v, field);
    const text = s === null ? '' : String(s);
    return trim ? text.trim() : text;
  });
}

const isDay = (spec: FieldSpec) => spec.type === 'Date' || spec.type === 'Datetime';

/**
 * `between` bounds (frappe/model/db_query.py get_between_date_filter): missing bounds are today;
 * dates on a Datetime column cover whole days. Frappe builds this for dates only.
 */
function dayRange(spec: FieldSpec, field: string, from: Scalar, to: Scalar): [string, string] {
  if (typeof from !== 'string' || typeof to !== 'string') throw validationError(`between attend des dates pour ${field}`);
  if (spec.type === 'Datetime') return [datetimeText(from, field), datetimeText(to, field, !/[ T]\d/.test(to.trim()))];
  return [comparable(spec, field, from) as string, comparable(spec, field, to) as string];
}

function betweenValues(value: unknown, field: string, today: string): [Scalar, Scalar] {
  if (!Array.isArray(value)) return [today, today];
  return [value.length >= 1 ? scalar(value[0], field) : today, value.length >= 2 ? scalar(value[1], field) : today];
}

/** One condition under get_list's rules. */
export function listConditionSql(doctype: Doctype, c: Condition, today: string): SqlPart {
  const col = q(c.field);
  const spec = columnsOf(doctype).get(c.field) as FieldSpec;
  // frappe/model/db_query.py: "primary key is never nullable, modified is usually indexed by default and always present"
  const nullable = !['name', 'creation', 'modified'].includes(c.field) && !isNumeric(spec);
  const fb = fallbackOf(spec);
  const orNull = (sqlOp: string, v: Scalar): SqlPart => (nullable ? { sql: `COALESCE(${col}, ?) ${sqlOp} ?`, params: [fb, v] } : { sql: `${col} ${sqlOp} ?`, params: [v] });
  const text = spec.type !== 'Date' && spec.type !== 'Datetime' && spec.type !== 'Time';
  switch (c.op) {
    case '=': {
      const v = comparable(spec, c.field, scalar(c.value, c.field));
      if (v !== null && v !== '') return { sql: `${col} = ?`, params: [v] };
      if (isNumeric(spec)) return { sql: `${col} = ?`, params: [0] };
      return text ? { sql: `(${col} IS NULL OR ${col} = '')`, params: [] } : { sql: `${col} IS NULL`, params: [] };
    }
    case '!=': {
      const v = comparable(spec, c.field, scalar(c.value, c.field));
      if (isNumeric(spec)) return { sql: `${col} != ?`, params: [v ?? 0] };
      if (v === null || v === '') return text ? { sql: `(${col} IS NOT NULL AND ${col} != '')`, params: [] } : { sql: `${col} IS NOT NULL`, params: [] };
      return orNull('!=', v);
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const v = comparable(spec, c.field, scalar(c.value, c.field));
      if (v === null) throw validationError(`Valeur nulle non comparable pour ${c.field}`);
      // "Null values can never be greater than any non-null value": no ifnull for > and >= on dates.
      if ((c.op === '>' || c.op === '>=') && isDay(spec)) return { sql: `${col} ${c.op} ?`, params: [v] };
      return orNull(c.op, v);
    }
    case 'like': {
      const v = scalar(c.value, c.field);
      if (v === null || v === '') return { sql: `COALESCE(${col}, '') LIKE ''`, params: [] };
      return likeSql(doctype, c.field, String(v));
    }
    case 'not like': {
      const v = scalar(c.value, c.field);
      return orNull('NOT LIKE', v === null ? '' : String(v));
    }
    case 'in':
    case 'not in': {
      const values = inValues(c.value, c.field, true);
      if (values.length > 1000) throw validationError(`Trop de valeurs pour ${c.field} (1000 au plus)`);
      if (values.length === 0) return c.op === 'in' ? { sql: '0', params: [] } : { sql: '1', params: [] };
      const marks = values.map(() => '?').join(', ');
      const sqlOp = c.op === 'in' ? 'IN' : 'NOT IN';
      // frappe/tests/test_db_query.py test_coalesce_with_in_ops: `in` needs ifnull only for an empty value.
      const wrap = nullable && (c.op === 'not in' || values.includes(''));
      return wrap ? { sql: `COALESCE(${col}, '') ${sqlOp} (${marks})`, params: values } : { sql: `${col} ${sqlOp} (${marks})`, params: values };
    }
    case 'between': {
      if (!isDay(spec)) throw validationError(`between s’applique aux dates (${c.field})`);
      const [from, to] = dayRange(spec, c.field, ...betweenValues(c.value, c.field, today));
      return { sql: `${col} BETWEEN ? AND ?`, params: [from, to] };
    }
    case 'is': {
      const v = typeof c.value === 'string' ? c.value.toLowerCase() : c.value;
      if (v !== 'set' && v !== 'not set') throw validationError(`is attend « set » ou « not set » pour ${c.field}`);
      if (isNumeric(spec)) return { sql: `${col} ${v === 'set' ? '!=' : '='} 0`, params: [] };
      if (!text) return { sql: `${col} IS ${v === 'set' ? 'NOT ' : ''}NULL`, params: [] };
      return v === 'set' ? { sql: `(${col} IS NOT NULL AND ${col} != '')`, params: [] } : { sql: `(${col} IS NULL OR ${col} = '')`, params: [] };
    }
    case 'timespan':
    case 'previous':
    case 'next': {
      if (!isDay(spec)) throw validationError(`${c.op} s’applique aux dates (${c.field})`);
      const [from, to] = dayRange(spec, c.field, ...timespanRange(spanOf(c.op, c.value, c.field), today));
      return { sql: `${col} BETWEEN ? AND ?`, params: [from, to] };
    }
  }
}
