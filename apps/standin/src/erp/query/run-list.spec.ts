import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open';
import { seedDatabase } from '../../seed/index';
import { TEST_NOW } from '../../testing/harness';
import { parseListRequest } from './list-params';
import { ListRunner } from './run-list';

let db: Db;
beforeAll(() => {
  db = openDatabase(':memory:');
  seedDatabase(db, { scale: 150, now: TEST_NOW });
});
afterAll(() => db.close());

describe('ListRunner', () => {
  // A low threshold so a small seed has broad terms.
  const runner = () => new ListRunner(db, 5);
  const request = (pattern: string, extra: Record<string, unknown> = {}) =>
    parseListRequest('Customer', { filters: [['email_id', 'like', pattern]], limit_page_length: '6', ...extra }, '2026-06-15');

  it('drops the index shortcut for a broad term and keeps it for a narrow one', () => {
    expect(runner().sqlFor('Customer', request('%.ca%'))).toContain('(? IS NOT NULL AND "email_id" LIKE ?)');
    expect(runner().sqlFor('Customer', request('%josee.tremblay%'))).toContain('"fts_Customer"');
    // Unpaged: the shortcut always pays.
    expect(runner().sqlFor('Customer', request('%.ca%', { limit_page_length: '0' }))).toContain('"fts_Customer"');
  });

  it('answers exactly what a plain LIKE answers, either way', () => {
    for (const pattern of ['%.ca%', '%gmail%', '%josee.tremblay%', '%zzz%']) {
      for (const start of ['0', '4']) {
        const rows = runner().list('Customer', request(pattern, { limit_start: start }));
        const plain = db.prepare(`SELECT name FROM tabCustomer WHERE email_id LIKE ? ORDER BY modified DESC, rowid DESC LIMIT 6 OFFSET ?`).all(pattern, Number(start));
        expect(rows, pattern).toEqual(plain);
      }
    }
  });
});
