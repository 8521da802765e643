// Create, update and delete: statuses and bodies, optimistic locking, a save that changes nothing,
// child tables. Runs against the standin always, against ERPNext only with ERP_CONFORMANCE_WRITES=1,
// and then only on documents it creates (and deletes).
// Sources: frappe/api/v1.py (create_doc, update_doc, delete_doc: 202 and "ok"), frappe/api/__init__.py
// (handle: what an endpoint returns is `data`), frappe/model/document.py (insert; _save:
// set_user_and_timestamp and db_update on every save; check_if_latest: TimestampMismatchError;
// update_children), frappe/model/base_document.py (as_dict(no_nulls=True) via json_handler),
// frappe/app.py (make_form_dict), frappe/tests/test_api.py (test_create_document,
// test_update_document, test_delete_document).
import { afterAll, describe, expect, it } from 'vitest';
import { expectFrappeError, frappeClient, resourcePath, type Reply } from './client';
import { useTargets } from './target';

const all = useTargets();

type Doc = Record<string, unknown> & { name: string; modified: string };
/** str(datetime), or now()'s text with its six fraction digits (what a save puts on the document it answers). */
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{6})?$/;

describe.each(all.filter((t) => t.writes))('Frappe writes — $name', (target) => {
  const api = frappeClient(target);
  const created: [string, string][] = [];
  const stamp = `${Date.now()}`;
  const newCustomer = async (extra: Record<string, unknown> = {}): Promise<Reply<{ data: Doc }>> => {
    const reply = await api.send<{ data: Doc }>('POST', resourcePath('Customer'), { customer_name: `Conformité ${stamp} ${created.length}`, customer_type: 'Individual', ...extra });
    if (reply.status === 200) created.push(['Customer', reply.body.data.name]);
    return reply;
  };
  /** A company a credit-limit row may name: ERPNext's first, the standin's (which does not model Company) any. */
  const company = async () => (target.kind === 'standin' ? 'Gigafibre inc.' : ((await api.list<{ name: string }>('Company', { limit_page_length: 1 }))[0]?.name as string));

  afterAll(async () => {
    for (const [doctype, name] of created.reverse()) await api.call(resourcePath(doctype, name), { method: 'DELETE' });
  });

  it('test_api.py test_create_document: POST answers 200 (not 201) with the document: doctype, standard fields, no nulls, numbers at 0', async () => {
    const reply = await newCustomer({ doctype: 'Not Customer', no_such_field: 'ignored' });
    expect(reply.status, reply.text).toBe(200);
    const doc = reply.body.data;
    expect(doc).toMatchObject({ doctype: 'Customer', customer_type: 'Individual', docstatus: 0, idx: 0, disabled: 0 });
    expect(doc.name).toEqual(expect.any(String));
    expect(doc.creation).toMatch(DATETIME);
    expect(doc.modified).toMatch(DATETIME);
    expect(doc.owner).toBe(doc.modified_by);
    expect(doc).not.toHaveProperty('no_such_field');
    for (const [key, value] of Object.entries(doc)) expect(value, key).not.toBeNull();
    expect((await api.get<Doc>('Customer', doc.name)).customer_name).toBe(doc.customer_name);
  });

  it('test_api.py test_update_document: PUT is partial and answers the whole document; a cleared field leaves the answer (and lists show null)', async () => {
    const doc = (await newCustomer({ mobile_no: '514-555-0199' })).body.data;
    const reply = await api.send<{ data: Doc }>('PUT', resourcePath('Customer', doc.name), { mobile_no: null, language: 'fr' });
    expect(reply.status, reply.text).toBe(200);
    const after = reply.body.data;
    expect(after).toMatchObject({ name: doc.name, customer_name: doc.customer_name, language: 'fr', doctype: 'Customer' });
    expect(after).not.toHaveProperty('mobile_no');
    expect(after.modified > doc.modified).toBe(true);
    const [row] = await api.list<Doc>('Customer', { fields: ['name', 'mobile_no', 'language'], filters: { name: doc.name } });
    expect(row).toEqual({ name: doc.name, mobile_no: null, language: 'fr' });
  });

  it('document.py check_if_latest: a PUT carrying a `modified` other than the stored one is 417 TimestampMismatchError; the current one saves', async () => {
    const doc = (await newCustomer()).body.data;
    const moved = (await api.send<{ data: Doc }>('PUT', resourcePath('Customer', doc.name), { language: 'en' })).body.data;
    const stale = await api.send('PUT', resourcePath('Customer', doc.name), { language: 'fr', modified: doc.modified });
    expectFrappeError(stale, 417, 'TimestampMismatchError');
    expect(stale.body._server_messages).toEqual(expect.any(String));
    const current = (await api.get<Doc>('Customer', doc.name)).modified;
    expect(current).toBe(moved.modified);
    expect((await api.send('PUT', resourcePath('Customer', doc.name), { language: 'fr', modified: current })).status).toBe(200);
  });

  it('document.py _save: a save that changes nothing still stamps and writes — 200, `modified` moves, no new Version', async () => {
    const issue = await api.send<{ data: Doc }>('POST', resourcePath('Issue'), { subject: `Conformité ${stamp}` });
    expect(issue.status, issue.text).toBe(200);
    created.push(['Issue', issue.body.data.name]);
    const versions = async () => (await api.list('Version', { filters: { ref_doctype: 'Issue', docname: issue.body.data.name }, limit_page_length: 0 })).length;
    const before = await versions();
    const same = await api.send<{ data: Doc }>('PUT', resourcePath('Issue', issue.body.data.name), { subject: issue.body.data.subject });
    expect(same.status).toBe(200);
    expect(same.body.data.modified > issue.body.data.modified).toBe(true);
    expect(await versions()).toBe(before);
    const empty = await api.send<{ data: Doc }>('PUT', resourcePath('Issue', issue.body.data.name), {});
    expect(empty.status).toBe(200);
    expect(empty.body.data.modified > same.body.data.modified).toBe(true);
    // A real change is versioned (Issue tracks changes).
    await api.send('PUT', resourcePath('Issue', issue.body.data.name), { status: 'Closed' });
    expect(await versions()).toBe(before + 1);
  });

  it('test_api.py test_delete_document: DELETE answers 202 with exactly {"data": "ok"}; the document is then 404, and so is a second DELETE', async () => {
    const doc = (await newCustomer()).body.data;
    const reply = await api.call(resourcePath('Customer', doc.name), { method: 'DELETE' });
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({ data: 'ok' });
    expectFrappeError(await api.call(resourcePath('Customer', doc.name)), 404, 'DoesNotExistError');
    expectFrappeError(await api.call(resourcePath('Customer', doc.name), { method: 'DELETE' }), 404, 'DoesNotExistError');
  });

  it('document.py update_children: a Table field sent is the whole table (rows get parent, parentfield, parenttype, idx, defaults); one left out is kept', async () => {
    const name = await company();
    const doc = (await newCustomer({ credit_limits: [{ company: name, credit_limit: 1000 }] })).body.data;
    const rows = doc.credit_limits as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ company: name, credit_limit: 1000, bypass_credit_limit_check: 0, parent: doc.name, parentfield: 'credit_limits', parenttype: 'Customer', idx: 1, docstatus: 0 });
    expect((rows[0] as Record<string, unknown>).doctype).toBe('Customer Credit Limit');
    const kept = (await api.send<{ data: Doc }>('PUT', resourcePath('Customer', doc.name), { language: 'en' })).body.data;
    expect(kept.credit_limits).toEqual([expect.objectContaining({ name: (rows[0] as { name: string }).name, credit_limit: 1000 })]);
    const emptied = (await api.send<{ data: Doc }>('PUT', resourcePath('Customer', doc.name), { credit_limits: [] })).body.data;
    expect(emptied.credit_limits).toEqual([]);
  });

  it('document.py insert: a missing mandatory field is 417 MandatoryError, thrown', async () => {
    const reply = await api.send('POST', resourcePath('Customer'), { customer_type: 'Individual' });
    expectFrappeError(reply, 417, 'MandatoryError');
    expect(reply.body._server_messages).toEqual(expect.any(String));
  });

  it('app.py make_form_dict: a malformed JSON body (Frappe: 500 JSONDecodeError; standin: 417)', async () => {
    const reply = await api.call(resourcePath('Customer'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"customer_name": ' });
    expectFrappeError(reply, 500, 'JSONDecodeError', [[417, 'ValidationError']]);
  });
});
