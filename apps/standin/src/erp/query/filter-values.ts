// Filter values as the database compares them. Frappe formats a Date, Datetime or Time value
// before comparing (frappe/model/db_query.py prepare_filter_condition: format_date,
// format_datetime, get_time), so `9:00`, `09:00:00` and `2026-06-15` all find what they mean; the
// standin stores those columns as normalised text, and normalises the values the same way.
import type { FieldSpec } from '@gigafibre/contracts';
import { validationError } from '../errors';

/** A scalar a filter compares with. */
export type Scalar = string | number | null;

/** JSON value → scalar (booleans as 1/0, as Frappe's cint reads them). */
export function scalar(value: unknown, field: string): Scalar {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw validationError(`Valeur de filtre invalide pour ${field} : ${JSON.stringify(value)}`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;

/** `YYYY-MM-DD` from a date or date-time text (frappe.utils.getdate). */
function datePart(text: string, field: string): string {
  const m = DATE.exec(text.trim());
  if (!m) throw validationError(`${text} n’est pas une date valide (${field})`);
  return `${m[1] as string}-${m[2] as string}-${m[3] as string}`;
}

/** `HH:MM:SS[.ffffff]` as the standin stores a Time (frappe.utils.get_time). */
export function timeText(text: string, field: string): string {
  const m = TIME.exec(text.trim());
  if (!m) throw validationError(`${text} n’est pas une heure valide (${field})`);
  const base = `${(m[1] as string).padStart(2, '0')}:${m[2] as string}:${m[3] ?? '00'}`;
  return m[4] && Number(m[4]) !== 0 ? `${base}.${m[4].padEnd(6, '0')}` : base;
}

/** `YYYY-MM-DD HH:MM:SS.ffffff` as the standin stores a Datetime (frappe.db.format_datetime). */
export function datetimeText(text: string, field: string, endOfDay = false): string {
  const t = text.trim();
  const date = datePart(t, field);
  const rest = t.slice(10).replace(/^[ T]/, '').replace(/Z$/, '');
  if (!rest) return `${date} ${endOfDay ? '23:59:59.999999' : '00:00:00.000000'}`;
  const time = timeText(rest, field);
  return `${date} ${time.includes('.') ? time : `${time}.000000`}`;
}

/** A value compared with a column of type `spec`, in the column's stored form. */
export function comparable(spec: FieldSpec, field: string, value: Scalar): Scalar {
  if (typeof value !== 'string' || value === '') return value;
  if (spec.type === 'Date') return datePart(value, field);
  if (spec.type === 'Datetime') return datetimeText(value, field);
  if (spec.type === 'Time') return timeText(value, field);
  return value;
}

/**
 * What a NULL counts as in a column, for the `ifnull(column, fallback)` Frappe wraps around
 * nullable columns (frappe/model/db_query.py; FallBackDateTimeStr in frappe/database/utils.py).
 */
export function fallbackOf(spec: FieldSpec): Scalar {
  switch (spec.type) {
    case 'Date':
      return '0001-01-01';
    case 'Datetime':
      return '0001-01-01 00:00:00.000000';
    case 'Time':
      return '00:00:00';
    case 'Int':
    case 'Float':
    case 'Currency':
    case 'Check':
      return 0;
    default:
      return '';
  }
}
