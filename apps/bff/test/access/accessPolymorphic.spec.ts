// Issue 22, polymorphic doctypes against the real standin: Comments and Versions are read only
// about documents of doctypes the user may read (the BFF adds the filter, or checks the one given,
// in every form), one Comment about another doctype is never shown or opened; a note is written
// only about a client, only as a plain note, never with its author or owner forged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, method, resource, rowsOf, signRoles, type Role } from './accessClient';
import { expectRefused, tally, userCalls } from './accessExpect';
import { startAccessStack, type AccessStack } from './accessStack';
import { loadTruth, type Truth } from './accessTruth';

let stack: AccessStack;
let truth: Truth;
/** Comments the ERP holds about doctypes no ops user may read comments of. */
const planted: Record<string, string> = {};

beforeAll(async () => {
  stack = await startAccessStack();
  await signRoles();
  truth = await loadTruth(stack);
  for (const [doctype, name] of [
    ['User', 'Administrator'],
    ['Sales Invoice', 'ACC-SINV-000001'],
  ] as const) {
    const res = await stack.erp('/api/resource/Comment', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ comment_type: 'Comment', reference_doctype: doctype, reference_name: name, content: `secret about ${doctype}` }),
    });
    planted[doctype] = ((await res.json()) as { data: { name: string } }).data.name;
  }
  // A job's comment (issue 18: what a technician handed over for a job reassigned while offline),
  // which whoever reads the job reads too.
  await stack.erp('/api/resource/Comment', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ comment_type: 'Comment', reference_doctype: 'Dispatch Job', reference_name: [...truth.tech.jobs][0], content: 'note about a job' }),
  });
}, 60_000);
afterAll(async () => {
  process.stdout.write(`access polymorphic figures: ${JSON.stringify(tally)}\n`);
  await stack?.stop();
});

const user = (role: Role) => as(stack.server.port, role);
const READERS = ['admin', 'dispatch', 'support'] as const;

// Every reader also holds tickets.view (issue 16): a ticket's notes and assignments are readable too;
// and dispatch.view or clients.view: a job's comments (issue 18).
const READABLE = new Set(['Customer', 'Issue', 'Dispatch Job']);

describe.each(READERS)('%s reads Comments about clients, tickets and jobs only', (role) => {
  it('a list with no reference filter: only Customer, Issue and Dispatch Job comments', async () => {
    tally.cases++;
    const answer = await user(role).get(resource('Comment', { fields: ['name', 'reference_doctype', 'content'], limit_page_length: 500 }));
    const rows = rowsOf(answer);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.reference_doctype))).toEqual(READABLE);
    expect(answer.body).not.toContain('secret about');
  });

  it.each([
    ['pinned to User', { filters: [['reference_doctype', '=', 'User']] }, 403],
    ['pinned to Sales Invoice', { filters: [['reference_doctype', '=', 'Sales Invoice']] }, 403],
    ['pinned to Dispatch Job', { filters: [['reference_doctype', '=', 'Dispatch Job']] }, 'jobs'],
    ['Customer or User', { filters: [['reference_doctype', 'in', ['Customer', 'User']]] }, 403],
    ['dict filter on User', { filters: { reference_doctype: 'User' } }, 403],
    ['4-tuple on User', { filters: [['Comment', 'reference_doctype', '=', 'User']] }, 403],
    ['the planted name', { filters: [['name', '=', 'PLANTED']] }, 'empty'],
    ['or_filters on User', { or_filters: [['reference_doctype', '=', 'User'], ['reference_doctype', '=', 'Customer']] }, 'customers'],
    ['!= Customer', { filters: [['reference_doctype', '!=', 'Customer']] }, 'not-customers'],
    ['like %', { filters: [['reference_doctype', 'like', '%']] }, 'readable'],
    ['pinned to Customer', { filters: [['reference_doctype', '=', 'Customer']] }, 'customers'],
  ] as const)('%s', async (_name, params, outcome) => {
    for (const kind of ['list', 'get_list', 'get_count'] as const) {
      tally.cases++;
      const p = JSON.parse(JSON.stringify(params).replace('PLANTED', planted.User ?? '')) as Record<string, unknown>;
      if (kind === 'get_count' && 'or_filters' in p) continue; // frappe.client.get_count takes no or_filters
      const target =
        kind === 'list'
          ? resource('Comment', { fields: ['name', 'reference_doctype'], ...p })
          : method(`frappe.client.${kind}`, { doctype: 'Comment', ...(kind === 'get_list' ? { fields: ['name', 'reference_doctype'] } : {}), ...p });
      const from = stack.hits.length;
      const answer = await user(role).get(target);
      if (outcome === 403) {
        expectRefused(answer, 403, { reason: 'reference_not_allowed' });
        expect(userCalls(stack.hits, from)).toEqual([]);
      } else if (kind === 'get_count') {
        expect(answer.status).toBe(200);
        if (outcome === 'empty') expect((answer.json as { message: number }).message).toBe(0);
      } else {
        const rows = rowsOf(answer);
        const allowed =
          outcome === 'readable' ? READABLE : outcome === 'not-customers' ? new Set(['Issue', 'Dispatch Job']) : new Set([outcome === 'jobs' ? 'Dispatch Job' : 'Customer']);
        expect(rows.every((r) => allowed.has(String(r.reference_doctype)))).toBe(true);
        if (outcome === 'empty') expect(rows).toEqual([]);
        else expect(rows.length).toBeGreaterThan(0);
      }
    }
  });

  it.each(['User', 'Sales Invoice'])('opening the comment about %s → 403', async (doctype) => {
    tally.cases++;
    expectRefused(await user(role).get(resource('Comment', {}, planted[doctype])), 403, { reason: 'reference_not_allowed' });
  });
});

describe('Versions', () => {
  it.each([
    ['support', 'Customer', 403],
    ['support', 'User', 403],
    ['support', 'Issue', 200],
    ['support', 'Dispatch Job', 200],
    ['dispatch', 'Dispatch Job', 200],
    ['admin', 'Sales Invoice', 403],
  ] as const)('%s pinned to %s → %i', async (role, doctype, status) => {
    tally.cases++;
    const answer = await user(role).get(resource('Version', { fields: ['name', 'ref_doctype'], filters: [['ref_doctype', '=', doctype]] }));
    expect(answer.status).toBe(status);
  });

  it.each(READERS)('%s without a filter: Issue and Dispatch Job history only', async (role) => {
    tally.cases++;
    const rows = rowsOf(await user(role).get(resource('Version', { fields: ['name', 'ref_doctype'], limit_page_length: 500 })));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(['Issue', 'Dispatch Job']).toContain(row.ref_doctype);
  });
});

describe('a technician reads no Comment and no Version', () => {
  it.each(['Comment', 'Version'])('%s → 403', async (doctype) => {
    tally.cases += 2;
    expectRefused(await user('tech').get(resource(doctype, { fields: ['name'] })), 403, { reason: 'missing_capability' });
    expectRefused(await user('tech').get(resource(doctype, {}, planted['Dispatch Job'])), 403, { reason: 'missing_capability' });
  });
});

describe('writing a note', () => {
  const customer = () => [...truth.tech.customers][0] as string;
  const note = (extra: Record<string, unknown> = {}) => ({ comment_type: 'Comment', reference_doctype: 'Customer', reference_name: customer(), content: '<p>Rappeler lundi</p>', ...extra });

  it('a CSR writes a note on a client', async () => {
    tally.cases++;
    const answer = await user('support').post('/ops/api/erp/resource/Comment', note());
    expect(answer.status).toBe(200);
    expect((answer.json as { data: { comment_email: string } }).data.comment_email).toBe('support@gigafibre.ca');
  });

  it.each([
    ['about a User', { reference_doctype: 'User', reference_name: 'Administrator' }, 403, 'reference_not_allowed'],
    ['about an invoice', { reference_doctype: 'Sales Invoice', reference_name: 'ACC-SINV-000001' }, 403, 'reference_not_allowed'],
    ['about a job', { reference_doctype: 'Dispatch Job' }, 403, 'reference_not_allowed'],
    ['about no doctype', { reference_doctype: null }, 403, 'reference_not_allowed'],
    ['without a name', { reference_name: '' }, 400, 'bad_query'],
    ['as an Info entry', { comment_type: 'Info' }, 400, 'value_not_allowed'],
    ['as an Edit entry', { comment_type: 'Edit' }, 400, 'value_not_allowed'],
    ['signed as someone else', { comment_email: 'admin@gigafibre.ca' }, 400, 'field_not_allowed'],
    ['with an author name', { comment_by: 'Isabelle Gauthier' }, 400, 'field_not_allowed'],
    ['with an owner', { owner: 'admin@gigafibre.ca' }, 400, 'field_not_allowed'],
    ['with a name', { name: 'chosen-name' }, 400, 'field_not_allowed'],
    ['with a docstatus', { docstatus: 1 }, 400, 'field_not_allowed'],
    ['with a creation date', { creation: '2020-01-01 00:00:00' }, 400, 'field_not_allowed'],
    ['with the doctype', { doctype: 'User' }, 400, 'field_not_allowed'],
  ] as const)('a note %s → refused', async (_name, extra, status, reason) => {
    tally.cases++;
    const from = stack.hits.length;
    expectRefused(await user('support').post('/ops/api/erp/resource/Comment', note(extra)), status, { reason });
    expect(userCalls(stack.hits, from)).toEqual([]);
  });

  it.each(['dispatch', 'tech', 'nobody'] as const)('%s writes no note at all', async (role) => {
    tally.cases++;
    expectRefused(await user(role).post('/ops/api/erp/resource/Comment', note()), 403, { reason: 'missing_capability' });
  });
});
