// What the Gigafibre custom app adds on ERPNext, as the standin implements it: Dispatch Job rules,
// set_job_status, Versions, change events, Idempotency-Key, X-Ops-User attribution.
import type { DocChangeEvent } from '@gigafibre/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../edge/demo-users';
import { FIXTURE_CUSTOMERS, FIXTURE_JOBS, FIXTURE_TECHNICIANS } from '../seed/fixtures';
import { erpFetch, resourceUrl, useTestErp } from '../testing/harness';

const erp = useTestErp();

const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  erpFetch(erp.base, path, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const data = async <T = Record<string, unknown>>(res: Response) => ((await res.json()) as { data: T }).data;
const lastEvents = (n: number) =>
  (erp.standin.db.prepare('SELECT id, data FROM events ORDER BY id DESC LIMIT ?').all(n) as { id: number; data: string }[]).map((r) => JSON.parse(r.data) as DocChangeEvent);
const jobPath = (name: string) => `/api/resource/Dispatch%20Job/${name}`;

describe('Dispatch Job writes', () => {
  it('assigning a queued job schedules it, versions it and publishes the change with who did it', async () => {
    const res = await send('PUT', jobPath(FIXTURE_JOBS.unassignedToday.job), { technician: 'TECH-003', scheduled_date: '2026-06-15', start_time: '14:00' }, { 'X-Ops-User': DEMO.dispatch.email });
    expect(res.status).toBe(200);
    const job = await data(res);
    expect(job).toMatchObject({ status: 'Scheduled', technician: 'TECH-003', start_time: '14:00:00', modified_by: DEMO.dispatch.email });
    const version = erp.standin.db.prepare(`SELECT data, owner FROM tabVersion WHERE docname = ? ORDER BY creation DESC, rowid DESC LIMIT 1`).get(FIXTURE_JOBS.unassignedToday.job) as { data: string; owner: string };
    expect(version.owner).toBe(DEMO.dispatch.email);
    expect(JSON.parse(version.data).changed).toEqual(
      expect.arrayContaining([
        ['technician', null, 'TECH-003'],
        ['status', 'Unscheduled', 'Scheduled'],
        ['start_time', null, '14:00:00'],
      ]),
    );
    const [event] = lastEvents(1);
    expect(event).toMatchObject({ doctype: 'Dispatch Job', name: FIXTURE_JOBS.unassignedToday.job, action: 'update', by: DEMO.dispatch.email, modified: job.modified });
    expect(event?.changed).toEqual(expect.arrayContaining(['technician', 'status', 'scheduled_date', 'start_time']));
    expect(event?.refs).toEqual(expect.arrayContaining([{ doctype: 'Technician', name: 'TECH-003' }, { doctype: 'Customer', name: FIXTURE_JOBS.unassignedToday.customer }]));
  });

  it('taking a job back to the queue unschedules it', async () => {
    const job = await data(await send('PUT', jobPath(FIXTURE_JOBS.unassignedToday.job), { technician: null }));
    expect(job).toMatchObject({ status: 'Unscheduled' });
    // The answer is as_dict(no_nulls=True): cleared fields are left out, not null.
    expect(job).not.toHaveProperty('technician');
    expect(job).not.toHaveProperty('start_time');
  });

  it('validates links, selects, times and durations (417)', async () => {
    for (const [patch, exc] of [
      [{ technician: 'TECH-999' }, 'LinkValidationError'],
      [{ status: 'Teleported' }, 'ValidationError'],
      [{ start_time: '25:00' }, 'ValidationError'],
      [{ duration_minutes: 0 }, 'ValidationError'],
      [{ status: 'In Progress' }, 'MandatoryError'],
    ] as const) {
      const res = await send('PUT', jobPath(FIXTURE_JOBS.unassignedToday.job), patch);
      expect(res.status).toBe(417);
      expect(((await res.json()) as { exc_type: string }).exc_type).toBe(exc);
    }
  });

  it('will not move a completed job', async () => {
    const res = await send('PUT', jobPath(FIXTURE_JOBS.techToday[0]), { start_time: '15:00' });
    expect(res.status).toBe(417);
  });

  it('a save that changes nothing writes no Version but still moves `modified` and tells the listeners', async () => {
    const versions = () => (erp.standin.db.prepare('SELECT COUNT(*) AS n FROM tabVersion WHERE docname = ?').get(FIXTURE_JOBS.overlapTarget.job) as { n: number }).n;
    const before = await data<{ modified: string }>(await erpFetch(erp.base, jobPath(FIXTURE_JOBS.overlapTarget.job)));
    const count = versions();
    const res = await send('PUT', jobPath(FIXTURE_JOBS.overlapTarget.job), { technician: FIXTURE_JOBS.overlapTarget.technician });
    expect(res.status).toBe(200);
    const after = await data<{ modified: string }>(res);
    expect(after.modified > before.modified).toBe(true);
    expect(versions()).toBe(count);
    expect(lastEvents(1)[0]).toMatchObject({ name: FIXTURE_JOBS.overlapTarget.job, action: 'update', changed: [], modified: after.modified });
  });
});

describe('gigafibre.ops.set_job_status', () => {
  const call = (body: unknown, user?: string) => send('POST', '/api/method/gigafibre.ops.set_job_status', body, user ? { 'X-Ops-User': user } : {});

  it('moves the technician’s own job along and is idempotent', async () => {
    const job = FIXTURE_JOBS.techToday[2];
    const res = await call({ job, status: 'En Route' }, FIXTURE_TECHNICIANS.demo.user);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { message: { status: string } }).message.status).toBe('En Route');
    expect((await call({ job, status: 'En Route' }, FIXTURE_TECHNICIANS.demo.user)).status).toBe(200);
    expect(lastEvents(1)[0]).toMatchObject({ name: job, changed: ['status', 'en_route_at'], by: FIXTURE_TECHNICIANS.demo.user });
  });

  it('refuses impossible transitions with a French reason (417)', async () => {
    const res = await call({ job: FIXTURE_JOBS.techToday[0], status: 'En Route' });
    expect(res.status).toBe(417);
    expect(JSON.stringify(await res.json())).toContain('Changement de statut impossible');
  });

  it('refuses another technician’s job (403), unknown jobs (404), bad input (417) and GET (403)', async () => {
    expect((await call({ job: FIXTURE_JOBS.overlapTarget.job, status: 'En Route' }, FIXTURE_TECHNICIANS.demo.user)).status).toBe(403);
    expect((await call({ job: 'DJ-999999', status: 'En Route' })).status).toBe(404);
    expect((await call({ job: FIXTURE_JOBS.overlapTarget.job, status: 'Flying' })).status).toBe(417);
    expect((await call({ status: 'En Route' })).status).toBe(417);
    expect((await erpFetch(erp.base, '/api/method/gigafibre.ops.set_job_status?job=DJ-000002&status=En%20Route')).status).toBe(403);
  });
});

describe('Idempotency-Key on POST', () => {
  const equipment = (serial: string) => ({ service_location: FIXTURE_CUSTOMERS.unknownSerial.location, equipment_type: 'ONT', serial_no: serial, mac_address: 'a4e31b:aa:bb:cc', model: 'G-010G-Q' });

  it('replays the first answer and creates nothing twice', async () => {
    const first = await send('POST', '/api/resource/Service%20Equipment', equipment('ALCL0000A001'), { 'Idempotency-Key': 'scan-0001' });
    const again = await send('POST', '/api/resource/Service%20Equipment', equipment('ALCL0000A001'), { 'Idempotency-Key': 'scan-0001' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const a = await data(first);
    expect(await data(again)).toEqual(a);
    expect(a).toMatchObject({ customer: FIXTURE_CUSTOMERS.unknownSerial.customer, mac_address: 'A4:E3:1B:AA:BB:CC', status: 'Active' });
    expect(erp.standin.db.prepare(`SELECT COUNT(*) AS n FROM "tabService Equipment" WHERE serial_no = 'ALCL0000A001'`).get()).toEqual({ n: 1 });
  });

  it('refuses the same key for another request, and does not store failures', async () => {
    expect((await send('POST', '/api/resource/Service%20Equipment', equipment('ALCL0000A002'), { 'Idempotency-Key': 'scan-0001' })).status).toBe(417);
    const bad = await send('POST', '/api/resource/Service%20Equipment', { ...equipment('ALCL0000A003'), mac_address: 'zz' }, { 'Idempotency-Key': 'scan-0003' });
    expect(bad.status).toBe(417);
    const fixed = await send('POST', '/api/resource/Service%20Equipment', equipment('ALCL0000A003'), { 'Idempotency-Key': 'scan-0003' });
    expect(fixed.status).toBe(200);
  });

  it('a duplicate serial without a key is a DuplicateEntryError (409)', async () => {
    const res = await send('POST', '/api/resource/Service%20Equipment', equipment(FIXTURE_CUSTOMERS.badOptical.ont.serial));
    expect(res.status).toBe(409);
    expect(((await res.json()) as { exc_type: string }).exc_type).toBe('DuplicateEntryError');
  });
});

describe('other ERP behaviour', () => {
  it('keeps Version read-only (403 PermissionError)', async () => {
    const res = await send('POST', '/api/resource/Version', { ref_doctype: 'Customer', docname: 'x', data: '{}' });
    expect(res.status).toBe(403);
  });

  it('refuses to delete a linked document (417 LinkExistsError)', async () => {
    const res = await erpFetch(erp.base, `/api/resource/Customer/${FIXTURE_CUSTOMERS.badOptical.customer}`, { method: 'DELETE' });
    expect(res.status).toBe(417);
    expect(((await res.json()) as { exc_type: string }).exc_type).toBe('LinkExistsError');
  });

  it('answers werkzeug’s 405 for a method the resource does not take', async () => {
    const res = await erpFetch(erp.base, '/api/resource/Customer/CUST-00001', { method: 'PATCH' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
  });

  it('finds a customer by phone digits typed any way, and today’s jobs by timespan', async () => {
    const list = await data<{ name: string }[]>(await erpFetch(erp.base, resourceUrl('Customer', { filters: [['custom_phone_digits', 'like', '%5550142%']] })));
    expect(list).toEqual([{ name: FIXTURE_CUSTOMERS.badOptical.customer }]);
    const today = await data<{ name: string }[]>(await erpFetch(erp.base, resourceUrl('Dispatch Job', { filters: { technician: FIXTURE_TECHNICIANS.demo.technician, scheduled_date: ['timespan', 'today'] }, order_by: 'start_time asc' })));
    expect(today.map((j) => j.name)).toEqual([...FIXTURE_JOBS.techToday]);
  });

  it('answers contains-searches through the trigram index exactly as a plain LIKE', async () => {
    const cases: [string, string, string][] = [
      ['Customer', 'customer_name', '%trem%'],
      ['Customer', 'customer_name', '%TREM%'],
      ['Customer', 'customer_name', '%côté%'],
      ['Customer', 'customer_name', '%CÔTÉ%'],
      ['Customer', 'custom_phone_digits', '%555%'],
      ['Customer', 'mobile_no', '%(514)%'],
      ['Customer', 'email_id', '%gmail%'],
      ['Service Equipment', 'serial_no', '%b2c4%'],
      ['Service Equipment', 'mac_address', '%E8:48:B8%'],
      ['Service Location', 'postal_code', 'H2_ %'],
      ['Service Location', 'address_line', '%rue saint%'],
    ];
    for (const [doctype, field, pattern] of cases) {
      const api = await data<{ name: string }[]>(await erpFetch(erp.base, resourceUrl(doctype, { filters: [[field, 'like', pattern]], limit_page_length: '0', order_by: 'name asc' })));
      const plain = erp.standin.db.prepare(`SELECT name FROM "tab${doctype}" WHERE "${field}" LIKE ? ORDER BY name`).all(pattern);
      expect(api, `${doctype}.${field} like ${pattern}`).toEqual(plain);
    }
  });

  it('pages broad and narrow searches exactly like a plain LIKE in the same order', async () => {
    for (const pattern of ['%555%', '%a%', '%ier%', '%tremblay%', '%(514)%']) {
      const field = pattern.includes('5') ? 'mobile_no' : 'customer_name';
      const api = await data<{ name: string }[]>(await erpFetch(erp.base, resourceUrl('Customer', { filters: [[field, 'like', pattern]], limit_page_length: '7', limit_start: '3' })));
      const plain = erp.standin.db.prepare(`SELECT name FROM tabCustomer WHERE "${field}" LIKE ? ORDER BY modified DESC, rowid DESC LIMIT 7 OFFSET 3`).all(pattern);
      expect(api, pattern).toEqual(plain);
    }
  });

  it('keeps the search index in step with inserts, updates and deletes', async () => {
    const created = await data<{ name: string }>(await send('POST', '/api/resource/Customer', { customer_name: 'Zébulon Quirion-Xavier', customer_type: 'Individual' }));
    const find = async (pattern: string) => data<{ name: string }[]>(await erpFetch(erp.base, resourceUrl('Customer', { filters: [['customer_name', 'like', pattern]] })));
    expect(await find('%quirion-x%')).toEqual([{ name: created.name }]);
    await send('PUT', `/api/resource/Customer/${created.name}`, { customer_name: 'Zébulon Tanguay-Xavier' });
    expect(await find('%quirion-x%')).toEqual([]);
    expect(await find('%tanguay-x%')).toEqual([{ name: created.name }]);
    await erpFetch(erp.base, `/api/resource/Customer/${created.name}`, { method: 'DELETE' });
    expect(await find('%tanguay-x%')).toEqual([]);
  });

  it('sums a customer’s balance with an aggregate', async () => {
    const rows = await data<{ due: number }[]>(
      await erpFetch(erp.base, resourceUrl('Sales Invoice', { fields: ['sum(outstanding_amount) as due'], filters: { customer: FIXTURE_CUSTOMERS.overdue.customer } })),
    );
    expect(rows[0]?.due).toBeCloseTo(344.92, 2);
  });

  it('defaults Comment authorship from X-Ops-User and names the customer in the event', async () => {
    const res = await send('POST', '/api/resource/Comment', { reference_doctype: 'Customer', reference_name: 'CUST-00002', comment_type: 'Comment', content: 'Rappeler demain.' }, { 'X-Ops-User': DEMO.support.email });
    const comment = await data(res);
    expect(comment).toMatchObject({ comment_email: DEMO.support.email, comment_by: DEMO.support.name, owner: DEMO.support.email });
    expect(lastEvents(1)[0]?.refs).toEqual([{ doctype: 'Customer', name: 'CUST-00002' }]);
  });
});
