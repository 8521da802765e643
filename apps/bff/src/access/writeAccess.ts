// Writes: a body carries only the keys its grant lists (mass assignment refused, the key named),
// values within the grant's, links to documents the user may see, and never a move to another
// customer; own-row grants write only the user's own documents.
import type { MethodAccess, WriteGrant, WriteMethod } from '@gigafibre/capabilities';
import { HttpError } from '../errors';
import { badBody, badQuery, crossCustomer, fieldNotWritable, outOfScope, valueNotAllowed } from './accessErrors';
import { requireOwn, requireReadable, scopeOf, type AccessDeps, type Caller } from './ownCheck';
import { requireReadableReference } from './references';

type Body = Record<string, unknown>;

function objectBody(raw: Buffer | undefined): Body {
  // The body was checked as JSON by the security step; an empty one is `{}`.
  const value: unknown = raw === undefined || raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badBody('un objet JSON est attendu.');
  return value as Body;
}

function noQuery(params: URLSearchParams): void {
  // Frappe reads a write's data from `?data=` before the body, and hands other parameters to the method.
  for (const key of params.keys()) throw badQuery(key, `paramètre « ${key.slice(0, 40)} » non accepté sur une écriture.`);
}

function checkValues(doctype: string, values: WriteGrant['values'], body: Body): void {
  for (const [key, allowed] of Object.entries(values ?? {})) {
    if (Object.hasOwn(body, key) && !allowed.includes(body[key] as string)) throw valueNotAllowed(doctype, key, body[key]);
  }
}

function chooseWrite(doctype: string, method: WriteMethod, grants: readonly WriteGrant[], body: Body): WriteGrant {
  let refusal: string | undefined;
  for (const grant of grants) {
    const bad = Object.keys(body).find((key) => !grant.fields.includes(key) && !(method === 'PUT' && key === 'modified'));
    if (bad === undefined) return grant;
    refusal ??= bad;
  }
  if (refusal === undefined) throw new HttpError(403, 'forbidden', `Écriture non permise : ${doctype}.`, { reason: 'no_grant', doctype });
  throw fieldNotWritable(doctype, refusal);
}

/** The customer of a document: from the loaded scope when it tells, else read from ERPNext. */
async function customerOf(deps: AccessDeps, caller: Caller, doctype: string, name: string): Promise<string | undefined> {
  const field = deps.grants.access(doctype)?.customer;
  if (field === undefined) return undefined;
  if (field === 'name') return name;
  const known = deps.model.customerOf(await scopeOf(deps, caller), doctype, name);
  if (known !== undefined) return known;
  // A row whose customer follows another link (equipment → its location) is judged by that link.
  const via = deps.model.probeField(doctype);
  const [row] = await deps.reader.list(doctype, ['name', field, ...(via === undefined ? [] : [via])], [['name', '=', name]], 1, caller.requestId);
  const own = deps.model.ownOf(doctype);
  const viaDoctype = own && 'in' in own ? own.in.doctype : undefined;
  if (via !== undefined && viaDoctype !== undefined && typeof row?.[via] === 'string' && row[via] !== '') return customerOf(deps, caller, viaDoctype, row[via] as string);
  return typeof row?.[field] === 'string' ? (row[field] as string) : undefined;
}

/**
 * Plans `POST /api/resource/<doctype>` or `PUT /api/resource/<doctype>/<name>` with its body.
 * @throws 400 (a key or value outside the grant, not an object), 403 (not the user's document,
 *   a link to one they may not see, a move to another customer).
 */
export async function planWrite(deps: AccessDeps, caller: Caller, doctype: string, method: WriteMethod, name: string | undefined, params: URLSearchParams, raw: Buffer | undefined): Promise<void> {
  noQuery(params);
  const body = objectBody(raw);
  const refs = deps.grants.access(doctype)?.reference;
  const held = deps.grants.writesOf(doctype, method, caller.identity.capabilitySet);
  // Polymorphic doctypes: the grant for what the document is about (a note on a ticket is
  // tickets.work's, on a client clients.edit's), when the user holds one.
  const about = refs ? body[refs.doctype] : undefined;
  const fitting = typeof about === 'string' ? held.filter((g) => g.references?.includes(about)) : [];
  const grant = chooseWrite(doctype, method, fitting.length > 0 ? fitting : held, body);
  checkValues(doctype, grant.values, body);
  if (method === 'PUT' && grant.rows === 'own') await requireOwn(deps, caller, doctype, name as string);
  for (const [key, target] of Object.entries(grant.links ?? {})) {
    const value = body[key];
    if (value === null || value === undefined || value === '') continue;
    if (typeof value !== 'string') throw valueNotAllowed(doctype, key, value);
    if (grant.rows === 'own') await requireOwn(deps, caller, target, value);
    else await requireReadable(deps, caller, target, value);
  }
  if (refs && method === 'POST') await requireReadableReference(deps, caller, doctype, refs, grant.references ?? [], body[refs.doctype], body[refs.name]);
  if (grant.sameCustomer) await requireOneCustomer(deps, caller, doctype, name, grant, body);
}

/** The record (on PUT) and every link in the body belong to one customer. */
async function requireOneCustomer(deps: AccessDeps, caller: Caller, doctype: string, name: string | undefined, grant: WriteGrant, body: Body): Promise<void> {
  let customer = name === undefined ? undefined : await customerOf(deps, caller, doctype, name);
  for (const [key, target] of Object.entries(grant.links ?? {})) {
    const value = body[key];
    if (typeof value !== 'string' || value === '') continue;
    const linked = await customerOf(deps, caller, target, value);
    if (linked === undefined) continue; // a link without a customer (none of ours today) moves nothing
    if (customer !== undefined && linked !== customer) throw crossCustomer(doctype, key);
    customer = linked;
  }
}

/** Plans `POST /api/method/<method>` for a whitelisted method acting on one document. */
export async function planMethod(deps: AccessDeps, caller: Caller, name: string, access: MethodAccess, params: URLSearchParams, raw: Buffer | undefined): Promise<void> {
  noQuery(params);
  const body = objectBody(raw);
  const bad = Object.keys(body).find((key) => !access.args.includes(key));
  if (bad !== undefined) throw fieldNotWritable(name, bad);
  const grants = deps.grants.methodGrantsOf(name, caller.identity.capabilitySet);
  let refusal: HttpError | undefined;
  for (const grant of grants) {
    try {
      checkValues(name, grant.values, body);
    } catch (err) {
      refusal ??= err as HttpError;
      continue;
    }
    if (grant.rows === 'all') return;
    const document = body[access.document.arg];
    if (typeof document !== 'string' || document === '') throw badBody(`« ${access.document.arg} » manquant.`);
    await requireOwn(deps, caller, access.document.doctype, document);
    return;
  }
  throw refusal ?? outOfScope(access.document.doctype);
}
