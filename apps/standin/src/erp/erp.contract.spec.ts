// The Frappe v1 REST contract, written to run against the standin and, when ERP_URL and ERP_TOKEN
// are set, against a real ERPNext as well (standard doctypes only; what it creates it deletes).
import { frappeMessages, type FrappeError } from '@gigafibre/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Standin } from '../standin';
import { resourceUrl, startTestStandin, TEST_TOKENS } from '../testing/harness';

interface Target {
  name: string;
  url: string;
  token: string;
}

let standin: Standin;
const targets: Target[] = [{ name: 'standin', url: '', token: TEST_TOKENS.erp }];
if (process.env.ERP_URL && process.env.ERP_TOKEN) {
  targets.push({ name: `ERPNext ${process.env.ERP_URL}`, url: process.env.ERP_URL.replace(/\/$/, ''), token: process.env.ERP_TOKEN });
} else {
  console.warn('ERP contract: the real-ERPNext run is skipped (set ERP_URL and ERP_TOKEN=key:secret to run these tests against it too).');
}

beforeAll(async () => {
  standin = await startTestStandin({ services: ['erp'] });
  (targets[0] as Target).url = standin.urls.erp as string;
});
afterAll(() => standin.close());

describe.each(targets)('Frappe REST contract — $name', (target) => {
  const call = (path: string, init: RequestInit = {}, token: string | null = target.token) =>
    fetch(`${target.url}${path}`, { ...init, headers: { ...(token ? { Authorization: `token ${token}` } : {}), ...(init.headers ?? {}) } });
  const json = async (path: string, init?: RequestInit) => {
    const res = await call(path, init);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const expectError = async (res: Response, status: number, excType?: string) => {
    expect(res.status).toBe(status);
    const body = (await res.json()) as FrappeError;
    if (excType) expect(body.exc_type).toBe(excType);
    expect(frappeMessages(body).length).toBeGreaterThan(0);
    return body;
  };
  const count = async (doctype: string) => (await json(`/api/method/frappe.client.get_count?doctype=${encodeURIComponent(doctype)}`)).body.message as number;

  it('answers ping without a token', async () => {
    expect(await (await call('/api/method/ping', {}, null)).json()).toEqual({ message: 'pong' });
  });

  it('refuses requests without a valid token (401 AuthenticationError)', async () => {
    await expectError(await call('/api/resource/Customer', {}, null), 401, 'AuthenticationError');
    await expectError(await call('/api/resource/Customer', {}, 'nope:nope'), 401, 'AuthenticationError');
  });

  it('lists only names by default, 20 at most', async () => {
    const { status, body } = await json('/api/resource/Customer');
    expect(status).toBe(200);
    const data = body.data as Record<string, unknown>[];
    expect(data.length).toBeGreaterThan(0);
    expect(data.length).toBeLessThanOrEqual(20);
    for (const row of data) expect(Object.keys(row)).toEqual(['name']);
  });

  it('honours fields, order_by, limit_start and limit_page_length', async () => {
    const page = async (start: number) =>
      ((await json(resourceUrl('Customer', { fields: ['name', 'customer_name'], order_by: 'name asc', limit_start: String(start), limit_page_length: '5' }))).body.data as { name: string; customer_name: string }[]);
    const first = await page(0);
    const second = await page(5);
    expect(first).toHaveLength(5);
    expect(Object.keys(first[0] as object).sort()).toEqual(['customer_name', 'name']);
    const names = [...first, ...second].map((r) => r.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(10);
  });

  it('returns everything with limit_page_length=0', async () => {
    const all = (await json(resourceUrl('Customer', { limit_page_length: '0' }))).body.data as unknown[];
    expect(all.length).toBe(await count('Customer'));
  });

  it('filters in list and dict forms alike, and ORs or_filters', async () => {
    const sample = ((await json(resourceUrl('Customer', { fields: ['name', 'customer_name'], limit_page_length: '2', order_by: 'name asc' }))).body.data as { name: string; customer_name: string }[]);
    const [a, b] = sample as [{ name: string; customer_name: string }, { name: string; customer_name: string }];
    const byList = (await json(resourceUrl('Customer', { filters: [['name', '=', a.name]] }))).body.data;
    const byDict = (await json(resourceUrl('Customer', { filters: { name: a.name } }))).body.data;
    const byDictOp = (await json(resourceUrl('Customer', { filters: { name: ['=', a.name] } }))).body.data;
    expect(byList).toEqual([{ name: a.name }]);
    expect(byDict).toEqual(byList);
    expect(byDictOp).toEqual(byList);
    const either = (await json(resourceUrl('Customer', { or_filters: [['name', '=', a.name], ['name', '=', b.name]], order_by: 'name asc' }))).body.data;
    expect(either).toEqual([{ name: a.name }, { name: b.name }]);
    const inList = (await json(resourceUrl('Customer', { filters: [['name', 'in', [a.name, b.name]]], order_by: 'name asc' }))).body.data;
    expect(inList).toEqual(either);
  });

  it('counts and lists through frappe.client', async () => {
    const n = await count('Customer');
    expect(n).toBeGreaterThan(0);
    const { body } = await json(`/api/method/frappe.client.get_list?doctype=Customer&fields=${encodeURIComponent('["name"]')}&limit_page_length=3`);
    expect((body.message as unknown[]).length).toBe(3);
  });

  it('answers 404 DoesNotExistError for an unknown doctype or name', async () => {
    await expectError(await call('/api/resource/No%20Such%20Doctype'), 404, 'DoesNotExistError');
    await expectError(await call('/api/resource/Customer/CUST-DOES-NOT-EXIST'), 404, 'DoesNotExistError');
  });

  it('refuses unknown fields, unknown operators and malformed JSON with 417', async () => {
    await expectError(await call(resourceUrl('Customer', { fields: ['no_such_field'] })), 417);
    await expectError(await call(resourceUrl('Customer', { filters: [['name', 'no such op', 'x']] })), 417);
    await expectError(await call(`/api/resource/Customer?filters=${encodeURIComponent('[["name","=",')}`), 417);
  });

  it('never executes SQL from fields, filters or order_by (417, table intact)', async () => {
    const before = await count('Customer');
    for (const params of [
      { fields: ['name; DELETE FROM tabCustomer'] },
      { fields: ['(SELECT 1) as x'] },
      { order_by: 'modified desc; DELETE FROM tabCustomer' },
      { order_by: 'name, (SELECT 1)' },
      { filters: [['name; DELETE FROM tabCustomer', '=', 'x']] },
    ]) {
      const res = await call(resourceUrl('Customer', params));
      expect(res.status).toBe(417);
    }
    const quoted = await json(resourceUrl('Customer', { filters: [['name', '=', "x' OR '1'='1"]] }));
    expect(quoted).toEqual({ status: 200, body: { data: [] } });
    expect(await count('Customer')).toBe(before);
  });

  it('creates, reads, partially updates and deletes a document (DELETE 202)', async () => {
    const created = await json('/api/resource/Customer', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ customer_name: `Test contrat ${Date.now()}`, customer_type: 'Individual', customer_group: 'Individual', territory: 'Laval' }),
    });
    expect(created.status).toBe(200);
    const doc = created.body.data as { name: string; modified: string; customer_name: string; territory: string };
    try {
      expect((await json(`/api/resource/Customer/${encodeURIComponent(doc.name)}`)).body.data).toMatchObject({ name: doc.name, customer_name: doc.customer_name });
      const updated = await json(`/api/resource/Customer/${encodeURIComponent(doc.name)}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ territory: 'Rive-Sud' }),
      });
      expect(updated.status).toBe(200);
      const after = updated.body.data as typeof doc;
      expect(after).toMatchObject({ territory: 'Rive-Sud', customer_name: doc.customer_name });
      expect(after.modified > doc.modified).toBe(true);
      // A save based on the old `modified` lost the race.
      await expectError(
        await call(`/api/resource/Customer/${encodeURIComponent(doc.name)}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ territory: 'Laval', modified: doc.modified }),
        }),
        417,
        'TimestampMismatchError',
      );
    } finally {
      const del = await call(`/api/resource/Customer/${encodeURIComponent(doc.name)}`, { method: 'DELETE' });
      expect(del.status).toBe(202);
    }
    await expectError(await call(`/api/resource/Customer/${encodeURIComponent(doc.name)}`), 404, 'DoesNotExistError');
  });

  it('refuses a missing mandatory field and a broken link (417)', async () => {
    await expectError(await call('/api/resource/Customer', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ customer_type: 'Individual' }) }), 417, 'MandatoryError');
    await expectError(
      await call('/api/resource/Issue', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ subject: 'Test', customer: 'CUST-DOES-NOT-EXIST' }) }),
      417,
      'LinkValidationError',
    );
  });

  it('refuses a malformed JSON body with 417', async () => {
    await expectError(await call('/api/resource/Customer', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"customer_name": ' }), 417);
  });
});
