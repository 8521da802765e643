import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jsonHandler, startFakeUpstream, unusedPort, type FakeUpstream } from './fakeUpstream';
import { listen } from './rawHttp';
import { buildApp, ERP_TOKEN, HUB_TOKEN, SECRETS, testEnv, tokenFor, type TestApp } from './testEnv';

let erp: FakeUpstream;
let hub: FakeUpstream;
let t: TestApp;
let admin: string;
/** Every response the suite saw, checked at the end for leaked secrets. */
const seen: { status: number; headers: unknown; text: string }[] = [];
const keep = (res: request.Response) => {
  seen.push({ status: res.status, headers: res.headers, text: res.text ?? '' });
  return res;
};

beforeAll(async () => {
  erp = await startFakeUpstream();
  hub = await startFakeUpstream();
  t = buildApp(testEnv(erp.url, hub.url, { UPSTREAM_TIMEOUT_MS: '300' }));
  admin = await tokenFor(['ops-admin'], 'admin@gigafibre.ca');
});
afterEach(() => {
  erp.handle(jsonHandler);
  hub.handle(jsonHandler);
});
afterAll(async () => {
  t.app.closeUpstreams();
  await Promise.all([erp.close(), hub.close()]);
});

describe('what reaches an upstream', () => {
  const hostile = {
    Cookie: 'authentik_session=abc; sid=xyz',
    Authorization: 'Bearer client-supplied',
    'X-Authentik-Email': 'mallory@evil.test',
    'X-Authentik-Groups': 'ops-admin',
    'X-Authentik-Meta-Foo': 'bar',
    'X-Ops-User': 'forged@evil.test',
    'Proxy-Authorization': 'Basic Zm9vOmJhcg==',
  };

  it('ERP gets its service token, the request id and the user, nothing of the client’s credentials', async () => {
    const res = keep(
      await request(t.app)
        .get('/ops/api/erp/resource/Customer?fields=%5B%22name%22%5D&filters=%5B%5B%22customer_name%22%2C%22like%22%2C%22%25Tremblay%25%22%5D%5D')
        .set(hostile)
        .set('X-Authentik-Jwt', admin)
        .set('X-Request-Id', 'req-from-edge-123'),
    );
    expect(res.status).toBe(200);
    const got = erp.requests.at(-1);
    expect(got?.url).toBe('/api/resource/Customer?fields=%5B%22name%22%5D&filters=%5B%5B%22customer_name%22%2C%22like%22%2C%22%25Tremblay%25%22%5D%5D');
    expect(got?.headers.authorization).toBe(`token ${ERP_TOKEN}`);
    expect(got?.headers['x-request-id']).toBe('req-from-edge-123');
    expect(res.headers['x-request-id']).toBe('req-from-edge-123');
    expect(got?.headers['x-ops-user']).toBe('admin@gigafibre.ca');
    expect(got?.headers.cookie).toBeUndefined();
    expect(got?.headers['proxy-authorization']).toBeUndefined();
    expect(Object.keys(got?.headers ?? {}).filter((h) => h.startsWith('x-authentik-'))).toEqual([]);
    expect(got?.headers.host).toBe(new URL(erp.url).host);
  });

  it('the hub gets its bearer token on a POST, with the body streamed through', async () => {
    const res = keep(
      await request(t.app)
        .post('/ops/api/hub/devices/ABC-ONT-123/tasks?connection_request')
        .set(hostile)
        .set('X-Authentik-Jwt', admin)
        .set('X-Requested-With', 'gigafibre-ops')
        .send({ name: 'reboot' }),
    );
    expect(res.status).toBe(200);
    const got = hub.requests.at(-1);
    expect(got?.url).toBe('/devices/ABC-ONT-123/tasks?connection_request');
    expect(got?.headers.authorization).toBe(`Bearer ${HUB_TOKEN}`);
    expect(got?.headers['x-ops-user']).toBe('admin@gigafibre.ca');
    expect(got?.headers['x-request-id']).toBe(res.headers['x-request-id']);
    expect(got?.headers.cookie).toBeUndefined();
    expect(Object.keys(got?.headers ?? {}).filter((h) => h.startsWith('x-authentik-'))).toEqual([]);
    expect(JSON.parse(got?.body ?? '')).toEqual({ name: 'reboot' });
  });

  it('strips client credentials even with Expect: 100-continue (where the proxy skips its proxyReq event)', async () => {
    const server = await listen(t.app);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({
        port: server.port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/ops/api/hub/devices/X/tasks',
        headers: { ...hostile, 'X-Authentik-Jwt': admin, 'X-Requested-With': 'gigafibre-ops', Expect: '100-continue', 'Content-Type': 'application/json' },
      });
      req.on('continue', () => req.end('{"name":"refreshObject"}'));
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    await server.close();
    expect(status).toBe(200);
    const got = hub.requests.at(-1);
    expect(got?.body).toBe('{"name":"refreshObject"}');
    expect(got?.headers.authorization).toBe(`Bearer ${HUB_TOKEN}`);
    expect(got?.headers.cookie).toBeUndefined();
    expect(got?.headers.expect).toBeUndefined();
    expect(Object.keys(got?.headers ?? {}).filter((h) => h.startsWith('x-authentik-'))).toEqual([]);
  });

  it('a generated request id is a UUID when the incoming one is not sane', async () => {
    const res = keep(await request(t.app).get('/ops/api/erp/resource/Customer').set('X-Authentik-Jwt', admin).set('X-Request-Id', 'bad id\twith junk'));
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(erp.requests.at(-1)?.headers['x-request-id']).toBe(res.headers['x-request-id']);
  });
});

describe('what comes back from an upstream', () => {
  it('drops upstream cookies, auth challenges and any header echoing a service token', async () => {
    erp.handle((req, res) => {
      res.setHeader('Set-Cookie', ['sid=upstream-session; HttpOnly', 'system_user=yes']);
      res.setHeader('WWW-Authenticate', 'Token');
      res.setHeader('X-Echo-Auth', String(req.headers.authorization));
      res.setHeader('X-Frappe-Note', 'kept');
      res.setHeader('content-type', 'application/json');
      res.end('{"data":[]}');
    });
    const res = keep(await request(t.app).get('/ops/api/erp/resource/Customer').set('X-Authentik-Jwt', admin));
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['www-authenticate']).toBeUndefined();
    expect(res.headers['x-echo-auth']).toBeUndefined();
    expect(res.headers['x-frappe-note']).toBe('kept');
  });

  it('passes upstream errors through as they are (Frappe 417)', async () => {
    erp.handle((_req, res) => {
      res.statusCode = 417;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ exc_type: 'ValidationError', _server_messages: '["{\\"message\\": \\"Statut invalide\\"}"]' }));
    });
    const res = keep(
      await request(t.app).put('/ops/api/erp/resource/Dispatch%20Job/DJ-000001').set('X-Authentik-Jwt', admin).set('X-Requested-With', 'gigafibre-ops').send({ status: 'Scheduled' }),
    );
    expect(res.status).toBe(417);
    expect(res.body.exc_type).toBe('ValidationError');
  });

  it('turns an upstream refusing the service token into 502 upstream_auth (never a 401 the SPA would read as "signed out")', async () => {
    hub.handle((_req, res) => {
      res.statusCode = 401;
      res.setHeader('content-type', 'application/json');
      res.end('{"error":"invalid token"}');
    });
    const res = keep(await request(t.app).get('/ops/api/hub/devices/lookup?serial=X').set('X-Authentik-Jwt', admin));
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ error: 'upstream_auth', upstream: 'hub', requestId: expect.any(String) });
    expect(t.logs.lines.some((l) => l.msg === 'upstream refused the service token' && l.requestId === res.body.requestId)).toBe(true);
  });
});

describe('upstream failures', () => {
  it('down → 502 JSON naming the upstream', async () => {
    const port = await unusedPort();
    const down = buildApp(testEnv(`http://127.0.0.1:${port}`, hub.url));
    const res = keep(await request(down.app).get('/ops/api/erp/resource/Customer').set('X-Authentik-Jwt', admin));
    expect(res.status).toBe(502);
    expect(res.body).toEqual({ error: 'upstream_unavailable', upstream: 'erp', requestId: res.headers['x-request-id'], message: expect.stringMatching(/ERPNext/) });
    const logged = down.logs.lines.find((l) => l.level === 'error' && l.requestId === res.body.requestId);
    expect(logged).toBeDefined();
    down.app.closeUpstreams();
  });

  it('slow → 504 after UPSTREAM_TIMEOUT_MS, and the upstream request is abandoned', async () => {
    hub.handle(() => {
      /* never answers */
    });
    const started = Date.now();
    const res = keep(await request(t.app).get('/ops/api/hub/traccar/devices').set('X-Authentik-Jwt', admin));
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ error: 'upstream_timeout', upstream: 'hub' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(Date.now() - started).toBeLessThan(3000);
    await expect.poll(() => hub.open.size).toBe(0);
  });

  it('reset → 502 upstream_reset', async () => {
    hub.handle((req) => req.socket.destroy());
    const res = keep(await request(t.app).get('/ops/api/hub/traccar/devices').set('X-Authentik-Jwt', admin));
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ error: 'upstream_reset', upstream: 'hub' });
  });

  it('a reset in the middle of a body cuts the client connection instead of hanging', async () => {
    hub.handle((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('content-length', '1000');
      res.write('{"data":[');
      setTimeout(() => req.socket.destroy(), 20);
    });
    await expect(request(t.app).get('/ops/api/hub/traccar/devices').set('X-Authentik-Jwt', admin)).rejects.toThrow();
  });

  it('resends a bodyless request once when a pooled connection turns out closed, never a body', async () => {
    // The upstream drops every connection on its second request, as a server whose keep-alive
    // timer fired just as the BFF reused the connection would.
    const served = new WeakMap<object, number>();
    let resets = 0;
    erp.handle((req, res) => {
      const count = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, count);
      if (count > 1) {
        resets++;
        return void req.socket.destroy();
      }
      res.setHeader('content-type', 'application/json');
      res.end('{"data":[]}');
    });
    const get = () => request(t.app).get('/ops/api/erp/resource/Customer').set('X-Authentik-Jwt', admin);
    const before = erp.requests.length;
    for (let i = 0; i < 6; i++) expect(keep(await get()).status).toBe(200);
    expect(resets).toBeGreaterThan(0); // connections were reused, and each reset GET was sent again once
    expect(erp.requests.length - before).toBe(6 + resets);

    // A request with a body is never sent twice: once one lands on a reused connection, 502.
    let put: request.Response | undefined;
    for (let i = 0; i < 10 && put?.status !== 502; i++) {
      const sent = erp.requests.length;
      put = keep(await request(t.app).put('/ops/api/erp/resource/Dispatch%20Job/DJ-1').set('X-Authentik-Jwt', admin).set('X-Requested-With', 'gigafibre-ops').send({ notes: 'n' }));
      expect(erp.requests.length - sent).toBeLessThanOrEqual(1);
    }
    expect(put?.status).toBe(502);
    expect(put?.body).toMatchObject({ error: 'upstream_reset', upstream: 'erp' });
  });

  it('keeps serving after all of that', async () => {
    const res = keep(await request(t.app).get('/ops/api/hub/traccar/devices').set('X-Authentik-Jwt', admin));
    expect(res.status).toBe(200);
  });
});

describe('secrets never reach a browser', () => {
  it('no response seen by this suite contains a service token or the JWT secret', async () => {
    // A few more kinds of answers: identity refusal, CSRF, policy, not found, health, raw socket.
    for (const res of await Promise.all([
      request(t.app).get('/ops/api/me'),
      request(t.app).get('/ops/api/me').set('X-Authentik-Jwt', admin),
      request(t.app).post('/ops/api/erp/resource/Comment').set('X-Authentik-Jwt', admin),
      request(t.app).get('/ops/api/erp/resource/Nope').set('X-Authentik-Jwt', admin),
      request(t.app).get('/ops/api/zzz').set('X-Authentik-Jwt', admin),
      request(t.app).get('/ops/healthz'),
      request(t.app).get('/ops/readyz'),
      request(t.app).get('/nowhere'),
    ])) {
      keep(res);
    }
    expect(seen.length).toBeGreaterThan(15);
    for (const res of seen) {
      const everything = `${JSON.stringify(res.headers)}\n${res.text}`;
      for (const secret of SECRETS) expect(everything, `status ${res.status}`).not.toContain(secret);
    }
  });

  it('nor does any log line', () => {
    expect(t.logs.raw.length).toBeGreaterThan(10);
    for (const line of t.logs.raw) for (const secret of SECRETS) expect(line).not.toContain(secret);
    for (const line of t.logs.raw) expect(line).not.toContain(admin);
  });
});
