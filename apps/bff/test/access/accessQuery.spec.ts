// Issue 22, bounded reads and field allow-lists, per role against the real standin: every column a
// technician may not read is refused wherever a request could name it (fields, filters,
// or_filters, order_by, group_by, an aggregate), `*` too; every page is capped (0, "all", refused);
// every parameter Frappe would read that the app does not send is refused; none reaches the ERP.
import { DOCTYPE_ACCESS, LIST_LIMITS } from '@gigafibre/capabilities';
import { DOCTYPES, type Doctype } from '@gigafibre/contracts';
import { describe, expect, it } from 'vitest';
import { method, resource, type Role } from './accessClient';
import { expectRefused, tally, userCalls } from './accessExpect';
import { useAccessSuite } from './accessSuite';

const suite = useAccessSuite('query');
const { user } = suite;

const STANDARD = ['owner', 'creation', 'modified_by', 'docstatus', '_user_tags'];

/** The columns of a doctype a technician may not read (the table's scan.use grant). */
function hiddenFromTech(doctype: Doctype): string[] {
  const grant = DOCTYPE_ACCESS[doctype]?.read.find((g) => g.by === 'scan.use');
  if (!grant || grant.fields === '*') return [];
  const allowed = new Set(['name', 'modified', ...grant.fields]);
  return [...Object.keys(DOCTYPES[doctype].fields), ...STANDARD].filter((f) => !allowed.has(f));
}

const PLACES: [string, (field: string) => Record<string, unknown>][] = [
  ['fields', (f) => ({ fields: ['name', f] })],
  ['filters', (f) => ({ fields: ['name'], filters: [[f, 'like', '%a%']] })],
  ['dict filters', (f) => ({ fields: ['name'], filters: { [f]: ['is', 'set'] } })],
  ['or_filters', (f) => ({ fields: ['name'], or_filters: [[f, '=', 'x'], ['name', 'like', '%']] })],
  ['order_by', (f) => ({ fields: ['name'], order_by: `${f} desc` })],
  ['group_by', (f) => ({ fields: ['name'], group_by: f })],
  ['an aggregate', (f) => ({ fields: [`count(${f}) as n`] })],
  ['an alias', (f) => ({ fields: [`${f} as customer_name`] })],
];

const NARROW: Doctype[] = ['Customer', 'Service Location', 'Technician'];

describe.each(NARROW)('a technician never reads a hidden column of %s', (doctype) => {
  const cases = hiddenFromTech(doctype).flatMap((field) => PLACES.map(([place, params]) => [`${field} in ${place}`, field, params(field)] as const));
  it('has hidden columns to try', () => expect(cases.length).toBeGreaterThan(0));
  it.each(cases)('%s → 403 naming it', async (_name, field, params) => {
    tally.cases++;
    const from = suite.stack.hits.length;
    expectRefused(await user('tech').get(resource(doctype, params)), 403, { reason: 'field_not_allowed', field, doctype });
    expect(userCalls(suite.stack.hits, from)).toEqual([]);
  });
  it.each(['list', 'get_list'] as const)('fields ["*"] through %s → 403 naming *', async (kind) => {
    tally.cases++;
    const target = kind === 'list' ? resource(doctype, { fields: ['*'] }) : method('frappe.client.get_list', { doctype, fields: ['*'] });
    expectRefused(await user('tech').get(target), 403, { reason: 'field_not_allowed', field: '*' });
  });
  it('a count filtering on a hidden column → 403', async () => {
    tally.cases++;
    const [field] = hiddenFromTech(doctype);
    expectRefused(await user('tech').get(method('frappe.client.get_count', { doctype, filters: [[field, 'like', 'a%']] })), 403, { reason: 'field_not_allowed' });
  });
});

describe('a technician reads the customer e-mail of no one, even of their own jobs’ clients', () => {
  it('their own customer’s e-mail through every door', async () => {
    const mine = [...suite.truth.tech.customers][0] as string;
    const doors = [
      resource('Customer', { fields: ['name', 'email_id'], filters: [['name', '=', mine]] }),
      resource('Customer', { fields: ['name'], filters: [['email_id', 'like', '%@%'], ['name', '=', mine]] }),
      method('frappe.client.get_list', { doctype: 'Customer', fields: ['email_id'], filters: [['name', '=', mine]] }),
      method('frappe.client.get_value', { doctype: 'Customer', fieldname: 'email_id', filters: { name: mine } }),
      method('frappe.client.get', { doctype: 'Customer', name: mine }),
      resource('Customer', { expand_links: '1' }, mine),
      resource('Dispatch Job', { fields: ['name'], expand: ['customer'] }),
    ];
    for (const door of doors) {
      tally.cases++;
      const answer = await user('tech').get(door);
      expect(answer.status, door).toBeGreaterThanOrEqual(400);
      expect(answer.body).not.toMatch(/@(?!gigafibre)/);
    }
  });
});

const READERS: [Role, Doctype][] = [
  ['admin', 'Customer'],
  ['admin', 'Dispatch Job'],
  ['dispatch', 'Dispatch Job'],
  ['dispatch', 'Technician'],
  ['support', 'Customer'],
  ['support', 'Sales Invoice'],
  ['tech', 'Dispatch Job'],
  ['tech', 'Customer'],
];
const BAD_PAGES: [string, Record<string, string>][] = [
  ['0 (every row)', { limit_page_length: '0' }],
  ['one past the cap', { limit_page_length: String(LIST_LIMITS.maxPage + 1) }],
  ['a million', { limit_page_length: '1000000' }],
  ['empty (Frappe reads 0)', { limit_page_length: '' }],
  ['negative', { limit_page_length: '-1' }],
  ['not a number', { limit_page_length: 'all' }],
  ['an exponent', { limit_page_length: '1e3' }],
  ['a padded number', { limit_page_length: ' 20' }],
  ['limit 0', { limit: '0' }],
  ['limit past the cap', { limit: '5000' }],
  ['limit and limit_page_length', { limit: '20', limit_page_length: '20' }],
  ['a negative start', { limit_start: '-20' }],
];

describe.each(READERS)('%s on %s: every page is bounded', (role, doctype) => {
  it.each(BAD_PAGES)('list with %s → 400', async (_name, params) => {
    tally.cases++;
    const from = suite.stack.hits.length;
    const query = new URLSearchParams({ fields: '["name"]', ...params });
    const answer = await user(role).get(`/ops/api/erp/resource/${encodeURIComponent(doctype)}?${query.toString()}`);
    expect(answer.status).toBe(400);
    expect(['page_too_large', 'bad_query']).toContain((answer.json as { error: string }).error);
    expect(userCalls(suite.stack.hits, from)).toEqual([]);
  });
  it.each(BAD_PAGES.filter(([, p]) => !('limit' in p)))('get_list with %s → 400', async (_name, params) => {
    tally.cases++;
    const query = new URLSearchParams({ doctype, fields: '["name"]', ...params });
    expect((await user(role).get(`/ops/api/erp/method/frappe.client.get_list?${query.toString()}`)).status).toBe(400);
  });
  it('the cap itself is served, and no page without a size is larger than Frappe’s 20', async () => {
    tally.cases += 2;
    const capped = await user(role).get(resource(doctype, { fields: ['name'], limit_page_length: LIST_LIMITS.maxPage }));
    expect(capped.status).toBe(200);
    expect((capped.json as { data: unknown[] }).data.length).toBeLessThanOrEqual(LIST_LIMITS.maxPage);
    const plain = await user(role).get(resource(doctype, { fields: ['name'] }));
    expect((plain.json as { data: unknown[] }).data.length).toBeLessThanOrEqual(20);
  });
});

const UNKNOWN_PARAMS = ['expand', 'expand_links', 'debug', 'as_dict', 'parent', 'run_method', 'page_length', 'start', 'with_comment_count', 'cmd', 'data', 'ignore_permissions', 'limit_page_length ', 'Filters'];

describe.each(['admin', 'tech'] as const)('%s: parameters Frappe would read that the app never sends', (role) => {
  it.each(UNKNOWN_PARAMS)('list with %j → 400', async (param) => {
    tally.cases++;
    const from = suite.stack.hits.length;
    const query = new URLSearchParams({ fields: '["name"]', [param]: '1' });
    expectRefused(await user(role).get(`/ops/api/erp/resource/Dispatch%20Job?${query.toString()}`), 400, { reason: 'bad_query' });
    expect(userCalls(suite.stack.hits, from)).toEqual([]);
  });
  it.each(UNKNOWN_PARAMS)('get_count with %j → 400', async (param) => {
    tally.cases++;
    const query = new URLSearchParams({ doctype: 'Dispatch Job', [param]: '1' });
    expect((await user(role).get(`/ops/api/erp/method/frappe.client.get_count?${query.toString()}`)).status).toBe(400);
  });
  it.each(['run_method', 'expand_links', 'fields', 'as_dict'])('a document with ?%s → 400', async (param) => {
    tally.cases++;
    const job = [...suite.truth.tech.jobs][0] as string;
    expectRefused(await user(role).get(`${resource('Dispatch Job', {}, job)}?${param}=1`), 400, { reason: 'bad_query', param });
  });
  it.each(['fields', 'filters', 'order_by', 'limit_page_length'])('%s given twice → 400', async (param) => {
    tally.cases++;
    const values: Record<string, string> = { fields: '["name"]', filters: '[]', order_by: 'name asc', limit_page_length: '5' };
    const once = `${param}=${encodeURIComponent(values[param] as string)}`;
    expectRefused(await user(role).get(`/ops/api/erp/resource/Dispatch%20Job?${once}&${once}`), 400, { reason: 'bad_query', param });
  });
});
