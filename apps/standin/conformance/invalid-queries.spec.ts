// What an invalid list request gets: status and exc_type, and that nothing of it reaches the data.
// Sources: frappe/desk/reportview.py (validate_fields, validate_filters, raise_invalid_field: DataError;
// parse_json: json.loads), frappe/api/v1.py (document_list: json.loads(fields)), frappe/model/db_query.py
// (sanitize_fields: DataError; validate_order_by_and_group_by: ValidationError), frappe/utils/data.py
// (get_filter: "Operator must be one of"), frappe/handler.py (execute_cmd: "Failed to get method"),
// frappe/app.py (handle_exception: an exception without http_status_code is a 500 with its class as
// exc_type), frappe/tests/test_db_query.py (test_query_fields_sanitizer, test_filter_sanitizer,
// test_order_by_group_by_sanitizer), frappe/database/query.py (the newer engine's field checks).
//
// Where Frappe itself answers 500 (malformed JSON, a column only the database finds unknown), the
// standin answers a 417 ValidationError instead — a deliberate deviation, so that a bad request stays
// a 4xx through the BFF — and the test accepts both (README.md, "Deliberate deviations").
import { beforeAll, describe, expect, it } from 'vitest';
import { expectFrappeError, frappeClient, query, resourcePath, type Reply } from './client';
import { useTargets } from './target';

const list = useTargets();

const customers = (params: Record<string, unknown>) => `${resourcePath('Customer')}${query(params)}`;

describe.each(list)('Frappe invalid queries — $name', (target) => {
  const api = frappeClient(target);
  const count = async () => (await api.method<number>('frappe.client.get_count', { doctype: 'Customer' })).body.message as number;
  let before: number;
  beforeAll(async () => {
    before = await count();
  });
  /** A thrown refusal: its message is in `_server_messages`, and no data comes with it. */
  const expectThrown = (reply: Reply) => {
    expect(reply.body._server_messages, reply.text).toEqual(expect.any(String));
    expect(reply.body).not.toHaveProperty('data');
  };

  it('reportview.py validate_fields: an unknown field in `fields` is 417 DataError ("Field not permitted in query")', async () => {
    const reply = await api.call(customers({ fields: ['name', 'no_such_field'] }));
    expectFrappeError(reply, 417, 'DataError');
    expectThrown(reply);
  });

  it('reportview.py validate_filters: an unknown field in filters or or_filters is 417 DataError', async () => {
    for (const params of [{ filters: [['no_such_field', '=', 'x']] }, { filters: { no_such_field: 'x' } }, { or_filters: [['no_such_field', '=', 'x']] }]) {
      expectFrappeError(await api.call(customers(params)), 417, 'DataError');
    }
  });

  it('test_db_query.py test_query_fields_sanitizer: a function or a sub-query in `fields` is 417 DataError', async () => {
    for (const field of ['customer_name, version()', '(select name from tabUser)']) {
      const reply = await api.call(customers({ fields: ['name', field] }));
      expectFrappeError(reply, 417, 'DataError');
      expectThrown(reply);
    }
  });

  it('utils/data.py get_filter: an unknown operator is 417 ValidationError ("Operator must be one of …")', async () => {
    // The newer query engine looks the operator up in OPERATOR_MAP instead: a KeyError, 500.
    expectFrappeError(await api.call(customers({ filters: [['name', 'regexp', '.*']] })), 417, 'ValidationError', [[500, 'KeyError']]);
  });

  it('test_db_query.py test_order_by_group_by_sanitizer: a sub-query, sleep() or a stray character in order_by or group_by is 417 ValidationError', async () => {
    for (const params of [
      { order_by: '(select name from tabUser) asc' },
      { order_by: 'name, sleep(1)' },
      { order_by: 'modified desc; DELETE FROM tabCustomer' },
      { fields: ['customer_type', 'count(name) as n'], group_by: 'customer_type having 1=1' },
    ]) {
      const reply = await api.call(customers(params));
      expectFrappeError(reply, 417, 'ValidationError');
      expectThrown(reply);
    }
  });

  it('db_query.py validate_order_by_and_group_by leaves column names to the database: an unknown one is MariaDB’s (v15: 500 OperationalError) or the newer engine’s 403 PermissionError', async () => {
    expectFrappeError(await api.call(customers({ order_by: 'no_such_column desc' })), 403, 'PermissionError', [[500, 'OperationalError']]);
  });

  it('reportview.py parse_json, v1.py document_list: malformed JSON in filters or fields (Frappe: 500 JSONDecodeError; standin: 417)', async () => {
    for (const path of [`${resourcePath('Customer')}?filters=${encodeURIComponent('[["name","=",')}`, `${resourcePath('Customer')}?fields=${encodeURIComponent('["name"')}`]) {
      expectFrappeError(await api.call(path), 500, 'JSONDecodeError', [[417, 'ValidationError']]);
    }
  });

  it('v1.py document_list: `fields` must be JSON — a comma-separated text is not read as a list', async () => {
    const reply = await api.call(`${resourcePath('Customer')}?fields=name,customer_name`);
    expect(reply.status).not.toBe(200);
    expectFrappeError(reply, 500, 'JSONDecodeError', [[417, 'ValidationError']]);
  });

  it('db_query.py execute: a limit_page_length that is no number is read by cint as 0, every row (standin: 417)', async () => {
    const reply = await api.call<{ data?: unknown[] }>(customers({ limit_page_length: 'twenty' }));
    if (reply.status === 200) expect(reply.body.data).toHaveLength(before);
    else expectFrappeError(reply, 417, 'ValidationError');
  });

  it('handler.py execute_cmd: a method that does not exist is 417 ValidationError ("Failed to get method …")', async () => {
    const reply = await api.method('frappe.client.no_such_method_for_conformance');
    expectFrappeError(reply, 417, 'ValidationError');
    expect(reply.body).not.toHaveProperty('message');
  });

  it('client.py get_count: an unknown field reaches the database (v15: 500 OperationalError; standin: 417)', async () => {
    expectFrappeError(await api.method('frappe.client.get_count', { doctype: 'Customer', filters: [['no_such_field', '=', 'x']] }), 500, 'OperationalError', [[417, 'DataError']]);
  });

  it('values are always escaped: SQL in a filter value matches nothing, and none of the above changed a row', async () => {
    expect(await api.list('Customer', { filters: [['name', '=', "x' OR '1'='1"]] })).toEqual([]);
    expect(await api.list('Customer', { filters: [['customer_name', 'like', "%' OR 1=1 -- %"]] })).toEqual([]);
    expect(await count()).toBe(before);
  });
});
