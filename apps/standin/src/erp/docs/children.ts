// Child tables (Frappe's Table fields): rows of a child doctype in its own table, tied to their
// parent by `parent`, `parentfield`, `parenttype` and ordered by `idx`.
import type { Doctype, FieldSpec } from '@gigafibre/contracts';
import type { Db } from '../../db/open';
import { columnsOf, isNumeric, q, tableOf, tablesOf } from '../../db/schema';
import { StatementCache } from '../../db/statements';
import { FrappeError, validationError } from '../errors';
import { coerceValue, type Stored } from './coerce';
import type { Row } from './hooks';
import { hashName } from './naming';

/** A value for `field` as stored: coerced, and a number's default (0) rather than null. */
export function storedValue(spec: FieldSpec, field: string, raw: unknown): Stored {
  const value = coerceValue(spec, field, raw);
  if (value !== null || !isNumeric(spec)) return value;
  return typeof spec.default === 'number' ? spec.default : Number(spec.default ?? 0) || 0;
}

/** The parent's standard values its child rows share (Frappe sets them on every save). */
export interface ParentStamp {
  doctype: Doctype;
  name: string;
  owner: string;
  creation: string;
  modified: string;
  modified_by: string;
}

export class ChildRows {
  private readonly statements: StatementCache;

  constructor(db: Db) {
    this.statements = new StatementCache(db);
  }

  /** Table field → child rows of one parent, in `idx` order. */
  read(parentType: Doctype, parent: string): Map<string, Row[]> {
    const out = new Map<string, Row[]>();
    for (const [field, child] of tablesOf(parentType)) {
      out.set(field, this.statement(`SELECT * FROM ${tableOf(child)} WHERE parent = ? AND parenttype = ? AND parentfield = ? ORDER BY idx`).all(parent, parentType, field) as Row[]);
    }
    return out;
  }

  /**
   * Replaces the rows of each Table field present in `data` (frappe/model/document.py: a table set
   * on the document is the whole table; rows left out are deleted on save). A row keeps its `name`
   * when it names one of this parent's rows; the others get a new hash name.
   */
  replace(stamp: ParentStamp, data: Record<string, unknown>, before: ReadonlyMap<string, readonly Row[]>): string[] {
    const changed: string[] = [];
    for (const [field, child] of tablesOf(stamp.doctype)) {
      if (!Object.hasOwn(data, field)) continue;
      const given = data[field];
      if (given !== null && !Array.isArray(given)) throw validationError(`${field} doit être une liste de lignes`);
      const rows = (given ?? []).map((raw, i) => this.childRow(child, stamp, field, i + 1, raw, before.get(field) ?? []));
      this.statement(`DELETE FROM ${tableOf(child)} WHERE parent = ? AND parenttype = ? AND parentfield = ?`).run(stamp.name, stamp.doctype, field);
      const cols = [...columnsOf(child).keys()];
      const insert = this.statement(`INSERT INTO ${tableOf(child)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      for (const row of rows) insert.run(...cols.map((c) => row[c] ?? null));
      if (JSON.stringify(rows.map(comparable)) !== JSON.stringify((before.get(field) ?? []).map(comparable))) changed.push(field);
    }
    return changed;
  }

  /** Sets the parent's `modified`/`modified_by` on all its rows (a save touches every child). */
  touch(stamp: ParentStamp): void {
    for (const child of new Set(tablesOf(stamp.doctype).values())) {
      this.statement(`UPDATE ${tableOf(child)} SET modified = ?, modified_by = ? WHERE parent = ? AND parenttype = ?`).run(stamp.modified, stamp.modified_by, stamp.name, stamp.doctype);
    }
  }

  /** Deletes every row of a parent (Frappe deletes a document's children with it). */
  deleteAll(parentType: Doctype, parent: string): void {
    for (const child of new Set(tablesOf(parentType).values())) {
      this.statement(`DELETE FROM ${tableOf(child)} WHERE parent = ? AND parenttype = ?`).run(parent, parentType);
    }
  }

  private childRow(child: Doctype, stamp: ParentStamp, field: string, idx: number, raw: unknown, existing: readonly Row[]): Row {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw validationError(`${field} : chaque ligne doit être un objet`);
    const data = raw as Record<string, unknown>;
    const kept = typeof data.name === 'string' ? existing.find((r) => r.name === data.name) : undefined;
    const row: Row = {
      name: kept ? String(kept.name) : hashName(),
      owner: kept ? (kept.owner ?? stamp.owner) : stamp.modified_by,
      creation: kept ? (kept.creation ?? stamp.modified) : stamp.modified,
      modified: stamp.modified,
      modified_by: stamp.modified_by,
      docstatus: 0,
      idx,
      parent: stamp.name,
      parentfield: field,
      parenttype: stamp.doctype,
    };
    for (const [col, spec] of columnsOf(child)) {
      if (col in row || col === '_user_tags') continue;
      // A row is written whole: what it leaves out is empty (or its default), not kept from before.
      row[col] = storedValue(spec, col, Object.hasOwn(data, col) ? data[col] : (spec.default ?? null));
      if (spec.reqd && row[col] === null) throw new FrappeError('MandatoryError', `Champs obligatoires manquants dans ${child} (ligne ${idx}) : ${col}`);
    }
    return row;
  }

  private statement(sql: string) {
    return this.statements.get(sql);
  }
}

/** A child row's content, for change detection (stamps and names aside). */
function comparable(row: Row): Row {
  const { name: _n, owner: _o, creation: _c, modified: _m, modified_by: _b, ...rest } = row;
  return rest;
}
