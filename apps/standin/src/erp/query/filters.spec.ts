import { describe, expect, it } from 'vitest';
import { FrappeError } from '../errors';
import { conditionSql, parseFilters, whereSql } from './filters';
import { parseListRequest } from './list-params';
import { listSql } from './run-list';

const TODAY = '2026-06-15';
const sql = (doctype: Parameters<typeof parseFilters>[0], filters: unknown, or?: unknown) =>
  whereSql(doctype, parseFilters(doctype, filters), parseFilters(doctype, or), TODAY);

function expect417(fn: () => unknown, message?: RegExp): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FrappeError);
    expect((err as FrappeError).status).toBe(417);
    if (message) expect((err as FrappeError).message).toMatch(message);
    return;
  }
  throw new Error('expected a ValidationError');
}

describe('filters → SQL', () => {
  it('reads the list form, with or without the doctype', () => {
    expect(sql('Customer', [['territory', '=', 'Laval']])).toEqual({ sql: 'WHERE "territory" = ?', params: ['Laval'] });
    expect(sql('Customer', [['Customer', 'territory', '=', 'Laval']])).toEqual({ sql: 'WHERE "territory" = ?', params: ['Laval'] });
  });

  it('reads the dict form, plain values and [op, value]; numbers are never null (no ifnull)', () => {
    expect(sql('Customer', { territory: 'Laval', disabled: ['!=', 1] })).toEqual({
      sql: 'WHERE "territory" = ? AND "disabled" != ?',
      params: ['Laval', 1],
    });
  });

  it('compares nullable columns through ifnull(column, fallback) where NULL could match (db_query.py)', () => {
    for (const op of ['>', '<', '>=', '<='] as const) {
      expect(sql('Sales Invoice', [['grand_total', op, 100]])).toEqual({ sql: `WHERE "grand_total" ${op} ?`, params: [100] });
    }
    expect(sql('Sales Invoice', [['due_date', '<', '2026-06-15']])).toEqual({ sql: 'WHERE COALESCE("due_date", ?) < ?', params: ['0001-01-01', '2026-06-15'] });
    expect(sql('Sales Invoice', [['due_date', '>', '2026-06-15 08:00']])).toEqual({ sql: 'WHERE "due_date" > ?', params: ['2026-06-15'] });
    expect(sql('Customer', [['email_id', '=', null]]).sql).toBe('WHERE ("email_id" IS NULL OR "email_id" = \'\')');
    expect(sql('Customer', [['email_id', '!=', null]]).sql).toBe('WHERE ("email_id" IS NOT NULL AND "email_id" != \'\')');
    expect(sql('Customer', [['email_id', '!=', 'a@b.c']])).toEqual({ sql: 'WHERE COALESCE("email_id", ?) != ?', params: ['', 'a@b.c'] });
    expect(sql('Dispatch Job', [['start_time', '>=', '9:00']])).toEqual({ sql: 'WHERE COALESCE("start_time", ?) >= ?', params: ['00:00:00', '09:00:00'] });
  });

  it('like / not like, not like keeping empty values as Frappe does', () => {
    expect(sql('Customer', [['territory', 'like', '%Lav%']])).toEqual({ sql: 'WHERE "territory" LIKE ?', params: ['%Lav%'] });
    expect(sql('Customer', [['customer_name', 'not like', '%inc%']]).sql).toBe('WHERE COALESCE("customer_name", ?) NOT LIKE ?');
    expect(sql('Customer', [['customer_name', 'LIKE', 'A%']]).sql).toBe('WHERE "customer_name" LIKE ?');
  });

  it('narrows contains-searches on searched columns through the trigram index, keeping LIKE', () => {
    const part = sql('Customer', [['customer_name', 'like', '%Trem%']]);
    expect(part).toMatchObject({
      sql: 'WHERE (rowid IN (SELECT rowid FROM "fts_Customer" WHERE "customer_name" LIKE ?) AND "customer_name" LIKE ?)',
      params: ['%Trem%', '%Trem%'],
    });
    // The plain form takes the same parameters, so a runner can swap it in for a broad term.
    expect(part.accelerators).toEqual([
      {
        clause: '(rowid IN (SELECT rowid FROM "fts_Customer" WHERE "customer_name" LIKE ?) AND "customer_name" LIKE ?)',
        plain: '(? IS NOT NULL AND "customer_name" LIKE ?)',
        probe: { sql: 'SELECT 1 FROM "fts_Customer" WHERE "customer_name" LIKE ?', params: ['%Trem%'] },
      },
    ]);
    // Too short for trigrams: a plain LIKE.
    expect(sql('Customer', [['customer_name', 'like', '%Tr%']]).sql).toBe('WHERE "customer_name" LIKE ?');
    expect(sql('Service Equipment', [['serial_no', 'like', '%B2C4%']]).sql).toContain('"fts_Service Equipment"');
  });

  it('in / not in from a list or a comma-separated string; empty in matches nothing', () => {
    expect(sql('Dispatch Job', [['status', 'in', ['Scheduled', 'En Route']]])).toEqual({ sql: 'WHERE "status" IN (?, ?)', params: ['Scheduled', 'En Route'] });
    expect(sql('Dispatch Job', [['status', 'not in', 'Completed, Cancelled']])).toEqual({
      sql: 'WHERE COALESCE("status", \'\') NOT IN (?, ?)',
      params: ['Completed', 'Cancelled'],
    });
    expect(sql('Dispatch Job', [['status', 'in', []]]).sql).toBe('WHERE 0');
    // test_db_query.py test_coalesce_with_in_ops: ifnull only when an empty value is among them; never on name.
    expect(sql('Dispatch Job', [['technician', 'in', ['TECH-001', null]]])).toEqual({ sql: 'WHERE COALESCE("technician", \'\') IN (?, ?)', params: ['TECH-001', ''] });
    expect(sql('Dispatch Job', [['name', 'in', null]])).toEqual({ sql: 'WHERE "name" IN (?)', params: [''] });
  });

  it('between on a Date column; dates on a Datetime column cover whole days', () => {
    expect(sql('Sales Invoice', [['posting_date', 'between', ['2026-01-01', '2026-01-31']]])).toEqual({
      sql: 'WHERE "posting_date" BETWEEN ? AND ?',
      params: ['2026-01-01', '2026-01-31'],
    });
    expect(sql('Customer', [['modified', 'between', ['2026-06-01', '2026-06-15']]]).params).toEqual(['2026-06-01 00:00:00.000000', '2026-06-15 23:59:59.999999']);
  });

  it('is set / is not set treat empty strings as unset', () => {
    expect(sql('Dispatch Job', [['technician', 'is', 'set']]).sql).toBe('WHERE ("technician" IS NOT NULL AND "technician" != \'\')');
    expect(sql('Dispatch Job', [['technician', 'is', 'not set']]).sql).toBe('WHERE ("technician" IS NULL OR "technician" = \'\')');
    expect417(() => sql('Dispatch Job', [['technician', 'is', 'maybe']]));
  });

  it('timespan becomes a date range around today', () => {
    expect(sql('Dispatch Job', [['scheduled_date', 'timespan', 'today']]).params).toEqual([TODAY, TODAY]);
    expect(sql('Dispatch Job', [['scheduled_date', 'timespan', 'this week']]).params).toEqual(['2026-06-14', '2026-06-20']);
    expect417(() => sql('Dispatch Job', [['scheduled_date', 'timespan', 'someday']]), /Période inconnue/);
    expect(sql('Dispatch Job', [['scheduled_date', 'previous', '1 week']]).params).toEqual(['2026-06-07', '2026-06-13']);
    expect(sql('Dispatch Job', [['scheduled_date', 'next', '1 month']]).params).toEqual(['2026-07-01', '2026-07-31']);
  });

  it('ANDs filters and ORs or_filters', () => {
    expect(sql('Customer', { territory: 'Laval' }, [['customer_name', 'like', '%a%'], ['mobile_no', 'like', '%5%']])).toEqual({
      sql: 'WHERE "territory" = ? AND ("customer_name" LIKE ? OR "mobile_no" LIKE ?)',
      params: ['Laval', '%a%', '%5%'],
    });
  });

  it('refuses unknown fields, unknown operators, other doctypes and bad shapes (417)', () => {
    expect417(() => sql('Customer', [['password', '=', 'x']]), /Champ non permis/);
    expect417(() => sql('Customer', [['name', 'regexp', '.*']]), /opérateur doit être/);
    expect417(() => sql('Customer', [['Sales Invoice', 'name', '=', 'x']]));
    expect417(() => sql('Customer', [['name', '=']]));
    expect417(() => sql('Customer', 'name = 1'));
    expect417(() => sql('Customer', [['name', '=', { $gt: '' }]]));
    expect417(() => sql('Customer', [['name', 'between', ['a']]]));
  });

  it('never splices a value or a field into SQL', () => {
    const attack = "x' OR 1=1; DROP TABLE \"tabCustomer\" --";
    const part = conditionSql('Customer', { field: 'customer_name', op: '=', value: attack }, TODAY);
    expect(part.sql).toBe('"customer_name" = ?');
    expect(part.params).toEqual([attack]);
    expect417(() => sql('Customer', [['name) OR (1=1', '=', 'x']]));
    expect417(() => sql('Customer', { 'name" OR "1"="1': 'x' }));
  });
});

describe('list requests → SQL', () => {
  it('defaults to name only, modified desc, 20 rows', () => {
    const req = parseListRequest('Customer', {}, TODAY);
    expect(listSql('Customer', req)).toEqual({
      sql: 'SELECT "name" AS "name" FROM "tabCustomer"  ORDER BY "modified" DESC, rowid DESC LIMIT ? OFFSET ?',
      params: [20, 0],
    });
  });

  it('honours fields, order_by, limit_start and limit_page_length = 0 (all)', () => {
    const req = parseListRequest('Customer', { fields: '["name","customer_name as label"]', order_by: 'customer_name asc', limit_start: '40', limit_page_length: '0' }, TODAY);
    expect(listSql('Customer', req)).toEqual({
      sql: 'SELECT "name" AS "name", "customer_name" AS "label" FROM "tabCustomer"  ORDER BY "customer_name" ASC, rowid ASC LIMIT -1 OFFSET ?',
      params: [40],
    });
  });

  it('reads Frappe’s qualified order_by, table names with spaces included', () => {
    const req = parseListRequest('Dispatch Job', { order_by: '`tabDispatch Job`.`scheduled_date` desc, `start_time` asc' }, TODAY);
    expect(req.orderBy).toEqual([
      { field: 'scheduled_date', dir: 'DESC' },
      { field: 'start_time', dir: 'ASC' },
    ]);
    expect417(() => parseListRequest('Dispatch Job', { order_by: '`tabCustomer`.`name` desc' }, TODAY));
  });

  it('allows simple aggregates, grouped by a known column', () => {
    const req = parseListRequest('Sales Invoice', { fields: ['status', 'sum(outstanding_amount) as due', 'count(*) as n'], group_by: 'status' }, TODAY);
    expect(listSql('Sales Invoice', req).sql).toBe(
      'SELECT "status" AS "status", sum("outstanding_amount") AS "due", count(*) AS "n" FROM "tabSales Invoice"  GROUP BY "status" LIMIT ? OFFSET ?',
    );
  });

  it('reads get_count’s filters with the query builder’s plain comparisons (no ifnull)', () => {
    const count = (filters: unknown) => whereSql('Dispatch Job', parseFilters('Dispatch Job', filters), [], TODAY, 'count');
    expect(count([['technician', '!=', 'TECH-001']])).toEqual({ sql: 'WHERE "technician" != ?', params: ['TECH-001'] });
    expect(count([['technician', 'not in', ['TECH-001']]])).toEqual({ sql: 'WHERE "technician" NOT IN (?)', params: ['TECH-001'] });
    expect(count([['technician', 'is', 'set']]).sql).toBe('WHERE "technician" IS NOT NULL');
    expect(count([['technician', '!=', null]]).sql).toBe('WHERE "technician" IS NULL');
  });

  it('refuses SQL in fields, order_by, group_by and limits (417)', () => {
    for (const params of [
      { fields: '["name; DROP TABLE x"]' },
      { fields: '["(select password from __Auth)"]' },
      { fields: '["sum(grand_total) ; delete"]' },
      { fields: '["name"' },
      { order_by: 'modified desc; DROP TABLE "tabCustomer"' },
      { order_by: '(CASE WHEN 1=1 THEN name END)' },
      { order_by: 'modified sideways' },
      { group_by: 'name, (select 1)' },
      { limit_page_length: '20 OR 1=1' },
      { limit_start: '-1' },
      { filters: '[["name","=","x"]' },
    ]) {
      expect417(() => parseListRequest('Customer', params, TODAY));
    }
  });
});
