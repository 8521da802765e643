// `frappe.desk.form.assign_to.add` / `remove` (frappe/desk/form/assign_to.py, v14+), with the ToDo
// controller's side effects (frappe/desk/doctype/todo/todo.py): one ToDo per assignee, an
// « Assigned » / « Assignment Completed » Comment on the document, and its `_assign` column (JSON
// list of the open assignees, oldest first) written without touching `modified`.
import { isDoctype, type Doctype } from '@gigafibre/contracts';
import type { Row } from '../docs/hooks';
import type { DocStore } from '../docs/store';
import { FrappeError, notFound } from '../errors';

/** What add and remove answer: assign_to.get, the document's ToDos not Cancelled (at most 5). */
export interface AssignedTo {
  owner: string;
  name: string;
}

function text(params: Record<string, unknown>, key: string): string {
  const value = params[key];
  if (typeof value !== 'string' || value === '') throw new FrappeError('MandatoryError', `Paramètre ${key} requis`);
  return value;
}

function target(store: DocStore, params: Record<string, unknown>): { doctype: Doctype; name: string } {
  const doctype = text(params, 'doctype');
  const name = text(params, 'name');
  // frappe.get_doc(doctype, name) in add and in the ToDo's update_in_reference.
  if (!isDoctype(doctype)) throw new FrappeError('DoesNotExistError', `Le type de document ${doctype} n’existe pas`);
  if (!store.get(doctype, name)) throw notFound(doctype, name);
  return { doctype, name };
}

/** frappe.utils.get_fullname: the User's full name, else the e-mail. */
function fullName(store: DocStore, user: string): string {
  return (store.get('User', user)?.full_name as string | null | undefined) ?? user;
}

function todos(store: DocStore, doctype: string, name: string): Row[] {
  return store.db
    .prepare(`SELECT * FROM "tabToDo" WHERE reference_type = ? AND reference_name = ? ORDER BY modified DESC`)
    .all(doctype, name) as Row[];
}

/** assign_to.get. */
function assigned(store: DocStore, doctype: string, name: string): AssignedTo[] {
  return todos(store, doctype, name)
    .filter((t) => t.status !== 'Cancelled')
    .slice(0, 5)
    .map((t) => ({ owner: String(t.allocated_to), name: String(t.name) }));
}

/** todo.py update_in_reference: `_assign` = open assignees (get_all's modified desc, reversed), update_modified=False. */
function updateInReference(store: DocStore, doctype: Doctype, name: string, user: string | null): void {
  const open = todos(store, doctype, name)
    .filter((t) => t.status !== 'Cancelled' && t.status !== 'Closed' && t.allocated_to)
    .map((t) => String(t.allocated_to))
    .reverse();
  store.setValues(doctype, name, { _assign: JSON.stringify(open) }, user, false);
}

function comment(store: DocStore, doctype: Doctype, name: string, type: 'Assigned' | 'Assignment Completed', content: string, user: string | null): void {
  store.insert('Comment', { reference_doctype: doctype, reference_name: name, comment_type: type, content }, user);
}

/** The `assign_to` argument: a JSON list of users (frappe.parse_json), or one user. */
function assignees(params: Record<string, unknown>): string[] {
  const raw = params.assign_to;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      value = [raw];
    }
  }
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((u): u is string => typeof u === 'string' && u !== '')) throw new FrappeError('MandatoryError', 'Paramètre assign_to requis');
  return list;
}

/** assign_to.add: a ToDo for each assignee not already holding an open one (duplicates are skipped, not an error). */
export function assignAdd(store: DocStore, params: Record<string, unknown>, user: string | null): AssignedTo[] {
  const { doctype, name } = target(store, params);
  const by = user ?? 'Administrator';
  return store.db.transaction(() => {
    for (const assignee of assignees(params)) {
      if (!store.get('User', assignee)) throw new FrappeError('LinkValidationError', `Impossible de trouver User : ${assignee} (allocated_to)`);
      const open = todos(store, doctype, name).some((t) => t.status === 'Open' && t.allocated_to === assignee);
      if (open) continue;
      const description = typeof params.description === 'string' && params.description !== '' ? params.description : `Affectation pour ${doctype} ${name}`;
      store.insert('ToDo', { allocated_to: assignee, reference_type: doctype, reference_name: name, description, priority: params.priority ?? 'Medium', status: 'Open', assigned_by: by }, user);
      const text = by === assignee ? `${fullName(store, by)} s’est assigné cette tâche : ${description}` : `${fullName(store, by)} a assigné ${fullName(store, assignee)} : ${description}`;
      comment(store, doctype, name, 'Assigned', text, user);
      updateInReference(store, doctype, name, user);
    }
    return assigned(store, doctype, name);
  })();
}

/** assign_to.remove → set_status(…, "Cancelled"): the assignee's ToDo not yet Cancelled is cancelled; none is not an error. */
export function assignRemove(store: DocStore, params: Record<string, unknown>, user: string | null): AssignedTo[] {
  const { doctype, name } = target(store, params);
  const assignee = text(params, 'assign_to');
  const by = user ?? 'Administrator';
  return store.db.transaction(() => {
    const todo = todos(store, doctype, name).find((t) => t.allocated_to === assignee && t.status !== 'Cancelled');
    if (todo) {
      store.update('ToDo', String(todo.name), { status: 'Cancelled' }, user);
      const text = assignee === by ? `${fullName(store, by)} a retiré son affectation.` : `Affectation de ${fullName(store, assignee)} retirée par ${fullName(store, by)}`;
      comment(store, doctype, name, 'Assignment Completed', text, user);
      updateInReference(store, doctype, name, user);
    }
    return assigned(store, doctype, name);
  })();
}
