// A keyed IndexedDB table (through idb-keyval) for records that must outlive the tab: written as
// plain data (`toRaw` at every level: a Vue proxy cannot be structured-cloned), read back through
// the caller's reader so a record another (newer) version of the app wrote is counted, never guessed.
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import { isReactive, isRef, toRaw } from 'vue';

/** Unwraps Vue proxies at every level (Blobs, Dates and other objects are kept as they are). */
export function plainValue<T>(value: T): T {
  const raw = isRef(value) ? (value.value as T) : isReactive(value) ? toRaw(value) : value;
  if (Array.isArray(raw)) return raw.map((item: unknown) => plainValue(item)) as T;
  if (raw !== null && typeof raw === 'object' && Object.getPrototypeOf(raw) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(raw as Record<string, unknown>)) out[key] = plainValue(item);
    return out as T;
  }
  return raw;
}

export interface StoredRows<T> {
  rows: T[];
  /** Rows this version cannot read (another schema): left alone. */
  unreadable: number;
}

/** One table: every row, put by key, remove by key. */
export interface KeyedTable<T> {
  all(): Promise<StoredRows<T>>;
  put(key: string, row: T): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The table `store` of database `database`; `read` returns null for a row it does not understand. */
export function idbTable<T>(names: { database: string; store: string }, read: (raw: unknown) => T | null): KeyedTable<T> {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore(names.database, names.store));
  return {
    async all() {
      const rows: T[] = [];
      let unreadable = 0;
      for (const [, raw] of await entries<string, unknown>(db())) {
        const row = read(raw);
        if (row) rows.push(row);
        else unreadable++;
      }
      return { rows, unreadable };
    },
    put: (key, row) => set(key, plainValue(row), db()),
    remove: (key) => del(key, db()),
  };
}

/** The same table in memory (specs, and browsers that refuse IndexedDB: kept for this visit only). */
export function memoryTable<T>(): KeyedTable<T> {
  const rows = new Map<string, T>();
  return {
    all: () => Promise.resolve({ rows: [...rows.values()].map((r) => structuredClone(plainValue(r))), unreadable: 0 }),
    put: (key, row) => {
      rows.set(key, structuredClone(plainValue(row)));
      return Promise.resolve();
    },
    remove: (key) => {
      rows.delete(key);
      return Promise.resolve();
    },
  };
}
