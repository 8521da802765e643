import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildSearchPlan, listCallQuery, lookupCall } from '../model/searchPlan';
import { searchClients } from './clientSearchApi';

const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>();
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const urls = () => fetchMock.mock.calls.map((c) => new URL(String(c[0]), 'http://x'));

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const josee = { name: 'CUST-00001', customer_name: 'Josée Tremblay', mobile_no: '514-555-0142', email_id: null, territory: 'Montréal', custom_account_status: 'Active' };

describe('searchClients', () => {
  it('sends each lookup exactly as listCallQuery encodes it (what the bench sends)', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(json({ data: [] })));
    await searchClients('tremblay');
    const plan = buildSearchPlan('tremblay');
    expect(urls().map((u) => [decodeURIComponent(u.pathname), Object.fromEntries(u.searchParams)])).toEqual(
      plan.map((l) => [`/ops/api/erp/resource/${l.doctype}`, listCallQuery(lookupCall(l))]),
    );
  });

  it('fetches the customers found through equipment, and merges', async () => {
    fetchMock.mockImplementation((url) => {
      const path = decodeURIComponent(new URL(url, 'http://x').pathname);
      if (path.endsWith('Service Equipment')) {
        return Promise.resolve(json({ data: [{ name: 'EQ-1', customer: 'CUST-00001', serial_no: 'ALCLB2C4D601', mac_address: null, equipment_type: 'ONT', model: 'G-010G-Q' }] }));
      }
      const filters = new URL(url, 'http://x').searchParams.get('filters') ?? '';
      return Promise.resolve(json({ data: filters.includes('"in"') ? [josee] : [] }));
    });
    const { results, more } = await searchClients('ALCLB2C4D601');
    expect(more).toBe(false);
    const [result, ...rest] = results;
    expect(rest).toEqual([]);
    expect(result).toMatchObject({ id: 'CUST-00001', customer: { customer_name: 'Josée Tremblay' }, reasons: [{ kind: 'serial', exact: true }] });
    expect(JSON.parse(urls().at(-1)?.searchParams.get('filters') ?? '')).toEqual([['name', 'in', ['CUST-00001']]]);
  });

  it('keeps the lookups that answered when another fails, and throws when all fail', async () => {
    fetchMock.mockImplementation((url) =>
      Promise.resolve(decodeURIComponent(url).includes('custom_phone_digits') ? json({ data: [josee] }) : json({ exc_type: 'ValidationError' }, 417)),
    );
    expect((await searchClients('5145550142')).results.map((r) => r.id)).toEqual(['CUST-00001']);
    fetchMock.mockImplementation(() => Promise.resolve(json({ error: 'upstream down' }, 503)));
    await expect(searchClients('5145550142')).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('says when a lookup filled its page (more clients than shown)', async () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ ...josee, name: `CUST-0000${i}` }));
    fetchMock.mockImplementation((url) => Promise.resolve(json({ data: decodeURIComponent(url).includes('customer_name') ? many : [] })));
    const answer = await searchClients('tremblay');
    expect(answer.results).toHaveLength(8);
    expect(answer.more).toBe(true);
  });

  it('makes no call for a term too short to search', async () => {
    expect(await searchClients(' a ')).toEqual({ results: [], more: false });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
