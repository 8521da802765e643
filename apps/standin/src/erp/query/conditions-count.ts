// One filter of `frappe.client.get_count` → SQL. get_count does not go through get_list: it calls
// frappe.db.count, which builds its query with frappe/database/query.py (Engine._apply_filter and
// frappe/database/operator_map.py), plain SQL comparisons with no ifnull. So a NULL never matches
// `!=`, `not like` or `not in` there, `is set` means IS NOT NULL, a null value means IS NULL
// whatever the operator, and dates are compared as given (no whole-day `between`).
import type { Doctype, FieldSpec } from '@gigafibre/contracts';
import { columnsOf, q } from '../../db/schema';
import { validationError } from '../errors';
import { inValues } from './conditions-list';
import { comparable, scalar } from './filter-values';
import type { Condition, SqlPart } from './filters';
import { isTimespan, timespanRange } from './timespan';

/** One condition under get_count's rules. */
export function countConditionSql(doctype: Doctype, c: Condition, today: string): SqlPart {
  const col = q(c.field);
  const spec = columnsOf(doctype).get(c.field) as FieldSpec;
  if (c.value === null && c.op !== 'in' && c.op !== 'not in') return { sql: `${col} IS NULL`, params: [] };
  switch (c.op) {
    case '=':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return { sql: `${col} ${c.op} ?`, params: [comparable(spec, c.field, scalar(c.value, c.field))] };
    case 'like':
    case 'not like':
      return { sql: `${col} ${c.op === 'like' ? 'LIKE' : 'NOT LIKE'} ?`, params: [String(scalar(c.value, c.field))] };
    case 'in':
    case 'not in': {
      // An empty list becomes ('') (Engine._apply_filter); a text is split on commas, untrimmed.
      const values = Array.isArray(c.value) && c.value.length === 0 ? [''] : inValues(c.value, c.field, false);
      if (values.length > 1000) throw validationError(`Trop de valeurs pour ${c.field} (1000 au plus)`);
      return { sql: `${col} ${c.op === 'in' ? 'IN' : 'NOT IN'} (${values.map(() => '?').join(', ')})`, params: values };
    }
    case 'between': {
      if (!Array.isArray(c.value) || c.value.length !== 2) throw validationError(`between attend deux valeurs pour ${c.field}`);
      const [from, to] = c.value.map((v: unknown) => comparable(spec, c.field, scalar(v, c.field)));
      return { sql: `${col} BETWEEN ? AND ?`, params: [from, to] };
    }
    case 'is':
      return { sql: `${col} IS ${typeof c.value === 'string' && c.value.toLowerCase() === 'set' ? 'NOT ' : ''}NULL`, params: [] };
    case 'timespan': {
      if (!isTimespan(c.value)) throw validationError(`Période inconnue pour ${c.field} : ${JSON.stringify(c.value)}`);
      const [from, to] = timespanRange(c.value, today).map((d) => comparable(spec, c.field, d));
      return { sql: `${col} BETWEEN ? AND ?`, params: [from, to] };
    }
    case 'previous':
    case 'next':
      // frappe/database/operator_map.py has no such operator (Frappe: KeyError, 500).
      throw validationError(`Opérateur non pris en charge par get_count : ${c.op}`);
  }
}
