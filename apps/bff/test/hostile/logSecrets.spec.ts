// Issue 11: the BFF's log never holds a token, a cookie, a JWT, a temporary password or a body.
// A realistic session (reads, writes, an invitation, a device task, an image upload, the event
// stream, refusals, rate limiting, upstream failures) runs through the real BFF process at
// LOG_LEVEL=trace; then its whole log is searched for every secret that went through it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultClient } from '../../../standin/src/faults/client';
import { TEST_TOKENS } from '../../../standin/src/testing/harness';
import { JWT_SECRET } from '../testEnv';
import { ROLE_TOKENS, signedToken } from './forgedTokens';
import { startHostileStack, type HostileStack } from './hostileStack';

let stack: HostileStack;
const base = () => `http://127.0.0.1:${stack.bffPort}`;

// Secrets the client itself sends, which the BFF must drop and never write down.
const CLIENT_COOKIE = 'authentik_proxy_standin=cookie-value-7f3a9c1e5b';
const CLIENT_BEARER = 'Bearer client-bearer-2d8e4f6a0c';
// Markers inside bodies: the BFF never logs a body.
const BODY_MARKERS = { job: 'MARQUEUR-TRAVAIL-51c9', note: 'MARQUEUR-NOTE-88e2', name: 'MARQUEUR-NOM-0b7d', image: 'MARQUEUR-IMAGE-e4f1' };
// A 1×1 PNG, then the marker (bytes after IEND are ignored by decoders).
const PNG = Buffer.concat([
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
  Buffer.from(BODY_MARKERS.image),
]);

const temporaryPasswords: string[] = [];
const tokensUsed: string[] = [];

async function call(path: string, token: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  tokensUsed.push(token);
  const headers = new Headers(init.headers);
  headers.set('X-Authentik-Jwt', token);
  headers.set('Cookie', CLIENT_COOKIE);
  headers.set('Authorization', CLIENT_BEARER);
  if (init.method && init.method !== 'GET') headers.set('X-Requested-With', 'gigafibre-ops');
  let body = init.body;
  if (init.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  const res = await fetch(`${base()}${path}`, { ...init, headers, body });
  return res;
}

beforeAll(async () => {
  stack = await startHostileStack({ LOG_LEVEL: 'trace', OPS_RATE_LIMIT_INVITES: '2/1h', UPSTREAM_TIMEOUT_MS: '2500' }, { faults: true });
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

describe('the log of a realistic session', () => {
  it('runs the session', async () => {
    const admin = ROLE_TOKENS.admin;
    const expect2xx = async (res: Response) => {
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return res;
    };
    await expect2xx(await call('/ops/api/me', admin));
    await expect2xx(await call('/ops/api/config', admin));
    await expect2xx(await call('/ops/api/erp/resource/Customer?fields=%5B%22name%22%2C%22customer_name%22%5D&limit_page_length=5', admin));
    await expect2xx(await call('/ops/api/erp/resource/Customer/CUST-00001', admin));
    const job = (await (await call('/ops/api/erp/resource/Dispatch%20Job/DJ-000001', admin)).json()) as { data: { modified: string } };
    await expect2xx(await call('/ops/api/erp/resource/Dispatch%20Job/DJ-000001', admin, { method: 'PUT', json: { notes: BODY_MARKERS.job, modified: job.data.modified } }));
    await expect2xx(
      await call('/ops/api/erp/resource/Comment', admin, {
        method: 'POST',
        json: { comment_type: 'Comment', reference_doctype: 'Customer', reference_name: 'CUST-00001', content: BODY_MARKERS.note },
      }),
    );
    for (const n of [1, 2]) {
      const res = await expect2xx(await call('/ops/api/hub/auth/users', admin, { method: 'POST', json: { email: `nouveau${n}@gigafibre.ca`, name: `${BODY_MARKERS.name} ${n}`, groups: ['ops-tech'] } }));
      const invited = (await res.json()) as { temporary_password: string; user: { pk: number } };
      temporaryPasswords.push(invited.temporary_password);
      await expect2xx(await call(`/ops/api/hub/auth/users/${invited.user.pk}`, admin, { method: 'PATCH', json: { name: `${BODY_MARKERS.name} bis` } }));
    }
    expect(temporaryPasswords).toHaveLength(2);
    expect((await call('/ops/api/hub/auth/users', admin, { method: 'POST', json: { email: 'trop@gigafibre.ca', name: 'Trop', groups: ['ops-tech'] } })).status).toBe(429);
    await expect2xx(await call('/ops/api/hub/devices/lookup?serial=ALCLB2C4D601', admin));
    await expect2xx(await call(`/ops/api/hub/devices/${encodeURIComponent('A4E31B-G%2D010G%2DQ-ALCLB2C4D601')}/tasks?connection_request`, admin, { method: 'POST', json: { name: 'refreshObject' } }));
    const form = new FormData();
    form.set('image', new Blob([PNG], { type: 'image/png' }), 'etiquette.png');
    form.set('note', BODY_MARKERS.image);
    expect((await call('/ops/api/hub/vision/barcodes', admin, { method: 'POST', body: form })).status).toBeLessThan(500);
    // The event stream: open, read the first bytes, leave.
    const controller = new AbortController();
    const stream = await call('/ops/api/hub/events', admin, { signal: controller.signal });
    expect(stream.status).toBe(200);
    await stream.body?.getReader().read();
    controller.abort();
    // Refusals: a forged token, an expired one, a forbidden route, a body too large, a wrong type.
    const forged = `${admin.slice(0, -4)}AAAA`;
    expect((await call('/ops/api/me', forged)).status).toBe(401);
    expect((await call('/ops/api/me', signedToken({ email: 'old@gigafibre.ca', groups: ['ops-admin'], exp: 1 }))).status).toBe(401);
    expect((await call('/ops/api/hub/auth/users', ROLE_TOKENS.tech)).status).toBe(403);
    expect((await call('/ops/api/erp/resource/Comment', admin, { method: 'POST', json: { content: 'x'.repeat(70_000) } })).status).toBe(413);
    expect((await call('/ops/api/erp/resource/Comment', admin, { method: 'POST', body: 'content=x', headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
    // Upstream failures: an answer cut mid-way, a silence past the timeout.
    const erpFaults = new FaultClient(stack.standin.urls.erp as string);
    // Twice: a GET reset on a reused connection is retried once (proxy/upstreamProxy.ts).
    await erpFaults.inject({ path: '/api/resource/Customer', reset: true, count: 2 });
    expect((await call('/ops/api/erp/resource/Customer', admin)).status).toBe(502);
    await erpFaults.inject({ path: '/api/resource/Customer', latencyMs: 4000 });
    expect((await call('/ops/api/erp/resource/Customer', admin)).status).toBe(504);
    await erpFaults.clear();
  });

  it('wrote what an operator needs: audit lines, refusals, the rate limit, upstream failures', async () => {
    // The BFF is another process: its last lines (the 504) may still be in its stdout pipe.
    await expect.poll(() => stack.log().includes('"status":504'), { timeout: 5000 }).toBe(true);
    const lines = stack
      .log()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.audit === true && l.msg === 'audit').length).toBeGreaterThanOrEqual(8);
    expect(lines.some((l) => l.msg === 'refused' && l.status === 401)).toBe(true);
    expect(lines.some((l) => l.event === 'rate_limited' && l.limit === 'invites' && l.who === 'admin@gigafibre.ca')).toBe(true);
    expect(lines.some((l) => l.level === 'error' && l.status === 502)).toBe(true);
    expect(lines.some((l) => l.level === 'error' && l.status === 504)).toBe(true);
  });

  it('holds none of the secrets that went through the BFF', () => {
    const log = stack.log();
    const secrets: [string, string][] = [
      ['ERP service token', TEST_TOKENS.erp],
      ['ERP secret', TEST_TOKENS.erp.split(':')[1] as string],
      ['hub service token', TEST_TOKENS.hub],
      ['JWT signing secret', JWT_SECRET],
      ['client cookie', CLIENT_COOKIE.split('=')[1] as string],
      ['client bearer', CLIENT_BEARER.split(' ')[1] as string],
      ...temporaryPasswords.map((p, i): [string, string] => [`temporary password ${i + 1}`, p]),
      ...[...new Set(tokensUsed)].flatMap((t, i): [string, string][] => [
        [`JWT ${i + 1}`, t],
        [`JWT ${i + 1} signature`, t.split('.')[2] as string],
        [`JWT ${i + 1} payload`, t.split('.')[1] as string],
      ]),
      ...Object.entries(BODY_MARKERS).map(([k, v]): [string, string] => [`${k} body`, v]),
      ['image bytes (base64)', PNG.subarray(0, 40).toString('base64')],
    ];
    expect(log.length).toBeGreaterThan(1000);
    const found = secrets.filter(([, value]) => value.length >= 6 && log.includes(value)).map(([name]) => name);
    expect(found).toEqual([]);
  });
});
