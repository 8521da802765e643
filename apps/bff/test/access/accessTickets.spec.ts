// Issue 16, the tickets' rows of the access table against the real standin: a CSR (tickets.work)
// replies, notes, assigns and books; only within their grants (a reply is Sent, a note a plain
// Comment, an assignment on an Issue, a booking Unscheduled and for one client); a dispatcher
// (tickets.view, visits.book) reads and books but never changes a ticket; a technician reads none.
import { describe, expect, it } from 'vitest';
import { method, resource } from './accessClient';
import { expectRefused, tally, userCalls } from './accessExpect';
import { useAccessSuite } from './accessSuite';

const suite = useAccessSuite('tickets');
const { user } = suite;
const TICKET = 'ISS-000001';

const reply = (extra: Record<string, unknown> = {}) => ({ communication_type: 'Communication', sent_or_received: 'Sent', subject: 'Re: x', content: 'Bonjour', reference_doctype: 'Issue', reference_name: TICKET, ...extra });
const note = (extra: Record<string, unknown> = {}) => ({ comment_type: 'Comment', reference_doctype: 'Issue', reference_name: TICKET, content: 'Rappelé', ...extra });
const visit = (extra: Record<string, unknown> = {}) => ({
  job_type: 'Repair',
  status: 'Unscheduled',
  customer: suite.truth.outside.customer,
  service_location: suite.truth.outside.location,
  duration_minutes: 60,
  requested_date: '2026-11-20',
  ...extra,
});

describe('a CSR works tickets within their grants', () => {
  it('replies, notes, assigns and unassigns, books a visit: 200', async () => {
    tally.cases += 5;
    expect((await user('support').post(resource('Communication'), reply())).status).toBe(200);
    expect((await user('support').post(resource('Comment'), note())).status).toBe(200);
    const args = { doctype: 'Issue', name: TICKET, assign_to: JSON.stringify(['support@gigafibre.ca']) };
    expect((await user('support').post(method('frappe.desk.form.assign_to.add'), args)).status).toBe(200);
    expect((await user('support').post(method('frappe.desk.form.assign_to.remove'), { doctype: 'Issue', name: TICKET, assign_to: 'support@gigafibre.ca' })).status).toBe(200);
    expect((await user('support').post(resource('Dispatch Job'), visit())).status).toBe(200);
  });

  it.each([
    ['a message « received » from the customer', () => [resource('Communication'), reply({ sent_or_received: 'Received' })], 'sent_or_received'],
    ['a reply of another type', () => [resource('Communication'), reply({ communication_type: 'Automated Message' })], 'communication_type'],
    ['a note typed as an assignment', () => [resource('Comment'), note({ comment_type: 'Assigned' })], 'comment_type'],
    ['an assignment on a client instead of a ticket', () => [method('frappe.desk.form.assign_to.add'), { doctype: 'Customer', name: 'CUST-00001', assign_to: '["support@gigafibre.ca"]' }], 'doctype'],
    ['a visit booked already planned', () => [resource('Dispatch Job'), visit({ status: 'Scheduled' })], 'status'],
  ] as const)('%s → 400', async (_name, request, field) => {
    tally.cases++;
    const from = suite.stack.hits.length;
    const [target, body] = request();
    expectRefused(await user('support').post(target as string, body as Record<string, unknown>), 400, { reason: 'value_not_allowed', field });
    expect(userCalls(suite.stack.hits, from)).toEqual([]);
  });

  it.each([
    ['the sender of a reply', () => [resource('Communication'), reply({ sender: 'someone@else.ca' })], 'sender'],
    ['a visit already given a technician', () => [resource('Dispatch Job'), visit({ technician: 'TECH-002' })], 'technician'],
    ['an SLA deadline on a ticket', () => [resource('Issue', {}, TICKET), { resolution_by: '2030-01-01 00:00:00' }], 'resolution_by'],
  ] as const)('%s → 400 naming the key', async (_name, request, field) => {
    tally.cases++;
    const [target, body] = request();
    const verb = String(target).includes('/Issue/') ? 'put' : 'post';
    expectRefused(await user('support')[verb](target as string, body as Record<string, unknown>), 400, { reason: 'field_not_allowed', field });
  });

  it('a visit at one client’s location booked for another client → 403 across customers', async () => {
    tally.cases++;
    const answer = await user('support').post(resource('Dispatch Job'), visit({ customer: 'CUST-00001' }));
    expect(answer.status).toBe(403);
    expect((answer.json as { reason: string }).reason).toBe('cross_customer');
  });
});

describe('a dispatcher reads tickets and books visits, never changes a ticket', () => {
  it('reads the queue and a ticket', async () => {
    tally.cases += 2;
    expect((await user('dispatch').get(resource('Issue', { fields: ['name', 'status', '_assign'], limit_page_length: 5 }))).status).toBe(200);
    expect((await user('dispatch').get(resource('Issue', {}, TICKET))).status).toBe(200);
  });
  it.each([
    ['changes its status', () => user('dispatch').put(resource('Issue', {}, TICKET), { status: 'Closed' })],
    ['replies', () => user('dispatch').post(resource('Communication'), reply())],
    ['assigns it', () => user('dispatch').post(method('frappe.desk.form.assign_to.add'), { doctype: 'Issue', name: TICKET, assign_to: '["dispatch@gigafibre.ca"]' })],
  ])('%s → 403', async (_name, send) => {
    tally.cases++;
    const from = suite.stack.hits.length;
    expectRefused(await send(), 403);
    expect(userCalls(suite.stack.hits, from)).toEqual([]);
  });
  it('books a visit → 200', async () => {
    tally.cases++;
    expect((await user('dispatch').post(resource('Dispatch Job'), visit())).status).toBe(200);
  });
});

describe('a technician reads no ticket', () => {
  it.each(['Issue', 'Communication', 'ToDo'])('%s → 403', async (doctype) => {
    tally.cases++;
    expectRefused(await user('tech').get(resource(doctype, { fields: ['name'] })), 403, { reason: 'missing_capability' });
  });
});
