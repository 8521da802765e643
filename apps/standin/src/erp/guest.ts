// What Frappe answers Guest (a request without usable credentials, frappe/auth.py validate_auth):
// 403 PermissionError from whatever it calls, except where a missing document is found out first.
import type { Doctype } from '@gigafibre/contracts';
import { FrappeError, notFound } from './errors';
import { doctypeFrom } from './routes/resource';
import type { ErpDeps } from './types';

/** The kind of endpoint a route is, which decides where Guest is stopped. */
export type RouteKind = 'list' | 'insert' | 'read' | 'update' | 'delete' | 'method';

/**
 * The refusal Guest gets on `kind`, in the order Frappe's code meets it:
 * - a list: frappe.has_permission(throw=True) sets `_error_message` and raises (after frappe.get_meta:
 *   an unknown doctype is a 404 first);
 * - a read, an update, a delete: frappe.get_doc loads the document first (a missing one is a 404),
 *   then the permission check raises (v15 read: a bare `raise frappe.PermissionError`);
 * - an insert: Document.insert's check_permission("create");
 * - a method: frappe.is_whitelisted throws "not whitelisted" for anything not allow_guest.
 */
export function guestRefusal(deps: ErpDeps, kind: RouteKind, params: Record<string, string>): FrappeError {
  if (kind === 'method') return new FrappeError('PermissionError', 'Vous n’êtes pas autorisé à accéder à cette ressource.');
  const doctype: Doctype = doctypeFrom(params.doctype as string);
  if (kind === 'list') return new FrappeError('PermissionError', `Aucune permission pour ${doctype}`, 'flagged');
  if (kind === 'insert') return new FrappeError('PermissionError', `Il faut la permission « create » sur ${doctype} pour cette action.`, 'flagged');
  const name = params.name as string;
  if (!deps.store.get(doctype, name)) return notFound(doctype, name);
  if (kind === 'read') return new FrappeError('PermissionError', `Aucune permission de lire ${doctype} ${name}`, 'bare');
  return new FrappeError('PermissionError', `Il faut la permission « ${kind === 'update' ? 'write' : 'delete'} » sur ${doctype} ${name} pour cette action.`, kind === 'update' ? 'flagged' : 'thrown');
}
