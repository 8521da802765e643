// The access table (packages/capabilities accessTable.ts) compiled once into what the access step
// asks per request: which of a user's grants fits a read or a write.
import {
  DOCTYPE_ACCESS,
  METHOD_ACCESS,
  type Capability,
  type DoctypeAccess,
  type MethodAccess,
  type MethodGrant,
  type ReadGrant,
  type Rows,
  type WriteGrant,
  type WriteMethod,
} from '@gigafibre/capabilities';

/** Columns every readable row shows: its id and its version (optimistic locking). */
const ALWAYS_READABLE = ['name', 'modified'];

/** A read grant with its field list as a set (`null`: every column). */
export interface CompiledRead {
  readonly grant: ReadGrant;
  readonly rows: Rows;
  readonly fields: ReadonlySet<string> | null;
}

function compileRead(grant: ReadGrant): CompiledRead {
  return { grant, rows: grant.rows, fields: grant.fields === '*' ? null : new Set([...ALWAYS_READABLE, ...grant.fields]) };
}

/** True when a grant lets its holder read every one of `columns` (and `*` when asked). */
export function covers(read: CompiledRead, columns: ReadonlySet<string>, star: boolean): boolean {
  if (read.fields === null) return true;
  if (star) return false;
  for (const column of columns) if (!read.fields.has(column)) return false;
  return true;
}

/** The first of `columns` (or `*`) a grant does not cover. */
export function firstUncovered(read: CompiledRead, columns: ReadonlySet<string>, star: boolean): string | undefined {
  if (read.fields === null) return undefined;
  if (star) return '*';
  for (const column of columns) if (!read.fields.has(column)) return column;
  return undefined;
}

/** The table, indexed for the per-request questions. */
export class Grants {
  private readonly reads = new Map<string, CompiledRead[]>();

  constructor(readonly table: Readonly<Record<string, DoctypeAccess>> = DOCTYPE_ACCESS, readonly methods: Readonly<Record<string, MethodAccess>> = METHOD_ACCESS) {
    for (const [doctype, access] of Object.entries(table)) {
      // Every-row grants first, then the widest field lists: the first that fits is the best.
      const compiled = access.read.map(compileRead).sort((a, b) => rank(a) - rank(b));
      this.reads.set(doctype, compiled);
    }
  }

  access(doctype: string): DoctypeAccess | undefined {
    return Object.hasOwn(this.table, doctype) ? this.table[doctype] : undefined;
  }

  /** The user's read grants on a doctype, best first. */
  readsOf(doctype: string, capabilities: ReadonlySet<Capability>): CompiledRead[] {
    return (this.reads.get(doctype) ?? []).filter((r) => capabilities.has(r.grant.by));
  }

  /** The user's write grants for `method` on a doctype, every-row grants first. */
  writesOf(doctype: string, method: WriteMethod, capabilities: ReadonlySet<Capability>): WriteGrant[] {
    const grants = this.access(doctype)?.write ?? [];
    return grants.filter((g) => g.method === method && capabilities.has(g.by)).sort((a, b) => rowsRank(a.rows) - rowsRank(b.rows));
  }

  /** The user's grants on a whitelisted method, every-row grants first. */
  methodGrantsOf(method: string, capabilities: ReadonlySet<Capability>): MethodGrant[] {
    const access = Object.hasOwn(this.methods, method) ? this.methods[method] : undefined;
    return (access?.grants ?? []).filter((g) => capabilities.has(g.by)).sort((a, b) => rowsRank(a.rows) - rowsRank(b.rows));
  }

  method(method: string): MethodAccess | undefined {
    return Object.hasOwn(this.methods, method) ? this.methods[method] : undefined;
  }
}

function rowsRank(rows: Rows): number {
  return rows === 'all' ? 0 : 1;
}

function rank(read: CompiledRead): number {
  return rowsRank(read.rows) * 10_000 - (read.fields === null ? 9_999 : read.fields.size);
}
