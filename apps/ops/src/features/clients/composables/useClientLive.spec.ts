import { describe, expect, it } from 'vitest';
import { matchesFilter } from '@/shared/live/liveEventFilter';
import { SECTIONS_BY_DOCTYPE, sectionsFor } from './useClientLive';

describe('useClientLive routing', () => {
  it('reloads the sections that show the changed doctype', () => {
    expect(sectionsFor({ doctype: 'Comment' })).toEqual(['timeline']);
    expect(sectionsFor({ doctype: 'Payment Entry' })).toEqual(['timeline', 'invoices', 'balance']);
    expect(sectionsFor({ doctype: 'Service Equipment' })).toEqual(['locations']);
    expect(sectionsFor({ doctype: 'Technician' })).toEqual([]);
  });

  it('listens only to changes that concern this client', () => {
    const filter = { doctype: Object.keys(SECTIONS_BY_DOCTYPE), ref: { doctype: 'Customer', name: 'CUST-00008' } };
    const base = { action: 'insert' as const, changed: [], by: 'support@gigafibre.ca', at: '2026-11-26T12:00:00Z' };
    expect(matchesFilter(filter, { ...base, doctype: 'Comment', name: 'abc', refs: [{ doctype: 'Customer', name: 'CUST-00008' }] })).toBe(true);
    expect(matchesFilter(filter, { ...base, doctype: 'Comment', name: 'abd', refs: [{ doctype: 'Customer', name: 'CUST-00009' }] })).toBe(false);
    expect(matchesFilter(filter, { ...base, doctype: 'Customer', name: 'CUST-00008' })).toBe(true);
    expect(matchesFilter(filter, { ...base, doctype: 'Technician', name: 'TECH-001', refs: [{ doctype: 'Customer', name: 'CUST-00008' }] })).toBe(false);
  });
});
