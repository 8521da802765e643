// `/api/resource/<Doctype>[/<name>]`: list, insert, read, partial update, delete.
import { isDoctype, type Doctype } from '@gigafibre/contracts';
import type { ErpDeps, Answer } from '../types';
import { FrappeError, notFound } from '../errors';
import { parseListRequest, paramsFromQuery } from '../query/list-params';
import { documentFrom } from '../request';
import { montrealToday } from '@gigafibre/contracts';

/** Doctypes the API may read but never write (the system writes them). */
const READ_ONLY: ReadonlySet<Doctype> = new Set(['Version']);

/** Resolves a doctype from the URL (404 DoesNotExistError when unknown). */
export function doctypeFrom(raw: string): Doctype {
  if (!isDoctype(raw)) throw new FrappeError('DoesNotExistError', `DocType ${raw} introuvable`);
  return raw;
}

function writable(doctype: Doctype): void {
  if (READ_ONLY.has(doctype)) throw new FrappeError('PermissionError', `${doctype} : écriture non permise`);
}

export function listDocs(deps: ErpDeps, doctype: Doctype, query: URLSearchParams): Answer {
  const req = parseListRequest(doctype, paramsFromQuery(query), montrealToday(deps.now()));
  return { status: 200, body: { data: deps.lists.list(doctype, req) } };
}

export function getDoc(deps: ErpDeps, doctype: Doctype, name: string): Answer {
  const row = deps.store.get(doctype, name);
  if (!row) throw notFound(doctype, name);
  return { status: 200, body: { data: { ...row, doctype } } };
}

export function insertDoc(deps: ErpDeps, doctype: Doctype, params: Record<string, unknown>, user: string | null): Answer {
  writable(doctype);
  const row = deps.store.insert(doctype, documentFrom(params), user);
  return { status: 200, body: { data: { ...row, doctype } } };
}

export function updateDoc(deps: ErpDeps, doctype: Doctype, name: string, params: Record<string, unknown>, user: string | null): Answer {
  writable(doctype);
  const row = deps.store.update(doctype, name, documentFrom(params), user);
  return { status: 200, body: { data: { ...row, doctype } } };
}

export function deleteDoc(deps: ErpDeps, doctype: Doctype, name: string, user: string | null): Answer {
  writable(doctype);
  deps.store.delete(doctype, name, user);
  return { status: 202, body: { message: 'ok' } };
}
