import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callMethod, erpCount, erpGet, erpInsert, erpList, erpListAll, erpUpdate } from './erp';
import { hubGet, hubPost } from './hub';

const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>();
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const lastUrl = () => decodeURIComponent(String(fetchMock.mock.calls.at(-1)?.[0]));
const lastInit = () => fetchMock.mock.calls.at(-1)?.[1] as RequestInit;

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(() => Promise.resolve(json({ data: [], message: 3 })));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('ERPNext helpers', () => {
  it('erpList builds Frappe’s list query (fields, filters, or_filters, order, paging)', async () => {
    fetchMock.mockResolvedValueOnce(json({ data: [{ name: 'DJ-000001', status: 'Scheduled' }] }));
    const rows = await erpList('Dispatch Job', {
      fields: ['name', 'status'],
      filters: [['status', 'in', ['Scheduled', 'En Route']]],
      orFilters: { technician: 'TECH-001' },
      orderBy: 'scheduled_date asc',
      limit: 50,
      start: 100,
    });
    expect(rows[0]?.status).toBe('Scheduled');
    const url = new URL(String(fetchMock.mock.calls.at(-1)?.[0]), 'http://x');
    expect(url.pathname).toBe('/ops/api/erp/resource/Dispatch%20Job');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      fields: '["name","status"]',
      filters: '[["status","in",["Scheduled","En Route"]]]',
      or_filters: '{"technician":"TECH-001"}',
      order_by: 'scheduled_date asc',
      limit_page_length: '50',
      limit_start: '100',
    });
  });

  it('erpGet / erpInsert / erpUpdate address one document, mutations with the CSRF header', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(json({ data: { name: 'CUST-00001' } })));
    await erpGet('Customer', 'CUST-00001');
    expect(String(fetchMock.mock.calls.at(-1)?.[0])).toBe('/ops/api/erp/resource/Customer/CUST-00001');
    await erpInsert('Comment', { reference_doctype: 'Customer', reference_name: 'CUST-00001', comment_type: 'Comment', content: 'Appel' });
    expect(lastInit().method).toBe('POST');
    expect(new Headers(lastInit().headers).get('X-Requested-With')).toBe('gigafibre-ops');
    await erpUpdate('Dispatch Job', 'DJ-000001', { technician: 'TECH-002' });
    expect(String(fetchMock.mock.calls.at(-1)?.[0])).toBe('/ops/api/erp/resource/Dispatch%20Job/DJ-000001');
    expect(lastInit()).toMatchObject({ method: 'PUT', body: '{"technician":"TECH-002"}' });
  });

  it('makes what Frappe sends uniform: a single read’s empty fields come back null, times HH:MM:SS (lists too)', async () => {
    // A single read is as_dict(no_nulls=True): no `technician`, no `notes`; a Time is format_timedelta's `8:00:00`.
    fetchMock.mockResolvedValueOnce(json({ data: { name: 'DJ-000001', doctype: 'Dispatch Job', status: 'Unscheduled', start_time: '8:00:00', duration_minutes: 60 } }));
    const job = await erpGet('Dispatch Job', 'DJ-000001');
    expect(job).toMatchObject({ technician: null, notes: null, scheduled_date: null, start_time: '08:00:00', _user_tags: null });
    fetchMock.mockResolvedValueOnce(json({ data: { name: 'DJ-000002', doctype: 'Dispatch Job', status: 'Scheduled' } }));
    expect((await erpUpdate('Dispatch Job', 'DJ-000002', { technician: null })).technician).toBeNull();
    fetchMock.mockResolvedValueOnce(json({ data: [{ name: 'DJ-000003', start_time: '9:30:00', technician: null }] }));
    expect(await erpList('Dispatch Job', { fields: ['name', 'start_time', 'technician'] })).toEqual([{ name: 'DJ-000003', start_time: '09:30:00', technician: null }]);
  });

  it('a write drops the cached reads of its doctype', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(json({ data: [] })));
    await erpList('Customer', { fields: ['name'], cacheMs: 60_000 });
    await erpList('Customer', { fields: ['name'], cacheMs: 60_000 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    fetchMock.mockResolvedValueOnce(json({ data: { name: 'CUST-9' } }));
    await erpInsert('Customer', { customer_name: 'Nouveau' });
    await erpList('Customer', { fields: ['name'], cacheMs: 60_000 });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('erpCount and callMethod go through /api/method', async () => {
    expect(await erpCount('Issue', { status: 'Open' })).toBe(3);
    expect(lastUrl()).toBe('/ops/api/erp/method/frappe.client.get_count?doctype=Issue&filters={"status":"Open"}');
    fetchMock.mockResolvedValueOnce(json({ message: { ok: true } }));
    expect(await callMethod('gigafibre.ops.set_job_status', { job: 'DJ-1', status: 'En Route' }, { invalidates: ['Dispatch Job'] })).toEqual({ ok: true });
    expect(lastInit()).toMatchObject({ method: 'POST', body: '{"job":"DJ-1","status":"En Route"}' });
  });
});

describe('pages', () => {
  it('erpList refuses "every row" and pages past the BFF’s cap before asking anything', async () => {
    for (const limit of [0, -1, 501, 2.5]) await expect(erpList('Customer', { fields: ['name'], limit })).rejects.toThrow(RangeError);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('erpListAll reads page after page of 500 in a stable order, up to its ceiling', async () => {
    const page = (start: number, n: number) => Array.from({ length: n }, (_, i) => ({ name: `DJ-${start + i}` }));
    fetchMock.mockImplementation((url) => {
      const q = new URL(String(url), 'http://x').searchParams;
      const start = Number(q.get('limit_start'));
      return Promise.resolve(json({ data: page(start, start < 1000 ? Number(q.get('limit_page_length')) : 120) }));
    });
    const rows = await erpListAll('Dispatch Job', { fields: ['name'] }, 5000);
    expect(rows).toHaveLength(1120);
    const sent = fetchMock.mock.calls.map((c) => new URL(String(c[0]), 'http://x').searchParams);
    expect(sent.map((q) => [q.get('limit_start'), q.get('limit_page_length'), q.get('order_by')])).toEqual([
      ['0', '500', 'name asc'],
      ['500', '500', 'name asc'],
      ['1000', '500', 'name asc'],
    ]);
    fetchMock.mockClear();
    expect(await erpListAll('Dispatch Job', { fields: ['name'] }, 700)).toHaveLength(700);
    expect(fetchMock.mock.calls.map((c) => new URL(String(c[0]), 'http://x').searchParams.get('limit_page_length'))).toEqual(['500', '200']);
  });
});

describe('hub helpers', () => {
  it('hubGet and hubPost reach /ops/api/hub with typed paths; uploads stay FormData', async () => {
    fetchMock.mockResolvedValueOnce(json({ device: {} }));
    await hubGet('/devices/lookup', { serial: 'GPON1234' });
    expect(lastUrl()).toBe('/ops/api/hub/devices/lookup?serial=GPON1234');
    fetchMock.mockResolvedValueOnce(json({ status: 'queued' }));
    await hubPost('/devices/ABC-ONT-GPON1234/tasks', { name: 'reboot' }, { query: { connection_request: '' } });
    expect(lastInit()).toMatchObject({ method: 'POST', body: '{"name":"reboot"}' });
    const form = new FormData();
    fetchMock.mockResolvedValueOnce(json({ barcodes: [] }));
    await hubPost('/vision/barcodes', form, { idempotencyKey: 'k' });
    expect(lastInit().body).toBe(form);
    expect(new Headers(lastInit().headers).get('Idempotency-Key')).toBe('k');
  });
});
