// Reads: lists and counts confined to the rows and fields a user's grant covers, single documents
// checked against them and shown with the grant's fields only.
import { HttpError } from '../errors';
import { badQuery, fieldNotReadable, outOfScope } from './accessErrors';
import { pinnedValues, type Condition } from './filters';
import { covers, firstUncovered, type CompiledRead } from './grants';
import { withFilters, type ListRequest } from './listRequest';
import { requireOwn, scopeOf, type AccessDeps, type Caller } from './ownCheck';
import { referenceConditions, requireReadableReference } from './references';

/** What to do with a read the policy allowed. */
export interface ReadPlan {
  /** The query to send upstream instead of the client's; undefined: the client's, unchanged. */
  search?: string;
  /** Answer this at once (200 JSON) without asking the upstream: the user has no rows. */
  answer?: unknown;
  /** The grant the read goes under. */
  grant: CompiledRead;
}

const EMPTY: Record<ListRequest['kind'], unknown> = { list: { data: [] }, get_list: { message: [] }, get_count: { message: 0 } };

function chooseRead(deps: AccessDeps, caller: Caller, doctype: string, columns: ReadonlySet<string>, star: boolean): CompiledRead {
  const reads = deps.grants.readsOf(doctype, caller.identity.capabilitySet);
  const fitting = reads.find((r) => covers(r, columns, star));
  if (fitting) return fitting;
  const best = reads[0];
  if (!best) throw new HttpError(403, 'forbidden', `Lecture non permise : ${doctype}.`, { reason: 'no_grant', doctype });
  throw fieldNotReadable(doctype, firstUncovered(best, columns, star) ?? '*');
}

/** Plans a list, `frappe.client.get_list` or `get_count` on `request.doctype`. */
export async function planList(deps: AccessDeps, caller: Caller, request: ListRequest): Promise<ReadPlan> {
  const { doctype } = request;
  const grant = chooseRead(deps, caller, doctype, request.columns, request.star);
  const access = deps.grants.access(doctype);
  const extra: Condition[] = [];
  if (access?.reference) {
    const conditions = await referenceConditions(deps, caller, doctype, grant, access.reference, request.filters);
    if (conditions === 'none') return { answer: EMPTY[request.kind], grant };
    extra.push(...conditions);
  }
  if (grant.rows === 'own') {
    const conditions = await ownConditions(deps, caller, doctype, request);
    if (conditions === 'none') return { answer: EMPTY[request.kind], grant };
    extra.push(...conditions);
  }
  return extra.length === 0 ? { grant } : { search: withFilters(request, [...request.filters, ...extra]), grant };
}

/** The own-row conditions; a request naming rows the scope does not hold reloads it once. */
async function ownConditions(deps: AccessDeps, caller: Caller, doctype: string, request: ListRequest): Promise<Condition[] | 'none'> {
  const own = deps.model.ownOf(doctype);
  if (!own) return 'none';
  const pinned = pinnedValues(request.filters, own.field);
  const scope = await scopeOf(deps, caller);
  const conditions = deps.model.conditions(scope, doctype, pinned);
  if (pinned === undefined || 'is' in own) return conditions;
  const held = deps.model.valuesOf(scope, own.in.doctype, own.in.field);
  if ([...pinned].every((value) => held.has(value))) return conditions;
  const fresh = await deps.scopes.refresh(caller.identity, scope, caller.requestId);
  return fresh === scope ? conditions : deps.model.conditions(fresh, doctype, pinned);
}

/**
 * Plans `GET /api/resource/<doctype>/<name>`: no query parameter (Frappe would run `run_method`
 * or expand links with it), a document the user may read; the answer is cut to the grant's fields.
 */
export async function planDocument(deps: AccessDeps, caller: Caller, doctype: string, name: string, params: URLSearchParams): Promise<ReadPlan> {
  for (const key of params.keys()) throw badQuery(key, `paramètre « ${key.slice(0, 40)} » non accepté sur un document.`);
  const grant = deps.grants.readsOf(doctype, caller.identity.capabilitySet)[0];
  if (!grant) throw outOfScope(doctype, name);
  const refs = deps.grants.access(doctype)?.reference;
  if (refs) {
    const [row] = await deps.reader.list(doctype, ['name', refs.doctype, refs.name], [['name', '=', name]], 1, caller.requestId);
    // Unknown document: ERPNext answers its own 404.
    if (row) await requireReadableReference(deps, caller, doctype, refs, grant.grant.references ?? [], row[refs.doctype], row[refs.name]);
  }
  if (grant.rows === 'own') await requireOwn(deps, caller, doctype, name);
  return { grant };
}
