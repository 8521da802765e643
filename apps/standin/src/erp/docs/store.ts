// Document writes the way Frappe does them: naming, coercion, defaults, hooks, mandatory/link/unique
// checks, child tables, `modified`, a Version for tracked doctypes, and a change event, all in one
// transaction.
import { docChangeRefs, DOCTYPES, type DocChangeEvent, type Doctype, type DoctypeSpec, type FieldSpec } from '@gigafibre/contracts';
import type { EventLog } from '../../db/events';
import type { Db } from '../../db/open';
import { columnsOf, q, tableOf } from '../../db/schema';
import { StatementCache } from '../../db/statements';
import { frappeTimestamp, montrealToday } from '@gigafibre/contracts';
import { FrappeError, notFound } from '../errors';
import { ChildRows, storedValue, type ParentStamp } from './children';
import { runAfterInsert } from './afterInsert';
import { runSaveHook, type HookContext, type Row } from './hooks';
import { hashName, newName } from './naming';
import { wireDatetime, type DocParts } from './wire';

/** Who writes: the BFF's `X-Ops-User`, or the API token's user. */
export const TOKEN_USER = 'Administrator';

/** The value (non-Table) fields of a doctype. */
function valueFields(doctype: Doctype): [string, FieldSpec][] {
  return (Object.entries(DOCTYPES[doctype].fields) as [string, FieldSpec][]).filter(([, f]) => f.type !== 'Table');
}

/** Doctypes whose Link fields point at `target`, for delete checks. */
function linkersOf(target: Doctype): [Doctype, string][] {
  const out: [Doctype, string][] = [];
  for (const [doctype, spec] of Object.entries(DOCTYPES) as [Doctype, DoctypeSpec][]) {
    for (const [field, f] of Object.entries(spec.fields) as [string, FieldSpec][]) {
      if (f.type === 'Link' && f.options === target) out.push([doctype, field]);
    }
  }
  return out;
}

export class DocStore {
  private readonly statements: StatementCache;
  private lastStamp = '';
  private readonly children: ChildRows;

  constructor(
    readonly db: Db,
    private readonly events: EventLog,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.statements = new StatementCache(db);
    this.children = new ChildRows(db);
  }

  /** A document with its child rows, or undefined. */
  read(doctype: Doctype, name: string): DocParts | undefined {
    const row = this.get(doctype, name);
    return row ? { row, children: this.children.read(doctype, name) } : undefined;
  }

  get(doctype: Doctype, name: string): Row | undefined {
    return this.statement(`SELECT * FROM ${tableOf(doctype)} WHERE name = ?`).get(name) as Row | undefined;
  }

  insert(doctype: Doctype, data: Record<string, unknown>, user: string | null): Row {
    const result = this.db.transaction(() => {
      const spec = DOCTYPES[doctype] as DoctypeSpec;
      const name = newName(this.db, doctype, spec, data);
      const doc: Row = {};
      // A field the request leaves out gets its DocField default (numbers: 0), as frappe.new_doc does.
      for (const [field, f] of valueFields(doctype)) doc[field] = storedValue(f, field, Object.hasOwn(data, field) ? data[field] : (f.default ?? null));
      runSaveHook(doctype, doc, undefined, this.hookContext(user));
      this.checkMandatory(doctype, doc);
      this.checkLinks(doctype, doc, undefined);
      if (this.get(doctype, name)) throw new FrappeError('DuplicateEntryError', `${doctype} ${name} existe déjà`);
      this.checkUnique(doctype, doc, name);
      const stamp = this.stamp();
      const by = user ?? TOKEN_USER;
      const row: Row = {
        name,
        owner: by,
        creation: stamp,
        modified: stamp,
        modified_by: by,
        docstatus: 0,
        idx: 0,
        _user_tags: typeof data._user_tags === 'string' ? data._user_tags : null,
        ...doc,
      };
      const cols = [...columnsOf(doctype).keys()];
      this.statement(`INSERT INTO ${tableOf(doctype)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
        ...cols.map((c) => row[c] ?? null),
      );
      const tables = this.children.replace(this.parentStamp(doctype, row), data, new Map());
      const changed = [...Object.keys(doc).filter((f) => doc[f] !== null), ...tables];
      this.publish(doctype, row, 'insert', changed, user, undefined);
      runAfterInsert(this, doctype, row, user);
      return row;
    })();
    this.events.flush();
    return result;
  }

  update(doctype: Doctype, name: string, patch: Record<string, unknown>, user: string | null): Row {
    const result = this.db.transaction(() => {
      const old = this.get(doctype, name);
      if (!old) throw notFound(doctype, name);
      // frappe/model/document.py check_if_latest compares cstr(datetime read back) with the value sent.
      if (typeof patch.modified === 'string' && patch.modified !== wireDatetime(String(old.modified))) {
        throw new FrappeError(
          'TimestampMismatchError',
          `Le document ${doctype} ${name} a été modifié après que vous l’avez ouvert (${String(old.modified)} ≠ ${patch.modified}). Actualisez pour obtenir la dernière version.`,
        );
      }
      const spec = DOCTYPES[doctype] as DoctypeSpec;
      const doc: Row = {};
      for (const [field] of valueFields(doctype)) doc[field] = old[field] ?? null;
      for (const [field, value] of Object.entries(patch)) {
        const f = (spec.fields as Record<string, FieldSpec>)[field];
        if (f && f.type !== 'Table') doc[field] = storedValue(f, field, value);
      }
      runSaveHook(doctype, doc, old, this.hookContext(user));
      const changed = Object.keys(doc).filter((f) => doc[f] !== (old[f] ?? null));
      const tagsChanged = typeof patch._user_tags === 'string' && patch._user_tags !== old._user_tags;
      this.checkMandatory(doctype, doc);
      this.checkLinks(doctype, doc, old);
      this.checkUnique(doctype, doc, name, changed);
      // Document.save always stamps and writes, even when nothing changed (frappe/model/document.py
      // _save: set_user_and_timestamp, db_update): `modified` moves; only the Version is skipped.
      const stamp = this.stamp();
      const by = user ?? TOKEN_USER;
      const sets = [...changed, ...(tagsChanged ? ['_user_tags'] : [])];
      const values = [...changed.map((f) => doc[f] ?? null), ...(tagsChanged ? [patch._user_tags as string] : [])];
      this.statement(`UPDATE ${tableOf(doctype)} SET ${[...sets, 'modified', 'modified_by'].map((c) => `${q(c)} = ?`).join(', ')} WHERE name = ?`).run(
        ...values,
        stamp,
        by,
        name,
      );
      const row = this.get(doctype, name) as Row;
      const parent = this.parentStamp(doctype, row);
      const tables = this.children.replace(parent, patch, this.children.read(doctype, name));
      this.children.touch(parent);
      if (spec.trackChanges && changed.length > 0) this.writeVersion(doctype, name, changed.map((f) => [f, old[f] ?? null, doc[f] ?? null]), by, stamp);
      this.publish(doctype, row, 'update', [...changed, ...(tagsChanged ? ['_user_tags'] : []), ...tables], user, old);
      return row;
    })();
    this.events.flush();
    return result;
  }

  /**
   * frappe.db.set_value / Document.db_set: writes the columns as they are (no hooks, no Version);
   * `modified` moves unless `updateModified` is false (as `_assign` is kept). Publishes the change.
   */
  setValues(doctype: Doctype, name: string, values: Row, user: string | null, updateModified = true): Row {
    const result = this.db.transaction(() => {
      const old = this.get(doctype, name);
      if (!old) throw notFound(doctype, name);
      const sets: Row = { ...values, ...(updateModified ? { modified: this.stamp(), modified_by: user ?? TOKEN_USER } : {}) };
      const cols = Object.keys(sets);
      this.statement(`UPDATE ${tableOf(doctype)} SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE name = ?`).run(...cols.map((c) => sets[c] ?? null), name);
      const row = this.get(doctype, name) as Row;
      this.publish(doctype, row, 'update', Object.keys(values), user, old);
      return row;
    })();
    this.events.flush();
    return result;
  }

  delete(doctype: Doctype, name: string, user: string | null): void {
    this.db.transaction(() => {
      const old = this.get(doctype, name);
      if (!old) throw notFound(doctype, name);
      for (const [linker, field] of linkersOf(doctype)) {
        const hit = this.statement(`SELECT name FROM ${tableOf(linker)} WHERE ${q(field)} = ? LIMIT 1`).get(name) as { name: string } | undefined;
        if (hit) {
          throw new FrappeError('LinkExistsError', `Impossible de supprimer ${doctype} ${name} : lié à ${linker} ${hit.name}`);
        }
      }
      this.statement(`DELETE FROM ${tableOf(doctype)} WHERE name = ?`).run(name);
      this.children.deleteAll(doctype, name);
      // Frappe deletes a document's comments with it.
      this.statement(`DELETE FROM ${tableOf('Comment')} WHERE reference_doctype = ? AND reference_name = ?`).run(doctype, name);
      this.publish(doctype, old, 'delete', [], user, undefined);
    })();
    this.events.flush();
  }

  private parentStamp(doctype: Doctype, row: Row): ParentStamp {
    return {
      doctype,
      name: String(row.name),
      owner: String(row.owner),
      creation: String(row.creation),
      modified: String(row.modified),
      modified_by: String(row.modified_by),
    };
  }

  private hookContext(user: string | null): HookContext {
    const now = this.now();
    return { user: user ?? TOKEN_USER, today: montrealToday(now), now: frappeTimestamp(now), get: (dt, n) => this.get(dt, n) };
  }

  private checkMandatory(doctype: Doctype, doc: Row): void {
    const missing = valueFields(doctype)
      .filter(([field, f]) => f.reqd && (doc[field] === null || doc[field] === undefined))
      .map(([field]) => field);
    if (missing.length > 0) throw new FrappeError('MandatoryError', `Champs obligatoires manquants dans ${doctype} : ${missing.join(', ')}`);
  }

  private checkLinks(doctype: Doctype, doc: Row, old: Row | undefined): void {
    for (const [field, f] of valueFields(doctype)) {
      const value = doc[field];
      if (f.type !== 'Link' || value === null || value === undefined || (old && old[field] === value)) continue;
      if (!this.get(f.options as Doctype, String(value))) {
        throw new FrappeError('LinkValidationError', `Impossible de trouver ${String(f.options)} : ${String(value)} (${field})`);
      }
    }
  }

  private checkUnique(doctype: Doctype, doc: Row, name: string, only?: string[]): void {
    for (const [field, f] of valueFields(doctype)) {
      if (!f.unique || doc[field] === null || (only && !only.includes(field))) continue;
      const hit = this.statement(`SELECT name FROM ${tableOf(doctype)} WHERE ${q(field)} = ? AND name != ? LIMIT 1`).get(doc[field], name) as
        | { name: string }
        | undefined;
      if (hit) throw new FrappeError('DuplicateEntryError', `${doctype} : la valeur « ${String(doc[field])} » de ${field} existe déjà (${hit.name})`);
    }
  }

  private writeVersion(doctype: Doctype, name: string, changed: unknown[][], by: string, stamp: string): void {
    const data = JSON.stringify({ added: [], changed, removed: [], row_changed: [] });
    this.statement(
      `INSERT INTO ${tableOf('Version')} (name, owner, creation, modified, modified_by, docstatus, ref_doctype, docname, data) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    ).run(hashName(), by, stamp, stamp, by, doctype, name, data);
  }

  private publish(doctype: Doctype, row: Row, action: DocChangeEvent['action'], changed: string[], user: string | null, old: Row | undefined): void {
    const event: DocChangeEvent = {
      doctype,
      name: String(row.name),
      action,
      changed,
      by: user,
      at: this.now().toISOString(),
      refs: docChangeRefs(doctype, row, old),
    };
    if (action !== 'delete') event.modified = wireDatetime(String(row.modified));
    this.events.append(event);
  }

  /** `modified` strictly increasing, so TimestampMismatch can tell two saves in one millisecond apart. */
  private stamp(): string {
    let stamp = frappeTimestamp(this.now());
    if (stamp <= this.lastStamp) {
      const micros = Number(this.lastStamp.slice(-6)) + 1;
      stamp = micros < 1_000_000 ? `${this.lastStamp.slice(0, -6)}${String(micros).padStart(6, '0')}` : this.lastStamp;
    }
    this.lastStamp = stamp;
    return stamp;
  }

  private statement(sql: string) {
    return this.statements.get(sql);
  }
}
