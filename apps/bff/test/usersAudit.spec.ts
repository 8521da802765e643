// Staff invitations and changes through the BFF (issue 9): each one is audited with who did it,
// the hub's 207 partial answers reach the SPA as they are, and the temporary password in the hub's
// answer never reaches a log line, at any log level.
import type { InviteUserResult } from '@gigafibre/contracts';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { buildApp, testEnv, tokenFor, type TestApp } from './testEnv';

const PASSWORD = 'Qz7Wk2Hp9Rt4';
const ADMIN = 'isabelle.gauthier@gigafibre.ca';

let erp: FakeUpstream;
let hub: FakeUpstream;
let t: TestApp;
let token: string;

function inviteAnswer(status: 201 | 207): InviteUserResult {
  return {
    user: { pk: 42, username: 'recrue', email: 'recrue@gigafibre.ca', name: 'Recrue', groups: ['ops-tech'], is_active: true, created: '2025-11-26T12:00:00.000Z', last_login: null },
    temporary_password: PASSWORD,
    steps: { authentik: 'created', erpnext: status === 201 ? 'created' : 'failed', email: 'sent' },
    warnings: status === 201 ? [] : ['Utilisateur ERPNext non créé : liez-le à la main.'],
  };
}

beforeAll(async () => {
  erp = await startFakeUpstream();
  hub = await startFakeUpstream();
  // trace: the most talkative level, so any line that could carry a body is written.
  t = buildApp(testEnv(erp.url, hub.url, { LOG_LEVEL: 'trace' }));
  token = await tokenFor(['ops-admin'], ADMIN);
});
afterAll(async () => {
  t.app.closeUpstreams();
  await Promise.all([erp.close(), hub.close()]);
});

const auditLine = (requestId: string) => t.logs.lines.find((l) => l.audit === true && l.requestId === requestId);

describe('users through the BFF: audit and secrecy', () => {
  for (const status of [201, 207] as const) {
    it(`audits an invitation (${status}) with who did it, passes the answer through, and logs no password`, async () => {
      hub.handle((_req, res) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(inviteAnswer(status)));
      });
      const res = await request(t.app)
        .post('/ops/api/hub/auth/users')
        .set('X-Authentik-Jwt', token)
        .set('X-Requested-With', 'gigafibre-ops')
        .send({ email: 'recrue@gigafibre.ca', name: 'Recrue', groups: ['ops-tech'] });
      expect(res.status).toBe(status);
      expect(res.body).toEqual(inviteAnswer(status));
      // The hub learns who invited (it records the ERPNext owner with it).
      expect(hub.requests.at(-1)?.headers['x-ops-user']).toBe(ADMIN);

      const requestId = res.headers['x-request-id'] as string;
      await expect.poll(() => auditLine(requestId)).toMatchObject({ level: 'info', who: ADMIN, method: 'POST', path: '/ops/api/hub/auth/users', status });
      expect(t.logs.raw.length).toBeGreaterThan(0);
      for (const line of t.logs.raw) expect(line).not.toContain(PASSWORD);
    });
  }

  it('audits a change of groups or status with who did it and which user', async () => {
    hub.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...inviteAnswer(201).user, is_active: false }));
    });
    const res = await request(t.app)
      .patch('/ops/api/hub/auth/users/42')
      .set('X-Authentik-Jwt', token)
      .set('X-Requested-With', 'gigafibre-ops')
      .send({ is_active: false });
    expect(res.status).toBe(200);
    expect(hub.requests.at(-1)).toMatchObject({ method: 'PATCH', url: '/auth/users/42' });
    await expect.poll(() => auditLine(res.headers['x-request-id'] as string)).toMatchObject({ who: ADMIN, method: 'PATCH', path: '/ops/api/hub/auth/users/42', status: 200 });
  });

  it('refuses a PATCH without the CSRF header, audited, reaching nothing', async () => {
    const before = hub.requests.length;
    const res = await request(t.app).patch('/ops/api/hub/auth/users/42').set('X-Authentik-Jwt', token).send({ is_active: false });
    expect(res.status).toBe(403);
    expect(hub.requests.length).toBe(before);
    await expect.poll(() => auditLine(res.headers['x-request-id'] as string)).toMatchObject({ who: ADMIN, method: 'PATCH', status: 403 });
  });

  it('denies routes the policy does not list under /auth/users (deny by default)', async () => {
    const before = hub.requests.length;
    for (const [method, path] of [
      ['delete', '/ops/api/hub/auth/users/42'],
      ['patch', '/ops/api/hub/auth/users'],
      ['post', '/ops/api/hub/auth/users/42/password'],
      ['get', '/ops/api/hub/auth/users/42'],
    ] as const) {
      const res = await request(t.app)[method](path).set('X-Authentik-Jwt', token).set('X-Requested-With', 'gigafibre-ops').send({});
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(hub.requests.length).toBe(before);
  });
});
