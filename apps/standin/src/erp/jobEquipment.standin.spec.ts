// Linking scanned equipment through gigafibre.ops.link_job_equipment (contract:
// packages/contracts/src/jobEquipment.ts): one call creates or moves the unit within the job's
// client, writes the same Service Equipment the phone's POST and PUT wrote, never crosses clients,
// and replays under an Idempotency-Key.
import { montrealToday, otherClientSerialMessage } from '@gigafibre/contracts';
import { describe, expect, it } from 'vitest';
import { FIXTURE_TECHNICIANS } from '../seed/fixtures';
import { erpFetch, TEST_NOW, useTestErp } from '../testing/harness';

const erp = useTestErp();

const TECH = FIXTURE_TECHNICIANS.demo.user;
const PATH = '/api/method/gigafibre.ops.link_job_equipment';
const call = (body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
  erpFetch(erp.base, PATH, { method, headers: { 'Content-Type': 'application/json', 'X-Ops-User': TECH, ...headers }, ...(method === 'POST' ? { body: JSON.stringify(body) } : {}) });
type Row = Record<string, unknown>;
const one = (sql: string, ...args: unknown[]) => erp.standin.db.prepare(sql).get(...args) as Row | undefined;
const bySerial = (serial: string) => one('SELECT * FROM "tabService Equipment" WHERE serial_no = ?', serial);
const count = (serial: string) => (one('SELECT COUNT(*) AS n FROM "tabService Equipment" WHERE serial_no = ?', serial) as { n: number }).n;
/** One of the demo technician's jobs. */
const ownJob = () => one('SELECT * FROM "tabDispatch Job" WHERE technician = ? ORDER BY name LIMIT 1', FIXTURE_TECHNICIANS.demo.technician) as Row;

describe('link_job_equipment', () => {
  it('creates the unit at the job’s location, for its client, in one call; a replay under the key writes nothing', async () => {
    const job = ownJob();
    const body = { job: job.name, serial_no: 'GFTEST000001', equipment_type: 'ONT', mac_address: 'AA:BB:CC:00:00:01', model: 'G-140W', manufacturer: 'Nokia' };
    const first = await call(body, { 'Idempotency-Key': 'link-key-0001' });
    const text = await first.text();
    expect(first.status, text).toBe(200);
    const saved = bySerial('GFTEST000001') as Row;
    expect(saved).toMatchObject({
      service_location: job.service_location,
      customer: job.customer,
      dispatch_job: job.name,
      status: 'Active',
      installed_on: montrealToday(TEST_NOW),
      equipment_type: 'ONT',
      mac_address: 'AA:BB:CC:00:00:01',
      model: 'G-140W',
      manufacturer: 'Nokia',
    });
    expect((JSON.parse(text) as { message: Row }).message).toMatchObject({ name: saved.name, serial_no: 'GFTEST000001' });
    const again = await call(body, { 'Idempotency-Key': 'link-key-0001' });
    expect(await again.text()).toBe(text);
    // Without the key, after success: the unit is already there, nothing is written.
    const before = one('SELECT modified FROM "tabService Equipment" WHERE name = ?', saved.name);
    expect((await call(body)).status).toBe(200);
    expect(one('SELECT modified FROM "tabService Equipment" WHERE name = ?', saved.name)).toEqual(before);
    expect(count('GFTEST000001')).toBe(1);
  });

  it('moves a unit of the same client from another location onto the job (the same document, updated)', async () => {
    const job = ownJob();
    const other = one('SELECT name FROM "tabService Location" WHERE customer = ? AND name != ? LIMIT 1', job.customer, job.service_location);
    const elsewhere = other?.name ?? job.service_location;
    const made = await erpFetch(erp.base, '/api/resource/Service%20Equipment', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service_location: elsewhere, serial_no: 'GFTEST000002', equipment_type: 'Router', status: 'In Stock' }),
    });
    expect(made.status).toBe(200);
    const name = String(bySerial('GFTEST000002')?.name);
    const res = await call({ job: job.name, serial_no: 'GFTEST000002', equipment_type: 'Router' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(bySerial('GFTEST000002')).toMatchObject({ name, service_location: job.service_location, dispatch_job: job.name, status: 'Active', customer: job.customer });
    expect(count('GFTEST000002')).toBe(1);
  });

  it('refuses a serial registered at another client (409, in French), and changes nothing', async () => {
    const job = ownJob();
    const foreign = one('SELECT * FROM "tabService Equipment" WHERE customer IS NOT NULL AND customer != ? LIMIT 1', job.customer) as Row;
    const res = await call({ job: job.name, serial_no: foreign.serial_no, equipment_type: 'ONT' });
    expect(res.status).toBe(409);
    expect(JSON.stringify(await res.json())).toContain(JSON.stringify(otherClientSerialMessage(String(foreign.serial_no))).slice(1, -1));
    expect(bySerial(String(foreign.serial_no))).toEqual(foreign);
  });

  it('refuses another technician’s job (403), bad arguments (417) and a GET (403)', async () => {
    const theirs = one('SELECT name FROM "tabDispatch Job" WHERE technician IS NOT NULL AND technician != ? LIMIT 1', FIXTURE_TECHNICIANS.demo.technician) as Row;
    expect((await call({ job: theirs.name, serial_no: 'GFTEST000003', equipment_type: 'ONT' })).status).toBe(403);
    expect((await call({ job: ownJob().name, serial_no: '', equipment_type: 'ONT' })).status).toBe(417);
    expect((await call({ job: ownJob().name, serial_no: 'GFTEST000004', equipment_type: 'Toaster' })).status).toBe(417);
    expect((await call({ job: 'DJ-999999', serial_no: 'GFTEST000005', equipment_type: 'ONT' })).status).toBe(404);
    expect((await call(null, {}, 'GET')).status).toBe(403);
    expect(count('GFTEST000003') + count('GFTEST000004') + count('GFTEST000005')).toBe(0);
  });
});
