// The whole route policy × every default group, generated from the table: each allowed request
// reaches the upstream intact, each denied one gets 403 naming the capability and reaches nothing.
import { capabilitiesFor, DEFAULT_GROUPS, ROUTE_POLICY, satisfies, type PolicyRule } from '@gigafibre/capabilities';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { buildApp, testEnv, tokenFor, type TestApp } from './testEnv';

let erp: FakeUpstream;
let hub: FakeUpstream;
let t: TestApp;
const tokens = new Map<string, string>();

beforeAll(async () => {
  erp = await startFakeUpstream();
  hub = await startFakeUpstream();
  t = buildApp(testEnv(erp.url, hub.url, { LOG_LEVEL: 'warn' }));
  for (const group of [...DEFAULT_GROUPS, 'nobody']) tokens.set(group, await tokenFor([group], `${group.replace(/\W/g, '')}@gigafibre.ca`));
});
afterAll(async () => {
  t.app.closeUpstreams();
  await Promise.all([erp.close(), hub.close()]);
});

// A document name with a space and an accent, as ERPNext names can have.
const PARAM_VALUE = 'DOC 0001-É';

/** A concrete request for a rule: params filled in, query added, everything percent-encoded. */
function concrete(rule: PolicyRule): { bffPath: string; upstreamPath: string; decoded: string } {
  const decodedSegments = rule.path.split('/').slice(1).map((s) => (s.startsWith(':') ? PARAM_VALUE : s));
  const encoded = `/${decodedSegments.map(encodeURIComponent).join('/')}`;
  const query = rule.query ? `?${new URLSearchParams(rule.query).toString()}` : '';
  const bffPath = rule.upstream === 'erp' ? `/ops/api/erp${encoded.replace(/^\/api/, '')}${query}` : `/ops/api/hub${encoded}${query}`;
  return { bffPath, upstreamPath: `${encoded}${query}`, decoded: `/${decodedSegments.join('/')}` };
}

const cases = ROUTE_POLICY.flatMap((rule) => [...DEFAULT_GROUPS, 'nobody'].map((group) => ({ rule, group })));

describe('route policy × default groups', () => {
  it.each(cases.map((c) => [`${c.rule.upstream} ${c.rule.method} ${c.rule.path}${c.rule.query ? ` ${JSON.stringify(c.rule.query)}` : ''} as ${c.group}`, c] as const))(
    '%s',
    async (_name, { rule, group }) => {
      const allowed = satisfies(rule.requires, new Set(capabilitiesFor([group])));
      const { bffPath, upstreamPath, decoded } = concrete(rule);
      const upstream = rule.upstream === 'erp' ? erp : hub;
      const before = upstream.requests.length;
      const mutating = rule.method !== 'GET';
      // The hub's event stream is a stream; here a plain JSON answer stands in for it.
      const verb = rule.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      let req = request(t.app)[verb](bffPath).set('X-Authentik-Jwt', tokens.get(group) as string);
      // The vision routes take images (anything else is 415, security/requestBody.ts).
      const upload = rule.upstream === 'hub' && rule.path.startsWith('/vision/');
      if (mutating) req = req.set('X-Requested-With', 'gigafibre-ops');
      if (mutating) req = upload ? req.set('Content-Type', 'image/png').send(Buffer.from('png bytes')) : req.send({ note: 'données' });
      const res = await req;

      if (allowed) {
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const received = upstream.requests.at(-1);
        expect(upstream.requests.length).toBe(before + 1);
        expect(received?.method).toBe(rule.method);
        expect(received?.url).toBe(upstreamPath);
        expect(decodeURIComponent((received?.url ?? '').split('?')[0] as string)).toBe(decoded);
        if (mutating) expect(upload ? received?.body : JSON.parse(received?.body ?? '')).toEqual(upload ? 'png bytes' : { note: 'données' });
      } else {
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ error: 'forbidden', reason: 'missing_capability', missing: rule.requires, requestId: expect.any(String) });
        expect(res.body.message).toMatch(/Action non permise/);
        expect(upstream.requests.length).toBe(before);
      }
    },
  );
});

describe('deny by default', () => {
  const admin = () => tokens.get('ops-admin') as string;
  const refused: [string, string][] = [
    ['DELETE', '/ops/api/erp/resource/Customer/CUST-1'],
    ['GET', '/ops/api/erp/resource/Secret%20Doctype'],
    ['GET', '/ops/api/erp/method/frappe.client.get_count?doctype=Customer&doctype=User'],
    ['GET', '/ops/api/erp/method/frappe.client.get_count'],
    ['GET', '/ops/api/erp/method/frappe.auth.get_logged_user'],
    ['GET', '/ops/api/erp/resource/customer'],
    ['GET', '/ops/api/erp'],
    ['GET', '/ops/api/hub/admin'],
    ['GET', '/ops/api/hub/EVENTS'],
    ['OPTIONS', '/ops/api/hub/devices/lookup'],
    ['PATCH', '/ops/api/erp/resource/Dispatch%20Job/DJ-1'],
  ];
  it.each(refused)('%s %s → 403 no rule, even for an admin', async (method, path) => {
    const before = erp.requests.length + hub.requests.length;
    const verb = method.toLowerCase() as 'get';
    const res = await request(t.app)[verb](path)
      .set('X-Authentik-Jwt', admin())
      .set('X-Requested-With', 'gigafibre-ops');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'forbidden', reason: 'no_rule', missing: [] });
    expect(erp.requests.length + hub.requests.length).toBe(before);
  });

  it('answers 404 JSON for an unknown /ops/api endpoint', async () => {
    const res = await request(t.app).get('/ops/api/nothing-here').set('X-Authentik-Jwt', admin());
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: 'not_found' });
  });

  it('checks HEAD as GET', async () => {
    const res = await request(t.app).head('/ops/api/hub/devices/lookup?serial=X').set('X-Authentik-Jwt', tokens.get('ops-tech') as string);
    expect(res.status).toBe(200);
    const denied = await request(t.app).head('/ops/api/hub/auth/users').set('X-Authentik-Jwt', tokens.get('ops-tech') as string);
    expect(denied.status).toBe(403);
  });
});
