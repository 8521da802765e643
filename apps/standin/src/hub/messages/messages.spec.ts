// The hub's SMS contract (hub-messages.ts) as the standin plays Twilio: send once per key, refuse
// before sending, the carrier lifecycle and its faults, threads, inbound webhook, opt-out keywords.
import type { Message, MessagePage, MessageRefusal, NumberOptState } from '@gigafibre/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultClient } from '../../faults/client';
import { FIXTURE_CUSTOMERS } from '../../seed/fixtures';
import { FIXTURE_SMS } from '../../seed/messages';
import type { Standin } from '../../standin';
import { hubFetch, startTestStandin } from '../../testing/harness';
import { playInboundSms } from '../../testing/twilio';

let standin: Standin;
let hub: string;
let faults: FaultClient;
let keys = 0;

beforeAll(async () => {
  standin = await startTestStandin({ services: ['hub'], faults: true });
  hub = standin.urls.hub as string;
  faults = new FaultClient(hub);
});
afterAll(() => standin.close());

const JOSEE = FIXTURE_CUSTOMERS.badOptical; // CUST-00001, 514-555-0142
const MARC = FIXTURE_CUSTOMERS.marginalOptical;
const e164 = (digits: string) => `+1${digits}`;

function send(body: Record<string, unknown>, key: string | null = `k-${++keys}`, headers: Record<string, string> = {}) {
  return hubFetch(hub, '/messages', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key !== null && { 'Idempotency-Key': key }), ...headers },
    body: JSON.stringify(body),
  });
}
const text = (customer: string, digits: string, body: string) => ({ customer, to: e164(digits), body });

async function thread(customer: string, query = ''): Promise<MessagePage> {
  return (await (await hubFetch(hub, `/messages?customer=${customer}${query}`)).json()) as MessagePage;
}

async function until(sid: string, customer: string, status: Message['status']): Promise<Message> {
  for (let i = 0; i < 100; i++) {
    const m = (await thread(customer, '&limit=100')).messages.find((x) => x.sid === sid);
    if (m?.status === status) return m;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${sid} never reached ${status}`);
}

const eventsOf = (type: string) => (standin.db.prepare('SELECT data FROM events WHERE type = ? ORDER BY id').all(type) as { data: string }[]).map((r) => JSON.parse(r.data) as Record<string, unknown>);

describe('POST /messages', () => {
  it('sends once per Idempotency-Key: 201, then the same message (200), then delivered', async () => {
    const body = { ...text(JOSEE.customer, JOSEE.phoneDigits, 'Votre technicien arrive à 14 h.'), template: 'generic' };
    const headers = { 'X-Ops-User': 'agent@gigafibre.ca', 'X-Ops-User-Name': encodeURIComponent('Émilie Roy') };
    const first = await send(body, 'same-key', headers);
    expect(first.status).toBe(201);
    const m = (await first.json()) as Message;
    expect(m).toMatchObject({ customer: JOSEE.customer, direction: 'outbound-api', from: '+14385550100', to: '+15145550142', status: 'queued', error_code: null });
    expect(m).toMatchObject({ segments: 1, encoding: 'GSM-7', sent_by: { email: 'agent@gigafibre.ca', name: 'Émilie Roy' }, template: 'generic', job: null, idempotency_key: 'same-key' });
    expect(m.sid).toMatch(/^SM[0-9a-f]{32}$/);
    const again = await send(body, 'same-key', headers);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Message).sid).toBe(m.sid);
    const delivered = await until(m.sid, JOSEE.customer, 'delivered');
    expect(delivered.date_updated >= delivered.date_created).toBe(true);
    expect((await thread(JOSEE.customer, '&limit=100')).messages.filter((x) => x.body === body.body)).toHaveLength(1);
    const statuses = eventsOf('message').filter((e) => (e.message as Message).sid === m.sid).map((e) => [e.action, (e.message as Message).status, e.customer]);
    expect(statuses).toEqual([
      ['created', 'queued', JOSEE.customer],
      ['updated', 'sending', JOSEE.customer],
      ['updated', 'sent', JOSEE.customer],
      ['updated', 'delivered', JOSEE.customer],
    ]);
  });

  it('refuses another message under a used key (422), and nothing is sent', async () => {
    await send(text(JOSEE.customer, JOSEE.phoneDigits, 'Un'), 'reused');
    const res = await send(text(JOSEE.customer, JOSEE.phoneDigits, 'Deux'), 'reused');
    expect(res.status).toBe(422);
    expect(((await res.json()) as MessageRefusal).code).toBe('idempotency_mismatch');
  });

  it('refuses before sending, with a French reason and a code', async () => {
    const cases: [Record<string, unknown>, string | null, number, string, number | undefined][] = [
      [text(JOSEE.customer, '5145550', 'Bonjour'), 'a', 400, 'invalid_number', 21211],
      [{ ...text(JOSEE.customer, JOSEE.phoneDigits, ''), to: '+33612345678' }, 'b', 400, 'invalid_number', 21211],
      [text(JOSEE.customer, JOSEE.phoneDigits, '   '), 'c', 400, 'empty_body', 21602],
      [text(JOSEE.customer, JOSEE.phoneDigits, 'ê'.repeat(671)), 'd', 400, 'too_many_segments', undefined],
      [text('CUST-99999', JOSEE.phoneDigits, 'Bonjour'), 'e', 404, 'unknown_customer', undefined],
      [text(JOSEE.customer, JOSEE.phoneDigits, 'Bonjour'), null, 400, 'idempotency_key', undefined],
      [text(JOSEE.customer, JOSEE.phoneDigits, 'Bonjour'), 'x'.repeat(101), 400, 'idempotency_key', undefined],
      [{ ...text(JOSEE.customer, JOSEE.phoneDigits, 'Bonjour'), sent_by: { email: 'x@y.z' } }, 'f', 400, 'invalid_request', undefined],
    ];
    const before = (await thread(JOSEE.customer, '&limit=100')).messages.length;
    for (const [body, key, status, code, twilio] of cases) {
      const res = await send(body, key);
      const refusal = (await res.json()) as MessageRefusal;
      expect([res.status, refusal.code, refusal.twilio_code], code).toEqual([status, code, twilio]);
      expect(refusal.error.length).toBeGreaterThan(5);
    }
    expect((await thread(JOSEE.customer, '&limit=100')).messages).toHaveLength(before);
    // 10 UCS-2 segments (670 units) still go.
    expect((await send(text(JOSEE.customer, JOSEE.phoneDigits, 'ê'.repeat(670)))).status).toBe(201);
  });

  it('plays carrier faults: undelivered 30003, failed 30008, late delivery; the hub down answers 503', async () => {
    const cust = MARC.customer;
    await faults.inject({ method: 'POST', path: '/messages', sms: { outcome: 'undelivered', errorCode: 30003 } });
    const a = (await (await send(text(cust, MARC.phoneDigits, 'A'))).json()) as Message;
    expect(await until(a.sid, cust, 'undelivered')).toMatchObject({ error_code: 30003 });
    await faults.inject({ method: 'POST', path: '/messages', sms: { outcome: 'failed', errorCode: 30008 } });
    const b = (await (await send(text(cust, MARC.phoneDigits, 'B'))).json()) as Message;
    expect(await until(b.sid, cust, 'failed')).toMatchObject({ error_code: 30008 });
    await faults.inject({ method: 'POST', path: '/messages', sms: { delayMs: 400 } });
    const c = (await (await send(text(cust, MARC.phoneDigits, 'C'))).json()) as Message;
    await until(c.sid, cust, 'sent');
    await new Promise((r) => setTimeout(r, 150));
    expect((await thread(cust)).messages.find((x) => x.sid === c.sid)?.status).toBe('sent');
    await until(c.sid, cust, 'delivered');
    await faults.inject({ method: 'POST', path: '/messages', status: 503 });
    expect((await send(text(cust, MARC.phoneDigits, 'D'), 'down-1')).status).toBe(503);
    expect((await send(text(cust, MARC.phoneDigits, 'D'), 'down-1')).status).toBe(201);
    await expect(faults.inject({ path: '/messages', sms: { outcome: 'failed' } })).rejects.toThrow(/outcome et errorCode/);
  });
});

describe('seeded threads', () => {
  it('has a thread in the customer’s language and a number that texted ARRET', async () => {
    const seeded = (await thread(FIXTURE_SMS.thread, '&limit=100')).messages.filter((m) => m.template === 'visit_confirmation');
    expect(seeded).toHaveLength(1);
    expect(seeded[0]?.body).toMatch(/^(Bonjour|Hello) Josée, /);
    const stopped = FIXTURE_CUSTOMERS.unknownSerial;
    const opt = (await (await hubFetch(hub, `/messages/opt-out?number=%2B1${stopped.phoneDigits}`)).json()) as NumberOptState;
    expect(opt).toMatchObject({ opted_out: true, keyword: 'ARRET' });
    expect((await send(text(FIXTURE_SMS.optedOut, stopped.phoneDigits, 'Bonjour'))).status).toBe(409);
  });
});

describe('GET /messages', () => {
  it('pages one customer’s thread, newest first, with a cursor', async () => {
    const cust = FIXTURE_CUSTOMERS.overloadOptical;
    for (let i = 0; i < 12; i++) expect((await send(text(cust.customer, cust.phoneDigits, `Message ${i}`))).status).toBe(201);
    const seen: string[] = [];
    let query = '&limit=5';
    for (const size of [5, 5, 2]) {
      const page = await thread(cust.customer, query);
      expect(page.messages).toHaveLength(size);
      seen.push(...page.messages.map((m) => m.body));
      if (size === 2) expect(page.next_before).toBeNull();
      else query = `&limit=5&before=${page.next_before as string}`;
    }
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `Message ${11 - i}`));
  });

  it('refuses a listing without exactly one customer, a limit past 100 or a foreign cursor', async () => {
    for (const q of ['', '?customer=A&customer=B', `?customer=${JOSEE.customer}&limit=101`, `?customer=${JOSEE.customer}&limit=0`, `?customer=${JOSEE.customer}&before=xyz`]) {
      const res = await hubFetch(hub, `/messages${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as MessageRefusal).code).toBe('invalid_request');
    }
  });
});

describe('Twilio inbound webhook', () => {
  it('files a signed inbound text in the thread of the customer with that mobile, once per MessageSid', async () => {
    const sid = `SM${'ab'.repeat(16)}`;
    const res = await playInboundSms(hub, { from: e164(JOSEE.phoneDigits), body: 'Merci, à demain!', sid });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/xml/);
    expect(await res.text()).toContain('<Response></Response>');
    expect((await playInboundSms(hub, { from: e164(JOSEE.phoneDigits), body: 'Merci, à demain!', sid })).status).toBe(200);
    const inbound = (await thread(JOSEE.customer, '&limit=100')).messages.filter((m) => m.sid === sid);
    expect(inbound).toEqual([expect.objectContaining({ sid, direction: 'inbound', status: 'received', from: '+15145550142', to: '+14385550100', sent_by: null, idempotency_key: null, customer: JOSEE.customer })]);
    expect(eventsOf('message').filter((e) => (e.message as Message).sid === sid)).toHaveLength(1);
  });

  it('refuses a bad signature (403), another content type (415), and is not behind the bearer token', async () => {
    expect((await playInboundSms(hub, { from: e164(JOSEE.phoneDigits), body: 'x', authToken: 'wrong' })).status).toBe(403);
    const plain = await fetch(`${hub}/twilio/sms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(plain.status).toBe(415);
  });

  it('STOP (or ARRÊT) opts the number out: sending is refused with 21610; START opts it back in', async () => {
    const cust = FIXTURE_CUSTOMERS.offline;
    const number = e164(cust.phoneDigits);
    const state = async () => (await (await hubFetch(hub, `/messages/opt-out?number=${encodeURIComponent(number)}`)).json()) as NumberOptState;
    expect(await state()).toEqual({ number, opted_out: false, since: null, keyword: null });
    await playInboundSms(hub, { from: number, body: ' Arrêt ' });
    expect(await state()).toMatchObject({ opted_out: true, keyword: 'Arrêt' });
    const refused = await send(text(cust.customer, cust.phoneDigits, 'Bonjour'));
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'opted_out', twilio_code: 21610, error: expect.stringMatching(/STOP/) });
    expect(eventsOf('number_opt').at(-1)).toMatchObject({ state: { number, opted_out: true }, customers: [cust.customer] });
    await playInboundSms(hub, { from: number, body: 'start' });
    expect(await state()).toMatchObject({ opted_out: false, keyword: 'start' });
    expect((await send(text(cust.customer, cust.phoneDigits, 'Bonjour'))).status).toBe(201);
    expect((await hubFetch(hub, '/messages/opt-out?number=514')).status).toBe(400);
  });
});
