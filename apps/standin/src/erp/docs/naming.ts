// Document names: naming series (`CUST-00042`), by field (User: email), prompt (Tag) or hash.
import { randomBytes } from 'node:crypto';
import type { DoctypeSpec } from '@gigafibre/contracts';
import type { Db } from '../../db/open';
import { FrappeError } from '../errors';

/** Next number of a naming series (kept in the `series` table, like Frappe's tabSeries). */
export function nextInSeries(db: Db, prefix: string): number {
  db.prepare('INSERT INTO series (prefix, current) VALUES (?, 0) ON CONFLICT(prefix) DO NOTHING').run(prefix);
  const row = db.prepare('UPDATE series SET current = current + 1 WHERE prefix = ? RETURNING current').get(prefix) as { current: number };
  return row.current;
}

/** Sets a series' counter (after a bulk seed). */
export function setSeries(db: Db, prefix: string, current: number): void {
  db.prepare('INSERT INTO series (prefix, current) VALUES (?, ?) ON CONFLICT(prefix) DO UPDATE SET current = excluded.current').run(prefix, current);
}

/** A series name from its number. */
export function seriesName(spec: DoctypeSpec, n: number): string {
  return `${spec.naming}${String(n).padStart(spec.digits ?? 5, '0')}`;
}

/** Frappe's 10-character hash names. */
export function hashName(): string {
  return randomBytes(5).toString('hex');
}

/** The name of a new document. */
export function newName(db: Db, doctype: string, spec: DoctypeSpec, data: Record<string, unknown>): string {
  if (spec.naming === 'hash') return hashName();
  if (spec.naming === 'prompt') {
    const name = typeof data.name === 'string' ? data.name.trim() : '';
    if (!name) throw new FrappeError('MandatoryError', `Nom requis pour ${doctype}`);
    if (name.length > 140 || /[<>%"]/.test(name)) throw new FrappeError('ValidationError', `Nom invalide pour ${doctype} : ${name}`);
    return name;
  }
  if (spec.naming.startsWith('field:')) {
    const field = spec.naming.slice('field:'.length);
    const value = data[field];
    if (typeof value !== 'string' || value.trim() === '') throw new FrappeError('MandatoryError', `${field} requis pour nommer ${doctype}`);
    return value.trim();
  }
  return seriesName(spec, nextInSeries(db, spec.naming));
}
