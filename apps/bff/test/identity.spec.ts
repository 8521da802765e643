import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CAPABILITIES } from '@gigafibre/capabilities';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, unusedPort, type FakeUpstream } from './fakeUpstream';
import { AUDIENCE, buildApp, ISSUER, signToken, testEnv, tokenFor, type TestApp } from './testEnv';

let upstream: FakeUpstream;
let jwt: TestApp;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  jwt = buildApp(testEnv(upstream.url, upstream.url));
});
afterAll(async () => {
  jwt.app.closeUpstreams();
  await upstream.close();
});

const me = (app: TestApp['app'], headers: Record<string, string> = {}) => request(app).get('/ops/api/me').set(headers);

function expect401(res: request.Response, reason: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(401);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(res.body).toMatchObject({ error: 'unauthenticated', reason, requestId: expect.any(String) });
  expect(res.body.message).toMatch(/Identité non vérifiée/);
}

describe('identity from the Authentik JWT (HS256)', () => {
  it('accepts a valid token and answers /me from its claims', async () => {
    const token = await signToken({ email: 'marie@gigafibre.ca', name: 'Marie Tremblay', preferred_username: 'marie', groups: ['ops-dispatch'] });
    const res = await me(jwt.app, { 'X-Authentik-Jwt': token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      email: 'marie@gigafibre.ca',
      name: 'Marie Tremblay',
      username: 'marie',
      groups: ['ops-dispatch'],
      capabilities: ['dispatch.view', 'dispatch.assign', 'clients.view', 'diagnostics.view', 'tickets.view', 'visits.book', 'messages.send', 'incidents.view'],
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('prefers the verified claims over headers sent alongside', async () => {
    const token = await tokenFor(['ops-tech'], 'tech@gigafibre.ca');
    const res = await me(jwt.app, { 'X-Authentik-Jwt': token, 'X-Authentik-Email': 'boss@gigafibre.ca', 'X-Authentik-Groups': 'ops-admin' });
    expect(res.status).toBe(200);
    expect(res.body.email).toBe('tech@gigafibre.ca');
    expect(res.body.groups).toEqual(['ops-tech']);
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signToken({ email: 'x@gigafibre.ca', groups: ['ops-admin'] }, { secret: 'another-secret-that-is-also-long-enough-123' });
    expect401(await me(jwt.app, { 'X-Authentik-Jwt': token }), 'bad_signature');
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const token = await tokenFor(['ops-tech']);
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ email: 'x@gigafibre.ca', groups: ['ops-admin'], iss: ISSUER, aud: AUDIENCE, exp: 9999999999 })).toString('base64url');
    expect401(await me(jwt.app, { 'X-Authentik-Jwt': `${h}.${forged}.${s}` }), 'bad_signature');
  });

  it('refuses an expired token', async () => {
    const token = await signToken({ email: 'x@gigafibre.ca', groups: ['ops-admin'] }, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    expect401(await me(jwt.app, { 'X-Authentik-Jwt': token }), 'expired');
  });

  it('refuses a token without exp', async () => {
    const token = await new SignJWT({ email: 'x@gigafibre.ca', groups: ['ops-admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(new TextEncoder().encode(testEnv('', '').AUTHENTIK_JWT_SECRET));
    expect401(await me(jwt.app, { 'X-Authentik-Jwt': token }), 'invalid_claims');
  });

  it('refuses a token from another issuer', async () => {
    const token = await signToken({ email: 'x@gigafibre.ca', groups: ['ops-admin'] }, { issuer: 'https://auth.test/application/o/other-app/' });
    expect401(await me(jwt.app, { 'X-Authentik-Jwt': token }), 'wrong_issuer');
  });

  it('refuses a token for another audience', async () => {
    const token = await signToken({ email: 'x@gigafibre.ca', groups: ['ops-admin'] }, { audience: 'grafana' });
    expect401(await me(jwt.app, { 'X-Authentik-Jwt': token }), 'wrong_audience');
  });

  it('refuses alg "none"', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ email: 'x@gigafibre.ca', groups: ['ops-admin'], iss: ISSUER, aud: AUDIENCE, exp: 9999999999 })).toString('base64url');
    expect401(await me(jwt.app, { 'X-Authentik-Jwt': `${header}.${payload}.` }), 'algorithm_refused');
  });

  it('refuses an RS256 token when only the HS256 secret is configured', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ email: 'x@gigafibre.ca', groups: ['ops-admin'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    expect401(await me(jwt.app, { 'X-Authentik-Jwt': token }), 'algorithm_refused');
  });

  it('refuses garbage and oversized tokens', async () => {
    expect401(await me(jwt.app, { 'X-Authentik-Jwt': 'not-a-jwt' }), 'malformed');
    expect401(await me(jwt.app, { 'X-Authentik-Jwt': `${'a'.repeat(9000)}.b.c` }), 'malformed');
  });

  it('refuses a valid token that names nobody', async () => {
    const token = await signToken({ groups: ['ops-admin'] });
    expect401(await me(jwt.app, { 'X-Authentik-Jwt': token }), 'no_subject');
  });

  it('answers 401 with no identity at all', async () => {
    expect401(await me(jwt.app), 'missing');
  });
});

describe('identity from headers, by socket peer', () => {
  // supertest connects from 127.0.0.1; the server sees the IPv4-mapped ::ffff:127.0.0.1.
  const headers = { 'X-Authentik-Email': 'luc@gigafibre.ca', 'X-Authentik-Username': 'luc', 'X-Authentik-Name': 'Luc Gagnon', 'X-Authentik-Groups': 'ops-tech|ops-support' };

  it('refuses identity headers without a JWT from a peer outside TRUSTED_PROXIES', async () => {
    const { app } = buildApp(testEnv(upstream.url, upstream.url, { TRUSTED_PROXIES: '10.0.0.0/8,fd00::/8' }));
    expect401(await me(app, headers), 'untrusted_peer');
    app.closeUpstreams();
  });

  it('refuses them when no proxy is trusted at all, even with a forged X-Forwarded-For', async () => {
    const { app } = buildApp(testEnv(upstream.url, upstream.url));
    expect401(await me(app, { ...headers, 'X-Forwarded-For': '127.0.0.1' }), 'untrusted_peer');
    app.closeUpstreams();
  });

  it('accepts them from a trusted peer (IPv4 CIDR matching the mapped address)', async () => {
    const { app } = buildApp(testEnv(upstream.url, upstream.url, { TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.0/8' }));
    const res = await me(app, headers);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: 'luc@gigafibre.ca', username: 'luc', name: 'Luc Gagnon', groups: ['ops-tech', 'ops-support'] });
    expect(res.body.capabilities).toContain('scan.use');
    expect(res.body.capabilities).toContain('clients.edit');
    app.closeUpstreams();
  });

  it('reads the outpost’s UTF-8 header bytes as UTF-8 (names with accents)', async () => {
    const { app } = buildApp(testEnv(upstream.url, upstream.url, { TRUSTED_PROXIES: '127.0.0.1' }));
    const asSent = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    const res = await me(app, { 'X-Authentik-Email': 'chloe@gigafibre.ca', 'X-Authentik-Name': asSent('Chloé Bergeron'), 'X-Authentik-Groups': asSent('ops-dispatch|équipe-nord') });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Chloé Bergeron');
    expect(res.body.groups).toEqual(['ops-dispatch', 'équipe-nord']);
    app.closeUpstreams();
  });

  it('refuses duplicated identity headers even from a trusted peer', async () => {
    const { app } = buildApp(testEnv(upstream.url, upstream.url, { TRUSTED_PROXIES: '127.0.0.1' }));
    expect401(await me(app, { 'X-Authentik-Email': 'a@gigafibre.ca, b@gigafibre.ca' }), 'malformed_headers');
    app.closeUpstreams();
  });

  it('still requires the JWT to verify when one is present from a trusted peer', async () => {
    const { app } = buildApp(testEnv(upstream.url, upstream.url, { TRUSTED_PROXIES: '127.0.0.1' }));
    expect401(await me(app, { ...headers, 'X-Authentik-Jwt': 'forged.token.here' }), 'malformed');
    app.closeUpstreams();
  });
});

describe('developer identity', () => {
  it('is used when a request carries no identity (not in production)', async () => {
    const env = testEnv(upstream.url, upstream.url, { OPS_DEV_IDENTITY: 'dev@gigafibre.ca|ops-admin' });
    const { app } = buildApp(env);
    const res = await me(app);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email: 'dev@gigafibre.ca', groups: ['ops-admin'], capabilities: [...CAPABILITIES] });
    app.closeUpstreams();
  });
});

describe('identity from an RS256 JWKS', () => {
  let jwks: Server;
  let jwksUrl: string;
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;

  beforeAll(async () => {
    keys = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/application/o/gigafibre-ops/jwks/`;
  });
  afterAll(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

  const rsApp = () => buildApp(testEnv(upstream.url, upstream.url, { AUTHENTIK_JWT_SECRET: '', AUTHENTIK_JWKS_URL: jwksUrl }));

  it('accepts a token signed by the provider key', async () => {
    const token = await new SignJWT({ email: 'rs@gigafibre.ca', preferred_username: 'rs', groups: ['ops-support'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(keys.privateKey);
    const { app } = rsApp();
    const res = await me(app, { 'X-Authentik-Jwt': token });
    expect(res.status).toBe(200);
    expect(res.body.email).toBe('rs@gigafibre.ca');
    app.closeUpstreams();
  });

  it('refuses an HS256 token "signed" with the public key (algorithm confusion)', async () => {
    const pem = await exportSPKI(keys.publicKey);
    const token = await new SignJWT({ email: 'x@gigafibre.ca', groups: ['ops-admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(pem));
    const { app } = rsApp();
    expect401(await me(app, { 'X-Authentik-Jwt': token }), 'algorithm_refused');
    app.closeUpstreams();
  });

  it('answers 503 (never lets anyone in) when the JWKS cannot be fetched', async () => {
    const token = await new SignJWT({ email: 'rs@gigafibre.ca', groups: ['ops-admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(keys.privateKey);
    const { app, logs } = buildApp(testEnv(upstream.url, upstream.url, { AUTHENTIK_JWT_SECRET: '', AUTHENTIK_JWKS_URL: `http://127.0.0.1:${await unusedPort()}/jwks/` }));
    const res = await me(app, { 'X-Authentik-Jwt': token });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: 'identity_unavailable', requestId: expect.any(String) });
    expect(logs.lines.some((l) => l.level === 'error' && l.requestId === res.body.requestId)).toBe(true);
    app.closeUpstreams();
  });

  it('refuses a token signed by an unknown key', async () => {
    const other = await generateKeyPair('RS256');
    const token = await new SignJWT({ email: 'x@gigafibre.ca', groups: ['ops-admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(other.privateKey);
    const { app } = rsApp();
    expect401(await me(app, { 'X-Authentik-Jwt': token }), 'bad_signature');
    app.closeUpstreams();
  });
});

describe('verified-token cache', () => {
  it('stops accepting a cached token once it expires', async () => {
    let now = Date.now();
    const { app } = buildApp(testEnv(upstream.url, upstream.url), { identity: { now: () => now } });
    const token = await signToken({ email: 'c@gigafibre.ca', groups: ['ops-tech'] }, { expiresIn: '60s' });
    expect((await me(app, { 'X-Authentik-Jwt': token })).status).toBe(200);
    expect((await me(app, { 'X-Authentik-Jwt': token })).status).toBe(200);
    now += 120_000;
    expect401(await me(app, { 'X-Authentik-Jwt': token }), 'expired');
    app.closeUpstreams();
  });
});
