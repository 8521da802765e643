// Working a ticket the way ERPNext does: assignment through frappe.desk.form.assign_to (ToDo
// documents, the `_assign` column, « Assigned » comments), a reply as a Communication and the
// Issue's SLA fields. Runs where the suite may write (the standin always), on documents it creates.
// Sources: frappe/desk/form/assign_to.py (add: assign_to a JSON list, a user with an Open ToDo is
// skipped, answers get(): ToDos not Cancelled as {owner: allocated_to, name}; remove → set_status
// "Cancelled"), frappe/desk/doctype/todo/todo.py (validate: the Assigned / Assignment Completed
// comment; update_in_reference: `_assign` = open assignees, update_modified=False),
// frappe/core/doctype/communication/communication.py (update_parent_document_on_communication,
// update_first_response_time: a Sent Communication stamps first_responded_on with its creation),
// erpnext/support/doctype/service_level_agreement/service_level_agreement.py (set_response_by,
// set_resolution_by, update_agreement_status), erpnext/support/doctype/issue/issue.py (validate:
// resolution_date on Resolved/Closed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frappeClient, resourcePath } from './client';
import { useTargets } from './target';

const all = useTargets();

type Doc = Record<string, unknown> & { name: string; modified: string };

describe.each(all.filter((t) => t.writes))('Issue assignment, replies and SLA — $name', (target) => {
  const api = frappeClient(target);
  const created: [string, string][] = [];
  let users: string[];
  let customer: string;

  const newIssue = async (extra: Record<string, unknown> = {}): Promise<Doc> => {
    const reply = await api.send<{ data: Doc }>('POST', resourcePath('Issue'), { subject: `Conformité ${Date.now()}`, customer, ...extra });
    expect(reply.status, reply.text).toBe(200);
    created.push(['Issue', reply.body.data.name]);
    return reply.body.data;
  };
  const todosOf = (issue: string) =>
    api.list<Doc>('ToDo', { fields: ['name', 'allocated_to', 'status', 'assigned_by', 'description', 'reference_type', 'reference_name'], filters: { reference_type: 'Issue', reference_name: issue }, order_by: 'creation asc' });
  const commentsOf = (issue: string) => api.list<Doc>('Comment', { fields: ['comment_type', 'content'], filters: { reference_doctype: 'Issue', reference_name: issue }, order_by: 'creation asc' });

  beforeAll(async () => {
    const rows = await api.list<{ name: string }>('User', { filters: [['name', 'not in', ['Administrator', 'Guest']], ['enabled', '=', 1]], order_by: 'name asc', limit_page_length: 2 });
    users = rows.map((r) => r.name);
    expect(users).toHaveLength(2);
    customer = ((await api.list<{ name: string }>('Customer', { limit_page_length: 1, order_by: 'name asc' }))[0] as { name: string }).name;
  });
  afterAll(async () => {
    for (const [doctype, name] of created.reverse()) await api.call(resourcePath(doctype, name), { method: 'DELETE' });
  });

  it('assign_to.add: one Open ToDo per user, `_assign` lists them without moving `modified`, answers get()', async () => {
    const issue = await newIssue();
    const me = (await api.method<string>('frappe.auth.get_logged_user')).body.message;
    const reply = await api.method<{ owner: string; name: string }[]>('frappe.desk.form.assign_to.add', { doctype: 'Issue', name: issue.name, assign_to: JSON.stringify(users) }, 'POST');
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.message?.map((r) => r.owner).sort()).toEqual([...users].sort());
    const todos = await todosOf(issue.name);
    expect(todos.map((t) => t.allocated_to)).toEqual(users);
    for (const t of todos) expect(t).toMatchObject({ status: 'Open', assigned_by: me, reference_type: 'Issue', reference_name: issue.name });
    expect(reply.body.message?.map((r) => r.name).sort()).toEqual(todos.map((t) => t.name).sort());
    const after = await api.get<Doc>('Issue', issue.name);
    expect(JSON.parse(String(after._assign))).toEqual(users);
    expect(after.modified).toBe(issue.modified);
    expect((await commentsOf(issue.name)).filter((c) => c.comment_type === 'Assigned')).toHaveLength(2);
  });

  it('assign_to.add again for a user with an Open ToDo: no second ToDo, still 200', async () => {
    const issue = await newIssue();
    const args = { doctype: 'Issue', name: issue.name, assign_to: JSON.stringify([users[0]]) };
    expect((await api.method('frappe.desk.form.assign_to.add', args, 'POST')).status).toBe(200);
    const again = await api.method<{ owner: string }[]>('frappe.desk.form.assign_to.add', args, 'POST');
    expect(again.status, again.text).toBe(200);
    expect(again.body.message).toHaveLength(1);
    expect(await todosOf(issue.name)).toHaveLength(1);
  });

  it('assign_to.remove: the ToDo is Cancelled, `_assign` empties, get() leaves it out, an Assignment Completed comment', async () => {
    const issue = await newIssue();
    await api.method('frappe.desk.form.assign_to.add', { doctype: 'Issue', name: issue.name, assign_to: JSON.stringify([users[0]]) }, 'POST');
    const reply = await api.method<unknown[]>('frappe.desk.form.assign_to.remove', { doctype: 'Issue', name: issue.name, assign_to: users[0] }, 'POST');
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.message).toEqual([]);
    expect((await todosOf(issue.name)).map((t) => t.status)).toEqual(['Cancelled']);
    expect(JSON.parse(String((await api.get<Doc>('Issue', issue.name))._assign))).toEqual([]);
    expect((await commentsOf(issue.name)).map((c) => c.comment_type)).toEqual(['Assigned', 'Assignment Completed']);
    // Removing someone not assigned is not an error (set_status finds no ToDo).
    expect((await api.method('frappe.desk.form.assign_to.remove', { doctype: 'Issue', name: issue.name, assign_to: users[1] }, 'POST')).status).toBe(200);
  });

  it('a Sent Communication on an Issue stamps first_responded_on with its creation; a later one does not move it', async () => {
    const issue = await newIssue();
    const send = (content: string) =>
      api.send<{ data: Doc }>('POST', resourcePath('Communication'), { subject: `Re: ${String(issue.subject)}`, content, communication_type: 'Communication', communication_medium: 'Email', sent_or_received: 'Sent', reference_doctype: 'Issue', reference_name: issue.name });
    const first = await send('Bonjour');
    expect(first.status, first.text).toBe(200);
    created.push(['Communication', first.body.data.name]);
    const responded = (await api.get<Doc>('Issue', issue.name)).first_responded_on;
    expect(String(responded).slice(0, 19)).toBe(String(first.body.data.creation).slice(0, 19));
    const second = await send('Encore');
    created.push(['Communication', second.body.data.name]);
    expect((await api.get<Doc>('Issue', issue.name)).first_responded_on).toBe(responded);
  });

  it('SLA: deadlines when an agreement applies, agreement_status moves from First Response Due to Fulfilled; resolving stamps resolution_date', async () => {
    const issue = await newIssue({ priority: 'High' });
    if (issue.service_level_agreement === undefined) {
      // No default SLA on this ERPNext: process_sla leaves the deadlines unset.
      expect(issue.response_by).toBeUndefined();
    } else {
      expect(String(issue.response_by) < String(issue.resolution_by)).toBe(true);
      expect(String(issue.response_by) > String(issue.creation)).toBe(true);
      expect(issue.agreement_status).toBe('First Response Due');
    }
    const put = await api.send<{ data: Doc }>('PUT', resourcePath('Issue', issue.name), { status: 'Resolved' });
    expect(put.status, put.text).toBe(200);
    expect(put.body.data.resolution_date).toEqual(expect.any(String));
  });
});
