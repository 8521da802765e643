// Issue 22, reads, per role against the real standin over HTTP: a technician lists, counts and opens
// only their own jobs in the window and what those jobs link to (every one of them: in-scope use
// works), everything else is refused or filtered out without a row leaking; a user in ops-tech with
// no Technician record sees nothing; dispatchers, CSRs and admins keep their breadth.
import { describe, expect, it } from 'vitest';
import { method, resource, ROLES, rowsOf } from './accessClient';
import { expectOnly, expectRefused, tally, userCalls, valuesOf } from './accessExpect';
import { useAccessSuite } from './accessSuite';
import type { TechTruth } from './accessTruth';

const suite = useAccessSuite('reads');
const { user } = suite;

const FIELDS = {
  'Dispatch Job': ['name', 'technician', 'scheduled_date', 'customer', 'service_location', 'status'],
  Customer: ['name', 'customer_name', 'mobile_no'],
  'Service Location': ['name', 'customer', 'address_line', 'city'],
  'Service Equipment': ['name', 'service_location', 'serial_no', 'customer'],
  Technician: ['name', 'technician_name'],
} as const;
type Scoped = keyof typeof FIELDS;
const SCOPED = Object.keys(FIELDS) as Scoped[];
const TECHS = ['tech', 'tech2', 'techUpper'] as const;

/** The names a technician role should see of a doctype. */
function expected(role: (typeof TECHS)[number], doctype: Scoped): Set<string> {
  const t: TechTruth = role === 'tech2' ? suite.truth.tech2 : suite.truth.tech;
  const sets: Record<Scoped, Set<string>> = { 'Dispatch Job': t.jobs, Customer: t.customers, 'Service Location': t.locations, 'Service Equipment': t.equipment, Technician: new Set([t.technician]) };
  return sets[doctype];
}

describe.each(TECHS)('%s: lists show exactly their rows', (role) => {
  it.each(SCOPED)('%s list', async (doctype) => {
    tally.cases++;
    const answer = await user(role).get(resource(doctype, { fields: FIELDS[doctype], limit_page_length: 500 }));
    const rows = expectOnly(answer, expected(role, doctype));
    expect(valuesOf(answer)).toEqual(expected(role, doctype));
    if (doctype === 'Dispatch Job') {
      const t = role === 'tech2' ? suite.truth.tech2 : suite.truth.tech;
      for (const row of rows) {
        expect(row.technician).toBe(t.technician);
        expect(String(row.scheduled_date) >= suite.truth.window.from && String(row.scheduled_date) <= suite.truth.window.to).toBe(true);
      }
    }
  });

  it.each(SCOPED)('%s through frappe.client.get_list', async (doctype) => {
    tally.cases++;
    const answer = await user(role).get(method('frappe.client.get_list', { doctype, fields: FIELDS[doctype], limit_page_length: 500 }));
    expect(valuesOf(answer)).toEqual(expected(role, doctype));
  });

  it.each(SCOPED)('%s through frappe.client.get_count', async (doctype) => {
    tally.cases++;
    const answer = await user(role).get(method('frappe.client.get_count', { doctype }));
    expect(answer.status).toBe(200);
    expect((answer.json as { message: number }).message).toBe(expected(role, doctype).size);
  });

  it.each(SCOPED)('%s HEAD sends the scoped query upstream', async (doctype) => {
    tally.cases++;
    const from = suite.stack.hits.length;
    const answer = await user(role).head(resource(doctype, { fields: FIELDS[doctype] }));
    expect(answer.status).toBe(200);
    const [call] = userCalls(suite.stack.hits, from);
    expect(call?.method).toBe('HEAD');
    const filters = JSON.parse(new URL(call?.url ?? '', 'http://x').searchParams.get('filters') ?? '[]') as unknown[][];
    expect(filters.length).toBeGreaterThan(0);
  });
});

describe('a technician opens each of their documents, cut to the fields they may read', () => {
  const cases = () => SCOPED.flatMap((doctype) => [...expected('tech', doctype)].slice(0, 6).map((name) => [doctype, name] as const));
  it('has documents of every kind to open', () => {
    expect(new Set(cases().map(([d]) => d)).size).toBe(SCOPED.length);
  });
  it.each(SCOPED)('%s: every one opens', async (doctype) => {
    for (const name of [...expected('tech', doctype)].slice(0, 6)) {
      tally.cases++;
      const answer = await user('tech').get(resource(doctype, {}, name));
      expect(answer.status, `${doctype} ${name}: ${answer.body.slice(0, 200)}`).toBe(200);
      const doc = (answer.json as { data: Record<string, unknown> }).data;
      expect(doc.name).toBe(name);
      if (doctype === 'Customer') {
        for (const hidden of ['email_id', 'custom_account_status', 'custom_phone_digits', 'customer_group', 'owner', 'disabled']) expect(doc, hidden).not.toHaveProperty(hidden);
        expect(Object.keys(doc).sort()).toEqual(expect.arrayContaining(['customer_name', 'name']));
      }
      if (doctype === 'Technician') expect(Object.keys(doc).filter((k) => !['doctype', 'name', 'modified', 'technician_name', 'user'].includes(k))).toEqual([]);
    }
  });
});

describe('a technician opens nothing else', () => {
  const others = (doctype: Scoped): string[] => {
    const mine = expected('tech', doctype);
    const theirs = [...expected('tech2', doctype)].filter((n) => !mine.has(n));
    const outside = { Customer: suite.truth.outside.customer, 'Service Location': suite.truth.outside.location, 'Service Equipment': suite.truth.outside.equipment } as Record<string, string>;
    return [...theirs.slice(0, 5), ...(outside[doctype] ? [outside[doctype] as string] : [])];
  };
  it.each(SCOPED)('%s of another technician or no technician: 403, GET and HEAD, nothing asked of the ERP', async (doctype) => {
    const names = others(doctype);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      for (const verb of ['get', 'head'] as const) {
        tally.cases++;
        const from = suite.stack.hits.length;
        const answer = await user('tech')[verb](resource(doctype, {}, name));
        expect(answer.status, `${verb} ${doctype} ${name}`).toBe(403);
        if (verb === 'get') expectRefused(answer, 403, { reason: 'out_of_scope' });
        expect(userCalls(suite.stack.hits, from)).toEqual([]);
      }
    }
  });

  it.each(SCOPED)('%s: the other technician’s names in a filter give nothing', async (doctype) => {
    tally.cases++;
    const names = others(doctype);
    const answer = await user('tech').get(resource(doctype, { fields: ['name'], filters: [['name', 'in', names]] }));
    expect(answer.status).toBe(200);
    expect(rowsOf(answer)).toEqual([]);
  });
});

describe('a user in ops-tech without a Technician record', () => {
  it.each(SCOPED)('%s: an empty list, answered by the BFF itself', async (doctype) => {
    tally.cases++;
    const from = suite.stack.hits.length;
    const answer = await user('ghost').get(resource(doctype, { fields: ['name'], limit_page_length: 500 }));
    expect(answer.status).toBe(200);
    expect(rowsOf(answer)).toEqual([]);
    expect(userCalls(suite.stack.hits, from)).toEqual([]);
    const count = await user('ghost').get(method('frappe.client.get_count', { doctype }));
    expect((count.json as { message: number }).message).toBe(0);
  });

  it.each(SCOPED)('%s: every document refused', async (doctype) => {
    for (const name of [...expected('tech', doctype)].slice(0, 3)) {
      tally.cases++;
      expectRefused(await user('ghost').get(resource(doctype, {}, name)), 403, { reason: 'out_of_scope' });
    }
  });
});

describe.each(['admin', 'dispatch', 'support'] as const)('%s keeps the breadth of their work', (role) => {
  it.each(SCOPED)('%s: every row, any technician', async (doctype) => {
    tally.cases++;
    const answer = await user(role).get(resource(doctype, { fields: ['name'], limit_page_length: 500 }));
    expect(answer.status).toBe(200);
    const all = await suite.stack.erp(`/api/resource/${encodeURIComponent(doctype)}?limit_page_length=500`);
    expect(valuesOf(answer)).toEqual(new Set(((await all.json()) as { data: { name: string }[] }).data.map((r) => r.name)));
  });

  it('opens a customer on no technician’s job, with every field', async () => {
    tally.cases++;
    const answer = await user(role).get(resource('Customer', {}, suite.truth.outside.customer));
    expect(answer.status).toBe(200);
    expect((answer.json as { data: Record<string, unknown> }).data).toHaveProperty('email_id');
  });
});

describe('no access at all', () => {
  it.each(SCOPED)('%s: 403 for a user in no group', async (doctype) => {
    tally.cases++;
    expectRefused(await user('nobody').get(resource(doctype, { fields: ['name'] })), 403, { reason: 'missing_capability' });
  });
  it('every role is covered', () => {
    // `booker` (tickets.view + visits.book only) is played by accessTickets.spec.ts, under its own group map.
    expect(Object.keys(ROLES).length).toBe(9);
  });
});
