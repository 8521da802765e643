// What a single document's read carries, and how it differs from a list row.
// Sources: frappe/api/v1.py (read_doc returns the Document), frappe/utils/response.py (json_handler:
// a Document is written as_dict(no_nulls=True); dates with str(); a MariaDB TIME, a timedelta,
// with format_timedelta), frappe/model/base_document.py (as_dict, get_valid_dict: `doctype` added,
// optional fields only when set, numbers through cint/flt), frappe/model/__init__.py
// (default_fields, child_table_fields, optional_fields, get_permitted_fields for `*`),
// frappe/desk/reportview.py (update_wildcard_field_param), frappe/tests/test_api.py test_404s.
import { describe, expect, it } from 'vitest';
import { expectFrappeError, frappeClient, resourcePath } from './client';
import { useTargets } from './target';

const list = useTargets();

/** frappe/model/__init__.py default_fields, less `doctype` (meta.default_fields). */
const STANDARD = ['name', 'owner', 'creation', 'modified', 'modified_by', 'docstatus', 'idx'];
/** str(datetime): a space, and microseconds only when there are some. */
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** format_timedelta: `{hours:01}:{minutes:02}:{seconds:02}` — the hour is not padded. */
const TIME = /^(0|[1-9]\d*):[0-5]\d:[0-5]\d(\.\d+)?$/;

type Json = Record<string, unknown>;

function expectNoNulls(doc: Json, where: string): void {
  for (const [key, value] of Object.entries(doc)) {
    expect(value, `${where}.${key}`).not.toBeNull();
    if (Array.isArray(value)) value.forEach((row, i) => expectNoNulls(row as Json, `${where}.${key}[${i}]`));
  }
}

function expectDatetime(value: unknown, what: string): void {
  expect(value, what).toMatch(DATETIME);
  expect(value, `${what}: str(datetime) has no zero microseconds`).not.toMatch(/\.000000$/);
}

describe.each(list)('Frappe single-document reads — $name', (target) => {
  const api = frappeClient(target);
  const sampleCustomers = () => api.list<Json>('Customer', { fields: ['name', 'email_id', 'mobile_no', 'customer_group', 'territory'], order_by: 'name asc', limit_page_length: 100 });

  it('utils/response.py json_handler: GET answers {data} with the `doctype` key, the standard fields and no null anywhere (as_dict(no_nulls=True))', async () => {
    const [row] = await api.list<{ name: string }>('Customer', { order_by: 'name asc', limit_page_length: 1 });
    const doc = await api.get<Json>('Customer', (row as { name: string }).name);
    expect(doc.doctype).toBe('Customer');
    expect(doc.name).toBe((row as { name: string }).name);
    for (const key of STANDARD) expect(doc, key).toHaveProperty(key);
    expect(doc.idx).toBe(0);
    expect(doc.docstatus).toBe(0);
    expectNoNulls(doc, 'Customer');
  });

  it('base_document.py as_dict(no_nulls=True): a field a list row shows as null is left out of the single read', async () => {
    const rows = await sampleCustomers();
    const hit = rows.flatMap((r) => ['email_id', 'mobile_no', 'customer_group', 'territory'].filter((f) => r[f] === null).map((f) => [r.name as string, f] as const))[0];
    expect(hit, 'a customer with an empty field among the first 100').toBeDefined();
    const [name, field] = hit as readonly [string, string];
    const doc = await api.get<Json>('Customer', name);
    expect(doc).not.toHaveProperty(field);
    // The list keeps the key, with null (frappe.db.sql as_dict rows).
    const [listed] = await api.list<Json>('Customer', { fields: ['name', field], filters: [['name', '=', name]] });
    expect(listed).toEqual({ name, [field]: null });
  });

  it('base_document.py get_valid_dict: Check, Int, Float and Currency fields are never null (cint/flt; stored not null default 0)', async () => {
    const [row] = await api.list<{ name: string }>('Customer', { order_by: 'name asc', limit_page_length: 1 });
    const doc = await api.get<Json>('Customer', (row as { name: string }).name);
    expect([0, 1]).toContain(doc.disabled);
    const invoices = await api.list<Json>('Sales Invoice', { fields: ['name', 'grand_total', 'outstanding_amount'], limit_page_length: 50 });
    for (const inv of invoices) {
      expect(typeof inv.grand_total, String(inv.name)).toBe('number');
      expect(typeof inv.outstanding_amount, String(inv.name)).toBe('number');
    }
  });

  it('utils/response.py json_handler: a Datetime is str(datetime), a Date YYYY-MM-DD, a Time format_timedelta’s unpadded H:MM:SS — in lists and single reads alike', async () => {
    const issues = await api.list<Json>('Issue', { fields: ['name', 'creation', 'modified', 'opening_date', 'opening_time', 'resolution_date'], order_by: 'name asc', limit_page_length: 50 });
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expectDatetime(issue.creation, `${String(issue.name)}.creation`);
      expectDatetime(issue.modified, `${String(issue.name)}.modified`);
      if (issue.opening_date !== null) expect(issue.opening_date).toMatch(DATE);
      if (issue.opening_time !== null) expect(issue.opening_time).toMatch(TIME);
      if (issue.resolution_date !== null) expectDatetime(issue.resolution_date, `${String(issue.name)}.resolution_date`);
    }
    const timed = issues.find((i) => typeof i.opening_time === 'string') as Json;
    const doc = await api.get<Json>('Issue', timed.name as string);
    expect(doc.opening_time).toBe(timed.opening_time);
    expect(doc.creation).toBe(timed.creation);
    expect(doc.modified).toBe(timed.modified);
  });

  it('reportview.py update_wildcard_field_param: fields=["*"] is the standard fields and the doctype’s own — no `doctype`, no optional `_user_tags`, no child tables', async () => {
    const [row] = await api.list<Json>('Customer', { fields: ['*'], order_by: 'name asc', limit_page_length: 1 });
    const keys = Object.keys(row as Json);
    for (const key of STANDARD) expect(keys, key).toContain(key);
    for (const key of ['doctype', '_user_tags', '_comments', '_assign', '_liked_by']) expect(keys).not.toContain(key);
    const doc = await api.get<Json>('Customer', (row as Json).name as string);
    const tables = Object.keys(doc).filter((k) => Array.isArray(doc[k]));
    for (const table of tables) expect(keys).not.toContain(table);
    // Every value field of the single read is a column of the wildcard row.
    for (const key of Object.keys(doc).filter((k) => k !== 'doctype' && k !== '_user_tags' && !tables.includes(k))) expect(keys, key).toContain(key);
  });

  it('base_document.py as_dict: `_user_tags` is in a single read only when set; a list asking for it by name gets null when untagged', async () => {
    const rows = await api.list<{ name: string; _user_tags: string | null }>('Customer', { fields: ['name', '_user_tags'], order_by: 'name asc', limit_page_length: 100 });
    const untagged = rows.find((r) => !r._user_tags);
    expect(untagged, 'an untagged customer').toBeDefined();
    expect(untagged?._user_tags).toBeNull();
    expect(await api.get<Json>('Customer', (untagged as { name: string }).name)).not.toHaveProperty('_user_tags');
    const tagged = rows.find((r) => r._user_tags);
    if (tagged) expect((await api.get<Json>('Customer', tagged.name))._user_tags).toBe(tagged._user_tags);
  });

  it('base_document.py as_dict: every Table field is a list (empty when no rows); child rows carry their doctype, parent, parentfield, parenttype and idx, nulls left out too', async () => {
    const rows = await api.list<{ name: string }>('Customer', { order_by: 'name asc', limit_page_length: 40 });
    let children = 0;
    for (const { name } of rows) {
      const doc = await api.get<Json>('Customer', name);
      // ERPNext's Customer has credit_limits (Customer Credit Limit), among others.
      expect(Array.isArray(doc.credit_limits), 'credit_limits is a list').toBe(true);
      for (const [field, value] of Object.entries(doc).filter(([, v]) => Array.isArray(v))) {
        (value as Json[]).forEach((child, i) => {
          children++;
          expect(child).toMatchObject({ parent: name, parentfield: field, parenttype: 'Customer', idx: i + 1 });
          expect(child.doctype).toEqual(expect.any(String));
          expect(child.name).toEqual(expect.any(String));
          expectNoNulls(child, `${name}.${field}[${i}]`);
        });
      }
    }
    if (target.kind === 'standin') expect(children, 'the seed gives businesses a credit limit row').toBeGreaterThan(0);
  });

  it('test_api.py test_404s: an unknown name is 404 DoesNotExistError, thrown with a message', async () => {
    const reply = await api.call(resourcePath('Customer', 'CONFORMANCE-NO-SUCH-CUSTOMER'));
    expectFrappeError(reply, 404, 'DoesNotExistError');
    expect(reply.body._server_messages).toEqual(expect.any(String));
  });

  it('test_api.py test_404s: an unknown route under /api is 404 DoesNotExistError (werkzeug NotFound, re-raised)', async () => {
    expectFrappeError(await api.call('/api/rest'), 404, 'DoesNotExistError');
  });
});
