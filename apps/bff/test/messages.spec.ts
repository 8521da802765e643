// Customer SMS through the BFF (issue 19): sending needs messages.send and is attributed to the
// verified user (never to what the browser says), a thread is read one customer and one capped page
// at a time with clients.view, Twilio's webhook is not reachable, and SMS events reach only users
// who may read client files.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEventStack } from './eventStack';
import { startFakeUpstream, type FakeUpstream } from './fakeUpstream';
import { openTab } from './sseClient';
import { buildApp, signToken, testEnv, tokenFor, type TestApp } from './testEnv';

let erp: FakeUpstream;
let hub: FakeUpstream;
let t: TestApp;
let support: string;
let tech: string;

beforeAll(async () => {
  erp = await startFakeUpstream();
  hub = await startFakeUpstream();
  t = buildApp(testEnv(erp.url, hub.url, { LOG_LEVEL: 'warn' }));
  support = await signToken({ email: 'emilie.roy@gigafibre.ca', name: 'Émilie Roy', preferred_username: 'emilie.roy', groups: ['ops-support'] });
  tech = await tokenFor(['ops-tech'], 'tech@gigafibre.ca');
});
afterAll(async () => {
  t.app.closeUpstreams();
  await Promise.all([erp.close(), hub.close()]);
});

const SMS = { customer: 'CUST-00001', to: '+15145550142', body: 'Votre technicien arrive vers 14 h.' };

function post(token: string, path = '/ops/api/hub/messages') {
  return request(t.app).post(path).set('X-Authentik-Jwt', token).set('X-Requested-With', 'gigafibre-ops');
}
const get = (token: string, path: string) => request(t.app).get(path).set('X-Authentik-Jwt', token);

describe('sending an SMS', () => {
  it('goes to the hub with the Idempotency-Key and the verified sender; forged sender headers are dropped', async () => {
    const before = hub.requests.length;
    const res = await post(support)
      .set('Idempotency-Key', 'cust-00001-1')
      .set('X-Ops-User', 'forged@evil.test')
      .set('X-Ops-User-Name', 'Someone Else')
      .send(SMS);
    expect(res.status).toBe(200);
    const sent = hub.requests[before];
    expect(sent).toMatchObject({ method: 'POST', url: '/messages' });
    expect(sent?.headers['idempotency-key']).toBe('cust-00001-1');
    expect(sent?.headers['x-ops-user']).toBe('emilie.roy@gigafibre.ca');
    expect(decodeURIComponent(String(sent?.headers['x-ops-user-name']))).toBe('Émilie Roy');
    expect(JSON.parse(sent?.body ?? '{}')).toEqual(SMS);
  });

  it('is refused without messages.send (403, nothing reaches the hub)', async () => {
    const before = hub.requests.length;
    const res = await post(tech).set('Idempotency-Key', 'k').send(SMS);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'forbidden', missing: ['messages.send'] });
    expect(hub.requests.length).toBe(before);
  });

  it('never reaches Twilio’s inbound webhook (no policy row)', async () => {
    const before = hub.requests.length;
    const res = await post(support, '/ops/api/hub/twilio/sms').type('form').send({ From: '+15145550142', Body: 'STOP' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: 'forbidden', reason: 'no_rule' });
    expect(hub.requests.length).toBe(before);
  });
});

describe('reading a thread', () => {
  it('passes one customer’s capped page to the hub, with clients.view', async () => {
    const ok = await get(support, '/ops/api/hub/messages?customer=CUST-00001&limit=50&before=abc');
    expect(ok.status).toBe(200);
    expect(hub.requests.at(-1)?.url).toBe('/messages?customer=CUST-00001&limit=50&before=abc');
    expect((await get(support, '/ops/api/hub/messages/opt-out?number=%2B15145550142')).status).toBe(200);
    expect(hub.requests.at(-1)?.url).toBe('/messages/opt-out?number=%2B15145550142');
  });

  it('refuses a listing of everyone’s messages, a page past 100 and unknown parameters (400), before the hub', async () => {
    const before = hub.requests.length;
    const cases: [string, string][] = [
      ['/ops/api/hub/messages', 'customer_required'],
      ['/ops/api/hub/messages?limit=10', 'customer_required'],
      ['/ops/api/hub/messages?customer=CUST-00001&customer=CUST-00002', 'repeated_customer'],
      ['/ops/api/hub/messages?customer=', 'bad_customer'],
      ['/ops/api/hub/messages?customer=CUST-00001&limit=101', 'limit_out_of_range'],
      ['/ops/api/hub/messages?customer=CUST-00001&limit=0', 'limit_out_of_range'],
      ['/ops/api/hub/messages?customer=CUST-00001&direction=inbound', 'unknown_param'],
      ['/ops/api/hub/messages/opt-out', 'number_required'],
    ];
    for (const [path, reason] of cases) {
      const res = await get(support, path);
      expect([res.status, res.body.reason], path).toEqual([400, reason]);
      expect(res.body.message).toMatch(/^Requête refusée/);
    }
    expect(hub.requests.length).toBe(before);
  });

  it('needs clients.view', async () => {
    const res = await get(tech, '/ops/api/hub/messages?customer=CUST-00001');
    expect(res.status).toBe(403);
    expect(res.body.missing).toEqual(['clients.view']);
  });
});

describe('SMS events', () => {
  const stack = useEventStack();
  const GREETING = 'retry: 3000\n: connected\n\n';
  const smsFrame = (id: string) => `id: ${id}\nevent: message\ndata: {"action":"created","customer":"CUST-00001","message":{"body":"Merci"}}\n\n`;

  it('reach users who may read client files; others get the id alone, live and on resume', async () => {
    const { port } = await stack.startBff();
    const csr = await openTab(port, { token: support });
    const field = await openTab(port, { token: tech });
    for (const tab of [csr, field]) await expect.poll(() => tab.text()).toBe(GREETING);
    const first = stack.hub.publish();
    stack.hub.writeRaw(smsFrame('500'));
    stack.hub.writeRaw('id: 501\nevent: number_opt\ndata: {"state":{"number":"+15145550142","opted_out":true},"customers":["CUST-00001"]}\n\n');
    const doc = stack.hub.frame(first);
    await expect.poll(() => csr.text()).toContain('"opted_out":true');
    expect(csr.text()).toBe(`${GREETING}${doc}${smsFrame('500')}id: 501\nevent: number_opt\ndata: {"state":{"number":"+15145550142","opted_out":true},"customers":["CUST-00001"]}\n\n`);
    await expect.poll(() => field.text()).toBe(`${GREETING}${doc}id: 500\n\nid: 501\n\n`);
    // Resuming from the ring (memory): the same rule.
    const back = await openTab(port, { token: tech, lastEventId: first });
    await expect.poll(() => back.text()).toBe(`${GREETING}id: 500\n\nid: 501\n\n`);
    const csrBack = await openTab(port, { token: support, lastEventId: first });
    await expect.poll(() => csrBack.text()).toContain('"body":"Merci"');
    for (const tab of [csr, field, back, csrBack]) tab.close();
  });
});
