// Outage incidents through the BFF (issue 20): support and dispatch read them; a technician reads
// only the list of what is down (the banner), not whom it touches; and Uptime-Kuma's webhook is not reachable through the BFF whoever asks (it goes to the hub).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { buildApp, HUB_TOKEN, testEnv, tokenFor, type TestApp } from './testEnv';

let erp: FakeUpstream;
let hub: FakeUpstream;
let t: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  erp = await startFakeUpstream();
  hub = await startFakeUpstream();
  t = buildApp(testEnv(erp.url, hub.url, { LOG_LEVEL: 'warn' }));
  for (const group of ['ops-support', 'ops-dispatch', 'ops-tech', 'ops-admin', 'ops-noc']) tokens[group] = await tokenFor([group], `${group}@gigafibre.ca`);
});
afterAll(async () => {
  t.app.closeUpstreams();
  await Promise.all([erp.close(), hub.close()]);
});

describe('incidents through the BFF', () => {
  it('lets support, dispatch and the NOC read incidents and the affected index, with the service token', async () => {
    hub.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: [] }));
    });
    for (const group of ['ops-support', 'ops-dispatch', 'ops-noc']) {
      for (const path of ['/incidents?status=open', '/incidents/affected-index', '/incidents/INC-000001/affected?limit=100&cursor=LOC-000010']) {
        const res = await request(t.app).get(`/ops/api/hub${path}`).set('X-Authentik-Jwt', tokens[group] as string);
        expect(res.status, `${group} ${path}`).toBe(200);
        expect(hub.requests.at(-1)?.url).toBe(path);
        expect(hub.requests.at(-1)?.headers.authorization).toBe(`Bearer ${HUB_TOKEN}`);
      }
    }
  });

  it('lets a technician read what is down (the banner) but refuses whom it touches (403 naming the capability), reaching nothing', async () => {
    const list = await request(t.app).get('/ops/api/hub/incidents?status=open').set('X-Authentik-Jwt', tokens['ops-tech'] as string);
    expect(list.status).toBe(200);
    for (const path of ['/incidents/affected-index', '/incidents/INC-000001', '/incidents/INC-000001/affected?limit=100']) {
      const before = hub.requests.length;
      const res = await request(t.app).get(`/ops/api/hub${path}`).set('X-Authentik-Jwt', tokens['ops-tech'] as string);
      expect(res.status, path).toBe(403);
      expect(res.body).toMatchObject({ reason: 'missing_capability', missing: ['incidents.view'] });
      expect(hub.requests.length).toBe(before);
    }
  });

  it('never forwards Uptime-Kuma’s webhook, even for an admin', async () => {
    const before = hub.requests.length;
    const res = await request(t.app)
      .post('/ops/api/hub/webhooks/uptime-kuma')
      .set('X-Authentik-Jwt', tokens['ops-admin'] as string)
      .set('X-Requested-With', 'gigafibre-ops')
      .send({ heartbeat: null, monitor: null, msg: 'test' });
    expect(res.status).toBe(403);
    expect(hub.requests.length).toBe(before);
  });
});
