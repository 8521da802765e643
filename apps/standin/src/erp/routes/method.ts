// `/api/method/<dotted.path>`: the whitelisted methods the ops app calls → `{"message": …}`.
import type { ErpDeps, Answer } from '../types';
import { FrappeError } from '../errors';
import { parseCountRequest, parseListRequest } from '../query/list-params';
import { montrealToday } from '@gigafibre/contracts';
import { doctypeFrom, getDoc } from './resource';
import { setJobStatus } from './job-status';

type Method = (deps: ErpDeps, params: Record<string, unknown>, user: string | null, httpMethod: string) => unknown;

function doctypeParam(params: Record<string, unknown>): ReturnType<typeof doctypeFrom> {
  if (typeof params.doctype !== 'string') throw new FrappeError('MandatoryError', 'Paramètre doctype requis');
  return doctypeFrom(params.doctype);
}

const METHODS: Record<string, Method> = {
  'frappe.client.get_count': (deps, params) => {
    const doctype = doctypeParam(params);
    return deps.lists.count(doctype, parseCountRequest(doctype, params, montrealToday(deps.now())));
  },
  'frappe.client.get_list': (deps, params) => {
    const doctype = doctypeParam(params);
    return deps.lists.list(doctype, parseListRequest(doctype, params, montrealToday(deps.now())));
  },
  'frappe.client.get': (deps, params) => {
    if (typeof params.name !== 'string') throw new FrappeError('MandatoryError', 'Paramètre name requis');
    return (getDoc(deps, doctypeParam(params), params.name).body as { data: unknown }).data;
  },
  'frappe.auth.get_logged_user': (_deps, _params, user) => user ?? 'Administrator',
  'gigafibre.ops.set_job_status': (deps, params, user, httpMethod) => {
    if (httpMethod !== 'POST') throw new FrappeError('PermissionError', 'gigafibre.ops.set_job_status : POST requis');
    return { ...setJobStatus(deps.store, params, user), doctype: 'Dispatch Job' };
  },
};

/** Runs a whitelisted method; an unknown one is 404, as Frappe answers for a missing method. */
export function callMethod(deps: ErpDeps, name: string, params: Record<string, unknown>, user: string | null, httpMethod: string): Answer {
  const method = METHODS[name];
  if (!method) throw new FrappeError('DoesNotExistError', `Méthode introuvable : ${name}`);
  return { status: 200, body: { message: method(deps, params, user, httpMethod) } };
}
