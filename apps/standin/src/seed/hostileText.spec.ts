import type { DeviceLookup } from '@gigafibre/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../standin';
import { erpFetch, hubFetch, resourceUrl, testConfig, TEST_NOW } from '../testing/harness';
import { FIXTURE_CUSTOMERS } from './fixtures';
import { HOSTILE_TEXT } from './hostileText';

let s: Standin;
const erp = () => s.urls.erp as string;
const hub = () => s.urls.hub as string;
const list = async <T>(doctype: string, params: Record<string, unknown>) => ((await (await erpFetch(erp(), resourceUrl(doctype, params))).json()) as { data: T[] }).data;

beforeAll(async () => {
  s = await startStandin({ ...testConfig({ services: ['erp', 'hub'] }), hostileText: true }, { now: () => new Date(TEST_NOW) });
});
afterAll(async () => {
  await s.close();
});

describe('STANDIN_HOSTILE_TEXT', () => {
  it('plants the payloads in one non-fixture customer’s texts, found by its search term', async () => {
    const [customer] = await list<{ name: string; customer_name: string }>('Customer', { fields: ['name', 'customer_name'], filters: [['customer_name', 'like', `%${HOSTILE_TEXT.searchTerm}%`]] });
    expect(customer?.customer_name).toBe(HOSTILE_TEXT.customerName);
    const name = customer?.name as string;
    expect(name > 'CUST-00008').toBe(true);
    expect(await list('Service Location', { fields: ['address_line', 'access_notes'], filters: { customer: name } })).toContainEqual({ address_line: HOSTILE_TEXT.addressLine, access_notes: HOSTILE_TEXT.accessNotes });
    expect(await list('Comment', { fields: ['content'], filters: { reference_name: name } })).toContainEqual({ content: HOSTILE_TEXT.note });
    expect(await list('Issue', { fields: ['subject'], filters: { customer: name } })).toContainEqual({ subject: HOSTILE_TEXT.ticketSubject });
    expect(await list('Dispatch Job', { fields: ['notes', 'status'], filters: { customer: name, status: 'Unscheduled' } })).toContainEqual({ notes: HOSTILE_TEXT.jobNotes, status: 'Unscheduled' });
  });

  it('gives its router hostile SSIDs and station host names', async () => {
    const [customer] = await list<{ name: string }>('Customer', { filters: [['customer_name', 'like', `%${HOSTILE_TEXT.searchTerm}%`]] });
    const equipment = await list<{ serial_no: string }>('Service Equipment', { fields: ['serial_no'], filters: { customer: customer?.name } });
    const lookups = await Promise.all(equipment.map(async (e) => (await hubFetch(hub(), `/devices/lookup?serial=${e.serial_no}`)).json() as Promise<DeviceLookup>));
    const router = lookups.find((l) => l.wifi?.radios.some((r) => r.ssids.some((x) => x.ssid === HOSTILE_TEXT.ssid)));
    expect(router).toBeDefined();
    const hostNames = router?.wifi.clients.map((c) => c.hostName) ?? [];
    for (const planted of HOSTILE_TEXT.hostNames) expect(hostNames).toContain(planted);
  });

  it('leaves the fixtures alone', async () => {
    const [c] = await list<{ customer_name: string }>('Customer', { fields: ['customer_name'], filters: { name: FIXTURE_CUSTOMERS.badOptical.customer } });
    expect(c?.customer_name).toBe(FIXTURE_CUSTOMERS.badOptical.customerName);
  });
});
