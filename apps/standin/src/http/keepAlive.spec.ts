// Keep-alive safety of the standin's own early answers (issue 15), over real sockets: the ERP and
// the hub refusing a token, the edge redirecting to sign-in or relaying the BFF's early answer, an
// injected fault. Each is followed by an ordinary call on the same pooled socket; every call gets
// its answer. Bodies of declared length up to 1 MiB are drained and the socket kept; chunked or
// larger ones get `Connection: close` and a clean close.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { guardEarlyAnswers } from '@gigafibre/keepalive';
import { OneSocketClient, RawConnection, rawRequestBytes, type CallSpec } from '@gigafibre/keepalive/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Standin } from '../standin';
import { startTestStandin, TEST_TOKENS } from '../testing/harness';

let standin: Standin;
let bff: Server;
const urls = { erp: '', hub: '', edge: '' };

beforeAll(async () => {
  // A BFF that refuses every API call at once, as the real one refuses a call without identity.
  bff = createServer((req, res) => {
    guardEarlyAnswers(req, res);
    if (req.url === '/ops/healthz' || req.url === '/ops/readyz') return void res.end('{"status":"ok"}');
    res.writeHead(401, { 'Content-Type': 'application/json' });
    res.end('{"error":"unauthenticated"}');
  });
  await new Promise<void>((resolve) => bff.listen(0, '127.0.0.1', resolve));
  standin = await startTestStandin({ bffUrls: [`http://127.0.0.1:${(bff.address() as AddressInfo).port}`], faults: true });
  Object.assign(urls, standin.urls);
});
afterAll(async () => {
  await standin.close();
  bff.closeAllConnections();
  bff.close();
});

const BODIES = [
  { name: 'small (Content-Length)', size: 40, chunked: false, kept: true },
  { name: '200 kB (Content-Length)', size: 200_000, chunked: false, kept: true },
  { name: 'small, chunked', size: 40, chunked: true, kept: false },
  { name: '300 kB, chunked', size: 300_000, chunked: true, kept: false },
  { name: '3 MB (Content-Length, past the drain limit and the ERP’s 2 MB)', size: 3_000_000, chunked: false, kept: false },
] as const;

const erpOk: CallSpec = { path: '/api/method/frappe.auth.get_logged_user', headers: { Authorization: `token ${TEST_TOKENS.erp}` } };
const hubOk: CallSpec = { path: '/health' };
const edgeOk: CallSpec = { path: '/ops/healthz' };

/** Each early answer: where, what is sent (the body is added per case), what must come back, and the ordinary call after it. */
const EARLY: { name: string; service: keyof typeof urls; request: Omit<CallSpec, 'body' | 'chunked'>; status: (s: number) => boolean; next: CallSpec }[] = [
  { name: 'ERP without a token', service: 'erp', request: { method: 'POST', path: '/api/resource/Customer', headers: { 'Content-Type': 'application/json' } }, status: (s) => s === 401 || s === 403, next: erpOk },
  {
    name: 'ERP with a wrong token',
    service: 'erp',
    request: { method: 'POST', path: '/api/resource/Customer', headers: { 'Content-Type': 'application/json', Authorization: 'token nope:nope' } },
    status: (s) => s === 401 || s === 403,
    next: erpOk,
  },
  { name: 'hub without a token', service: 'hub', request: { method: 'POST', path: '/vision/barcodes', headers: { 'Content-Type': 'image/png' } }, status: (s) => s === 401, next: hubOk },
  {
    name: 'hub, a method the route does not take',
    service: 'hub',
    request: { method: 'PUT', path: '/auth/users', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_TOKENS.hub}` } },
    status: (s) => s === 405,
    next: hubOk,
  },
  { name: 'edge: no session, the outpost’s redirect to sign-in', service: 'edge', request: { method: 'POST', path: '/ops/api/erp/resource/Customer' }, status: (s) => s === 302, next: edgeOk },
  { name: 'edge: sign-in form from another origin', service: 'edge', request: { method: 'POST', path: '/if/flow/default-authentication-flow/', headers: { Origin: 'http://evil.test' } }, status: (s) => s === 403, next: edgeOk },
  { name: 'edge: an unknown path', service: 'edge', request: { method: 'POST', path: '/elsewhere' }, status: (s) => s === 404, next: edgeOk },
];

describe('one pooled socket: each early answer of the standin, then an ordinary call', () => {
  for (const early of EARLY) {
    for (const body of BODIES) {
      it(`${early.name}, ${body.name}`, async () => {
        const client = new OneSocketClient(urls[early.service]);
        const first = await client.call({ ...early.request, body: Buffer.alloc(body.size, 0x61), chunked: body.chunked });
        const second = await client.call(early.next);
        client.close();
        expect(first.error).toBeUndefined();
        expect(early.status(first.status)).toBe(true);
        expect(first.headers.connection).toBe(body.kept ? 'keep-alive' : 'close');
        expect(second.error).toBeUndefined();
        expect(second.status).toBe(200);
        expect(second.socket).toBe(body.kept ? first.socket : first.socket + 1);
      });
    }
  }
});

describe('answers relayed or injected before the body is read', () => {
  it('the edge relays the BFF’s early 401 and keeps the browser’s socket', async () => {
    const cookie = await signInCookie();
    const client = new OneSocketClient(urls.edge);
    const refused = await client.call({ method: 'POST', path: '/ops/api/erp/resource/Customer', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: Buffer.alloc(200_000, 0x61) });
    const next = await client.call({ method: 'POST', path: '/ops/api/erp/resource/Customer', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: '{}' });
    const health = await client.call(edgeOk);
    client.close();
    expect(refused).toMatchObject({ status: 401, body: '{"error":"unauthenticated"}', headers: { connection: 'keep-alive' } });
    expect(next).toMatchObject({ status: 401, socket: refused.socket });
    expect(health).toMatchObject({ status: 200, socket: refused.socket });
  });

  it('the edge relays the BFF’s early 401 to a 3 MB upload, then closes cleanly', async () => {
    const cookie = await signInCookie();
    const client = new OneSocketClient(urls.edge);
    const refused = await client.call({ method: 'POST', path: '/ops/api/hub/vision/barcodes', headers: { Cookie: cookie, 'Content-Type': 'image/png' }, body: Buffer.alloc(3_000_000, 1) });
    const health = await client.call(edgeOk);
    client.close();
    expect(refused).toMatchObject({ status: 401, headers: { connection: 'close' } });
    expect(refused.error).toBeUndefined();
    expect(health.status).toBe(200);
  });

  it('an injected status fault on the ERP answers before the body and keeps the socket', async () => {
    await fetch(`${urls.erp}/__faults`, { method: 'POST', body: JSON.stringify({ path: '/api/resource/Customer', method: 'POST', status: 503 }) });
    const client = new OneSocketClient(urls.erp);
    const fault = await client.call({ method: 'POST', path: '/api/resource/Customer', headers: { 'Content-Type': 'application/json', Authorization: `token ${TEST_TOKENS.erp}` }, body: Buffer.alloc(100_000, 0x61) });
    const next = await client.call(erpOk);
    client.close();
    expect(fault).toMatchObject({ status: 503, headers: { connection: 'keep-alive' } });
    expect(next).toMatchObject({ status: 200, socket: fault.socket });
  });

  it('a raw socket: a chunked POST refused by the hub is answered, then closed cleanly (FIN, no reset)', async () => {
    const conn = new RawConnection(Number(new URL(urls.hub).port));
    await conn.ready;
    await conn.write(rawRequestBytes({ host: 'hub', method: 'POST', path: '/vision/barcodes', headers: { 'Content-Type': 'image/png' }, body: Buffer.alloc(200_000, 1), chunked: true }));
    const answer = await conn.nextAnswer();
    expect(answer?.status).toBe(401);
    expect(answer?.headers.connection).toBe('close');
    expect(JSON.parse(answer?.body ?? '')).toHaveProperty('error');
    conn.finish();
    expect(await conn.end()).toBe('fin');
  });

  it('a raw socket: a refused POST of declared length, then a second request on the same connection', async () => {
    const conn = new RawConnection(Number(new URL(urls.erp).port));
    await conn.ready;
    await conn.write(rawRequestBytes({ host: 'erp', method: 'POST', path: '/api/resource/Customer', headers: { 'Content-Type': 'application/json' }, body: Buffer.alloc(150_000, 0x61) }));
    expect([401, 403]).toContain((await conn.nextAnswer())?.status);
    await conn.write(rawRequestBytes({ host: 'erp', ...erpOk }));
    expect((await conn.nextAnswer())?.status).toBe(200);
    conn.destroy();
  });
});

async function signInCookie(): Promise<string> {
  const res = await fetch(`${urls.edge}/if/flow/default-authentication-flow/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'admin@gigafibre.ca', password: 'demo-admin', next: '/ops/' }),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}
