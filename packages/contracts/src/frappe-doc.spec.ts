import { describe, expect, it } from 'vitest';
import type { DocRead } from './doctypes';
import { completeDoc, geoPoint, normalizeRow, padTime } from './frappe-doc';

describe('what Frappe sends, made uniform', () => {
  it('pads a Time the way format_timedelta leaves it (8:00:00) and keeps anything else', () => {
    expect(padTime('8:00:00')).toBe('08:00:00');
    expect(padTime('13:30:00')).toBe('13:30:00');
    expect(padTime('9:05')).toBe('09:05:00');
    expect(padTime('0:00:00.500000')).toBe('00:00:00.500000');
    expect(padTime('2026-06-15')).toBe('2026-06-15');
  });

  it('normalizeRow pads the Time fields of a list row and leaves the rest (nulls included)', () => {
    const row = { name: 'DJ-000001', start_time: '8:30:00', scheduled_date: '2026-06-15', technician: null };
    expect(normalizeRow('Dispatch Job', row)).toEqual({ ...row, start_time: '08:30:00' });
    expect(row.start_time).toBe('8:30:00');
  });

  it('completeDoc turns a single read (empty fields left out) into a complete document, child rows too', () => {
    const read = {
      name: 'CUST-00008',
      owner: 'Administrator',
      creation: '2024-01-02 10:00:00',
      modified: '2024-01-02 10:00:00',
      modified_by: 'Administrator',
      docstatus: 0,
      idx: 0,
      doctype: 'Customer',
      customer_name: 'Boulangerie',
      customer_type: 'Company',
      disabled: 0,
      credit_limits: [
        { name: 'ccl1', owner: 'Administrator', creation: '2024-01-02 10:00:00', modified: '2024-01-02 10:00:00', modified_by: 'Administrator', docstatus: 0, idx: 1, doctype: 'Customer Credit Limit', parent: 'CUST-00008', parentfield: 'credit_limits', parenttype: 'Customer', company: 'Gigafibre inc.', credit_limit: 5000, bypass_credit_limit_check: 0 },
      ],
    } as DocRead<'Customer'>;
    const doc = completeDoc('Customer', read);
    expect(doc).toMatchObject({ customer_name: 'Boulangerie', email_id: null, mobile_no: null, _user_tags: null, territory: null });
    expect(doc.credit_limits).toHaveLength(1);
    expect(completeDoc('Customer', { ...read, credit_limits: undefined } as unknown as DocRead<'Customer'>).credit_limits).toEqual([]);
    const job = completeDoc('Dispatch Job', { name: 'DJ-1', start_time: '8:00:00' } as unknown as DocRead<'Dispatch Job'>);
    expect(job).toMatchObject({ start_time: '08:00:00', technician: null, notes: null });
  });
});

describe('geoPoint', () => {
  it('reads Frappe’s Float coordinates, never null: 0, 0 is no point', () => {
    expect(geoPoint(45.52, -73.57)).toEqual({ lat: 45.52, lng: -73.57 });
    expect(geoPoint(0, 0)).toBeNull();
    expect(geoPoint(null, -73.57)).toBeNull();
    expect(geoPoint(undefined, undefined)).toBeNull();
  });
});
