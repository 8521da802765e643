// Paths are checked and decoded once, before anything routes on them: every ambiguous form is a
// 400 JSON and reaches no upstream. Sent as raw bytes, so no client library normalises them first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { listen, rawRequest } from './rawHttp';
import { buildApp, SECRETS, testEnv, tokenFor, type TestApp } from './testEnv';

let erp: FakeUpstream;
let hub: FakeUpstream;
let t: TestApp;
let admin: string;

beforeAll(async () => {
  erp = await startFakeUpstream();
  hub = await startFakeUpstream();
  t = buildApp(testEnv(erp.url, hub.url));
  admin = await tokenFor(['ops-admin'], 'admin@gigafibre.ca');
});
afterAll(async () => {
  t.app.closeUpstreams();
  await Promise.all([erp.close(), hub.close()]);
});

describe('path normalisation before policy', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    server = await listen(t.app);
  });
  afterAll(() => server.close());

  const traversals = [
    '/ops/api/erp/resource/Customer/../User',
    '/ops/api/erp/resource/Customer/%2e%2e/User',
    '/ops/api/erp/resource/Customer/%2E%2E/User',
    '/ops/api/erp/resource/Customer/./CUST-1',
    '/ops/api/erp/resource/Customer%2F..%2FUser',
    '/ops/api/erp/resource/Customer%2fCUST-1',
    '/ops/api/erp/resource/Customer%5C..%5CUser',
    '/ops/api/erp/resource/Customer\\..\\User',
    '/ops/api/erp/resource/Customer/%252e%252e/User',
    '/ops/api/erp/resource/Customer/%252F',
    '/ops/api/erp/resource/Customer/CUST%00-1',
    '/ops/api/erp/resource/Customer/CUST%0d%0aX-Injected:%201',
    '/ops/api/erp/resource//Customer',
    '/ops/api/erp/resource/Customer/',
    '/ops/api/erp/resource/Customer/%',
    '/ops/api/erp/resource/Customer/%E0%A4%A',
    '/ops/api/hub/../erp/resource/User',
    '/ops/api/hub/devices/lookup?serial=%00',
    '/ops/api/hub/devices/lookup#frag',
    '/ops/../ops/api/me',
    `/ops/api/erp/resource/${'a'.repeat(2100)}`,
    `/ops/api/erp${'/x'.repeat(40)}`,
  ];

  it.each(traversals)('%s → 400 JSON', async (target) => {
    const before = erp.requests.length + hub.requests.length;
    const res = await rawRequest(server.port, target, { 'X-Authentik-Jwt': admin });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'bad_path', requestId: expect.any(String) });
    expect(String(body.message)).toMatch(/^Chemin refusé/);
    expect(erp.requests.length + hub.requests.length).toBe(before);
    for (const secret of SECRETS) expect(`${res.headers}\n${res.body}`).not.toContain(secret);
  });

  it('refuses them without identity too (nothing is decoded twice)', async () => {
    const res = await rawRequest(server.port, '/ops/api/erp/resource/%2e%2e/x');
    expect(res.status).toBe(400);
  });
});
