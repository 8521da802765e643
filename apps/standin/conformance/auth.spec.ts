// Who may call, and what a caller without valid credentials gets.
// Sources: frappe/auth.py (validate_auth, validate_auth_via_api_keys, validate_api_key_secret),
// frappe/app.py (application: validate_auth before any route; handle_exception), frappe/__init__.py
// (has_permission, is_whitelisted), frappe/api/v1.py (read_doc), frappe/tests/test_api.py
// (test_unauthorized_call, test_auth_cycle, test_ping).
import { describe, expect, it } from 'vitest';
import { expectFrappeError, frappeClient, query, resourcePath } from './client';
import { useTargets } from './target';

const list = useTargets();

describe.each(list)('Frappe auth — $name', (target) => {
  const api = frappeClient(target);
  const [user, secret] = target.token.split(':') as [string, string];

  it('test_api.py test_unauthorized_call: a call without credentials is Guest, refused with 403 PermissionError, no data', async () => {
    const reply = await api.call(resourcePath('Customer'), {}, 'none');
    expectFrappeError(reply, 403, 'PermissionError');
    expect(reply.body).not.toHaveProperty('data');
  });

  it('frappe/auth.py validate_auth: an Authorization header that is not two space-separated parts is no credential (Guest: 403), not a 401', async () => {
    for (const header of ['token', `token ${target.token} extra`, target.token]) {
      expectFrappeError(await api.call(resourcePath('Customer'), {}, { header }), 403, 'PermissionError');
    }
  });

  it('test_api.py test_auth_cycle: a wrong secret or an unknown key is 401 AuthenticationError, raised bare (no _server_messages)', async () => {
    for (const header of [`token ${user}:INCORRECT`, 'token NonExistentKey:INCORRECT', `Basic ${Buffer.from(`${user}:INCORRECT`).toString('base64')}`]) {
      const reply = await api.call(resourcePath('Customer'), {}, { header });
      expectFrappeError(reply, 401, 'AuthenticationError');
      expect(reply.body).not.toHaveProperty('_server_messages');
      expect(reply.body).not.toHaveProperty('data');
    }
  });

  it('frappe/auth.py validate_auth: a Bearer token no OAuth server knows is 401 too (two parts, still Guest)', async () => {
    expectFrappeError(await api.call(resourcePath('Customer'), {}, { header: 'Bearer not-a-token' }), 401, 'AuthenticationError');
  });

  it('frappe/app.py application: validate_auth runs before any route, so a bad token is 401 even on ping', async () => {
    expectFrappeError(await api.call('/api/method/ping', {}, { header: `token ${user}:INCORRECT` }), 401, 'AuthenticationError');
  });

  it('test_api.py test_ping: ping is allow_guest (200 pong without credentials)', async () => {
    const reply = await api.call('/api/method/ping', {}, 'none');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ message: 'pong' });
  });

  it('frappe/__init__.py is_whitelisted: Guest calling a method that is not allow_guest gets 403 PermissionError thrown with a message', async () => {
    const reply = await api.call(`/api/method/frappe.client.get_count${query({ doctype: 'Customer' })}`, {}, 'none');
    expectFrappeError(reply, 403, 'PermissionError');
    expect(reply.body._server_messages).toEqual(expect.any(String));
    expect(reply.body).not.toHaveProperty('message');
  });

  it('frappe/api/v1.py read_doc: Guest reading a missing document meets frappe.get_doc first (404), an existing one the permission check (403)', async () => {
    const [first] = await api.list<{ name: string }>('Customer', { limit_page_length: 1 });
    expectFrappeError(await api.call(resourcePath('Customer', 'CONFORMANCE-NO-SUCH-CUSTOMER'), {}, 'none'), 404, 'DoesNotExistError');
    expectFrappeError(await api.call(resourcePath('Customer', (first as { name: string }).name), {}, 'none'), 403, 'PermissionError');
  });

  it('test_api.py test_auth_cycle: with the right key:secret, frappe.auth.get_logged_user names the key’s user', async () => {
    const token = await api.method<string>('frappe.auth.get_logged_user');
    expect(token.status).toBe(200);
    expect(token.body.message).toEqual(expect.any(String));
    expect(token.body.message).not.toBe('Guest');
    const basic = await api.method<string>('frappe.auth.get_logged_user', {}, 'GET', { header: `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}` });
    expect(basic.body.message).toBe(token.body.message);
  });

  it('frappe/api/__init__.py API_URL_MAP: the v1 routes answer under /api/v1 as under /api', async () => {
    const plain = await api.list('Customer', { limit_page_length: 3, order_by: 'name asc' });
    const v1 = await api.call<{ data: unknown[] }>(`/api/v1${resourcePath('Customer').slice(4)}${query({ limit_page_length: 3, order_by: 'name asc' })}`);
    expect(v1.status).toBe(200);
    expect(v1.body.data).toEqual(plain);
  });
});
