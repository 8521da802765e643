import { describe, expect, it } from 'vitest';
import { matchesFilter } from '@/shared/live/liveEventFilter';
import { concernsSection, sectionFilter, sectionsFor } from './clientSections';

describe('client file sections and live changes', () => {
  it('routes a changed doctype to the sections that show it', () => {
    expect(sectionsFor({ doctype: 'Comment' })).toEqual(['timeline']);
    expect(sectionsFor({ doctype: 'Payment Entry' })).toEqual(['timeline', 'invoices', 'balance']);
    expect(sectionsFor({ doctype: 'Service Equipment' })).toEqual(['locations', 'timeline']);
    expect(sectionsFor({ doctype: 'Technician' })).toEqual([]);
    expect(sectionFilter('balance', 'CUST-1').doctype).toEqual(['Payment Entry', 'Sales Invoice']);
  });

  it('takes only changes that concern this client', () => {
    const base = { action: 'insert' as const, changed: [], by: 'support@gigafibre.ca', at: '2026-11-26T12:00:00Z' };
    const timeline = sectionFilter('timeline', 'CUST-00008');
    expect(matchesFilter(timeline, { ...base, doctype: 'Comment', name: 'abc', refs: [{ doctype: 'Customer', name: 'CUST-00008' }] })).toBe(true);
    expect(matchesFilter(timeline, { ...base, doctype: 'Comment', name: 'abd', refs: [{ doctype: 'Customer', name: 'CUST-00009' }] })).toBe(false);
    expect(matchesFilter(sectionFilter('header', 'CUST-00008'), { ...base, doctype: 'Customer', name: 'CUST-00008' })).toBe(true);
    expect(concernsSection('jobs', () => 'CUST-00008')({ ...base, doctype: 'Technician', name: 'TECH-001', refs: [{ doctype: 'Customer', name: 'CUST-00008' }] })).toBe(false);
  });
});
