// Document writes the way Frappe does them: naming, coercion, hooks, mandatory/link/unique checks,
// `modified`, a Version for tracked doctypes, and a change event, all in one transaction.
import { DOCTYPES, type DocChangeEvent, type Doctype, type DoctypeSpec, type FieldSpec } from '@gigafibre/contracts';
import type Database from 'better-sqlite3';
import type { EventLog } from '../../db/events';
import type { Db } from '../../db/open';
import { columnsOf, q, tableOf } from '../../db/schema';
import { frappeTimestamp, montrealToday } from '@gigafibre/contracts';
import { FrappeError, notFound } from '../errors';
import { coerceValue } from './coerce';
import { runSaveHook, type HookContext, type Row } from './hooks';
import { hashName, newName } from './naming';

/** Who writes: the BFF's `X-Ops-User`, or the API token's user. */
export const TOKEN_USER = 'Administrator';

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
  private readonly selects = new Map<Doctype, Database.Statement>();
  private readonly statements = new Map<string, Database.Statement>();
  private lastStamp = '';

  constructor(
    readonly db: Db,
    private readonly events: EventLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(doctype: Doctype, name: string): Row | undefined {
    let stmt = this.selects.get(doctype);
    if (!stmt) {
      stmt = this.db.prepare(`SELECT * FROM ${tableOf(doctype)} WHERE name = ?`);
      this.selects.set(doctype, stmt);
    }
    return stmt.get(name) as Row | undefined;
  }

  insert(doctype: Doctype, data: Record<string, unknown>, user: string | null): Row {
    const result = this.db.transaction(() => {
      const spec = DOCTYPES[doctype] as DoctypeSpec;
      const name = newName(this.db, doctype, spec, data);
      const doc: Row = {};
      for (const [field, f] of Object.entries(spec.fields) as [string, FieldSpec][]) {
        doc[field] = Object.hasOwn(data, field) ? coerceValue(f, field, data[field]) : null;
      }
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
        _user_tags: typeof data._user_tags === 'string' ? data._user_tags : null,
        ...doc,
      };
      const cols = [...columnsOf(doctype).keys()];
      this.statement(`INSERT INTO ${tableOf(doctype)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
        ...cols.map((c) => row[c] ?? null),
      );
      const changed = Object.keys(doc).filter((f) => doc[f] !== null);
      this.publish(doctype, row, 'insert', changed, user, undefined);
      return row;
    })();
    this.events.flush();
    return result;
  }

  update(doctype: Doctype, name: string, patch: Record<string, unknown>, user: string | null): Row {
    const result = this.db.transaction(() => {
      const old = this.get(doctype, name);
      if (!old) throw notFound(doctype, name);
      if (typeof patch.modified === 'string' && patch.modified !== old.modified) {
        throw new FrappeError(
          'TimestampMismatchError',
          `Le document ${doctype} ${name} a été modifié après que vous l’avez ouvert (${String(old.modified)} ≠ ${patch.modified}). Actualisez pour obtenir la dernière version.`,
        );
      }
      const spec = DOCTYPES[doctype] as DoctypeSpec;
      const doc: Row = {};
      for (const field of Object.keys(spec.fields)) doc[field] = old[field] ?? null;
      for (const [field, value] of Object.entries(patch)) {
        const f = (spec.fields as Record<string, FieldSpec>)[field];
        if (f) doc[field] = coerceValue(f, field, value);
      }
      runSaveHook(doctype, doc, old, this.hookContext(user));
      const changed = Object.keys(doc).filter((f) => doc[f] !== (old[f] ?? null));
      const tagsChanged = typeof patch._user_tags === 'string' && patch._user_tags !== old._user_tags;
      if (changed.length === 0 && !tagsChanged) return old;
      this.checkMandatory(doctype, doc);
      this.checkLinks(doctype, doc, old);
      this.checkUnique(doctype, doc, name, changed);
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
      if (spec.trackChanges && changed.length > 0) this.writeVersion(doctype, name, changed.map((f) => [f, old[f] ?? null, doc[f] ?? null]), by, stamp);
      this.publish(doctype, row, 'update', tagsChanged ? [...changed, '_user_tags'] : changed, user, old);
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
      // Frappe deletes a document's comments with it.
      this.statement(`DELETE FROM ${tableOf('Comment')} WHERE reference_doctype = ? AND reference_name = ?`).run(doctype, name);
      this.publish(doctype, old, 'delete', [], user, undefined);
    })();
    this.events.flush();
  }

  private hookContext(user: string | null): HookContext {
    return { user: user ?? TOKEN_USER, today: montrealToday(this.now()), get: (dt, n) => this.get(dt, n) };
  }

  private checkMandatory(doctype: Doctype, doc: Row): void {
    const missing = (Object.entries(DOCTYPES[doctype].fields) as [string, FieldSpec][])
      .filter(([field, f]) => f.reqd && (doc[field] === null || doc[field] === undefined))
      .map(([field]) => field);
    if (missing.length > 0) throw new FrappeError('MandatoryError', `Champs obligatoires manquants dans ${doctype} : ${missing.join(', ')}`);
  }

  private checkLinks(doctype: Doctype, doc: Row, old: Row | undefined): void {
    for (const [field, f] of Object.entries(DOCTYPES[doctype].fields) as [string, FieldSpec][]) {
      const value = doc[field];
      if (f.type !== 'Link' || value === null || value === undefined || (old && old[field] === value)) continue;
      if (!this.get(f.options as Doctype, String(value))) {
        throw new FrappeError('LinkValidationError', `Impossible de trouver ${String(f.options)} : ${String(value)} (${field})`);
      }
    }
  }

  private checkUnique(doctype: Doctype, doc: Row, name: string, only?: string[]): void {
    for (const [field, f] of Object.entries(DOCTYPES[doctype].fields) as [string, FieldSpec][]) {
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
    const refs = new Map<string, { doctype: string; name: string }>();
    const add = (dt: string, n: unknown) => {
      if (typeof n === 'string' && n) refs.set(`${dt}\0${n}`, { doctype: dt, name: n });
    };
    for (const [field, f] of Object.entries(DOCTYPES[doctype].fields) as [string, FieldSpec][]) {
      if (f.type !== 'Link') continue;
      add(String(f.options), row[field]);
      if (old) add(String(f.options), old[field]);
    }
    if (doctype === 'Comment') add(String(row.reference_doctype), row.reference_name);
    const event: DocChangeEvent = {
      doctype,
      name: String(row.name),
      action,
      changed,
      by: user,
      at: this.now().toISOString(),
      refs: [...refs.values()],
    };
    if (action !== 'delete') event.modified = String(row.modified);
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

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}
