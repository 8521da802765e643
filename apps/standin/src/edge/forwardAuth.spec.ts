// The outpost's nginx forward-auth endpoint, as Authentik answers it (internal/outpost/proxyv2/
// application/mode_forward.go: forwardHandleNginx): 200 + X-authentik-* signed in, 200 on a skip
// path, 401 otherwise, 500 without X-Original-URL; and the edge's fault rules, applied to the
// request nginx is asking about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Standin } from '../standin';
import { startTestStandin } from '../testing/harness';
import { AUTH_NGINX_PATH } from './forwardAuth';

let standin: Standin;
let edge: string;
let cookie: string;

beforeAll(async () => {
  standin = await startTestStandin({ services: ['hub', 'edge'], faults: true, now: null });
  edge = standin.urls.edge as string;
  const res = await fetch(`${edge}/if/flow/default-authentication-flow/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'tech@gigafibre.ca', password: 'demo-tech', next: '/ops/' }),
  });
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
});
afterAll(() => standin.close());

const ask = (original: string | null, headers: Record<string, string> = {}) =>
  fetch(`${edge}${AUTH_NGINX_PATH}`, { redirect: 'manual', headers: { ...(original ? { 'X-Original-URL': original } : {}), ...headers } });

describe('GET /outpost.goauthentik.io/auth/nginx', () => {
  it('200 with the outpost’s headers for a signed-in session', async () => {
    const res = await ask('http://ops.test:8180/ops/api/me', { Cookie: cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-authentik-email')).toBe('tech@gigafibre.ca');
    expect(res.headers.get('x-authentik-groups')).toBe('ops-tech');
    expect(res.headers.get('x-authentik-jwt')?.split('.')).toHaveLength(3);
    expect(res.headers.get('x-authentik-meta-jwks')).toBe('http://ops.test:8180/application/o/gigafibre-ops/jwks/');
  });

  it('401 without a session (nginx then redirects to /outpost.goauthentik.io/start), 200 without identity on a skip path', async () => {
    const refused = await ask('http://ops.test/ops/dispatch?date=2026-11-18&job=DJ-000005');
    expect(refused.status).toBe(401);
    // The outpost remembers the original URL (SessionRedirect) for its start handler.
    expect(refused.headers.get('set-cookie')).toMatch(/^authentik_proxy_standin_rd=%2Fops%2Fdispatch%3Fdate%3D2026-11-18%26job%3DDJ-000005;/);
    expect((await ask('http://ops.test/ops/api/me')).status).toBe(401);
    expect((await ask('http://ops.test/ops/api/me', { Cookie: 'authentik_proxy_standin=stale' })).status).toBe(401);
    const health = await ask('http://ops.test/ops/healthz');
    expect(health.status).toBe(200);
    expect(health.headers.get('x-authentik-email')).toBeNull();
  });

  it('500 when the proxy does not say which request it asks about', async () => {
    expect((await ask(null, { Cookie: cookie })).status).toBe(500);
  });

  it('applies the edge’s fault rules to the original request: sign-in (401), latency, and a status left for the replay (403)', async () => {
    const rule = (body: object) => fetch(`${edge}/__faults`, { method: 'POST', body: JSON.stringify(body) });
    await rule({ path: '/ops/api/me', signIn: true, cookie });
    expect((await ask('http://ops.test/ops/api/me', { Cookie: cookie })).status).toBe(401);
    expect((await ask('http://ops.test/ops/api/me', { Cookie: cookie })).status).toBe(200); // used up

    await rule({ path: '/ops/api/me', latencyMs: 300 });
    const t0 = Date.now();
    expect((await ask('http://ops.test/ops/api/me', { Cookie: cookie })).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);

    await rule({ path: '/ops/api/erp/resource/Service Equipment', method: 'POST', status: 429 });
    expect((await ask('http://ops.test/ops/api/erp/resource/Service%20Equipment', { Cookie: cookie, 'X-Original-Method': 'GET' })).status).toBe(200);
    const replay = await ask('http://ops.test/ops/api/erp/resource/Service%20Equipment', { Cookie: cookie, 'X-Original-Method': 'POST' });
    expect(replay.status).toBe(403);
    expect(replay.headers.get('x-standin-fault')).toMatch(/^\d+$/);
    // Left in place: the replayed request takes it at the edge.
    expect(((await (await fetch(`${edge}/__faults`)).json()) as { faults: unknown[] }).faults).toHaveLength(1);
    await fetch(`${edge}/__faults`, { method: 'DELETE' });
  });
});
