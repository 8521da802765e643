// A user's own rows, from the access table's `own` declarations and what the scope store loaded:
// the conditions that confine a list to them, the names they cover, and whose customer a row is.
// Pure: everything here reads a loaded Scope, never the network.
import type { DoctypeAccess, OwnRows, UserKey } from '@gigafibre/capabilities';
import type { ErpRow } from './erpReader';
import type { Condition } from './filters';

/** What the BFF knows of one user's rows, loaded at once and kept a short while. */
export interface Scope {
  readonly keys: Readonly<Record<UserKey, string | null>>;
  readonly loadedAt: number;
  /** The window of days (inclusive) of the doctypes that declare one. */
  readonly window: { readonly from: string; readonly to: string };
  /** Rows of the doctypes whose own rows are loaded (`is` declarations others depend on). */
  readonly roots: ReadonlyMap<string, readonly ErpRow[]>;
  /** Memo of value sets, `doctype\0field` → values. */
  readonly memo: Map<string, ReadonlySet<string>>;
}

/** The table's `own` declarations, and the questions a request asks of them. */
export class OwnRowsModel {
  /** Root doctype → the fields to load of each of its own rows. */
  readonly rootFields = new Map<string, Set<string>>();

  constructor(private readonly table: Readonly<Record<string, DoctypeAccess>>) {
    for (const [doctype, access] of Object.entries(table)) {
      const own = access.own;
      if (!own) continue;
      if ('is' in own) {
        // A root whose own rows are not named by its key must be loaded to check a name.
        if (own.field !== 'name') this.rootField(doctype, 'name');
      } else {
        const root = this.rootOf(own.in.doctype, own.in.field, doctype);
        this.rootField(root.doctype, root.field);
      }
    }
    for (const root of this.rootFields.keys()) {
      const customer = this.table[root]?.customer;
      if (customer) this.rootField(root, customer);
    }
  }

  private rootField(doctype: string, field: string): void {
    const fields = this.rootFields.get(doctype) ?? new Set(['name']);
    fields.add(field);
    this.rootFields.set(doctype, fields);
  }

  /** Follows `in` declarations on `name` down to a doctype whose own rows are loaded. */
  private rootOf(doctype: string, field: string, from: string): { doctype: string; field: string } {
    const own = this.ownOf(doctype);
    if (!own) throw new Error(`access table: ${from} takes its rows from ${doctype}, which declares no own rows`);
    if ('is' in own) return { doctype, field };
    if (field !== 'name' || own.field !== 'name') throw new Error(`access table: ${from} → ${doctype}.${field}: only a chain of names can be followed`);
    return this.rootOf(own.in.doctype, own.in.field, doctype);
  }

  ownOf(doctype: string): OwnRows | undefined {
    return Object.hasOwn(this.table, doctype) ? this.table[doctype]?.own : undefined;
  }

  /** The values `field` takes on the user's own rows of `doctype`. */
  valuesOf(scope: Scope, doctype: string, field: string): ReadonlySet<string> {
    const key = `${doctype}\0${field}`;
    const known = scope.memo.get(key);
    if (known) return known;
    const own = this.ownOf(doctype);
    let values: ReadonlySet<string>;
    if (own && 'in' in own && field === 'name' && own.field === 'name') {
      values = this.valuesOf(scope, own.in.doctype, own.in.field);
    } else if (own && 'is' in own && field === 'name' && own.field === 'name') {
      const key = scope.keys[own.is];
      values = new Set(key === null ? [] : [key]);
    } else {
      values = new Set((scope.roots.get(doctype) ?? []).map((row) => row[field]).filter((v): v is string => typeof v === 'string' && v !== ''));
    }
    scope.memo.set(key, values);
    return values;
  }

  /**
   * The AND-ed conditions confining a list of `doctype` to the user's own rows, or `'none'` when
   * they have none. `pinned`: the values the request already pins the own field to (a smaller `in`).
   */
  conditions(scope: Scope, doctype: string, pinned?: ReadonlySet<string>): Condition[] | 'none' {
    const own = this.ownOf(doctype);
    if (!own) return 'none';
    if ('is' in own) {
      const key = scope.keys[own.is];
      if (key === null || (pinned && !pinned.has(key))) return 'none';
      const conditions: Condition[] = [[own.field, '=', key]];
      if (own.window) conditions.push([own.window.field, 'between', [scope.window.from, scope.window.to]]);
      return conditions;
    }
    const all = this.valuesOf(scope, own.in.doctype, own.in.field);
    const values = pinned ? [...pinned].filter((v) => all.has(v)) : [...all];
    return values.length === 0 ? 'none' : [[own.field, 'in', values]];
  }

  /** The names of the user's own rows, when they can be known without reading the rows. */
  names(scope: Scope, doctype: string): ReadonlySet<string> | undefined {
    const own = this.ownOf(doctype);
    if (!own) return new Set();
    if (own.field === 'name') return this.valuesOf(scope, doctype, 'name');
    if ('is' in own) return new Set((scope.roots.get(doctype) ?? []).map((row) => String(row.name)));
    return undefined;
  }

  /** The field a row must be read for to tell whether it is the user's (when `names` cannot). */
  probeField(doctype: string): string | undefined {
    const own = this.ownOf(doctype);
    return own && own.field !== 'name' && 'in' in own ? own.field : undefined;
  }

  /** True when a row (with its `probeField`) is one of the user's. */
  ownsRow(scope: Scope, doctype: string, row: ErpRow): boolean {
    const own = this.ownOf(doctype);
    if (!own || 'is' in own) return false;
    const value = row[own.field];
    return typeof value === 'string' && this.valuesOf(scope, own.in.doctype, own.in.field).has(value);
  }

  /** The customer of one of the user's own rows, when the loaded rows tell it. */
  customerOf(scope: Scope, doctype: string, name: string): string | undefined {
    const access = Object.hasOwn(this.table, doctype) ? this.table[doctype] : undefined;
    if (access?.customer === 'name') return name;
    const own = access?.own;
    if (!own || !access?.customer) return undefined;
    if ('is' in own) {
      const row = scope.roots.get(doctype)?.find((r) => r.name === name);
      return typeof row?.[access.customer] === 'string' ? (row[access.customer] as string) : undefined;
    }
    if (own.field !== 'name') return undefined;
    const target = this.ownOf(own.in.doctype);
    if (!target) return undefined;
    if ('is' in target) {
      const customerField = this.table[own.in.doctype]?.customer;
      const row = scope.roots.get(own.in.doctype)?.find((r) => r[own.in.field] === name);
      return customerField && typeof row?.[customerField] === 'string' ? (row[customerField] as string) : undefined;
    }
    return this.customerOf(scope, own.in.doctype, name);
  }
}
