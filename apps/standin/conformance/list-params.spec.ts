// The parameters of a list: fields, paging and its aliases, as_dict, order_by, group_by — through
// /api/resource and through frappe.client.get_list, which do not read them the same way.
// Sources: frappe/api/v1.py (document_list: `limit` alias, default 20, sbool(as_dict)),
// frappe/__init__.py (call → get_newargs drops arguments a function does not take), frappe/client.py
// (get_list), frappe/model/db_query.py (execute: `limit_page_length` read with cint, 0 = no limit;
// no fields = name), frappe/utils/typing_validations.py (get_list's `as_dict: bool`),
// frappe/tests/test_api.py (test_get_list_limit, test_get_list_dict, test_get_list_fields).
import { describe, expect, it } from 'vitest';
import { expectFrappeError, frappeClient, query, resourcePath } from './client';
import { useTargets } from './target';

const list = useTargets();

type Row = { name: string; customer_name?: string; customer_type?: string };

describe.each(list)('Frappe list parameters — $name', (target) => {
  const api = frappeClient(target);
  const count = async (doctype: string, filters?: unknown) => (await api.method<number>('frappe.client.get_count', { doctype, filters })).body.message as number;

  it('v1.py document_list: without parameters, `name` only and 20 rows at most', async () => {
    const rows = await api.list<Row>('Customer');
    expect(rows.length).toBe(Math.min(20, await count('Customer')));
    for (const row of rows) expect(Object.keys(row)).toEqual(['name']);
  });

  it('test_api.py test_get_list_fields: `fields` chooses the keys, `field as alias` renames', async () => {
    const rows = await api.list<Record<string, unknown>>('Customer', { fields: ['name', 'customer_name as label'], order_by: 'name asc', limit_page_length: 3 });
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['label', 'name']);
  });

  it('db_query.py execute: limit_start and limit_page_length page through the order without overlap', async () => {
    const page = (start: number, length: number) => api.list<Row>('Customer', { order_by: 'name asc', limit_start: start, limit_page_length: length });
    const [a, b, whole] = await Promise.all([page(0, 5), page(5, 5), page(0, 10)]);
    // Compared with the server's own order (the database's collation, not JavaScript's).
    expect([...a, ...b]).toEqual(whole);
    expect(new Set(whole.map((r) => r.name)).size).toBe(10);
  });

  it('db_query.py execute: limit_page_length=0 means no limit', async () => {
    expect((await api.list('Customer', { limit_page_length: 0 })).length).toBe(await count('Customer'));
  });

  it('db_query.py execute: limit_page_length is read with cint ("5.7" → 5)', async () => {
    expect(await api.list('Customer', { limit_page_length: '5.7' })).toHaveLength(5);
  });

  it('test_api.py test_get_list_limit: /api/resource takes `limit` for limit_page_length, which wins when both are given (setdefault)', async () => {
    expect(await api.list('Customer', { limit: 2 })).toHaveLength(2);
    expect(await api.list('Customer', { limit: 2, limit_page_length: 4 })).toHaveLength(4);
  });

  it('frappe.call drops what get_list does not take: `page_length` and `start` change nothing on /api/resource', async () => {
    const plain = await api.list<Row>('Customer', { order_by: 'name asc' });
    expect(await api.list<Row>('Customer', { order_by: 'name asc', page_length: 3, start: 5 })).toEqual(plain);
  });

  it('client.py get_list: frappe.client.get_list has no `limit` (20 rows), but reads limit_page_length; GET and POST answer alike', async () => {
    const args = { doctype: 'Customer', order_by: 'name asc' };
    const noLimit = await api.method<Row[]>('frappe.client.get_list', { ...args, limit: 2 });
    expect(noLimit.status).toBe(200);
    expect(noLimit.body.message).toHaveLength(Math.min(20, await count('Customer')));
    const get = await api.method<Row[]>('frappe.client.get_list', { ...args, fields: ['name', 'customer_name'], limit_page_length: 4 });
    const post = await api.method<Row[]>('frappe.client.get_list', { ...args, fields: ['name', 'customer_name'], limit_page_length: 4 }, 'POST');
    expect(get.body.message).toHaveLength(4);
    expect(post.status).toBe(200);
    expect(post.body.message).toEqual(get.body.message);
  });

  it('test_api.py test_get_list_dict: as_dict=False gives each row as a list of values, in `fields` order', async () => {
    const params = { fields: ['customer_name', 'name'], order_by: 'name asc', limit_page_length: 3 };
    const dicts = await api.list<Row>('Customer', params);
    for (const flag of ['0', 'false', 'False']) {
      const lists = await api.list<unknown[]>('Customer', { ...params, as_dict: flag });
      expect(lists, flag).toEqual(dicts.map((r) => [r.customer_name, r.name]));
    }
    expect(await api.list<Row>('Customer', { ...params, as_dict: '1' })).toEqual(dicts);
    const viaMethod = await api.method<unknown[][]>('frappe.client.get_list', { doctype: 'Customer', ...params, as_dict: 0 });
    expect(viaMethod.body.message).toEqual(dicts.map((r) => [r.customer_name, r.name]));
  });

  it('utils/typing_validations.py: frappe.client.get_list’s as_dict is a bool — text that is none is a FrappeTypeError (417)', async () => {
    expectFrappeError(await api.call(`/api/method/frappe.client.get_list${query({ doctype: 'Customer', as_dict: 'sometimes' })}`), 417, 'FrappeTypeError');
  });

  it('db_query.py set_order_by: order_by takes several keys, directions and Frappe’s qualified names', async () => {
    const rows = await api.list<Row>('Customer', { fields: ['name', 'customer_type'], order_by: 'customer_type asc, name desc', limit_page_length: 0 });
    const types = [...new Set(rows.map((r) => r.customer_type))];
    expect(types).toEqual([...types].sort());
    for (const type of types) {
      const asc = await api.list<Row>('Customer', { filters: { customer_type: type }, order_by: 'name asc', limit_page_length: 0 });
      expect(rows.filter((r) => r.customer_type === type).map((r) => r.name)).toEqual(asc.map((r) => r.name).reverse());
    }
    const qualified = await api.list<Row>('Customer', { order_by: '`tabCustomer`.`name` desc', limit_page_length: 5 });
    expect(qualified.map((r) => r.name)).toEqual((await api.list<Row>('Customer', { order_by: 'name desc', limit_page_length: 5 })).map((r) => r.name));
  });

  it('db_query.py execute: group_by with an aggregate, its count adding up to get_count', async () => {
    const groups = await api.list<{ customer_type: string; n: number }>('Customer', { fields: ['customer_type', 'count(name) as n'], group_by: 'customer_type', order_by: 'customer_type asc' });
    expect(groups.length).toBeGreaterThan(0);
    expect(groups.reduce((sum, g) => sum + g.n, 0)).toBe(await count('Customer'));
    for (const g of groups) expect(g.n).toBe(await count('Customer', [['customer_type', '=', g.customer_type]]));
  });

  it('v1.py document_list: a list of a doctype nobody has is 404 DoesNotExistError', async () => {
    expectFrappeError(await api.call(resourcePath('No Such Doctype For Conformance')), 404, 'DoesNotExistError');
  });
});
