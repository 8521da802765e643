// Is this document one of the user's? Answered from the loaded scope when the names are known,
// else by reading the one field that decides it; a miss reloads the scope once (a job assigned a
// minute ago) before the answer is no.
import type { Identity } from '../identity/identity';
import { outOfScope } from './accessErrors';
import type { ErpReader } from './erpReader';
import type { Grants } from './grants';
import type { OwnRowsModel, Scope } from './ownRows';
import type { ScopeStore } from './scopeStore';

/** What the access checks share. */
export interface AccessDeps {
  readonly grants: Grants;
  readonly model: OwnRowsModel;
  readonly scopes: ScopeStore;
  readonly reader: ErpReader;
}

/** Who is asking, for the checks and the reads made on their behalf. */
export interface Caller {
  readonly identity: Identity;
  readonly requestId: string;
}

export async function scopeOf(deps: AccessDeps, caller: Caller): Promise<Scope> {
  return deps.scopes.get(caller.identity, caller.requestId);
}

async function owns(deps: AccessDeps, caller: Caller, scope: Scope, doctype: string, name: string): Promise<boolean> {
  const names = deps.model.names(scope, doctype);
  if (names) return names.has(name);
  const field = deps.model.probeField(doctype);
  if (field === undefined) return false;
  const [row] = await deps.reader.list(doctype, ['name', field], [['name', '=', name]], 1, caller.requestId);
  return row !== undefined && deps.model.ownsRow(scope, doctype, row);
}

/** The user's scope, once `name` is known to be one of their rows of `doctype`; else 403. */
export async function requireOwn(deps: AccessDeps, caller: Caller, doctype: string, name: string): Promise<Scope> {
  const scope = await scopeOf(deps, caller);
  if (await owns(deps, caller, scope, doctype, name)) return scope;
  const fresh = await deps.scopes.refresh(caller.identity, scope, caller.requestId);
  if (fresh !== scope && (await owns(deps, caller, fresh, doctype, name))) return fresh;
  throw outOfScope(doctype, name);
}

/**
 * Throws 403 unless the user may read the document (`everyField`: with a grant showing every
 * field): an every-row reader may, an own-row reader only if it is theirs.
 */
export async function requireReadable(deps: AccessDeps, caller: Caller, doctype: string, name: string, everyField = false): Promise<void> {
  const reads = deps.grants.readsOf(doctype, caller.identity.capabilitySet).filter((r) => !everyField || r.fields === null);
  const best = reads[0];
  if (!best) throw outOfScope(doctype, name);
  if (best.rows === 'all') return;
  await requireOwn(deps, caller, doctype, name);
}
