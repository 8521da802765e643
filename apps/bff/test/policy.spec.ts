// The whole route policy × every default group, generated from the table: each allowed request
// reaches the upstream (intact, or with the access step's scope conditions added to a list), each
// denied one gets 403 naming the capability and reaches nothing. Rows, fields and size: access.spec.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { capabilitiesFor, DEFAULT_GROUPS, DOCTYPE_ACCESS, ROUTE_POLICY, satisfies, type PolicyRule } from '@gigafibre/capabilities';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonHandler, startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { listen, type Listening } from './rawHttp';
import { openTab } from './sseClient';
import { buildApp, HUB_TOKEN, testEnv, tokenFor, type TestApp } from './testEnv';

let erp: FakeUpstream;
let hub: FakeUpstream;
let t: TestApp;
let server: Listening;
const tokens = new Map<string, string>();

// A document name with a space and an accent, as ERPNext names can have.
const PARAM_VALUE = 'DOC 0001-É';

/**
 * The fake ERP answers the BFF's own access reads (no X-Ops-User: the user's Technician, their
 * jobs, the field of a document a check needs) so that PARAM_VALUE is every own-row user's
 * document; the users' own calls get an empty list.
 */
function erpHandler(req: IncomingMessage, res: ServerResponse, body: string): void {
  const path = (req.url ?? '').split('?')[0] as string;
  res.setHeader('content-type', 'application/json');
  if (req.headers['x-ops-user'] !== undefined) {
    // A document is answered as one (a grant showing some fields cuts it; a list would be refused).
    if (path.split('/').length === 5) return void res.end(JSON.stringify({ data: { name: PARAM_VALUE } }));
    // A new document is answered as the ERP saved it (a grant showing some fields cuts it).
    if (req.method === 'POST' && path.startsWith('/api/resource/')) return void res.end(JSON.stringify({ data: { name: PARAM_VALUE } }));
    // upload_file answers the File it saved.
    if (path === '/api/method/upload_file') return void res.end(JSON.stringify({ message: { name: PARAM_VALUE, file_url: '/private/files/photo.png' } }));
    // report_late_item answers the Comment it wrote (cut to what the Technician grant shows).
    if (path === '/api/method/gigafibre.ops.report_late_item') return void res.end(JSON.stringify({ message: { name: PARAM_VALUE } }));
    return jsonHandler(req, res, body);
  }
  // A Communication or ToDo is about a ticket (their grants cover Issue only), a Comment about a client.
  const aboutTicket = decodeURIComponent(path).includes('/Communication') || decodeURIComponent(path).includes('/ToDo');
  const row = {
    name: PARAM_VALUE,
    status: 'Active',
    customer: PARAM_VALUE,
    service_location: PARAM_VALUE,
    reference_doctype: aboutTicket ? 'Issue' : 'Customer',
    reference_type: 'Issue',
    reference_name: PARAM_VALUE,
    ref_doctype: 'Dispatch Job',
    docname: PARAM_VALUE,
    attached_to_doctype: 'Dispatch Job',
    attached_to_name: PARAM_VALUE,
  };
  res.end(JSON.stringify({ data: [row] }));
}

beforeAll(async () => {
  erp = await startFakeUpstream(erpHandler);
  // The hub's event stream stays open (the replica's one subscription); the rest answers JSON.
  hub = await startFakeUpstream((req, res, body) => {
    if (req.url !== '/events') return jsonHandler(req, res, body);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('retry: 3000\n: connected\n\n');
  });
  t = buildApp(testEnv(erp.url, hub.url, { LOG_LEVEL: 'warn' }));
  server = await listen(t.app);
  for (const group of [...DEFAULT_GROUPS, 'nobody']) tokens.set(group, await tokenFor([group], `${group.replace(/\W/g, '')}@gigafibre.ca`));
});
afterAll(async () => {
  t.app.closeUpstreams();
  await server.close();
  await Promise.all([erp.close(), hub.close()]);
});

const isEventStream = (rule: PolicyRule) => rule.upstream === 'hub' && rule.method === 'GET' && rule.path === '/events';

/**
 * The event stream is not proxied request by request: every browser stream is served from the
 * replica's one subscription to the hub (src/events/). Allowed: the stream opens, and the hub has
 * seen one `/events` in all, made with the service token and no user. Denied: 403, nothing opened.
 */
async function checkEventStream(rule: PolicyRule, group: string, allowed: boolean, bffPath: string): Promise<void> {
  const subscriptions = () => hub.requests.filter((r) => r.url === '/events');
  const before = subscriptions().length;
  const tab = await openTab(server.port, { token: tokens.get(group) as string, path: bffPath });
  if (allowed) {
    expect(tab.res.statusCode).toBe(200);
    expect(tab.res.headers['content-type']).toBe('text/event-stream');
    await expect.poll(() => tab.text()).toMatch(/: connected\n\n$/);
    expect(subscriptions()).toHaveLength(1);
    expect(subscriptions()[0]?.headers.authorization).toBe(`Bearer ${HUB_TOKEN}`);
    expect(subscriptions()[0]?.headers['x-ops-user']).toBeUndefined();
    tab.close();
  } else {
    expect(tab.res.statusCode).toBe(403);
    await tab.ended;
    expect(JSON.parse(tab.text())).toMatchObject({ error: 'forbidden', reason: 'missing_capability', missing: rule.requires });
    expect(subscriptions()).toHaveLength(before);
  }
}

/** A concrete request for a rule: params filled in, query added, everything percent-encoded. */
function concrete(rule: PolicyRule): { bffPath: string; upstreamPath: string; decoded: string } {
  const decodedSegments = rule.path.split('/').slice(1).map((s) => (s.startsWith(':') ? PARAM_VALUE : s));
  const encoded = `/${decodedSegments.map(encodeURIComponent).join('/')}`;
  const query = rule.query ? `?${new URLSearchParams(rule.query).toString()}` : (SAMPLE_QUERIES[`${rule.upstream} ${rule.method} ${rule.path}`] ?? '');
  const bffPath = rule.upstream === 'erp' ? `/ops/api/erp${encoded.replace(/^\/api/, '')}${query}` : `/ops/api/hub${encoded}${query}`;
  return { bffPath, upstreamPath: `${encoded}${query}`, decoded: `/${decodedSegments.join('/')}` };
}

/** The query a hub read needs (the BFF refuses a thread read without one customer: policy/hubMessages.ts). */
const SAMPLE_QUERIES: Record<string, string> = {
  'hub GET /messages': '?customer=CUST-00001&limit=20',
  'hub GET /messages/opt-out': '?number=%2B15145550142',
};

/** A body each write route's grants accept (the access table's keys; see access.spec for refusals). */
const SAMPLE_BODIES: Record<string, unknown> = {
  'PUT /api/resource/Dispatch Job/:name': { notes: 'données' },
  'POST /api/resource/Service Equipment': { model: 'données' },
  'PUT /api/resource/Service Equipment/:name': { model: 'données' },
  'POST /api/resource/Comment': { comment_type: 'Comment', reference_doctype: 'Customer', reference_name: PARAM_VALUE, content: 'données' },
  'POST /api/resource/Issue': { subject: 'données' },
  'POST /api/resource/Technician Absence': { note: 'données' },
  'PUT /api/resource/Issue/:name': { subject: 'données' },
  'POST /api/method/gigafibre.ops.set_job_status': { job: PARAM_VALUE, status: 'En Route' },
  'POST /api/method/gigafibre.ops.link_job_equipment': { job: PARAM_VALUE, serial_no: 'ALCLAAAA0001', equipment_type: 'ONT' },
  'POST /api/method/gigafibre.ops.report_late_item': { technician: PARAM_VALUE, job: 'DJ-000001', kind: 'job-status', summary: 'données', recorded_at: '2026-06-15T10:00:00Z' },
  'POST /api/resource/Communication': { communication_type: 'Communication', sent_or_received: 'Sent', subject: 'Re', reference_doctype: 'Issue', reference_name: PARAM_VALUE },
  'POST /api/resource/Dispatch Job': { job_type: 'Repair', status: 'Unscheduled', notes: 'données' },
  'POST /api/method/frappe.desk.form.assign_to.add': { doctype: 'Issue', name: PARAM_VALUE, assign_to: '["a@gigafibre.ca"]' },
  'POST /api/method/frappe.desk.form.assign_to.remove': { doctype: 'Issue', name: PARAM_VALUE, assign_to: 'a@gigafibre.ca' },
};

/** upload_file's sample: a private PNG attached to the (own) job, as a multipart form. */
const FORM_BOUNDARY = 'policy-spec-boundary';
const SAMPLE_FORM = Buffer.concat([
  Buffer.from(
    ['doctype', 'Dispatch Job', 'docname', PARAM_VALUE, 'is_private', '1']
      .reduce<string[]>((acc, v, i, all) => (i % 2 === 0 ? [...acc, `--${FORM_BOUNDARY}\r\nContent-Disposition: form-data; name="${v}"\r\n\r\n${all[i + 1] as string}\r\n`] : acc), [])
      .join(''),
  ),
  Buffer.from(`--${FORM_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`),
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]),
  Buffer.from(`\r\n--${FORM_BOUNDARY}--\r\n`),
]);

/** True when the access step adds conditions to this list for this group (own rows, polymorphic doctypes). */
function scoped(rule: PolicyRule, group: string): boolean {
  const doctype = rule.query?.doctype ?? decodeURIComponent(rule.path.split('/')[3] ?? '');
  const access = DOCTYPE_ACCESS[doctype];
  if (!access || rule.method !== 'GET' || rule.path.endsWith('/:name')) return false;
  const capabilities = new Set(capabilitiesFor([group]));
  const reads = access.read.filter((g) => capabilities.has(g.by));
  return access.reference !== undefined || !reads.some((g) => g.rows === 'all');
}

const cases = ROUTE_POLICY.flatMap((rule) => [...DEFAULT_GROUPS, 'nobody'].map((group) => ({ rule, group })));

describe('route policy × default groups', () => {
  it.each(cases.map((c) => [`${c.rule.upstream} ${c.rule.method} ${c.rule.path}${c.rule.query ? ` ${JSON.stringify(c.rule.query)}` : ''} as ${c.group}`, c] as const))(
    '%s',
    async (_name, { rule, group }) => {
      const allowed = satisfies(rule.requires, new Set(capabilitiesFor([group])));
      const { bffPath, upstreamPath, decoded } = concrete(rule);
      if (isEventStream(rule)) return checkEventStream(rule, group, allowed, bffPath);
      const upstream = rule.upstream === 'erp' ? erp : hub;
      const before = upstream.requests.length;
      const mutating = rule.method !== 'GET';
      const verb = rule.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      let req = request(t.app)[verb](bffPath).set('X-Authentik-Jwt', tokens.get(group) as string);
      // The vision routes take images (anything else is 415, security/requestBody.ts).
      const upload = rule.upstream === 'hub' && rule.path.startsWith('/vision/');
      if (mutating) req = req.set('X-Requested-With', 'gigafibre-ops');
      const sample = rule.upstream === 'erp' ? SAMPLE_BODIES[`${rule.method} ${rule.path}`] : { note: 'données' };
      const form = rule.upstream === 'erp' && rule.path === '/api/method/upload_file';
      if (mutating && form) req = req.set('Content-Type', `multipart/form-data; boundary=${FORM_BOUNDARY}`).send(SAMPLE_FORM);
      else if (mutating) req = upload ? req.set('Content-Type', 'image/png').send(Buffer.from('png bytes')) : req.send(sample as object);
      const res = await req;

      if (allowed) {
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        // The user's own call is the last to reach the upstream (after any access read of the BFF's own).
        const received = upstream.requests.filter((r) => rule.upstream === 'hub' || r.headers['x-ops-user'] !== undefined).at(-1);
        expect(upstream.requests.length).toBeGreaterThan(before);
        expect(received?.method).toBe(rule.method);
        if (scoped(rule, group)) {
          expect(received?.url.split('?')[0]).toBe(upstreamPath.split('?')[0]);
          expect(new URL(received?.url ?? '', 'http://x').searchParams.get('filters')).toEqual(expect.any(String));
        } else {
          expect(received?.url).toBe(upstreamPath);
        }
        expect(decodeURIComponent((received?.url ?? '').split('?')[0] as string)).toBe(decoded);
        if (mutating && form) expect(Buffer.from(received?.body ?? '', 'latin1').length).toBeGreaterThan(0);
        else if (mutating) expect(upload ? received?.body : JSON.parse(received?.body ?? '')).toEqual(upload ? 'png bytes' : sample);
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
