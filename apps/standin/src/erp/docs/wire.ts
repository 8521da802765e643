// Documents as Frappe writes them into JSON. Stored values are normalised text (`08:00:00`,
// `2026-06-15 10:30:00.000000`, which SQLite compares correctly); the wire shows what Python's
// json_handler makes of MariaDB's values (frappe/utils/response.py): str(datetime) and
// format_timedelta(time).
import type { Doctype, FieldSpec } from '@gigafibre/contracts';
import { columnsOf, tablesOf } from '../../db/schema';
import type { Row } from './hooks';

/** A Datetime as str(datetime): the microseconds only when there are some. */
export function wireDatetime(stored: string): string {
  return stored.endsWith('.000000') ? stored.slice(0, -7) : stored;
}

/**
 * A Time as frappe/utils/data.py format_timedelta writes MariaDB's TIME (a timedelta): the hour
 * is not padded (`8:00:00`), whole seconds lose their fraction.
 */
export function wireTime(stored: string): string {
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/.exec(stored);
  if (!m) return stored;
  const fraction = m[4] && Number(m[4]) !== 0 ? `.${m[4].replace(/0+$/, '')}` : '';
  return `${Number(m[1])}:${m[2] as string}:${m[3] as string}${fraction}`;
}

/** One stored value as the JSON answer shows it. */
export function wireValue(spec: FieldSpec | undefined, value: unknown): unknown {
  if (typeof value !== 'string' || !spec) return value;
  if (spec.type === 'Datetime') return wireDatetime(value);
  if (spec.type === 'Time') return wireTime(value);
  return value;
}

/** A list row: each key that names a column of `doctype` (`column` maps aliases) shown as Frappe shows it. */
export function wireRow(doctype: Doctype, row: Record<string, unknown>, columnOfKey: ReadonlyMap<string, string>): Record<string, unknown> {
  const cols = columnsOf(doctype);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const col = columnOfKey.get(key);
    out[key] = col === undefined ? value : wireValue(cols.get(col), value);
  }
  return out;
}

/** What a single document's answer needs besides its own row. */
export interface DocParts {
  row: Row;
  /** Table field → its child rows, in `idx` order. */
  children: ReadonlyMap<string, readonly Row[]>;
}

/**
 * A document the way BaseDocument.as_dict builds it (frappe/model/base_document.py): every column
 * but the optional ones (`_user_tags` only when non-empty), `doctype`, each Table field as the
 * list of its child rows (built the same way). `noNulls` is `as_dict(no_nulls=True)`, which
 * frappe/utils/response.py json_handler applies to every Document it writes (resource GET, POST
 * and PUT answers); frappe.client.get returns `doc.as_dict()`, nulls kept.
 */
export function wireDoc(doctype: Doctype, parts: DocParts, noNulls: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [col, spec] of columnsOf(doctype)) {
    if (col === '_user_tags') continue;
    const value = parts.row[col] ?? null;
    if (noNulls && value === null) continue;
    out[col] = wireValue(spec, value);
  }
  out.doctype = doctype;
  for (const [field, child] of tablesOf(doctype)) {
    const rows = parts.children.get(field) ?? [];
    // Frappe has no tables inside child rows.
    out[field] = rows.map((r) => wireDoc(child, { row: r, children: new Map() }, noNulls));
  }
  if (parts.row._user_tags) out._user_tags = parts.row._user_tags;
  return out;
}
