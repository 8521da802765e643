// The frappe.client methods the project calls: get_count, get_list, get_value, get — by GET (arguments
// in the query, JSON-encoded) and by POST (a JSON body), which must answer alike.
// Sources: frappe/client.py (get_list, get_count, get_value, get), frappe/handler.py (handle: the
// return value is `message`, left out when None), frappe/app.py (make_form_dict: a JSON body is the
// arguments), frappe/desk/reportview.py (parse_json: fields "*"), frappe/utils/__init__.py
// (get_safe_filters), frappe/model/base_document.py (as_dict: nulls kept unless no_nulls),
// frappe/tests/test_client.py.
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFrappeError, frappeClient } from './client';
import { useTargets } from './target';

const list = useTargets();

type Row = Record<string, unknown> & { name: string };

describe.each(list)('frappe.client methods — $name', (target) => {
  const api = frappeClient(target);
  let sample: Row[];
  beforeAll(async () => {
    sample = await api.list<Row>('Customer', { fields: ['name', 'customer_name', 'customer_type', 'email_id'], order_by: 'name asc', limit_page_length: 100 });
  });
  /** Both HTTP methods, which must give the same answer. */
  async function both<T>(method: string, args: Record<string, unknown>) {
    const [get, post] = await Promise.all([api.method<T>(method, args, 'GET'), api.method<T>(method, args, 'POST')]);
    expect(get.status, get.text).toBe(200);
    expect(post.status, post.text).toBe(200);
    expect(post.body).toEqual(get.body);
    return get.body;
  }

  it('client.py get_count: {message: n}, matching the list, with filters in list or dict form, by GET or POST', async () => {
    const type = sample[0]?.customer_type;
    const listed = await api.list('Customer', { filters: { customer_type: type }, limit_page_length: 0 });
    expect((await both<number>('frappe.client.get_count', { doctype: 'Customer', filters: { customer_type: type } })).message).toBe(listed.length);
    expect((await both<number>('frappe.client.get_count', { doctype: 'Customer', filters: [['customer_type', '=', type]] })).message).toBe(listed.length);
  });

  it('client.py get_list: {message: rows}; GET and POST alike; reportview.py parse_json takes a bare `*` for fields', async () => {
    const args = { doctype: 'Customer', fields: ['name', 'customer_name'], filters: [['name', 'in', sample.slice(0, 5).map((r) => r.name)]], order_by: 'name asc' };
    const body = await both<Row[]>('frappe.client.get_list', args);
    expect(body.message).toEqual(sample.slice(0, 5).map((r) => ({ name: r.name, customer_name: r.customer_name })));
    const star = await api.method<Row[]>('frappe.client.get_list', { doctype: 'Customer', fields: '*', order_by: 'name asc', limit_page_length: 1 });
    expect(star.status, star.text).toBe(200);
    expect(Object.keys(star.body.message?.[0] ?? {})).toEqual(expect.arrayContaining(['name', 'customer_name', 'creation', 'modified', 'idx']));
  });

  it('client.py get_value: a field name, or a JSON list of them; filters as a document name or as JSON; an object by default, {} when nothing matches', async () => {
    const [first] = sample as [Row];
    expect((await both('frappe.client.get_value', { doctype: 'Customer', fieldname: 'customer_name', filters: first.name })).message).toEqual({ customer_name: first.customer_name });
    expect((await both('frappe.client.get_value', { doctype: 'Customer', fieldname: ['customer_name', 'customer_type'], filters: { name: first.name } })).message).toEqual({
      customer_name: first.customer_name,
      customer_type: first.customer_type,
    });
    expect((await both('frappe.client.get_value', { doctype: 'Customer', fieldname: 'customer_name', filters: { name: 'CONFORMANCE-NONE' } })).message).toEqual({});
  });

  it('client.py get_value with as_dict false: the value itself, a list for several fields, and no `message` at all when nothing matches (handler.py: None is not sent)', async () => {
    const [first] = sample as [Row];
    const one = await api.method('frappe.client.get_value', { doctype: 'Customer', fieldname: 'customer_name', filters: first.name, as_dict: false }, 'POST');
    expect(one.body).toEqual({ message: first.customer_name });
    const two = await api.method('frappe.client.get_value', { doctype: 'Customer', fieldname: ['name', 'customer_type'], filters: first.name, as_dict: false }, 'POST');
    expect(two.body).toEqual({ message: [first.name, first.customer_type] });
    const none = await api.method('frappe.client.get_value', { doctype: 'Customer', fieldname: 'customer_name', filters: 'CONFORMANCE-NONE', as_dict: false }, 'POST');
    expect(none.status).toBe(200);
    expect(none.body).toEqual({});
  });

  it('client.py get: by name or by filters, answered with doc.as_dict() — unlike a resource GET, empty fields stay, as null', async () => {
    const empty = sample.find((r) => r.email_id === null);
    expect(empty, 'a customer without e-mail among the first 100').toBeDefined();
    const byName = await both<Row>('frappe.client.get', { doctype: 'Customer', name: (empty as Row).name });
    expect(byName.message).toMatchObject({ name: (empty as Row).name, doctype: 'Customer', email_id: null, idx: 0 });
    expect(Array.isArray((byName.message as Row).credit_limits)).toBe(true);
    const byFilters = await both<Row>('frappe.client.get', { doctype: 'Customer', filters: { name: (empty as Row).name } });
    expect(byFilters.message).toEqual(byName.message);
  });

  it('client.py get: an unknown name is 404 DoesNotExistError', async () => {
    expectFrappeError(await api.method('frappe.client.get', { doctype: 'Customer', name: 'CONFORMANCE-NONE' }), 404, 'DoesNotExistError');
  });
});
