// Issue 22, filter and URL tricks a technician might try to see other rows: or_filters, dict
// filters, 4-tuples, 5-tuples, names pinned outside the scope, operators in other cases, the window
// crossed, the same through get_list/get_count/get_value/get, HEAD, and percent-encoding games on
// the path and the parameter names. Each is refused, or answered with their own rows only.
import { describe, expect, it } from 'vitest';
import { method } from './accessClient';
import { expectOnly, tally, userCalls } from './accessExpect';
import { useAccessSuite } from './accessSuite';

const suite = useAccessSuite('tricks');

const tech = () => suite.user('tech');

type Target = 'Dispatch Job' | 'Customer' | 'Service Location' | 'Service Equipment';
const TARGETS: Target[] = ['Dispatch Job', 'Customer', 'Service Location', 'Service Equipment'];

/** The demo technician's own names, and a name of the doctype that is not theirs. */
function sets(doctype: Target): { own: Set<string>; foreign: string } {
  const own = { 'Dispatch Job': suite.truth.tech.jobs, Customer: suite.truth.tech.customers, 'Service Location': suite.truth.tech.locations, 'Service Equipment': suite.truth.tech.equipment }[doctype];
  const foreign = {
    'Dispatch Job': [...suite.truth.tech2.jobs][0] as string,
    Customer: suite.truth.outside.customer,
    'Service Location': suite.truth.outside.location,
    'Service Equipment': suite.truth.outside.equipment,
  }[doctype];
  return { own, foreign };
}

interface TrickContext {
  foreign: string;
  /** The field tying a row to its technician, and another technician's value of it. */
  link: string;
  other: string;
  ownName: string;
}

function contextOf(doctype: Target): TrickContext {
  const { own, foreign } = sets(doctype);
  const link = { 'Dispatch Job': 'technician', Customer: 'name', 'Service Location': 'customer', 'Service Equipment': 'service_location' }[doctype];
  const other = { 'Dispatch Job': 'TECH-002', Customer: suite.truth.outside.customer, 'Service Location': suite.truth.outside.customer, 'Service Equipment': suite.truth.outside.location }[doctype];
  return { foreign, link, other, ownName: [...own][0] as string };
}

const q = JSON.stringify;
/** Query tricks: the parameters (built once the seed is read) and what must come of them. */
const TRICKS: [string, (c: TrickContext, doctype: Target) => Record<string, string>, 'own' | 'empty' | 400][] = [
  ['no filter', () => ({}), 'own'],
  ['name like %', () => ({ filters: q([['name', 'like', '%']]) }), 'own'],
  ['or_filters naming a foreign row', (c) => ({ or_filters: q([['name', '=', c.foreign]]) }), 'empty'],
  ['or_filters naming the other technician’s link', (c) => ({ or_filters: q([[c.link, '=', c.other], ['name', 'like', '%']]) }), 'own'],
  ['dict filter on a foreign name', (c) => ({ filters: q({ name: c.foreign }) }), 'empty'],
  ['dict filter with an operator', (c) => ({ filters: q({ name: ['in', [c.foreign]] }) }), 'empty'],
  ['dict filter != the other link', (c) => ({ filters: q({ [c.link]: ['!=', c.other] }) }), 'own'],
  ['4-tuple on the foreign name', (c, d) => ({ filters: q([[d, 'name', '=', c.foreign]]) }), 'empty'],
  ['4-tuple on the other link', (c, d) => ({ filters: q([[d, c.link, '=', c.other]]) }), 'empty'],
  ['4-tuple naming another doctype', () => ({ filters: q([['User', 'name', '=', 'Administrator']]) }), 400],
  ['5-tuple Frappe would truncate', (c, d) => ({ filters: q([[d, 'name', '=', c.foreign, 'junk']]) }), 400],
  ['2-tuple', (c) => ({ filters: q([['name', c.foreign]]) }), 400],
  ['a dict inside the list', (c) => ({ filters: q([{ name: c.foreign }]) }), 400],
  ['an object as value', () => ({ filters: q([['name', '=', { $ne: '' }]]) }), 400],
  ['nested lists as value', (c) => ({ filters: q([['name', 'in', [[c.foreign]]]]) }), 400],
  ['IN in capitals with a foreign name', (c) => ({ filters: q([['name', 'IN', [c.foreign]]]) }), 'empty'],
  ['not in [] (everything)', () => ({ filters: q([['name', 'not in', []]]) }), 'own'],
  ['is not set on the link', (c) => ({ filters: q([[c.link, 'is', 'not set']]) }), 'empty'],
  ['comma-separated in', (c) => ({ filters: q([['name', 'in', `${c.foreign},${c.ownName}`]]) }), 'own'],
  ['a dotted link path', () => ({ filters: q([['customer.email_id', 'like', '%']]) }), 400],
  ['a back-quoted table column', (c) => ({ filters: q([['`tabCustomer`.`name`', '=', c.foreign]]) }), 400],
  ['filters as plain text', (c) => ({ filters: `name=${c.foreign}` }), 400],
  ['an unknown operator', () => ({ filters: q([['name', 'regexp', '.*']]) }), 400],
  ['SQL in the operator', (c) => ({ filters: q([['name', '= name or 1=1 --', c.foreign]]) }), 400],
  ['order_by with a sub-query', () => ({ order_by: '(select 1)' }), 400],
  ['fields with a sub-query', () => ({ fields: q(['name', '(select email_id from tabCustomer limit 1)']) }), 400],
  ['fields from another table', () => ({ fields: q(['`tabUser`.`name`']) }), 400],
];

const CASES = TARGETS.flatMap((doctype) => TRICKS.map(([name, params, outcome]) => [`${doctype}: ${name}`, doctype, params, outcome] as const));

describe('tricks on lists, through /api/resource and frappe.client.get_list', () => {
  it.each(CASES)('%s', async (_name, doctype, build, outcome) => {
    const own = sets(doctype).own;
    const list = new URLSearchParams({ fields: '["name"]', limit_page_length: '500', ...build(contextOf(doctype), doctype) });
    const viaMethod = new URLSearchParams({ doctype, ...Object.fromEntries(list) });
    for (const target of [`/ops/api/erp/resource/${encodeURIComponent(doctype)}?${list.toString()}`, `/ops/api/erp/method/frappe.client.get_list?${viaMethod.toString()}`]) {
      tally.cases++;
      const from = suite.stack.hits.length;
      const answer = await tech().get(target);
      if (outcome === 400) {
        expect(answer.status, `${target}: ${answer.body.slice(0, 200)}`).toBe(400);
        expect(userCalls(suite.stack.hits, from)).toEqual([]);
        continue;
      }
      const rows = expectOnly(answer, own);
      if (outcome === 'empty') expect(rows).toEqual([]);
      else expect(rows.length).toBeGreaterThan(0);
    }
  });

  it.each(CASES.filter(([, , , outcome]) => outcome !== 400))('%s, counted', async (_name, doctype, build) => {
    tally.cases++;
    const params = build(contextOf(doctype), doctype);
    const query = new URLSearchParams({ doctype, ...(params.filters ? { filters: params.filters } : {}) });
    const answer = await tech().get(`/ops/api/erp/method/frappe.client.get_count?${query.toString()}`);
    expect(answer.status).toBe(200);
    expect((answer.json as { message: number }).message).toBeLessThanOrEqual(sets(doctype).own.size);
  });
});

describe('the window', () => {
  it.each([
    ['a week before it', -8],
    ['past its end', 15],
  ])('jobs %s are not theirs, even pinned by name', async (_name, days) => {
    tally.cases++;
    const date = new Date(Date.parse(`${suite.truth.window.from}T12:00:00Z`) + (days + 7) * 86_400_000).toISOString().slice(0, 10);
    const job = (await suite.stack.erp('/api/resource/Dispatch%20Job', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        job_type: 'Repair',
        status: 'Scheduled',
        customer: suite.truth.outside.customer,
        service_location: suite.truth.outside.location,
        technician: 'TECH-001',
        requested_date: date,
        scheduled_date: date,
        start_time: '09:00:00',
        duration_minutes: 60,
      }),
    }).then((r) => r.json())) as { data: { name: string } };
    suite.stack.clock.now += 6_000; // past the minimum age, so a miss may reload the scope
    const listed = await tech().get(`/ops/api/erp/resource/Dispatch%20Job?${new URLSearchParams({ fields: '["name"]', filters: JSON.stringify([['name', '=', job.data.name]]) }).toString()}`);
    expect((listed.json as { data: unknown[] }).data).toEqual([]);
    expect((await tech().get(`/ops/api/erp/resource/Dispatch%20Job/${job.data.name}`)).status).toBe(403);
    expect((await tech().get(`/ops/api/erp/resource/Customer/${suite.truth.outside.customer}`)).status).toBe(403);
  });
});

describe('other doors and encodings', () => {
  const job = () => [...suite.truth.tech2.jobs][0] as string;
  const REFUSED: [string, () => string, number[]][] = [
    ['frappe.client.get_value', () => method('frappe.client.get_value', { doctype: 'Dispatch Job', fieldname: 'customer', filters: { name: job() } }), [403]],
    ['frappe.client.get', () => method('frappe.client.get', { doctype: 'Dispatch Job', name: job() }), [403]],
    ['frappe.client.get_list with doctype twice', () => `${method('frappe.client.get_list', { doctype: 'Customer' })}&doctype=User`, [403]],
    ['get_count of User', () => method('frappe.client.get_count', { doctype: 'User' }), [403]],
    ['frappe.desk.reportview.get', () => method('frappe.desk.reportview.get', { doctype: 'Dispatch Job' }), [403]],
    ['the doctype with + for the space', () => '/ops/api/erp/resource/Dispatch+Job', [403]],
    ['the doctype double-encoded', () => '/ops/api/erp/resource/Dispatch%2520Job', [400, 403]],
    ['an encoded slash in the name', () => `/ops/api/erp/resource/Dispatch%20Job/${job()}%2Fx`, [400]],
    ['a dot segment', () => `/ops/api/erp/resource/Dispatch%20Job/..%2FCustomer`, [400]],
    ['a trailing slash (Frappe’s rule has one)', () => `/ops/api/erp/resource/Dispatch%20Job/${job()}/`, [400]],
    ['another technician’s job, lower-case doctype', () => `/ops/api/erp/resource/dispatch%20job/${job()}`, [403]],
    ['filters given twice, one name encoded', () => `/ops/api/erp/resource/Dispatch%20Job?filters=[]&%66ilters=${encodeURIComponent(JSON.stringify([['name', '=', job()]]))}`, [400]],
  ];
  it.each(REFUSED)('%s → refused', async (_name, target, statuses) => {
    tally.cases++;
    const from = suite.stack.hits.length;
    const answer = await tech().get(target());
    expect(statuses, `${target()}: ${answer.status} ${answer.body.slice(0, 200)}`).toContain(answer.status);
    expect(userCalls(suite.stack.hits, from)).toEqual([]);
  });

  it.each([
    ['the doctype percent-encoded letter by letter', '/ops/api/erp/resource/%44%69%73%70%61%74%63%68%20%4A%6F%62'],
    ['the parameter name percent-encoded', `/ops/api/erp/resource/Dispatch%20Job?%66ields=%5B%22name%22%5D&%6Cimit_page_length=500`],
    ['+ for spaces in the filter value', `/ops/api/erp/resource/Dispatch%20Job?fields=%5B%22name%22%5D&filters=${encodeURIComponent('[["technician", "=", "TECH-002"]]').replace(/%20/g, '+')}`],
  ])('%s → their rows only', async (_name, target) => {
    tally.cases++;
    expectOnly(await tech().get(target), suite.truth.tech.jobs);
  });

  it('HEAD with a trick is scoped like GET', async () => {
    tally.cases++;
    const from = suite.stack.hits.length;
    const answer = await tech().head(`/ops/api/erp/resource/Dispatch%20Job?${new URLSearchParams({ or_filters: JSON.stringify([['technician', '=', 'TECH-002']]) }).toString()}`);
    expect(answer.status).toBe(200);
    const sent = userCalls(suite.stack.hits, from)[0]?.url ?? '';
    expect(new URL(sent, 'http://x').searchParams.get('filters')).toContain('TECH-001');
  });
});
