// Keep-alive safety of every early answer, over real sockets (issue 15): a proxy's pool holds one
// socket (Agent keepAlive, maxSockets 1); each kind of answer the BFF gives before reading a body
// is followed by an ordinary call on the same pool, and every call must get its answer. A body
// of declared length up to 1 MiB is drained and the socket kept; a chunked or larger one is
// answered with `Connection: close` and closed cleanly (FIN after the client is done, no reset).
import { OneSocketClient, RawConnection, rawRequestBytes, type CallSpec } from '@gigafibre/keepalive/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jsonHandler, startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { listen, type Listening } from './rawHttp';
import { buildApp, testEnv, tokenFor, type TestApp } from './testEnv';

let up: FakeUpstream;
let t: TestApp;
let server: Listening;
let origin: string;
let admin: string;
let tech: string;

const CUSTOMERS = '/ops/api/erp/resource/Customer';
const JOB = '/ops/api/erp/resource/Dispatch%20Job/DJ-000001';
const VISION = '/ops/api/hub/vision/barcodes';
const TASKS = `/ops/api/hub/devices/${encodeURIComponent('A4E31B-G%2D010G%2DQ-ALCLB2C4D601')}/tasks`;
const SPA = { 'X-Requested-With': 'gigafibre-ops' };

beforeAll(async () => {
  up = await startFakeUpstream();
  t = buildApp(testEnv(up.url, up.url, { OPS_BODY_LIMIT_BYTES: '65536', OPS_UPLOAD_LIMIT_BYTES: '2000000', OPS_RATE_LIMIT_DEVICE_TASKS: '1/1h' }));
  server = await listen(t.app);
  origin = `http://127.0.0.1:${server.port}`;
  admin = await tokenFor(['ops-admin'], 'admin@gigafibre.ca');
  tech = await tokenFor(['ops-tech'], 'tech@gigafibre.ca');
});
beforeEach(() => up.handle(jsonHandler));
afterAll(async () => {
  t.app.closeUpstreams();
  await server.close();
  await up.close();
});

const json = (size: number) => Buffer.from(JSON.stringify({ notes: 'n'.repeat(Math.max(0, size - 12)) }));
const me = (): CallSpec => ({ path: '/ops/api/me', headers: { 'X-Authentik-Jwt': admin } });

/** Each body a refused request may carry, and whether the socket is kept after the answer. */
const BODIES = [
  { name: 'small JSON (Content-Length)', body: () => json(40), chunked: false, kept: true },
  { name: '200 kB JSON (Content-Length)', body: () => json(200_000), chunked: false, kept: true },
  { name: 'small JSON, chunked', body: () => json(40), chunked: true, kept: false },
  { name: '300 kB JSON, chunked', body: () => json(300_000), chunked: true, kept: false },
  { name: '3 MB (Content-Length, past the drain limit)', body: () => json(3_000_000), chunked: false, kept: false },
] as const;

/** Each kind of early answer: the request (its body added per case) and the status expected. */
const REFUSALS: { name: string; status: number; code: string; request: () => Omit<CallSpec, 'body' | 'chunked'> }[] = [
  { name: '401 no identity', status: 401, code: 'unauthenticated', request: () => ({ method: 'POST', path: CUSTOMERS, headers: { ...SPA, 'Content-Type': 'application/json' } }) },
  { name: '403 CSRF', status: 403, code: 'csrf', request: () => ({ method: 'POST', path: CUSTOMERS, headers: { 'X-Authentik-Jwt': admin, 'Content-Type': 'application/json' } }) },
  {
    name: '403 policy',
    status: 403,
    code: 'forbidden',
    request: () => ({ method: 'POST', path: '/ops/api/hub/auth/users', headers: { ...SPA, 'X-Authentik-Jwt': tech, 'Content-Type': 'application/json' } }),
  },
  { name: '415 content type', status: 415, code: 'unsupported_media_type', request: () => ({ method: 'PUT', path: JOB, headers: { ...SPA, 'X-Authentik-Jwt': admin, 'Content-Type': 'text/plain' } }) },
  { name: '404 unknown API path', status: 404, code: 'not_found', request: () => ({ method: 'POST', path: '/ops/api/nowhere', headers: { ...SPA, 'X-Authentik-Jwt': admin, 'Content-Type': 'application/json' } }) },
  { name: '404 outside the API (Express)', status: 404, code: 'not_found', request: () => ({ method: 'POST', path: '/elsewhere', headers: { 'Content-Type': 'application/json' } }) },
];

describe('one pooled socket: each early answer, then GET /ops/api/me', () => {
  for (const refusal of REFUSALS) {
    for (const body of BODIES) {
      it(`${refusal.name}, ${body.name}`, async () => {
        const client = new OneSocketClient(origin);
        const first = await client.call({ ...refusal.request(), body: body.body(), chunked: body.chunked });
        const second = await client.call(me());
        client.close();
        expect(first.error).toBeUndefined();
        expect(first.status).toBe(refusal.status);
        expect(JSON.parse(first.body)).toMatchObject({ error: refusal.code });
        expect(first.headers.connection).toBe(body.kept ? 'keep-alive' : 'close');
        expect(second.error).toBeUndefined();
        expect(second.status).toBe(200);
        expect(second.socket).toBe(body.kept ? first.socket : first.socket + 1);
      });
    }
  }

  it('the issue’s reproduction: a 200 kB POST without identity, then /ops/api/me with identity on the same agent', async () => {
    const client = new OneSocketClient(origin);
    const refused = await client.call({ method: 'POST', path: CUSTOMERS, headers: { 'Content-Type': 'application/json' }, body: json(200_000) });
    const ok = await client.call(me());
    client.close();
    expect(refused.status).toBe(401);
    expect(ok).toMatchObject({ status: 200, socket: refused.socket });
    expect(JSON.parse(ok.body)).toMatchObject({ email: 'admin@gigafibre.ca' });
  });

  it('413: a declared JSON body over the limit (drained), and a chunked one cut at the limit (closed)', async () => {
    const client = new OneSocketClient(origin);
    const headers = { ...SPA, 'X-Authentik-Jwt': admin, 'Content-Type': 'application/json' };
    const declared = await client.call({ method: 'PUT', path: JOB, headers, body: json(100_000) });
    const after = await client.call(me());
    const chunked = await client.call({ method: 'PUT', path: JOB, headers, body: json(100_000), chunked: true });
    const last = await client.call(me());
    client.close();
    expect(declared).toMatchObject({ status: 413, headers: { connection: 'keep-alive' } });
    expect(after).toMatchObject({ status: 200, socket: declared.socket });
    expect(chunked).toMatchObject({ status: 413, headers: { connection: 'close' } });
    expect(last).toMatchObject({ status: 200, socket: chunked.socket + 1 });
    expect(up.requests).toEqual([]);
  });

  it('413 on an upload: over the upload limit and past the drain limit, answered, then closed cleanly', async () => {
    const client = new OneSocketClient(origin);
    const refused = await client.call({ method: 'POST', path: VISION, headers: { ...SPA, 'X-Authentik-Jwt': admin, 'Content-Type': 'image/jpeg' }, body: Buffer.alloc(2_500_000, 7) });
    const ok = await client.call(me());
    client.close();
    expect(refused).toMatchObject({ status: 413, headers: { connection: 'close' } });
    expect(ok.status).toBe(200);
  });

  it('400 bad JSON (the body was read in full): the socket is simply kept', async () => {
    const client = new OneSocketClient(origin);
    const bad = await client.call({ method: 'PUT', path: JOB, headers: { ...SPA, 'X-Authentik-Jwt': admin, 'Content-Type': 'application/json' }, body: '{"notes": ' });
    const ok = await client.call(me());
    client.close();
    expect(bad).toMatchObject({ status: 400, headers: { connection: 'keep-alive' } });
    expect(JSON.parse(bad.body)).toMatchObject({ error: 'bad_body', reason: 'bad_json' });
    expect(ok).toMatchObject({ status: 200, socket: bad.socket });
  });

  it('429 rate limited, with a body: drained, and the socket kept', async () => {
    const client = new OneSocketClient(origin);
    const headers = { ...SPA, 'X-Authentik-Jwt': admin, 'Content-Type': 'application/json' };
    const first = await client.call({ method: 'POST', path: TASKS, headers, body: JSON.stringify({ name: 'reboot' }) });
    const limited = await client.call({ method: 'POST', path: TASKS, headers, body: json(200_000) });
    const ok = await client.call(me());
    client.close();
    expect(first.status).toBe(200);
    expect(limited).toMatchObject({ status: 429, headers: { connection: 'keep-alive' } });
    expect(ok).toMatchObject({ status: 200, socket: limited.socket });
  });

  it('an upstream that answers a streamed upload before reading it: relayed, and the socket stays usable', async () => {
    // fakeUpstream answers once it has the body: this one answers before reading it.
    const early = await startEarlyUpstream();
    const t2 = buildApp(testEnv(early.url, early.url, { OPS_UPLOAD_LIMIT_BYTES: '2000000' }));
    const s2 = await listen(t2.app);
    const client = new OneSocketClient(`http://127.0.0.1:${s2.port}`);
    const headers = { ...SPA, 'X-Authentik-Jwt': admin, 'Content-Type': 'image/png' };
    const small = await client.call({ method: 'POST', path: VISION, headers, body: Buffer.alloc(300_000, 1) });
    const ok1 = await client.call(me());
    const large = await client.call({ method: 'POST', path: VISION, headers, body: Buffer.alloc(1_900_000, 1) });
    const ok2 = await client.call(me());
    client.close();
    t2.app.closeUpstreams();
    await s2.close();
    await early.close();
    expect(small).toMatchObject({ status: 415, headers: { connection: 'keep-alive' } });
    expect(ok1).toMatchObject({ status: 200, socket: small.socket });
    expect(large.error).toBeUndefined();
    expect(large.status).toBe(415);
    // Whether the BFF had read the whole upload when the upstream's answer came back is a race
    // (the upstream drops what it did not read, so the pipe may have flowed to the end): either
    // the answer says close and the next call opens a new socket, or it says keep-alive and the
    // same socket serves the next call. Never a keep-alive answer on a socket that then dies.
    expect(ok2.status).toBe(200);
    if (large.headers.connection === 'keep-alive') expect(ok2.socket).toBe(large.socket);
    else expect({ connection: large.headers.connection, next: ok2.socket }).toEqual({ connection: 'close', next: large.socket + 1 });
  });
});

describe('a raw socket with chunked bodies', () => {
  it('401 to a chunked POST: answered with Connection: close, closed cleanly once the client is done; a new connection works', async () => {
    const conn = new RawConnection(server.port);
    await conn.ready;
    await conn.write(rawRequestBytes({ host: '127.0.0.1', method: 'POST', path: CUSTOMERS, headers: { 'Content-Type': 'application/json' }, body: json(300_000), chunked: true }));
    const answer = await conn.nextAnswer();
    expect(answer?.status).toBe(401);
    expect(answer?.headers.connection).toBe('close');
    conn.finish();
    expect(await conn.end()).toBe('fin');
    const next = new RawConnection(server.port);
    await next.ready;
    await next.write(rawRequestBytes({ host: '127.0.0.1', path: '/ops/api/me', headers: { 'X-Authentik-Jwt': admin } }));
    expect((await next.nextAnswer())?.status).toBe(200);
    next.destroy();
  });

  it('401 to a POST of declared length, then GET /ops/api/me on the same connection', async () => {
    const conn = new RawConnection(server.port);
    await conn.ready;
    await conn.write(rawRequestBytes({ host: '127.0.0.1', method: 'POST', path: CUSTOMERS, headers: { 'Content-Type': 'application/json' }, body: json(200_000) }));
    expect((await conn.nextAnswer())?.status).toBe(401);
    await conn.write(rawRequestBytes({ host: '127.0.0.1', path: '/ops/api/me', headers: { 'X-Authentik-Jwt': admin } }));
    expect((await conn.nextAnswer())?.status).toBe(200);
    conn.destroy();
  });
});

/** An upstream that answers every request at once, without reading its body (a hub refusing an upload early). */
async function startEarlyUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const { guardEarlyAnswers } = await import('@gigafibre/keepalive');
  const server = createServer((req, res) => {
    guardEarlyAnswers(req, res);
    if (req.url === '/vision/barcodes') {
      res.writeHead(415, { 'content-type': 'application/json' });
      return void res.end('{"error":"Envoyez une image"}');
    }
    req.resume();
    res.setHeader('content-type', 'application/json');
    res.end('{"data":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
