// `/api/resource/<Doctype>[/<name>]` (frappe/api/v1.py): list, insert, read, partial update, delete.
import { DOCTYPES, isDoctype, type Doctype, type DoctypeSpec } from '@gigafibre/contracts';
import type { ErpDeps, Answer } from '../types';
import { FrappeError, notFound } from '../errors';
import { wireDoc, wireRow, wireValue } from '../docs/wire';
import { parseListRequest, type ListDoor, type RawParams } from '../query/list-params';
import { documentFrom } from '../request';
import { columnsOf, tablesOf } from '../../db/schema';
import { montrealToday } from '@gigafibre/contracts';

/** Doctypes the API may read but never write (the system writes them). */
const READ_ONLY: ReadonlySet<Doctype> = new Set(['Version']);

/** Resolves a doctype from the URL (404 DoesNotExistError when unknown: frappe.get_meta's "DocType X not found"). */
export function doctypeFrom(raw: string): Doctype {
  if (!isDoctype(raw)) throw new FrappeError('DoesNotExistError', `DocType ${raw} introuvable`);
  return raw;
}

function writable(doctype: Doctype): void {
  if (READ_ONLY.has(doctype)) throw new FrappeError('PermissionError', `${doctype} : écriture non permise`);
}

/**
 * A child doctype is listed only through its parent (frappe/model/db_query.py
 * check_parent_permission): `parent` must name a doctype with a table of it, else a bare
 * PermissionError.
 */
function checkParent(doctype: Doctype, parent: unknown): void {
  if (!(DOCTYPES[doctype] as DoctypeSpec).istable) return;
  const ok = typeof parent === 'string' && isDoctype(parent) && [...tablesOf(parent).values()].includes(doctype);
  if (!ok) throw new FrappeError('PermissionError', `${doctype} se lit par son parent`, 'bare');
}

/** The rows of a list request as Frappe answers them (shared by /api/resource and frappe.client.get_list). */
export function listRows(deps: ErpDeps, doctype: Doctype, params: RawParams, door: ListDoor): unknown[] {
  checkParent(doctype, params.parent);
  const req = parseListRequest(doctype, params, montrealToday(deps.now()), door);
  const columnOfKey = new Map(req.fields.flatMap((f) => (f.column ? [[f.key, f.column] as const] : [])));
  if (!req.asDict) {
    const specs = req.fields.map((f) => (f.column ? columnsOf(doctype).get(f.column) : undefined));
    return deps.lists.listValues(doctype, req).map((values) => values.map((v, i) => wireValue(specs[i], v)));
  }
  return deps.lists.list(doctype, req).map((row) => wireRow(doctype, row, columnOfKey));
}

export function listDocs(deps: ErpDeps, doctype: Doctype, params: RawParams): Answer {
  return { status: 200, body: { data: listRows(deps, doctype, params, 'resource') } };
}

/** A stored document as a single read shows it (`as_dict(no_nulls=True)`), or with its nulls (frappe.client.get). */
export function readDoc(deps: ErpDeps, doctype: Doctype, name: string, noNulls = true): Record<string, unknown> {
  const parts = deps.store.read(doctype, name);
  if (!parts) throw notFound(doctype, name);
  return wireDoc(doctype, parts, noNulls);
}

export function getDoc(deps: ErpDeps, doctype: Doctype, name: string): Answer {
  return { status: 200, body: { data: readDoc(deps, doctype, name) } };
}

/** POST: frappe.new_doc(...).insert(), answered 200 (not 201) with the document. */
export function insertDoc(deps: ErpDeps, doctype: Doctype, params: Record<string, unknown>, user: string | null): Answer {
  writable(doctype);
  const row = deps.store.insert(doctype, documentFrom(params), user);
  return { status: 200, body: { data: readDoc(deps, doctype, String(row.name)) } };
}

/** PUT: doc.update(data); doc.save() — a partial update, answered with the whole document. */
export function updateDoc(deps: ErpDeps, doctype: Doctype, name: string, params: Record<string, unknown>, user: string | null): Answer {
  writable(doctype);
  deps.store.update(doctype, name, documentFrom(params), user);
  return { status: 200, body: { data: readDoc(deps, doctype, name) } };
}

/** DELETE: frappe.delete_doc, then `http_status_code = 202` and `"ok"` as the endpoint's data. */
export function deleteDoc(deps: ErpDeps, doctype: Doctype, name: string, user: string | null): Answer {
  writable(doctype);
  deps.store.delete(doctype, name, user);
  return { status: 202, body: { data: 'ok' } };
}
