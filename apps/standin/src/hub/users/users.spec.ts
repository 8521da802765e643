import type { AuthUser, AuthUserList, InviteUserResult } from '@gigafibre/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../edge/demo-users';
import { FIXTURE_INVITES } from '../../seed/fixtures';
import type { Standin } from '../../standin';
import { hubFetch, startTestStandin } from '../../testing/harness';
import { PASSWORD_ALPHABET, verifyPassword } from './password';
import { AuthUserStore } from './store';

let standin: Standin;
let base: string;

beforeAll(async () => {
  standin = await startTestStandin({ services: ['hub'] });
  base = standin.urls.hub as string;
});
afterAll(() => standin.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  hubFetch(base, '/auth/users', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });
const patch = (pk: number | string, body: unknown) =>
  hubFetch(base, `/auth/users/${pk}`, { method: 'PATCH', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

describe('/auth/users', () => {
  it('lists the demo users, with search and group filters', async () => {
    const all = (await (await hubFetch(base, '/auth/users')).json()) as AuthUserList;
    expect(all.map((u) => u.email)).toEqual(expect.arrayContaining([DEMO.admin.email, DEMO.tech.email]));
    expect(all[0]).not.toHaveProperty('passwordHash');
    const dispatchers = (await (await hubFetch(base, '/auth/users?group=ops-dispatch')).json()) as AuthUserList;
    expect(dispatchers.map((u) => u.email).sort()).toEqual([DEMO.dispatch.email, DEMO.dispatch2.email].sort());
    const found = (await (await hubFetch(base, '/auth/users?search=nadia')).json()) as AuthUserList;
    expect(found.map((u) => u.email)).toEqual([DEMO.support.email]);
  });

  it('invites a user into Authentik and ERPNext with a readable 12-character password', async () => {
    const res = await post({ email: 'Nouvelle.Recrue@gigafibre.ca', name: 'Nouvelle Recrue', groups: ['ops-support'] }, { 'X-Ops-User': DEMO.admin.email });
    expect(res.status).toBe(201);
    const result = (await res.json()) as InviteUserResult;
    expect(result.steps).toEqual({ authentik: 'created', erpnext: 'created', email: 'sent' });
    expect(result.warnings).toEqual([]);
    expect(result.user).toMatchObject({ email: 'nouvelle.recrue@gigafibre.ca', username: 'nouvelle.recrue', groups: ['ops-support'], is_active: true, last_login: null });
    expect(result.temporary_password).toHaveLength(12);
    for (const ch of result.temporary_password) expect(PASSWORD_ALPHABET).toContain(ch);
    const stored = new AuthUserStore(standin.db).byEmail('nouvelle.recrue@gigafibre.ca');
    expect(await verifyPassword(result.temporary_password, stored?.passwordHash ?? '')).toBe(true);
    expect(standin.db.prepare('SELECT full_name, enabled, owner FROM tabUser WHERE name = ?').get('nouvelle.recrue@gigafibre.ca')).toEqual({ full_name: 'Nouvelle Recrue', enabled: 1, owner: DEMO.admin.email });
    const mail = standin.db.prepare('SELECT body FROM mail_outbox WHERE to_addr = ?').get('nouvelle.recrue@gigafibre.ca') as { body: string };
    expect(mail.body).not.toContain(result.temporary_password);
  });

  it('refuses a duplicate e-mail, whatever its case (409)', async () => {
    const res = await post({ email: DEMO.dispatch.email.toUpperCase(), name: 'Doublon', groups: ['ops-dispatch'] });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toContain(DEMO.dispatch.email);
  });

  it('refuses invalid input with French messages per field (400)', async () => {
    const res = await post({ email: 'pas-un-courriel', name: '  ', groups: [] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; issues: Record<string, string[]> };
    expect(Object.keys(body.issues).sort()).toEqual(['email', 'groups', 'name']);
    expect(body.issues.email?.[0]).toBe('adresse courriel invalide');
    const unknownGroup = await post({ email: 'x@gigafibre.ca', name: 'X', groups: ['ops-root'] });
    expect(unknownGroup.status).toBe(400);
    expect((await post('{not json')).status).toBe(400);
  });

  it('reports partial failures honestly (207): ERPNext user exists, e-mail undeliverable', async () => {
    const erp = await post({ email: FIXTURE_INVITES.erpnextExists, name: 'Mathieu Caron', groups: ['ops-tech'] });
    expect(erp.status).toBe(207);
    expect(((await erp.json()) as InviteUserResult).steps).toEqual({ authentik: 'created', erpnext: 'failed', email: 'sent' });
    const mail = await post({ email: `perdu@${FIXTURE_INVITES.undeliverableDomain}`, name: 'Courriel Perdu', groups: ['ops-tech'] });
    expect(mail.status).toBe(207);
    const result = (await mail.json()) as InviteUserResult;
    expect(result.steps.email).toBe('failed');
    expect(result.warnings.length).toBe(1);
  });

  it('changes groups and deactivates a user (PATCH), mirrored on the ERPNext User', async () => {
    const created = (await (await post({ email: 'temporaire@gigafibre.ca', name: 'Temporaire', groups: ['ops-tech'] })).json()) as InviteUserResult;
    const res = await patch(created.user.pk, { groups: ['ops-dispatch', 'ops-support'], is_active: false, name: 'Temporaire Renommé' });
    expect(res.status).toBe(200);
    expect((await res.json()) as AuthUser).toMatchObject({ groups: ['ops-dispatch', 'ops-support'], is_active: false, name: 'Temporaire Renommé' });
    expect(standin.db.prepare('SELECT enabled, full_name FROM tabUser WHERE name = ?').get('temporaire@gigafibre.ca')).toEqual({ enabled: 0, full_name: 'Temporaire Renommé' });
  });

  it('refuses bad PATCHes: unknown user (404), bad id or body (400)', async () => {
    expect((await patch(99999, { is_active: false })).status).toBe(404);
    expect((await patch('abc', { is_active: false })).status).toBe(400);
    expect((await patch(1, {})).status).toBe(400);
    expect((await patch(1, { groups: ['ops-root'] })).status).toBe(400);
    expect((await patch(1, { password: 'x' })).status).toBe(400);
  });
});
