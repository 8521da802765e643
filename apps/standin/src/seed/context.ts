// What every seed step shares: the database, the PRNG, the reference date and fast bulk inserts.
import type { Doctype } from '@gigafibre/contracts';
import type Database from 'better-sqlite3';
import type { Db } from '../db/open';
import { columnsOf, q, tableOf } from '../db/schema';
import { montrealWallClock } from '@gigafibre/contracts';
import type { Rng } from './prng';

export type SeedRow = Record<string, string | number | null | undefined>;

export interface SeedContext {
  db: Db;
  rng: Rng;
  /** The moment the seed treats as "now" (statuses of today's jobs, device informs). */
  now: Date;
  /** Toronto's date at `now`. */
  today: string;
  /** Minutes since Toronto midnight at `now`. */
  nowMinutes: number;
  insert(doctype: Doctype, row: SeedRow): void;
  /**
   * A positional insert for hot paths: values for the standard fields, then `fields` in order
   * (`name, owner, creation, modified, modified_by, ...fields`). Counted like `insert`.
   */
  inserter(doctype: Doctype, fields: readonly string[]): (values: (string | number | null)[]) => void;
  count(doctype: Doctype): number;
}

/** A Frappe timestamp for a local date and minute of day. */
export function stampAt(date: string, minutes: number, seconds = 0): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.floor(minutes)));
  return `${date} ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}.000000`;
}

/** Standard fields of a seeded document. */
export function standard(name: string, creation: string, modified = creation, owner = 'Administrator'): SeedRow {
  return { name, owner, creation, modified, modified_by: owner, docstatus: 0 };
}

export function createSeedContext(db: Db, rng: Rng, now: Date): SeedContext {
  const statements = new Map<Doctype, { stmt: Database.Statement; cols: string[] }>();
  const counts = new Map<Doctype, number>();
  const { date, time } = montrealWallClock(now);
  const [h, m] = time.split(':').map(Number) as [number, number];
  return {
    db,
    rng,
    now,
    today: date,
    nowMinutes: h * 60 + m,
    insert(doctype, row) {
      let entry = statements.get(doctype);
      if (!entry) {
        const cols = [...columnsOf(doctype).keys()];
        entry = { cols, stmt: db.prepare(`INSERT INTO ${tableOf(doctype)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`) };
        statements.set(doctype, entry);
      }
      const values = entry.cols.map((c) => row[c] ?? (c === 'docstatus' ? 0 : null));
      entry.stmt.run(values);
      counts.set(doctype, (counts.get(doctype) ?? 0) + 1);
    },
    inserter(doctype, fields) {
      const cols = ['name', 'owner', 'creation', 'modified', 'modified_by', ...fields];
      const stmt = db.prepare(`INSERT INTO ${tableOf(doctype)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      return (values) => {
        stmt.run(values);
        counts.set(doctype, (counts.get(doctype) ?? 0) + 1);
      };
    },
    count: (doctype) => counts.get(doctype) ?? 0,
  };
}
