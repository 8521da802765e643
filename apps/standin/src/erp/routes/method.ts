// `/api/method/<dotted.path>` (frappe/handler.py): the whitelisted methods the ops app calls →
// `{"message": …}` (no `message` key when the method returns None).
import type { ErpDeps, Answer } from '../types';
import { FrappeError, notFound } from '../errors';
import { parseCountRequest } from '../query/list-params';
import { montrealToday } from '@gigafibre/contracts';
import { doctypeFrom, listRows, readDoc } from './resource';
import { setJobStatus } from './job-status';
import { linkJobEquipment } from './job-equipment';
import { reportLateItem } from './late-item';
import { assignAdd, assignRemove } from './assign-to';
import { uploadFile } from './upload-file';
import { uploadedFile } from '../request';

type Method = (deps: ErpDeps, params: Record<string, unknown>, user: string | null, httpMethod: string) => unknown;

function doctypeParam(params: Record<string, unknown>): ReturnType<typeof doctypeFrom> {
  if (typeof params.doctype !== 'string') throw new FrappeError('MandatoryError', 'Paramètre doctype requis');
  return doctypeFrom(params.doctype);
}

/** Python's truthiness of a raw parameter (`if as_dict:` on whatever arrived: text "0" is true). */
function truthy(value: unknown): boolean {
  return !(value === undefined || value === null || value === false || value === 0 || value === '' || (Array.isArray(value) && value.length === 0));
}

/** A parameter frappe.parse_json reads: JSON text parsed, anything else as it is. */
function parsedOrRaw(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * frappe.client.get_value: `fieldname` (a name or a JSON list), `filters` (JSON, or a document
 * name), through get_list with one row. With `as_dict` (the default) the row as an object, `{}`
 * when none; without it the value (one field) or the list of values, and None — no `message` at
 * all — when no row matches.
 */
function getValue(deps: ErpDeps, params: Record<string, unknown>): unknown {
  const doctype = doctypeParam(params);
  if (params.fieldname === undefined) throw new FrappeError('MandatoryError', 'Paramètre fieldname requis');
  const parsedFields = parsedOrRaw(params.fieldname);
  const fields = Array.isArray(parsedFields) ? parsedFields : [String(parsedFields)];
  let filters = parsedOrRaw(params.filters);
  if (typeof filters === 'string' || typeof filters === 'number') filters = { name: String(filters) };
  if (!truthy(filters)) filters = undefined;
  const asDict = params.as_dict === undefined ? true : params.as_dict;
  const rows = listRows(deps, doctype, { fields, filters, limit_page_length: 1, parent: params.parent, as_dict: asDict }, 'get_list');
  if (truthy(asDict)) return rows[0] ?? {};
  const first = rows[0] as unknown[] | Record<string, unknown> | undefined;
  if (first === undefined) return undefined;
  return fields.length > 1 || !Array.isArray(first) ? first : first[0];
}

/**
 * frappe.client.get: by `name`, or the first document matching `filters`; answered with
 * `doc.as_dict()` — nulls kept, unlike a resource GET's `as_dict(no_nulls=True)`.
 */
function getDocument(deps: ErpDeps, params: Record<string, unknown>): unknown {
  const doctype = doctypeParam(params);
  let name = typeof params.name === 'string' && params.name !== '' ? params.name : undefined;
  if (name === undefined) {
    const filters = parsedOrRaw(params.filters);
    if (filters === undefined || filters === '') throw new FrappeError('MandatoryError', 'Paramètre name ou filters requis');
    const [row] = listRows(deps, doctype, { fields: '["name"]', filters: typeof filters === 'string' ? { name: filters } : filters, limit_page_length: 1, parent: params.parent }, 'get_list') as { name: string }[];
    if (!row) throw notFound(doctype, JSON.stringify(filters));
    name = row.name;
  }
  return readDoc(deps, doctype, name, false);
}

const METHODS: Record<string, Method> = {
  'frappe.client.get_count': (deps, params) => {
    const doctype = doctypeParam(params);
    return deps.lists.count(doctype, parseCountRequest(doctype, params, montrealToday(deps.now())));
  },
  'frappe.client.get_list': (deps, params) => listRows(deps, doctypeParam(params), params, 'get_list'),
  'frappe.client.get_value': (deps, params) => getValue(deps, params),
  'frappe.client.get': (deps, params) => getDocument(deps, params),
  'frappe.auth.get_logged_user': (_deps, _params, user) => user ?? 'Administrator',
  // frappe/handler.py upload_file: whitelisted for any method; answers the saved File (as_dict(no_nulls=True)).
  upload_file: (deps, params, user) => readDoc(deps, 'File', String(uploadFile(deps.store, deps.files, params, uploadedFile(params), user).name)),
  'gigafibre.ops.set_job_status': (deps, params, user, httpMethod) => {
    // @frappe.whitelist(methods=["POST"]): frappe/handler.py is_valid_http_method.
    if (httpMethod !== 'POST') throw new FrappeError('PermissionError', 'Non permis');
    // The app's method returns the Document: json_handler writes it as_dict(no_nulls=True).
    return readDoc(deps, 'Dispatch Job', String(setJobStatus(deps.store, params, user, deps.now()).name));
  },
  'gigafibre.ops.link_job_equipment': (deps, params, user, httpMethod) => {
    if (httpMethod !== 'POST') throw new FrappeError('PermissionError', 'Non permis');
    return readDoc(deps, 'Service Equipment', String(linkJobEquipment(deps.store, params, user, deps.now()).name));
  },
  'gigafibre.ops.report_late_item': (deps, params, user, httpMethod) => {
    if (httpMethod !== 'POST') throw new FrappeError('PermissionError', 'Non permis');
    return readDoc(deps, 'Comment', String(reportLateItem(deps.store, params, user).name));
  },
  // @frappe.whitelist() without methods=: any verb (frappe/handler.py).
  'frappe.desk.form.assign_to.add': (deps, params, user) => assignAdd(deps.store, params, user),
  'frappe.desk.form.assign_to.remove': (deps, params, user) => assignRemove(deps.store, params, user),
};

/** True when `name` is a method the standin's ERP serves. */
export function isKnownMethod(name: string): boolean {
  return Object.hasOwn(METHODS, name);
}

/** Runs a whitelisted method (the caller checked that it exists: see isKnownMethod). */
export function callMethod(deps: ErpDeps, name: string, params: Record<string, unknown>, user: string | null, httpMethod: string): Answer {
  const method = METHODS[name] as Method;
  const message = method(deps, params, user, httpMethod);
  return { status: 200, body: message === undefined ? {} : { message } };
}
