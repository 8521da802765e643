// Issue 22, writes against the real standin: every key outside a write's allow-list is refused
// with 400 naming it (mass assignment), values outside it too; a technician changes only their own
// jobs and the equipment at their jobs' locations, links only to those, and never moves equipment
// to another customer; what they may do still works. Nothing refused reaches the ERP.
import { describe, expect, it } from 'vitest';
import { method, resource, type Role } from './accessClient';
import { expectRefused, tally, userCalls } from './accessExpect';
import { useAccessSuite } from './accessSuite';

const suite = useAccessSuite('writes');
const { user } = suite;


/** A job of the demo technician's by status, and its row. */
function ownJob(status: string): [string, Record<string, unknown>] {
  const found = [...suite.truth.tech.jobRows].find(([, row]) => row.status === status);
  if (!found) throw new Error(`no ${status} job for TECH-001`);
  return found;
}
/** Two own jobs of different customers. */
function twoCustomers(): [Record<string, unknown>, Record<string, unknown>] {
  const rows = [...suite.truth.tech.jobRows.values()];
  const first = rows[0] as Record<string, unknown>;
  const other = rows.find((r) => r.customer !== first.customer) as Record<string, unknown>;
  return [first, other];
}
async function equipmentAt(location: string): Promise<string> {
  const res = await suite.stack.erp(`/api/resource/Service%20Equipment?${new URLSearchParams({ filters: JSON.stringify([['service_location', '=', location]]) }).toString()}`);
  return ((await res.json()) as { data: { name: string }[] }).data[0]?.name as string;
}

const ABSENCES = '/ops/api/erp/resource/Technician%20Absence';
const ABSENCE = { technician: 'TECH-003', from_datetime: '2026-12-01 13:00:00', to_datetime: '2026-12-01 15:00:00', reason_type: 'Training', note: 'Formation' };

/** Keys no write grant lists, tried on every write route. */
const FORBIDDEN_KEYS = ['owner', 'docstatus', 'name', 'creation', 'modified_by', 'idx', 'doctype', 'flags', '_user_tags', '__islocal', 'parent', 'amended_from', 'unknown_field'];

interface Route {
  name: string;
  role: Role;
  body: () => Record<string, unknown>;
  target: () => string;
  verb: 'put' | 'post';
  /** Keys that move a record across customers, refused on this route. */
  moves: string[];
}

const ROUTES: Route[] = [
  { name: 'dispatcher moves a job', role: 'dispatch', verb: 'put', target: () => resource('Dispatch Job', {}, ownJob('Scheduled')[0]), body: () => ({ notes: 'x' }), moves: ['customer', 'service_location'] },
  { name: 'admin moves a job', role: 'admin', verb: 'put', target: () => resource('Dispatch Job', {}, ownJob('Scheduled')[0]), body: () => ({ notes: 'x' }), moves: ['customer', 'service_location'] },
  { name: 'technician notes a job', role: 'tech', verb: 'put', target: () => resource('Dispatch Job', {}, ownJob('Scheduled')[0]), body: () => ({ notes: 'x' }), moves: ['customer', 'service_location', 'technician'] },
  {
    name: 'technician updates equipment',
    role: 'tech',
    verb: 'put',
    target: () => `/ops/api/erp/resource/Service%20Equipment/${[...suite.truth.tech.equipment][0] as string}`,
    body: () => ({ status: 'Active' }),
    moves: ['customer'],
  },
  {
    name: 'technician adds equipment',
    role: 'tech',
    verb: 'post',
    target: () => '/ops/api/erp/resource/Service%20Equipment',
    body: () => ({ service_location: ownJob('Scheduled')[1].service_location, serial_no: 'ALCLAAAA0001', equipment_type: 'ONT' }),
    moves: ['customer'],
  },
  { name: 'CSR opens a ticket', role: 'support', verb: 'post', target: () => '/ops/api/erp/resource/Issue', body: () => ({ subject: 'x', customer: suite.truth.outside.customer }), moves: [] },
  { name: 'CSR edits a ticket', role: 'support', verb: 'put', target: () => '/ops/api/erp/resource/Issue/ISS-000001', body: () => ({ subject: 'x' }), moves: ['customer'] },
  {
    name: 'CSR writes a note',
    role: 'support',
    verb: 'post',
    target: () => '/ops/api/erp/resource/Comment',
    body: () => ({ comment_type: 'Comment', reference_doctype: 'Customer', reference_name: suite.truth.outside.customer, content: 'x' }),
    moves: [],
  },
  { name: 'dispatcher adds an absence', role: 'dispatch', verb: 'post', target: () => ABSENCES, body: () => ({ ...ABSENCE, from_datetime: '2026-12-02 08:00:00', to_datetime: '2026-12-02 09:00:00' }), moves: [] },
  { name: 'dispatcher sets a status', role: 'dispatch', verb: 'post', target: () => method('gigafibre.ops.set_job_status'), body: () => ({ job: ownJob('Scheduled')[0], status: 'Cancelled' }), moves: ['customer'] },
  { name: 'technician sets a status', role: 'tech', verb: 'post', target: () => method('gigafibre.ops.set_job_status'), body: () => ({ job: ownJob('Scheduled')[0], status: 'En Route' }), moves: ['customer'] },
  {
    name: 'technician links equipment',
    role: 'tech',
    verb: 'post',
    target: () => method('gigafibre.ops.link_job_equipment'),
    body: () => ({ job: ownJob('Scheduled')[0], serial_no: 'ALCLAAAA0002', equipment_type: 'ONT' }),
    moves: ['customer', 'service_location'],
  },
];

const MASS = ROUTES.flatMap((route) => [...FORBIDDEN_KEYS, ...route.moves].map((key) => [`${route.name} with « ${key} »`, route, key] as const));

describe('mass assignment: a key outside the allow-list → 400 naming it, nothing sent', () => {
  it.each(MASS)('%s', async (_name, route, key) => {
    tally.cases++;
    const from = suite.stack.hits.length;
    const body = { ...route.body(), [key]: key === 'docstatus' || key === 'idx' ? 1 : 'CUST-00001' };
    const answer = await user(route.role)[route.verb](route.target(), body);
    expectRefused(answer, 400, { reason: 'field_not_allowed', field: key });
    expect(userCalls(suite.stack.hits, from)).toEqual([]);
  });
});

describe('bodies and queries a write never takes', () => {
  const BAD: [string, string | unknown][] = [
    ['a JSON array', [{ notes: 'x' }]],
    ['a string', '"notes"'],
    ['a number', '42'],
    ['null', 'null'],
  ];
  it.each(ROUTES.flatMap((r) => BAD.map(([name, body]) => [`${r.name}: ${name}`, r, body] as const)))('%s → 400', async (_name, route, body) => {
    tally.cases++;
    const from = suite.stack.hits.length;
    const answer = await user(route.role)[route.verb](route.target(), typeof body === 'string' ? body : JSON.stringify(body));
    expectRefused(answer, 400);
    expect(userCalls(suite.stack.hits, from)).toEqual([]);
  });
  it.each(ROUTES.flatMap((r) => ['data={"customer":"CUST-00001"}', 'run_method=delete', 'job=DJ-000001'].map((q) => [`${r.name} with ?${q}`, r, q] as const)))(
    '%s → 400',
    async (_name, route, query) => {
      tally.cases++;
      const target = route.target();
      const answer = await user(route.role)[route.verb](`${target}${target.includes('?') ? '&' : '?'}${query}`, route.body());
      expectRefused(answer, 400, { reason: 'bad_query' });
    },
  );
});

describe('values outside a grant', () => {
  it.each([
    ['dispatcher completes a job by PUT', 'dispatch', 'put', (): string => resource('Dispatch Job', {}, ownJob('Scheduled')[0]), { status: 'Completed' }, 'status'],
    ['dispatcher starts a job by PUT', 'dispatch', 'put', (): string => resource('Dispatch Job', {}, ownJob('Scheduled')[0]), { status: 'In Progress' }, 'status'],
    ['a ticket opened closed', 'support', 'post', (): string => '/ops/api/erp/resource/Issue', { subject: 'x', customer: 'CUST-00001', status: 'Closed' }, 'status'],
  ] as const)('%s → 400', async (_name, role, verb, target, body, field) => {
    tally.cases++;
    expectRefused(await user(role)[verb](target(), body), 400, { reason: 'value_not_allowed', field });
  });
  it.each(['Cancelled', 'Scheduled', 'Unscheduled', 'Done'])('a technician sets their job to %s → 400', async (status) => {
    tally.cases++;
    expectRefused(await user('tech').post(method('gigafibre.ops.set_job_status'), { job: ownJob('Scheduled')[0], status }), 400, { reason: 'value_not_allowed' });
  });
  it('a ticket opened as Open goes through (the PUT of a ticket is the only other door)', async () => {
    tally.cases++;
    expectRefused(await user('support').post('/ops/api/erp/resource/Issue', { subject: 'x', customer: 'CUST-00001', status: 'Closed' }), 400, { field: 'status' });
    expect((await user('support').post('/ops/api/erp/resource/Issue', { subject: 'Panne', customer: 'CUST-00001', status: 'Open' })).status).toBe(200);
  });
});

describe('a technician writes only their own', () => {
  it.each([
    ['another technician’s job', () => [...suite.truth.tech2.jobs][0] as string],
    ['an unassigned job', () => 'DJ-000001'],
  ])('status or equipment of %s → 403', async (_name, job) => {
    tally.cases += 3;
    expectRefused(await user('tech').post(method('gigafibre.ops.set_job_status'), { job: job(), status: 'En Route' }), 403, { reason: 'out_of_scope' });
    expectRefused(await user('tech').post(method('gigafibre.ops.link_job_equipment'), { job: job(), serial_no: 'ALCLAAAA0003', equipment_type: 'ONT' }), 403, { reason: 'out_of_scope' });
    expectRefused(await user('tech').put(resource('Dispatch Job', {}, job()), { notes: 'x' }), 403, { reason: 'out_of_scope' });
  });

  it('a late item handed over in another technician’s name → 403', async () => {
    tally.cases++;
    const body = { technician: 'TECH-002', job: [...suite.truth.tech2.jobs][0], kind: 'job-status', summary: 'x', recorded_at: '2026-06-15T10:00:00Z' };
    expectRefused(await user('tech').post(method('gigafibre.ops.report_late_item'), body), 403, { reason: 'out_of_scope' });
  });

  it('equipment of another customer → 403, even moved to their own job’s location', async () => {
    tally.cases += 3;
    const [row] = twoCustomers();
    const target = `/ops/api/erp/resource/Service%20Equipment/${suite.truth.outside.equipment}`;
    expectRefused(await user('tech').put(target, { status: 'Faulty' }), 403, { reason: 'out_of_scope' });
    expectRefused(await user('tech').put(target, { service_location: row.service_location }), 403, { reason: 'out_of_scope' });
    const theirs = [...suite.truth.tech2.equipment].find((e) => !suite.truth.tech.equipment.has(e)) as string;
    expectRefused(await user('tech').put(`/ops/api/erp/resource/Service%20Equipment/${theirs}`, { status: 'Faulty' }), 403, { reason: 'out_of_scope' });
  });

  it('their equipment moved to a location not theirs → 403', async () => {
    tally.cases++;
    const mine = [...suite.truth.tech.equipment][0] as string;
    expectRefused(await user('tech').put(`/ops/api/erp/resource/Service%20Equipment/${mine}`, { service_location: suite.truth.outside.location }), 403, { reason: 'out_of_scope' });
  });

  it('their equipment moved to another client of theirs → 403 (across customers)', async () => {
    tally.cases++;
    const [first, other] = twoCustomers();
    const equipment = await equipmentAt(first.service_location as string);
    expectRefused(await user('tech').put(`/ops/api/erp/resource/Service%20Equipment/${equipment}`, { service_location: other.service_location }), 403, {
      reason: 'cross_customer',
      field: 'service_location',
    });
  });

  it.each([
    ['at a location not theirs', () => ({ service_location: suite.truth.outside.location })],
    ['linked to another technician’s job', () => ({ service_location: twoCustomers()[0].service_location, dispatch_job: [...suite.truth.tech2.jobs][0] })],
    ['at one client’s, linked to another client’s job', () => ({ service_location: twoCustomers()[0].service_location, dispatch_job: twoCustomers()[1].name })],
  ])('new equipment %s → 403', async (_name, extra) => {
    tally.cases++;
    const from = suite.stack.hits.length;
    const answer = await user('tech').post('/ops/api/erp/resource/Service%20Equipment', { serial_no: 'ALCLBBBB0002', equipment_type: 'ONT', status: 'Active', ...extra() });
    expect(answer.status).toBe(403);
    expect(['out_of_scope', 'cross_customer']).toContain((answer.json as { reason: string }).reason);
    expect(userCalls(suite.stack.hits, from)).toEqual([]);
  });

  it('what a technician may do still works: a status, a note, new and moved equipment', async () => {
    tally.cases += 4;
    const [job, row] = ownJob('Scheduled');
    expect((await user('tech').post(method('gigafibre.ops.set_job_status'), { job, status: 'En Route' })).status).toBe(200);
    expect((await user('tech').put(resource('Dispatch Job', {}, job), { notes: 'Chien dans la cour' })).status).toBe(200);
    const created = await user('tech').post('/ops/api/erp/resource/Service%20Equipment', {
      service_location: row.service_location,
      dispatch_job: job,
      serial_no: 'ALCLCCCC0003',
      equipment_type: 'ONT',
      status: 'Active',
    });
    expect(created.status, created.body.slice(0, 300)).toBe(200);
    const equipment = (created.json as { data: { name: string; customer: string } }).data;
    expect(equipment.customer).toBe(row.customer);
    expect((await user('tech').put(`/ops/api/erp/resource/Service%20Equipment/${equipment.name}`, { status: 'Faulty', dispatch_job: job })).status).toBe(200);
  });

  it('a job assigned a moment ago is theirs once the scope is older than 5 s (reloaded on the miss)', async () => {
    tally.cases++;
    const free = (await suite.stack.erp('/api/resource/Dispatch%20Job/DJ-000001').then((r) => r.json())) as { data: { modified: string; customer: string } };
    const assign = await suite.stack.erp('/api/resource/Dispatch%20Job/DJ-000001', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ technician: 'TECH-001', scheduled_date: suite.truth.window.from.replace(/\d\d$/, '15'), start_time: '16:00:00', modified: free.data.modified }),
    });
    expect(assign.status).toBe(200);
    suite.stack.clock.now += 6_000;
    const answer = await user('tech').get(resource('Customer', {}, free.data.customer));
    expect(answer.status).toBe(200);
  });

  it.each(['ghost', 'admin'] as const)('%s (no Technician record) adds no equipment and moves no job', async (role) => {
    tally.cases += 2;
    const [job, row] = ownJob('Scheduled');
    expectRefused(await user(role).post('/ops/api/erp/resource/Service%20Equipment', { service_location: row.service_location, serial_no: 'ALCLDDDD0004', equipment_type: 'ONT' }), 403, {
      reason: 'out_of_scope',
    });
    if (role === 'ghost') expectRefused(await user(role).post(method('gigafibre.ops.set_job_status'), { job, status: 'Completed' }), 403, { reason: 'out_of_scope' });
  });
});

describe('Technician Absence: dispatch reads the allow-listed fields and adds one; nobody else writes', () => {
  it('a dispatcher lists absences with their five fields, never the others', async () => {
    tally.cases += 2;
    const answer = await user('dispatch').get(resource('Technician Absence', { fields: ['name', 'technician', 'from_datetime', 'to_datetime', 'reason_type', 'note'], limit_page_length: 100 }));
    expect(answer.status, answer.body.slice(0, 300)).toBe(200);
    expect((answer.json as { data: unknown[] }).data.length).toBeGreaterThan(0);
    const from = suite.stack.hits.length;
    expectRefused(await user('dispatch').get(resource('Technician Absence', { fields: ['name', 'owner'], limit_page_length: 100 })), 403, { reason: 'field_not_allowed' });
    expect(userCalls(suite.stack.hits, from)).toEqual([]);
  });

  it('a list of every absence at once is refused (pages are bounded)', async () => {
    tally.cases++;
    expectRefused(await user('dispatch').get(resource('Technician Absence', { fields: ['name'], limit_page_length: 0 })), 400, { reason: 'page_too_large' });
  });

  it.each([
    ['a technician', 'tech', 403],
    ['a CSR (reads the board, assigns nothing)', 'support', 403],
    ['someone without a group', 'nobody', 403],
  ] as const)('%s adds none → %i, nothing sent', async (_name, role, status) => {
    tally.cases++;
    const from = suite.stack.hits.length;
    expectRefused(await user(role).post(ABSENCES, ABSENCE), status);
    expect(userCalls(suite.stack.hits, from)).toEqual([]);
  });

  it('a technician reads none of them', async () => {
    tally.cases++;
    expectRefused(await user('tech').get(resource('Technician Absence', { fields: ['name', 'technician'], limit_page_length: 20 })), 403, { reason: 'missing_capability' });
  });

  it('a reason outside the list → 400; an unknown technician → refused; a valid one is saved', async () => {
    tally.cases += 3;
    expectRefused(await user('dispatch').post(ABSENCES, { ...ABSENCE, reason_type: 'Strike' }), 400, { reason: 'value_not_allowed', field: 'reason_type' });
    const ghost = await user('dispatch').post(ABSENCES, { ...ABSENCE, technician: 'TECH-999' });
    expect([403, 404, 417]).toContain(ghost.status);
    const saved = await user('dispatch').post(ABSENCES, ABSENCE);
    expect(saved.status, saved.body.slice(0, 300)).toBe(200);
    expect(Object.keys((saved.json as { data: Record<string, unknown> }).data).sort()).toEqual(expect.arrayContaining(['name', 'technician', 'from_datetime', 'to_datetime', 'reason_type']));
  });

  it('a block whose end comes first: the ERP refuses it in French (417), nothing saved', async () => {
    tally.cases++;
    const answer = await user('dispatch').post(ABSENCES, { ...ABSENCE, from_datetime: '2026-12-01 15:00:00', to_datetime: '2026-12-01 13:00:00' });
    expect(answer.status).toBe(417);
    expect(answer.body).toContain('La fin de l’absence doit suivre son début');
  });
});
