// Issue 22, enumeration and the scope cache against the real standin: lists draw on a per-user
// row budget (429 with Retry-After and an audit line past it; a lookup by names costs its names,
// a count nothing), big lists of personal data are audited, a technician's record and jobs are
// read once per minute and again only on a miss, and an ERP that cannot say what is theirs fails
// closed (502), never open.
import { describe, expect, it } from 'vitest';
import { unusedPort } from '../fakeUpstream';
import { listen } from '../rawHttp';
import { buildApp, testEnv } from '../testEnv';
import { as, method, resource, rowsOf } from './accessClient';
import { expectRefused, tally } from './accessExpect';
import { useAccessSuite } from './accessSuite';

const suite = useAccessSuite('limits', { OPS_RATE_LIMIT_LIST_ROWS: '1000/1m' });
const { user } = suite;

const page = (doctype: string, size: number, extra: Record<string, unknown> = {}) => resource(doctype, { fields: ['name'], limit_page_length: size, ...extra });
const auditLines = (event: string) => suite.stack.t.logs.lines.filter((l) => l.audit === true && l.event === event);
/** The BFF's own reads of a doctype (scope loads), not the users'. */
const ownReads = (doctype: string) => suite.stack.hits.filter((h) => h.user === undefined && decodeURIComponent(h.url).startsWith(`/api/resource/${doctype}?`)).length;

describe('the row budget (1,000 rows a minute in this suite)', () => {
  it('two pages of 500, then 429 with Retry-After and an audit line; another user is not held back; it refills', async () => {
    tally.cases += 5;
    expect((await user('support').get(page('Customer', 500))).status).toBe(200);
    expect((await user('support').get(page('Customer', 500))).status).toBe(200);
    const refused = await user('support').get(page('Customer', 500));
    expectRefused(refused, 429, { error: 'rate_limited', limit: 'listRows' });
    expect(Number(refused.headers['retry-after'])).toBe(30);
    expect(auditLines('rate_limited').at(-1)).toMatchObject({ who: 'support@gigafibre.ca', limit: 'listRows', doctype: 'Customer', rows: 500 });
    expect((await user('admin').get(page('Customer', 500))).status).toBe(200);
    suite.stack.clock.now += 30_000;
    expect((await user('support').get(page('Customer', 500))).status).toBe(200);
  });

  it('a lookup by names costs its names, not its page; a count costs nothing', async () => {
    tally.cases += 3;
    const names = [...suite.truth.tech.jobs].slice(0, 3);
    for (let i = 0; i < 10; i++) expect((await user('dispatch').get(page('Dispatch Job', 500, { filters: [['name', 'in', names]] }))).status).toBe(200);
    for (let i = 0; i < 30; i++) expect((await user('dispatch').get(method('frappe.client.get_count', { doctype: 'Dispatch Job' }))).status).toBe(200);
    expect((await user('dispatch').get(page('Dispatch Job', 500))).status).toBe(200); // 1,000 − 30 − 500 left: 470
    expect((await user('dispatch').get(page('Dispatch Job', 500))).status).toBe(429);
  });

  it('big lists of personal data are audited; big lists of jobs are not', async () => {
    tally.cases += 2;
    const before = auditLines('bulk_read').length;
    await user('admin').get(page('Service Location', 150));
    expect(auditLines('bulk_read').slice(before)).toEqual([expect.objectContaining({ who: 'admin@gigafibre.ca', doctype: 'Service Location', rows: 150, rowsScope: 'all' })]);
    suite.stack.clock.now += 60_000;
    await user('admin').get(page('Dispatch Job', 150));
    await user('admin').get(page('Customer', 100));
    expect(auditLines('bulk_read').length).toBe(before + 1);
  });
});

describe('the scope cache', () => {
  it('a technician’s record and jobs are read once a minute, whatever they ask', async () => {
    tally.cases += 2;
    suite.stack.clock.now += 120_000;
    const technicians = ownReads('Technician');
    const jobs = ownReads('Dispatch Job');
    for (let i = 0; i < 15; i++) expect((await user('tech').get(page('Customer', 20))).status).toBe(200);
    expect(ownReads('Technician') - technicians).toBe(1);
    expect(ownReads('Dispatch Job') - jobs).toBe(1);
    suite.stack.clock.now += 61_000;
    await user('tech').get(page('Customer', 20));
    expect(ownReads('Technician') - technicians).toBe(2);
  });

  it('misses reload it at most once per 5 s', async () => {
    tally.cases += 2;
    suite.stack.clock.now += 61_000;
    await user('tech').get(page('Customer', 20));
    const jobs = ownReads('Dispatch Job');
    for (let i = 0; i < 10; i++) expect((await user('tech').get(resource('Customer', {}, suite.truth.outside.customer))).status).toBe(403);
    expect(ownReads('Dispatch Job')).toBe(jobs);
    suite.stack.clock.now += 5_000;
    expect((await user('tech').get(resource('Customer', {}, suite.truth.outside.customer))).status).toBe(403);
    expect(ownReads('Dispatch Job')).toBe(jobs + 1);
  });

  it('an Inactive technician has no rows', async () => {
    tally.cases++;
    const res = await suite.stack.erp('/api/resource/Technician/TECH-002', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'Inactive' }) });
    expect(res.status).toBe(200);
    suite.stack.clock.now += 61_000;
    expect(rowsOf(await user('tech2').get(page('Dispatch Job', 50)))).toEqual([]);
  });
});

describe('failing closed', () => {
  it('an ERP that cannot say which rows are theirs: 502, not an empty or a full list', async () => {
    tally.cases += 2;
    const down = `http://127.0.0.1:${await unusedPort()}`;
    const t = buildApp(testEnv(down, down, { LOG_LEVEL: 'silent' }));
    const server = await listen(t.app);
    try {
      const answer = await as(server.port, 'tech').get(page('Customer', 20));
      expectRefused(answer, 502, { error: 'upstream_unavailable' });
      const doc = await as(server.port, 'tech').get(resource('Customer', {}, 'CUST-00001'));
      expect(doc.status).toBe(502);
    } finally {
      t.app.closeUpstreams();
      await server.close();
    }
  });
});
