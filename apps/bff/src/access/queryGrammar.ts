// What a list request may say about fields, checked before any grant is consulted: plain column
// names only. No backticks, dots, table names, sub-queries or functions beyond Frappe's five
// aggregates: anything a parser could read as another table's column (`customer.email_id`,
// `tabUser`.`api_key`) is refused, so the field allow-lists cannot be walked around.
import { badQuery } from './accessErrors';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
// `field`, `field as alias`, `sum(field) as alias`, `count(*)`.
const FIELD_ENTRY = /^\s*(?:(\*)|([A-Za-z_][A-Za-z0-9_]*)|(count|sum|avg|min|max)\(\s*(\*|[A-Za-z_][A-Za-z0-9_]*)\s*\))(?:\s+as\s+[A-Za-z_][A-Za-z0-9_]*)?\s*$/i;
const ORDER_TERM = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(?:asc|desc))?\s*$/i;

/** True for a plain column name. */
export function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && IDENT.test(value);
}

/** The columns a `fields` entry reads (`[]` for `count(*)`), or `'*'` for every column. */
export function fieldEntryColumns(entry: unknown): string[] | '*' {
  const match = typeof entry === 'string' && entry.length <= 128 ? FIELD_ENTRY.exec(entry) : null;
  if (!match) throw badQuery('fields', `champ illisible ${JSON.stringify(entry)?.slice(0, 80)} (attendu un nom de champ, « champ as alias » ou count|sum|avg|min|max(champ)).`);
  if (match[1]) return '*';
  if (match[2]) return [match[2]];
  if (match[3]?.toLowerCase() !== 'count' && match[4] === '*') throw badQuery('fields', `${match[3] ?? ''}(*) n’a pas de sens.`);
  return match[4] === '*' ? [] : [match[4] as string];
}

/** Parses the JSON list of `fields`. */
export function parseFieldsParam(text: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badQuery('fields', 'fields doit être une liste JSON de noms de champs.');
  }
  if (!Array.isArray(value) || value.length === 0 || value.length > 100) throw badQuery('fields', 'fields doit être une liste JSON de 1 à 100 noms de champs.');
  return value;
}

/** The columns of `order_by` (`a asc, b desc`). */
export function orderByColumns(text: string): string[] {
  if (text.length > 300) throw badQuery('order_by', 'order_by trop long.');
  return text.split(',').map((term) => {
    const match = ORDER_TERM.exec(term);
    if (!match) throw badQuery('order_by', `tri illisible « ${term.trim().slice(0, 60)} » (attendu « champ asc|desc »).`);
    return match[1] as string;
  });
}

/** The one column of `group_by`. */
export function groupByColumn(text: string): string {
  const column = text.trim();
  if (!isIdentifier(column)) throw badQuery('group_by', 'group_by doit nommer un seul champ.');
  return column;
}
