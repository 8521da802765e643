// Prepared statements kept by their SQL text: better-sqlite3 prepares once, runs many times.
import type Database from 'better-sqlite3';
import type { Db } from './open';

export class StatementCache {
  private readonly cache = new Map<string, Database.Statement>();

  /** `limit`: past this many texts the cache starts over (for SQL built from requests). */
  constructor(
    private readonly db: Db,
    private readonly limit = Infinity,
  ) {}

  get(sql: string): Database.Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      if (this.cache.size >= this.limit) this.cache.clear();
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }
}
