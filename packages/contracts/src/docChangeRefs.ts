// The `refs` of a `doc_change` event: the documents a change concerns besides itself. The hub
// (the standin plays it) sends them, and the SPA's document cache computes the same for its own
// writes, so which page a change reaches is decided by one rule.
import type { FieldSpec } from './doctype-spec';
import { DOCTYPES, type Doctype } from './doctypes';

/** A document a change concerns. */
export interface DocRef {
  doctype: string;
  name: string;
}

/**
 * Every Link target of `row` and, on an update, of the row before it (`old`): a ticket moved from
 * one client to another concerns both. A Comment, Communication or ToDo also concerns the document it is about,
 * a File the one it is attached to.
 */
export function docChangeRefs(doctype: Doctype, row: Readonly<Record<string, unknown>>, old?: Readonly<Record<string, unknown>>): DocRef[] {
  const refs = new Map<string, DocRef>();
  const add = (target: string, name: unknown) => {
    if (typeof name === 'string' && name) refs.set(`${target}\0${name}`, { doctype: target, name });
  };
  for (const [field, spec] of Object.entries(DOCTYPES[doctype].fields) as [string, FieldSpec][]) {
    if (spec.type !== 'Link') continue;
    add(String(spec.options), row[field]);
    if (old) add(String(spec.options), old[field]);
  }
  // Polymorphic doctypes also concern the document they are about (a ToDo assigns an Issue).
  if (doctype === 'Comment' || doctype === 'Communication') add(String(row.reference_doctype), row.reference_name);
  if (doctype === 'ToDo') add(String(row.reference_type), row.reference_name);
  // A File concerns the document it is attached to (a job's photo reaches the job's page).
  if (doctype === 'File') add(String(row.attached_to_doctype), row.attached_to_name);
  return [...refs.values()];
}
