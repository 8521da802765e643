import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Standin } from '../standin';
import { erpFetch, hubFetch, startTestStandin } from '../testing/harness';
import { FaultClient } from './client';
import { parseFaultRule } from './store';

let standin: Standin;
let off: Standin;

beforeAll(async () => {
  standin = await startTestStandin({ faults: true, bffUrls: ['http://127.0.0.1:9'] });
  off = await startTestStandin({ services: ['erp', 'hub'], faults: false });
});
afterAll(async () => {
  await standin.close();
  await off.close();
});

describe('fault injection', () => {
  it('is refused (404) when STANDIN_FAULTS is not 1', async () => {
    for (const url of [off.urls.erp, off.urls.hub]) {
      const res = await fetch(`${url as string}/__faults`, { method: 'POST', body: JSON.stringify({ path: '/', status: 500 }) });
      expect(res.status).toBe(404);
    }
    await expect(new FaultClient(off.urls.erp as string).inject({ path: '/', status: 500 })).rejects.toThrow(/404/);
  });

  it('forces a status with a body for the next N matching requests (ERP)', async () => {
    const faults = new FaultClient(standin.urls.erp as string);
    await faults.inject({ path: '/api/resource/Customer', status: 429, body: { exc_type: 'TooManyRequestsError' }, count: 2 });
    expect((await faults.list())[0]).toMatchObject({ remaining: 2, status: 429 });
    for (let i = 0; i < 2; i++) {
      const res = await erpFetch(standin.urls.erp as string, '/api/resource/Customer');
      expect(res.status).toBe(429);
      expect(await res.json()).toEqual({ exc_type: 'TooManyRequestsError' });
    }
    expect((await erpFetch(standin.urls.erp as string, '/api/resource/Customer')).status).toBe(200);
    expect(await faults.list()).toEqual([]);
  });

  it('answers a forced status with the rule’s headers (a 429 and its Retry-After)', async () => {
    const faults = new FaultClient(standin.urls.hub as string);
    await faults.inject({ path: '/vision/', method: 'POST', status: 429, headers: { 'Retry-After': '3' }, body: { error: 'rate_limited' } });
    const res = await hubFetch(standin.urls.hub as string, '/vision/equipment', { method: 'POST' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: 'rate_limited' });
  });

  it('adds latency, then lets the request through (hub)', async () => {
    const faults = new FaultClient(standin.urls.hub as string);
    await faults.inject({ path: '/traccar/', latencyMs: 300 });
    const started = Date.now();
    const res = await hubFetch(standin.urls.hub as string, '/traccar/devices');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('resets the connection', async () => {
    const faults = new FaultClient(standin.urls.hub as string);
    await faults.inject({ path: '/vision/', method: 'post', reset: true });
    await expect(hubFetch(standin.urls.hub as string, '/vision/barcodes', { method: 'POST', body: 'x' })).rejects.toThrow();
  });

  it('matches the method when given and clears everything on DELETE', async () => {
    const faults = new FaultClient(standin.urls.erp as string);
    await faults.inject({ path: '/api/', method: 'PUT', status: 503, count: 5 });
    expect((await erpFetch(standin.urls.erp as string, '/api/resource/Customer')).status).toBe(200);
    await faults.clear();
    expect(await faults.list()).toEqual([]);
  });

  it('simulates an expired session on the edge (302 to the outpost start)', async () => {
    const faults = new FaultClient(standin.urls.edge as string);
    await faults.inject({ path: '/ops/api/', signIn: true });
    const res = await fetch(`${standin.urls.edge as string}/ops/api/hub/vision/equipment`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/outpost.goauthentik.io/start?rd=${encodeURIComponent(`http://${new URL(standin.urls.edge as string).host}/ops/api/hub/vision/equipment`)}`);
  });

  it('matches rules written with spaces against percent-encoded request paths', async () => {
    const faults = new FaultClient(standin.urls.erp as string);
    await faults.inject({ path: '/api/resource/Dispatch Job', status: 503 });
    expect((await erpFetch(standin.urls.erp as string, '/api/resource/Dispatch%20Job')).status).toBe(503);
    expect((await erpFetch(standin.urls.erp as string, '/api/resource/Dispatch%20Job')).status).toBe(200);
  });

  it('applies a rule with a cookie only to requests carrying it (one browser among parallel tests)', async () => {
    const faults = new FaultClient(standin.urls.edge as string);
    await faults.inject({ path: '/ops/api/', signIn: true, cookie: 'authentik_proxy_standin=mine' });
    await fetch(`${standin.urls.edge as string}/ops/api/me`, { redirect: 'manual', headers: { Cookie: 'authentik_proxy_standin=theirs' } });
    await fetch(`${standin.urls.edge as string}/ops/api/me`, { redirect: 'manual' });
    expect(await faults.list()).toMatchObject([{ remaining: 1 }]); // other browsers' requests did not use it up
    const mine = await fetch(`${standin.urls.edge as string}/ops/api/me`, { redirect: 'manual', headers: { Cookie: 'a=1; authentik_proxy_standin=mine' } });
    expect(mine.status).toBe(302);
    expect(await faults.list()).toEqual([]);
  });

  it('applies a rule with a query only to requests whose decoded query contains it', async () => {
    const faults = new FaultClient(standin.urls.erp as string);
    await faults.inject({ path: '/api/resource/Customer', status: 503, query: '"name","=","CUST-1"' });
    const list = (filter: string) => erpFetch(standin.urls.erp as string, `/api/resource/Customer?filters=${encodeURIComponent(filter)}`);
    expect((await list('[["name","=","CUST-2"]]')).status).toBe(200);
    expect((await list('[["name","=","CUST-1"]]')).status).toBe(503);
    expect(await faults.list()).toEqual([]);
  });

  it('validates rules', async () => {
    expect(() => parseFaultRule({ path: 'no-slash', status: 500 })).toThrow(/path/);
    expect(() => parseFaultRule({ path: '/x' })).toThrow(/latencyMs, status, reset, signIn ou sms/);
    expect(() => parseFaultRule({ path: '/x', status: 700 })).toThrow();
    expect(() => parseFaultRule({ path: '/x', status: 500, extra: 1 })).toThrow();
    expect(() => parseFaultRule({ path: '/x', status: 429, headers: { 'Retry-After': '1\r\nX-Evil: 1' } })).toThrow(/headers/);
    expect(() => parseFaultRule({ path: '/x', status: 429, headers: { 'Bad Name': '1' } })).toThrow(/headers/);
    const res = await fetch(`${standin.urls.hub as string}/__faults`, { method: 'POST', body: '{' });
    expect(res.status).toBe(400);
  });
});
