// Runs validated list and count requests (prepared statements cached by SQL text).
import type { Doctype } from '@gigafibre/contracts';
import type { Db } from '../../db/open';
import { q, tableOf } from '../../db/schema';
import { StatementCache } from '../../db/statements';
import type { SqlPart } from './filters';
import type { ListRequest } from './list-params';

/**
 * Past this many index matches a term is broad: walking the sort order and stopping at the page
 * is cheaper than fetching and sorting every match.
 */
export const BROAD_MATCHES = 400;

/** Builds the SELECT for a list request (exported for the filter → SQL tests). */
export function listSql(doctype: Doctype, req: ListRequest): SqlPart {
  const select = req.fields.map((f) => `${f.sql} AS ${q(f.key)}`).join(', ');
  let sql = `SELECT ${select} FROM ${tableOf(doctype)} ${req.where.sql}`;
  if (req.groupBy) sql += ` GROUP BY ${q(req.groupBy)}`;
  if (req.orderBy && req.orderBy.length > 0) {
    const last = req.orderBy[req.orderBy.length - 1] as { dir: string };
    // rowid breaks ties so pages never overlap; it rides along the same index.
    const tail = req.groupBy ? '' : `, rowid ${last.dir}`;
    sql += ` ORDER BY ${req.orderBy.map((o) => `${q(o.field)} ${o.dir}`).join(', ')}${tail}`;
  }
  const params = [...req.where.params];
  if (req.limitPageLength > 0) {
    sql += ' LIMIT ? OFFSET ?';
    params.push(req.limitPageLength, req.limitStart);
  } else if (req.limitStart > 0) {
    sql += ' LIMIT -1 OFFSET ?';
    params.push(req.limitStart);
  }
  return { sql, params };
}

export class ListRunner {
  private readonly statements: StatementCache;

  constructor(
    db: Db,
    private readonly broadMatches = BROAD_MATCHES,
  ) {
    // List SQL is built from requests: keep the last few hundred texts.
    this.statements = new StatementCache(db, 500);
  }

  list(doctype: Doctype, req: ListRequest): Record<string, unknown>[] {
    const { params } = listSql(doctype, req);
    return this.statement(this.sqlFor(doctype, req)).all(...params) as Record<string, unknown>[];
  }

  /** The same rows as lists of values in `fields` order (`as_dict=0`). */
  listValues(doctype: Doctype, req: ListRequest): unknown[][] {
    const { params } = listSql(doctype, req);
    const stmt = this.statement(this.sqlFor(doctype, req));
    try {
      return stmt.raw(true).all(...params) as unknown[][];
    } finally {
      stmt.raw(false);
    }
  }

  /** The SQL a list request runs, after choosing between index shortcuts and plain LIKEs. */
  sqlFor(doctype: Doctype, req: ListRequest): string {
    return this.plan(listSql(doctype, req).sql, req);
  }

  /**
   * A paged, sorted list drops the trigram shortcut of a broad term: the sort order's index finds
   * a page of matches in a few rows, where the shortcut would fetch and sort thousands.
   */
  private plan(sql: string, req: ListRequest): string {
    const accelerators = req.where.accelerators;
    if (!accelerators || req.limitPageLength === 0 || !req.orderBy) return sql;
    let out = sql;
    for (const a of accelerators) {
      const { n } = this.statement(`SELECT COUNT(*) AS n FROM (${a.probe.sql} LIMIT ${this.broadMatches})`).get(...a.probe.params) as { n: number };
      if (n >= this.broadMatches) out = out.split(a.clause).join(a.plain);
    }
    return out;
  }

  count(doctype: Doctype, where: SqlPart): number {
    const row = this.statement(`SELECT COUNT(*) AS n FROM ${tableOf(doctype)} ${where.sql}`).get(...where.params) as { n: number };
    return row.n;
  }

  private statement(sql: string) {
    return this.statements.get(sql);
  }
}
