// « En route » texts: a Dispatch Job turning En Route texts its customer once per transition.
import { toE164, type Message, type MessagePage } from '@gigafibre/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventLog } from '../../db/events';
import type { Standin } from '../../standin';
import { erpFetch, hubFetch, resourceUrl, startTestStandin } from '../../testing/harness';
import { playInboundSms } from '../../testing/twilio';
import { EnRouteTexts } from './enRoute';
import { Messaging } from './messaging';

let standin: Standin;

beforeAll(async () => {
  standin = await startTestStandin({ services: ['erp', 'hub'] });
});
afterAll(() => standin.close());

interface JobRow {
  name: string;
  customer: string;
  status: string;
}

function anyCustomerJob(exclude: string[]): JobRow {
  const row = standin.db
    .prepare(`SELECT j.name, j.customer, j.status FROM "tabDispatch Job" j JOIN "tabCustomer" c ON c.name = j.customer
      WHERE j.status = 'Scheduled' AND c.mobile_no IS NOT NULL AND j.customer NOT IN (${exclude.map(() => '?').join(',')}) ORDER BY j.name LIMIT 1`)
    .get(...exclude) as JobRow | undefined;
  if (!row) throw new Error('no scheduled job in the seed');
  return row;
}

const put = (job: string, body: Record<string, unknown>) =>
  erpFetch(standin.urls.erp as string, `/api/resource/${encodeURIComponent('Dispatch Job')}/${job}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

async function textsFor(customer: string, job: string, waitMs = 1000): Promise<Message[]> {
  const until = Date.now() + waitMs;
  for (;;) {
    const page = (await (await hubFetch(standin.urls.hub as string, `/messages?customer=${customer}&limit=100`)).json()) as MessagePage;
    const found = page.messages.filter((m) => m.job === job && m.template === 'en_route');
    if (found.length > 0 || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('« en route » texts', () => {
  it('texts the customer once per transition, with the technician’s first name and a window', async () => {
    const job = anyCustomerJob([]);
    expect((await put(job.name, { status: 'En Route', en_route_at: '2026-06-15 10:20:00' })).status).toBe(200);
    const [text, ...more] = await textsFor(job.customer, job.name);
    expect(more).toEqual([]);
    expect(text).toMatchObject({ direction: 'outbound-api', sent_by: null, template: 'en_route', job: job.name, customer: job.customer });
    expect(text?.body).toMatch(/^(Bonjour \S+, \S+, votre technicien Gigafibre, est en route : arrivée prévue entre \d+ h \d\d et \d+ h \d\d\.|Hello \S+, \S+, your Gigafibre technician, is on the way, expected between \d+:\d\d [ap]\.m\. and \d+:\d\d [ap]\.m\.;)/);
    // The status written again (another field changes), and a second hub replica reading the same log.
    expect((await put(job.name, { status: 'En Route', en_route_at: '2026-06-15 10:20:00', notes: 'Écrit deux fois' })).status).toBe(200);
    const replica = new EnRouteTexts({
      db: standin.db,
      log: new EventLog(standin.db),
      messaging: new Messaging({ db: standin.db, events: new EventLog(standin.db), now: () => new Date(), number: '+14385550100', stepMs: 10_000 }),
      positionOf: () => null,
      now: () => new Date(),
      logger: { warn: () => undefined, info: () => undefined },
      pollMs: null,
    });
    expect(replica.textFor(job.name)).toBe('already_sent');
    await new Promise((r) => setTimeout(r, 150));
    expect(await textsFor(job.customer, job.name)).toHaveLength(1);
    // A new transition (back to Scheduled, then on the road again) is a new text.
    expect((await put(job.name, { status: 'Scheduled' })).status).toBe(200);
    expect((await put(job.name, { status: 'En Route', en_route_at: '2026-06-15 10:28:00' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 150));
    expect(await textsFor(job.customer, job.name)).toHaveLength(2);
  });

  it('sends nothing when the job says not to, or when the number opted out', async () => {
    const quiet = anyCustomerJob([]);
    expect((await put(quiet.name, { no_sms: 1 })).status).toBe(200);
    expect((await put(quiet.name, { status: 'En Route', en_route_at: '2026-06-15 10:21:00' })).status).toBe(200);
    const job = anyCustomerJob([quiet.customer]);
    const { mobile_no } = standin.db.prepare('SELECT mobile_no FROM "tabCustomer" WHERE name = ?').get(job.customer) as { mobile_no: string };
    await playInboundSms(standin.urls.hub as string, { from: toE164(mobile_no) as string, body: 'STOP' });
    expect((await put(job.name, { status: 'En Route', en_route_at: '2026-06-15 10:22:00' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(await textsFor(quiet.customer, quiet.name, 0)).toEqual([]);
    expect(await textsFor(job.customer, job.name, 0)).toEqual([]);
  });

  it('records no_sms on the job like any Check field', async () => {
    const res = await erpFetch(standin.urls.erp as string, resourceUrl('Dispatch Job', { fields: ['name', 'no_sms'], filters: [['no_sms', '=', 1]] }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { no_sms: number }[] }).data.every((r) => r.no_sms === 1)).toBe(true);
  });
});
