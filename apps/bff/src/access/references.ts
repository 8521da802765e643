// Polymorphic doctypes (Comment, Version, File, ToDo, Communication): a row is about another
// document (`reference_doctype` + `reference_name`, …). A user reads them only about documents
// they may read themselves, and creates them only about documents they may see.
import type { ReferenceFields } from '@gigafibre/capabilities';
import { badQuery, referenceNotAllowed } from './accessErrors';
import { pinnedValues, type Condition } from './filters';
import type { CompiledRead } from './grants';
import { requireReadable, scopeOf, type AccessDeps, type Caller } from './ownCheck';

/** The reference doctypes a grant covers that the user may read: on every row, or on their own only. */
export function readableReferences(deps: AccessDeps, caller: Caller, grant: CompiledRead, refs: ReferenceFields): { all: string[]; own: string[] } {
  const all: string[] = [];
  const own: string[] = [];
  for (const doctype of grant.grant.references ?? []) {
    const reads = deps.grants.readsOf(doctype, caller.identity.capabilitySet).filter((r) => !refs.carriesValues || r.fields === null);
    if (reads[0]?.rows === 'all') all.push(doctype);
    else if (reads[0]?.rows === 'own') own.push(doctype);
  }
  return { all, own };
}

/**
 * The conditions a list of a polymorphic doctype needs: none when the request already pins the
 * reference doctype to ones the user reads on every row; the user's own names when it pins one
 * they read on their own rows (or when that is the only one they may read); else the readable
 * reference doctypes. `'none'`: nothing to show.
 */
export async function referenceConditions(
  deps: AccessDeps,
  caller: Caller,
  doctype: string,
  grant: CompiledRead,
  refs: ReferenceFields,
  filters: readonly Condition[],
): Promise<Condition[] | 'none'> {
  const readable = readableReferences(deps, caller, grant, refs);
  let pinned = pinnedValues(filters, refs.doctype);
  const extra: Condition[] = [];
  if (pinned === undefined) {
    if (readable.all.length > 0) return [[refs.doctype, 'in', readable.all]];
    if (readable.own.length > 1) throw badQuery('filters', `nommez le document de référence (${refs.doctype} = …) pour lire ${doctype}.`);
    if (readable.own.length === 0) throw referenceNotAllowed(doctype, '*');
    // One doctype whose own rows the user reads: that one, and only their documents of it.
    pinned = new Set(readable.own);
    extra.push([refs.doctype, '=', readable.own[0] as string]);
  }
  for (const reference of pinned) {
    if (!readable.all.includes(reference) && !readable.own.includes(reference)) throw referenceNotAllowed(doctype, reference);
  }
  if ([...pinned].every((reference) => readable.all.includes(reference))) return [];
  if (pinned.size !== 1) throw badQuery('filters', `un seul type de document de référence à la fois pour ${doctype}.`);
  const [reference] = pinned as Set<string>;
  const names = deps.model.names(await scopeOf(deps, caller), reference as string);
  if (!names) throw referenceNotAllowed(doctype, reference as string);
  const wanted = pinnedValues(filters, refs.name);
  const allowed = [...(wanted ?? names)].filter((name) => names.has(name));
  return allowed.length === 0 ? 'none' : [...extra, [refs.name, 'in', allowed]];
}

/** Throws unless the document a polymorphic row is about may be read by the user (reads of one row, writes). */
export async function requireReadableReference(
  deps: AccessDeps,
  caller: Caller,
  doctype: string,
  refs: ReferenceFields,
  allowed: readonly string[],
  reference: unknown,
  name: unknown,
): Promise<void> {
  if (typeof reference !== 'string' || !allowed.includes(reference)) throw referenceNotAllowed(doctype, typeof reference === 'string' ? reference : String(reference));
  if (typeof name !== 'string' || name === '') throw badQuery(refs.name, `${refs.name} manquant.`);
  await requireReadable(deps, caller, reference, name, refs.carriesValues);
}
