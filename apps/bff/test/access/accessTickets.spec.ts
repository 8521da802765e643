// Issue 16, the tickets' rows of the access table against the real standin: a CSR (tickets.work)
// replies, notes, assigns and books; only within their grants (a reply is Sent, a note a plain
// Comment, an assignment on an Issue, a booking Unscheduled and for one client); a dispatcher
// (tickets.view, visits.book) reads and books but never changes a ticket; a technician reads none.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_GROUP_MAP } from '@gigafibre/capabilities';
import { describe, expect, it } from 'vitest';
import { method, resource, rowsOf } from './accessClient';
import { expectRefused, tally, userCalls } from './accessExpect';
import { useAccessSuite } from './accessSuite';

// The default groups, plus one that only reads tickets and books visits: what booking proposals
// need must come from `visits.book` itself, not from `dispatch.view` that every default booker has.
const groupMapFile = join(mkdtempSync(join(tmpdir(), 'access-tickets-')), 'groups.json');
writeFileSync(groupMapFile, JSON.stringify({ ...DEFAULT_GROUP_MAP, 'ops-booking': ['tickets.view', 'visits.book'] }));
const suite = useAccessSuite('tickets', { OPS_GROUP_MAP_FILE: groupMapFile });
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

describe('booking proposals read the least: technicians’ skills and shifts, who is busy when and where', () => {
  const technicians = () => resource('Technician', { fields: ['name', 'technician_name', 'skills', 'shift_start', 'shift_end'], filters: [['status', '=', 'Active']], limit_page_length: 50 });
  const jobs = () => resource('Dispatch Job', { fields: ['name', 'technician', 'scheduled_date', 'start_time', 'duration_minutes', 'status', 'service_location'], limit_page_length: 50 });

  it('a booker reads them: 200', async () => {
    tally.cases += 3;
    const techs = rowsOf(await user('booker').get(technicians()));
    expect(techs.length).toBeGreaterThan(0);
    expect(techs[0]).toMatchObject({ technician_name: expect.any(String), skills: expect.any(String) });
    expect(rowsOf(await user('booker').get(jobs())).length).toBeGreaterThan(0);
    const places = await user('booker').get(resource('Service Location', { fields: ['name', 'latitude', 'longitude'], filters: [['name', '=', suite.truth.outside.location]] }));
    expect(rowsOf(places)).toEqual([expect.objectContaining({ name: suite.truth.outside.location, latitude: expect.any(Number) })]);
  });

  it.each([
    ['a technician’s phone', () => resource('Technician', { fields: ['name', 'phone'] })],
    ['a technician’s user', () => resource('Technician', { fields: ['name', 'user'] })],
    ['a job’s client', () => resource('Dispatch Job', { fields: ['name', 'customer'] })],
    ['a job’s notes', () => resource('Dispatch Job', { fields: ['name', 'notes'] })],
    ['a place’s address', () => resource('Service Location', { fields: ['name', 'address_line'] })],
    ['a place’s client', () => resource('Service Location', { fields: ['name', 'customer'] })],
  ])('%s → 403, nothing reaches the ERP', async (_name, target) => {
    tally.cases++;
    const from = suite.stack.hits.length;
    const answer = await user('booker').get(target());
    expectRefused(answer, 403);
    expect(userCalls(suite.stack.hits, from)).toEqual([]);
  });

  it('a whole technician comes cut to the granted columns: no phone, user or position', async () => {
    tally.cases++;
    const answer = await user('booker').get(resource('Technician', {}, 'TECH-002'));
    expect(answer.status).toBe(200);
    const doc = (answer.json as { data: Record<string, unknown> }).data;
    expect(Object.keys(doc).sort()).toEqual(['doctype', 'modified', 'name', 'shift_end', 'shift_start', 'skills', 'status', 'technician_name']);
  });

  it('a booker changes no ticket and assigns no job', async () => {
    tally.cases += 2;
    expectRefused(await user('booker').put(resource('Issue', {}, TICKET), { status: 'Closed' }), 403);
    expectRefused(await user('booker').put(resource('Dispatch Job', {}, 'DJ-000001'), { technician: 'TECH-002' }), 403);
  });
});

describe('a technician reads no ticket', () => {
  it.each(['Issue', 'Communication', 'ToDo'])('%s → 403', async (doctype) => {
    tally.cases++;
    expectRefused(await user('tech').get(resource(doctype, { fields: ['name'] })), 403, { reason: 'missing_capability' });
  });
});
