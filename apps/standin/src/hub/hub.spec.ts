// targo-hub contract: auth, devices (lookup and GenieACS tasks) and Traccar.
import type { DeviceLookup, TraccarDevice, TraccarPosition } from '@gigafibre/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CUSTOMERS, FIXTURE_SERIALS, FIXTURE_TECHNICIANS } from '../seed/fixtures';
import type { Standin } from '../standin';
import { startStandin } from '../standin';
import { hubFetch, testConfig, TEST_NOW } from '../testing/harness';

let standin: Standin;
let base: string;
let clock = TEST_NOW.getTime();

beforeAll(async () => {
  standin = await startStandin(testConfig({ services: ['hub'] }), { now: () => new Date(clock) });
  base = standin.urls.hub as string;
});
afterAll(() => standin.close());

const lookup = async (serial: string) => {
  const res = await hubFetch(base, `/devices/lookup?serial=${encodeURIComponent(serial)}`);
  return { status: res.status, body: (await res.json()) as DeviceLookup & { error?: string } };
};
const task = (id: string, body: unknown, connectionRequest = true) =>
  hubFetch(base, `/devices/${encodeURIComponent(id)}/tasks${connectionRequest ? '?connection_request' : ''}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

describe('hub auth', () => {
  it('answers /health without a token and everything else only with the bearer token', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const none = await fetch(`${base}/devices/lookup?serial=X`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: expect.any(String) });
    expect((await fetch(`${base}/events`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${base}/auth/users`, { headers: { Authorization: 'token standin-key:standin-secret' } })).status).toBe(401);
  });

  it('answers unknown routes with 404 JSON and wrong methods with 405', async () => {
    expect((await hubFetch(base, '/nowhere')).status).toBe(404);
    const res = await hubFetch(base, '/devices/lookup', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});

describe('GET /devices/lookup', () => {
  it('reports a bad optical level', async () => {
    const { status, body } = await lookup(FIXTURE_CUSTOMERS.badOptical.ont.serial);
    expect(status).toBe(200);
    expect(body.device).toMatchObject({ serial: FIXTURE_CUSTOMERS.badOptical.ont.serial, model: 'G-010G-Q', manufacturer: 'Nokia', online: true });
    expect(body.opticalStatus[0]).toMatchObject({ rxPowerDbm: -28.4, status: 'bad' });
  });

  it('reports marginal and overload levels', async () => {
    expect((await lookup(FIXTURE_CUSTOMERS.marginalOptical.ont.serial)).body.opticalStatus[0]).toMatchObject({ rxPowerDbm: -26.2, status: 'marginal' });
    expect((await lookup(FIXTURE_CUSTOMERS.overloadOptical.ont.serial)).body.opticalStatus[0]).toMatchObject({ rxPowerDbm: -6.5, status: 'bad' });
  });

  it('reports an offline device with its last inform hours ago', async () => {
    const { body } = await lookup(FIXTURE_CUSTOMERS.offline.router?.serial as string);
    expect(body.device.online).toBe(false);
    const hours = (TEST_NOW.getTime() - Date.parse(body.device.lastInform)) / 3_600_000;
    expect(hours).toBeGreaterThanOrEqual(3);
    expect(hours).toBeLessThan(3.6);
  });

  it('shows Wi-Fi and the mesh tree, and finds the router from a mesh node’s serial', async () => {
    const { body } = await lookup(FIXTURE_CUSTOMERS.healthyMesh.router?.serial as string);
    expect(body.wifi.radios.map((r) => r.band)).toEqual(['2.4GHz', '5GHz']);
    expect(body.wifi.clients.length).toBeGreaterThan(0);
    expect(body.mesh.nodes.map((n) => [n.serial, n.backhaul, n.qualityPercent])).toEqual([
      [FIXTURE_CUSTOMERS.healthyMesh.router?.serial, null, null],
      [FIXTURE_CUSTOMERS.healthyMesh.mesh?.[0]?.serial, 'wired', null],
      [FIXTURE_CUSTOMERS.healthyMesh.mesh?.[1]?.serial, 'wireless', 78],
    ]);
    const viaNode = await lookup(FIXTURE_CUSTOMERS.healthyMesh.mesh?.[1]?.serial as string);
    expect(viaNode.body.device.serial).toBe(FIXTURE_CUSTOMERS.healthyMesh.router?.serial);
  });

  it('answers 404 for serials the ACS does not know, 400 for missing or invalid ones', async () => {
    expect((await lookup(FIXTURE_CUSTOMERS.unknownSerial.ont.serial)).status).toBe(404);
    expect((await lookup(FIXTURE_SERIALS.nowhere)).status).toBe(404);
    expect((await hubFetch(base, '/devices/lookup')).status).toBe(400);
    expect((await lookup("' OR 1=1 --")).status).toBe(400);
    expect((await hubFetch(base, '/devices/lookup?serial=A&serial=B')).status).toBe(400);
  });

  it('keeps an online device online as time passes (periodic informs)', async () => {
    clock = TEST_NOW.getTime() + 3 * 3_600_000;
    try {
      const { body } = await lookup(FIXTURE_CUSTOMERS.healthyMesh.ont.serial);
      expect(body.device.online).toBe(true);
      expect(Date.parse(body.device.lastInform)).toBeGreaterThan(clock - 5 * 60_000);
    } finally {
      clock = TEST_NOW.getTime();
    }
  });
});

describe('POST /devices/<id>/tasks', () => {
  it('reboots an online device: 200 done, uptime restarts', async () => {
    const { body } = await lookup(FIXTURE_CUSTOMERS.business.ont.serial);
    expect(body.device.uptimeSeconds).toBeGreaterThan(3600);
    const res = await task(body.device.id, { name: 'reboot' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'done', task: { name: 'reboot', device: body.device.id } });
    expect((await lookup(FIXTURE_CUSTOMERS.business.ont.serial)).body.device.uptimeSeconds).toBe(0);
  });

  it('refreshes an object: timestamps move to now', async () => {
    clock = TEST_NOW.getTime() + 60_000;
    try {
      const { body } = await lookup(FIXTURE_CUSTOMERS.badOptical.ont.serial);
      const res = await task(body.device.id, { name: 'refreshObject', objectName: 'Device.Optical.' });
      expect(res.status).toBe(200);
      expect((await lookup(FIXTURE_CUSTOMERS.badOptical.ont.serial)).body.device.lastInform).toBe(new Date(clock).toISOString());
    } finally {
      clock = TEST_NOW.getTime();
    }
  });

  it('queues tasks for an offline device (202) or without a connection request', async () => {
    const offline = (await lookup(FIXTURE_CUSTOMERS.offline.ont.serial)).body.device.id;
    const res = await task(offline, { name: 'reboot' });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ status: 'queued' });
    const online = (await lookup(FIXTURE_CUSTOMERS.marginalOptical.ont.serial)).body.device.id;
    expect((await task(online, { name: 'refreshObject' }, false)).status).toBe(202);
  });

  it('records each task in the client’s ERPNext history: an Info Comment by the person who asked', async () => {
    const comments = () =>
      standin.db
        .prepare(`SELECT comment_type, content, comment_email, owner FROM "tabComment" WHERE reference_doctype = 'Customer' AND reference_name = ? ORDER BY creation`)
        .all(FIXTURE_CUSTOMERS.business.customer) as { comment_type: string; content: string; comment_email: string; owner: string }[];
    const before = comments().length;
    const { body } = await lookup(FIXTURE_CUSTOMERS.business.ont.serial);
    const res = await hubFetch(base, `/devices/${encodeURIComponent(body.device.id)}/tasks?connection_request`, {
      method: 'POST',
      body: JSON.stringify({ name: 'refreshObject' }),
      headers: { 'Content-Type': 'application/json', 'X-Ops-User': 'Support@Gigafibre.ca' },
    });
    expect(res.status).toBe(200);
    expect(comments().slice(before)).toEqual([
      { comment_type: 'Info', content: `Actualisation des données de l’appareil ONT ${FIXTURE_CUSTOMERS.business.ont.serial} (fait)`, comment_email: 'support@gigafibre.ca', owner: 'support@gigafibre.ca' },
    ]);
    // A refused task records nothing.
    expect((await task(body.device.id, { name: 'format' })).status).toBe(400);
    expect(comments()).toHaveLength(before + 1);
  });

  it('answers 404 for an unknown device and 400 for an unknown task or object', async () => {
    expect((await task('NOPE-NOPE-NOPE', { name: 'reboot' })).status).toBe(404);
    const id = (await lookup(FIXTURE_CUSTOMERS.marginalOptical.ont.serial)).body.device.id;
    expect((await task(id, { name: 'format' })).status).toBe(400);
    expect((await task(id, { name: 'refreshObject', objectName: 'Device; rm -rf' })).status).toBe(400);
    const bad = await hubFetch(base, `/devices/${encodeURIComponent(id)}/tasks`, { method: 'POST', body: '{' });
    expect(bad.status).toBe(400);
  });
});

describe('Traccar', () => {
  it('lists one device per technician', async () => {
    const devices = (await (await hubFetch(base, '/traccar/devices')).json()) as TraccarDevice[];
    expect(devices.length).toBe(40);
    expect(devices.find((d) => d.id === FIXTURE_TECHNICIANS.demo.traccarDeviceId)).toMatchObject({ status: 'online' });
  });

  it('gives the latest position of one device, parked at a job or on the road', async () => {
    const res = await hubFetch(base, `/traccar/positions?deviceId=${FIXTURE_TECHNICIANS.demo.traccarDeviceId}`);
    const [pos] = (await res.json()) as TraccarPosition[];
    // 10:30: the demo technician is at the 10:00 job (the business fixture).
    expect(pos).toMatchObject({ deviceId: FIXTURE_TECHNICIANS.demo.traccarDeviceId, latitude: FIXTURE_CUSTOMERS.business.lat, longitude: FIXTURE_CUSTOMERS.business.lon, speed: 0, valid: true });
    expect(Date.parse(pos?.fixTime ?? '')).toBeLessThanOrEqual(TEST_NOW.getTime());
  });

  it('returns a route between two dates', async () => {
    const from = new Date(TEST_NOW.getTime() - 3 * 3_600_000).toISOString();
    const res = await hubFetch(base, `/traccar/positions?deviceId=${FIXTURE_TECHNICIANS.demo.traccarDeviceId}&from=${from}&to=${TEST_NOW.toISOString()}`);
    const positions = (await res.json()) as TraccarPosition[];
    expect(positions.length).toBeGreaterThan(100);
    expect(positions.some((p) => p.speed > 0)).toBe(true);
  });

  it('needs exactly one numeric deviceId (400) of a known device (404)', async () => {
    expect((await hubFetch(base, '/traccar/positions')).status).toBe(400);
    expect((await hubFetch(base, '/traccar/positions?deviceId=101&deviceId=102')).status).toBe(400);
    expect((await hubFetch(base, '/traccar/positions?deviceId=abc')).status).toBe(400);
    expect((await hubFetch(base, '/traccar/positions?deviceId=99999')).status).toBe(404);
  });
});
