import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { buildApp, testEnv, tokenFor, type TestApp } from './testEnv';

let erp: FakeUpstream;
let token: string;
let sameHost: TestApp;
let configured: TestApp;

beforeAll(async () => {
  erp = await startFakeUpstream();
  token = await tokenFor(['ops-admin']);
  sameHost = buildApp(testEnv(erp.url, erp.url));
  configured = buildApp(testEnv(erp.url, erp.url, { OPS_PUBLIC_ORIGIN: 'https://erp.gigafibre.ca, http://localhost:8080' }));
});
afterAll(async () => {
  sameHost.app.closeUpstreams();
  configured.app.closeUpstreams();
  await erp.close();
});

const put = (t: TestApp, headers: Record<string, string>) =>
  request(t.app).put('/ops/api/erp/resource/Dispatch%20Job/DJ-000001').set('X-Authentik-Jwt', token).set(headers).send({ status: 'Scheduled' });

function expectRefused(res: request.Response, reason: string, before: number): void {
  expect(res.status).toBe(403);
  expect(res.body).toMatchObject({ error: 'csrf', reason, requestId: expect.any(String) });
  expect(erp.requests.length).toBe(before);
}

describe('CSRF', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s without X-Requested-With → 403', async (method) => {
    const before = erp.requests.length;
    const res = await request(sameHost.app)[method.toLowerCase() as 'post']('/ops/api/erp/resource/Comment').set('X-Authentik-Jwt', token);
    expectRefused(res, 'missing_header', before);
  });

  it('refuses a wrong X-Requested-With value', async () => {
    const before = erp.requests.length;
    expectRefused(await put(sameHost, { 'X-Requested-With': 'XMLHttpRequest' }), 'missing_header', before);
  });

  it('refuses a cross-site Origin (same-host mode)', async () => {
    const before = erp.requests.length;
    expectRefused(await put(sameHost, { 'X-Requested-With': 'gigafibre-ops', Origin: 'https://evil.example' }), 'cross_origin', before);
    expectRefused(await put(sameHost, { 'X-Requested-With': 'gigafibre-ops', Origin: 'null' }), 'cross_origin', before);
  });

  it('accepts the request’s own host as Origin, or no Origin at all', async () => {
    const res = await request(sameHost.app)
      .put('/ops/api/erp/resource/Dispatch%20Job/DJ-000001')
      .set('X-Authentik-Jwt', token)
      .set('X-Requested-With', 'gigafibre-ops')
      .set('Host', 'erp.gigafibre.ca')
      .set('Origin', 'https://erp.gigafibre.ca')
      .send({});
    expect(res.status).toBe(200);
    expect((await put(sameHost, { 'X-Requested-With': 'gigafibre-ops' })).status).toBe(200);
  });

  it('with OPS_PUBLIC_ORIGIN, accepts only the listed origins', async () => {
    expect((await put(configured, { 'X-Requested-With': 'gigafibre-ops', Origin: 'https://erp.gigafibre.ca' })).status).toBe(200);
    expect((await put(configured, { 'X-Requested-With': 'gigafibre-ops', Origin: 'http://localhost:8080' })).status).toBe(200);
    const before = erp.requests.length;
    expectRefused(await put(configured, { 'X-Requested-With': 'gigafibre-ops', Origin: 'https://erp.gigafibre.ca.evil.example' }), 'cross_origin', before);
    expectRefused(await put(configured, { 'X-Requested-With': 'gigafibre-ops', Origin: 'http://erp.gigafibre.ca' }), 'cross_origin', before);
  });

  it('leaves reads alone', async () => {
    const res = await request(sameHost.app).get('/ops/api/erp/resource/Customer').set('X-Authentik-Jwt', token).set('Origin', 'https://elsewhere.example');
    expect(res.status).toBe(200);
  });
});
