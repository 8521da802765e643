// The edge: Authentik-like sign-in and sessions, Traefik-like forwarding to BFF replicas.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InviteUserResult } from '@gigafibre/contracts';
import type { Standin } from '../standin';
import { hubFetch, startTestStandin, TEST_TOKENS } from '../testing/harness';
import { DEMO, DEMO_USERS } from './demo-users';

interface Seen {
  replica: number;
  url: string;
  headers: IncomingHttpHeaders;
}

const seen: Seen[] = [];
const bffs: Server[] = [];
let standin: Standin;
let edge: string;

function fakeBff(replica: number): Promise<string> {
  const server = createServer((req, res) => {
    seen.push({ replica, url: req.url ?? '', headers: req.headers });
    if (req.url === '/ops/api/hub/events') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('id: 1\ndata: un\n\n');
      setTimeout(() => res.end('id: 2\ndata: deux\n\n'), 400);
      return;
    }
    if (req.url === '/ops/api/hub/vision/too-large') {
      // As the BFF refuses an upload over its limit: at once, then half-closes and drains the rest.
      res.once('finish', () => req.socket.end());
      res.writeHead(413, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'body_too_large' }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', Connection: 'keep-alive' });
    res.end(JSON.stringify({ replica, url: req.url }));
  });
  bffs.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  const urls = [await fakeBff(1), await fakeBff(2)];
  standin = await startTestStandin({ services: ['hub', 'edge'], bffUrls: urls, now: null });
  edge = standin.urls.edge as string;
});
afterAll(async () => {
  await standin.close();
  for (const s of bffs) s.close();
});

async function signIn(email: string, password: string, next = '/ops/'): Promise<{ res: Response; cookie: string }> {
  const res = await fetch(`${edge}/if/flow/default-authentication-flow/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, next }),
  });
  return { res, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string };
}

const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
  fetch(`${edge}${path}`, { redirect: 'manual', headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers } });

describe('without a session', () => {
  it('sends API calls and page loads to the outpost start (302)', async () => {
    for (const path of ['/ops/api/me', '/ops/index.html', '/ops/clients/CUST-00583', '/ops/api/erp/resource/Customer']) {
      const res = await get(path);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toMatch(/^\/outpost\.goauthentik\.io\/start\?rd=/);
    }
    expect((await get('/')).headers.get('location')).toBe('/ops/');
  });

  it('lets health checks through, without any identity', async () => {
    seen.length = 0;
    const res = await get('/ops/healthz', undefined, { 'X-Authentik-Email': 'intrus@example.com' });
    expect(res.status).toBe(200);
    expect(seen[0]?.headers['x-authentik-email']).toBeUndefined();
    expect((await get('/ops/readyz')).status).toBe(200);
  });

  it('lets the entry page /ops/ through (Unauthenticated Paths ^/ops/?$), without any identity', async () => {
    for (const path of ['/ops/', '/ops']) {
      seen.length = 0;
      const res = await get(path, undefined, { 'X-Authentik-Email': 'intrus@example.com' });
      expect(res.status, path).not.toBe(302);
      expect(seen[0]?.url, path).toBe(path);
      expect(seen[0]?.headers['x-authentik-email'], path).toBeUndefined();
    }
  });

  it('start → the sign-in flow, keeping only same-site return paths', async () => {
    // A fragment never comes back: browsers never send one, so the outpost never learns it.
    const start = await get(`/outpost.goauthentik.io/start?rd=${encodeURIComponent(`${edge}/ops/#/dispatch`)}`);
    expect(start.headers.get('location')).toBe('/if/flow/default-authentication-flow/?next=%2Fops%2F');
    const deep = await get(`/outpost.goauthentik.io/start?rd=${encodeURIComponent(`${edge}/ops/dispatch?date=2026-11-18&job=DJ-000005`)}`);
    expect(deep.headers.get('location')).toBe(`/if/flow/default-authentication-flow/?next=${encodeURIComponent('/ops/dispatch?date=2026-11-18&job=DJ-000005')}`);
    const evil = await get(`/outpost.goauthentik.io/start?rd=${encodeURIComponent('https://evil.example/steal')}`);
    expect(evil.headers.get('location')).toBe('/if/flow/default-authentication-flow/?next=%2Fops%2F');
    const { res } = await signIn(DEMO.support.email, DEMO.support.password, '//evil.example/');
    expect(res.headers.get('location')).toBe('/ops/');
  });

  it('brings a refused deep link back after sign-in, path and query (the outpost remembers it, as for nginx’s bare rd)', async () => {
    const refused = await get('/ops/clients/CUST-00583?tab=billing&x=1');
    expect(refused.status).toBe(302);
    const remembered = (refused.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(remembered).toMatch(/^authentik_proxy_standin_rd=/);
    // nginx sends `rd=$request_uri` unescaped: the outpost refuses a bare path and uses what it remembered.
    const start = await get('/outpost.goauthentik.io/start?rd=/ops/clients/CUST-00583?tab=billing&x=1', remembered);
    expect(start.headers.get('location')).toBe(`/if/flow/default-authentication-flow/?next=${encodeURIComponent('/ops/clients/CUST-00583?tab=billing&x=1')}`);
    expect(start.headers.get('set-cookie')).toMatch(/^authentik_proxy_standin_rd=;.*Max-Age=0/);
    // Nothing remembered and a bare path: home.
    expect((await get('/outpost.goauthentik.io/start?rd=/ops/dispatch')).headers.get('location')).toBe('/if/flow/default-authentication-flow/?next=%2Fops%2F');
  });

  it('shows a French sign-in page listing every demo account', async () => {
    const res = await get('/if/flow/default-authentication-flow/?next=/ops/');
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('<html lang="fr-CA">');
    expect(html).toContain('<label for="email">Adresse courriel</label>');
    expect(html).toContain('<label for="password">Mot de passe</label>');
    for (const u of DEMO_USERS) {
      expect(html).toContain(u.email);
      expect(html).toContain(u.password);
    }
  });
});

describe('signing in', () => {
  it('refuses a wrong password or an unknown address with the same message', async () => {
    const wrong = await signIn(DEMO.admin.email, 'pas-le-bon');
    const unknown = await signIn('personne@gigafibre.ca', 'x');
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(await wrong.res.text()).toContain('Adresse courriel ou mot de passe incorrect.');
    expect(wrong.cookie).toBe('');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie and returns to where the user was going', async () => {
    const { res } = await signIn(DEMO.dispatch.email, DEMO.dispatch.password, '/ops/dispatch?date=2026-11-18');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/ops/dispatch?date=2026-11-18');
    expect(res.headers.get('set-cookie')).toMatch(/^authentik_proxy_standin=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=86400$/);
  });

  it('forwards with client X-Authentik-* replaced by the real set and a verifiable HS256 JWT', async () => {
    const { cookie } = await signIn(DEMO.dispatch2.email, DEMO.dispatch2.password);
    seen.length = 0;
    const res = await get('/ops/api/me', cookie, { 'X-Authentik-Groups': 'ops-admin', 'x-authentik-email': 'admin@gigafibre.ca', 'X-Forwarded-For': '6.6.6.6' });
    expect(res.status).toBe(200);
    const h = seen[0]?.headers as IncomingHttpHeaders;
    expect(h['x-authentik-email']).toBe(DEMO.dispatch2.email);
    expect(h['x-authentik-groups']).toBe('ops-dispatch');
    expect(h['x-authentik-username']).toBe(DEMO.dispatch2.username);
    expect(Buffer.from(h['x-authentik-name'] as string, 'latin1').toString('utf8')).toBe(DEMO.dispatch2.name);
    expect(h['x-authentik-uid']).toMatch(/^[0-9a-f]{64}$/);
    expect(h['x-authentik-meta-outpost']).toBe('authentik Embedded Outpost');
    expect(h['x-forwarded-for']).toBe('127.0.0.1');
    expect(h['x-forwarded-proto']).toBe('http');
    expect(h['x-forwarded-host']).toBe(new URL(edge).host);
    const { payload } = await jwtVerify(h['x-authentik-jwt'] as string, new TextEncoder().encode(TEST_TOKENS.jwt), {
      issuer: 'http://edge.test/application/o/gigafibre-ops/',
      audience: 'gigafibre-ops',
    });
    expect(payload).toMatchObject({ email: DEMO.dispatch2.email, name: DEMO.dispatch2.name, preferred_username: DEMO.dispatch2.username, groups: ['ops-dispatch'], sub: h['x-authentik-uid'] });
    expect((payload.exp as number) - (payload.iat as number)).toBeLessThanOrEqual(15 * 60);
  });

  it('alternates between the BFF replicas', async () => {
    const { cookie } = await signIn(DEMO.support.email, DEMO.support.password);
    const replicas = await Promise.all([1, 2, 3, 4].map(async () => ((await (await get('/ops/api/me', cookie)).json()) as { replica: number }).replica));
    expect(new Set(replicas)).toEqual(new Set([1, 2]));
  });

  it('an answer given before the whole upload was read reaches the client, which can finish sending', async () => {
    const { cookie } = await signIn(DEMO.tech.email, DEMO.tech.password);
    const body = Buffer.alloc(4 * 1024 * 1024, 7);
    const url = new URL('/ops/api/hub/vision/too-large', edge);
    const outcome = await new Promise<{ status: number; written: boolean }>((resolve, reject) => {
      let written = false;
      let status = 0;
      const req = request(url, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/octet-stream', 'Content-Length': body.length } }, (res) => {
        status = res.statusCode ?? 0;
        res.resume();
      });
      req.on('error', reject);
      // Like a browser: the whole body goes out before the answer is read (a stall would time out).
      req.end(body, () => (written = true));
      req.on('close', () => resolve({ status, written }));
    });
    expect(outcome).toEqual({ status: 413, written: true });
  });

  it('passes an event stream through unbuffered', async () => {
    const { cookie } = await signIn(DEMO.tech.email, DEMO.tech.password);
    const res = await get('/ops/api/hub/events', cookie);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const started = Date.now();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('data: un');
    expect(Date.now() - started).toBeLessThan(300);
    let rest = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toContain('data: deux');
  });

  it('signs out: the cookie is cleared and the old session no longer works', async () => {
    const { cookie } = await signIn(DEMO.admin.email, DEMO.admin.password);
    expect((await get('/ops/api/me', cookie)).status).toBe(200);
    const out = await get('/outpost.goauthentik.io/sign_out', cookie);
    expect(out.status).toBe(302);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect(out.headers.get('location')).toContain('signed_out=1');
    expect((await get('/ops/api/me', cookie)).status).toBe(302);
    expect(await (await get(out.headers.get('location') as string)).text()).toContain('Vous êtes déconnecté.');
  });
});

describe('users created through the hub', () => {
  it('can sign in with their temporary password and groups; deactivation ends their session', async () => {
    const invite = await hubFetch(standin.urls.hub as string, '/auth/users', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'marie.nouvelle@gigafibre.ca', name: 'Marie Nouvelle', groups: ['ops-dispatch', 'ops-support'] }),
    });
    const { user, temporary_password } = (await invite.json()) as InviteUserResult;
    const { cookie } = await signIn(user.email, temporary_password);
    seen.length = 0;
    expect((await get('/ops/api/me', cookie)).status).toBe(200);
    expect(seen[0]?.headers['x-authentik-groups']).toBe('ops-dispatch|ops-support');
    await hubFetch(standin.urls.hub as string, `/auth/users/${user.pk}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ is_active: false }) });
    expect((await get('/ops/api/me', cookie)).status).toBe(302);
    const again = await signIn(user.email, temporary_password);
    expect(again.res.status).toBe(403);
  });
});

describe('when the BFF is down', () => {
  it('answers 502 like Traefik', async () => {
    const lone = await startTestStandin({ services: ['edge'], bffUrls: ['http://127.0.0.1:9'], now: null });
    try {
      const res = await fetch(`${lone.urls.edge as string}/ops/healthz`);
      expect(res.status).toBe(502);
      expect(await res.text()).toBe('Bad Gateway');
    } finally {
      await lone.close();
    }
  });
});
