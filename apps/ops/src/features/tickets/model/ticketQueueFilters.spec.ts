import { describe, expect, it } from 'vitest';
import { parseFrappeDatetime } from '@gigafibre/contracts';
import { DEFAULT_TICKET_FILTERS, dueHorizon, ticketFilters, ticketFiltersFromQuery, ticketFiltersToQuery, ticketOrderBy, ticketSearchFilters } from './ticketQueueFilters';

const NOW = (parseFrappeDatetime('2026-11-18 10:00:00') as Date).getTime();

describe('ticket queue filters', () => {
  it('round-trips through the URL and ignores what it does not know', () => {
    const f = { ...DEFAULT_TICKET_FILTERS, scope: 'mine' as const, due: true, type: 'Wi-Fi', priority: 'High' as const, search: 'ISS-0001', sort: 'newest' as const };
    expect(ticketFiltersFromQuery(ticketFiltersToQuery(f))).toEqual(f);
    expect(ticketFiltersToQuery(DEFAULT_TICKET_FILTERS)).toEqual({});
    expect(ticketFiltersFromQuery({ scope: 'everyone', priority: 'Extreme', type: '<b>', sort: 'x', q: 'a'.repeat(200) })).toEqual({ ...DEFAULT_TICKET_FILTERS, search: 'a'.repeat(80) });
  });

  it('shows active tickets by default, Open only with « open », every status with « closed »', () => {
    expect(ticketFilters(DEFAULT_TICKET_FILTERS, 'me@x.ca', NOW)).toEqual([['status', 'in', ['Open', 'Replied', 'On Hold']]]);
    expect(ticketFilters({ ...DEFAULT_TICKET_FILTERS, open: true }, 'me@x.ca', NOW)).toEqual([['status', '=', 'Open']]);
    expect(ticketFilters({ ...DEFAULT_TICKET_FILTERS, closed: true }, 'me@x.ca', NOW)).toEqual([]);
  });

  it('finds mine in the `_assign` JSON list, unassigned as no e-mail in it, due as the resolution deadline within the hour', () => {
    expect(ticketFilters({ ...DEFAULT_TICKET_FILTERS, scope: 'mine', closed: true }, 'nadia@gigafibre.ca', NOW)).toEqual([['_assign', 'like', '%"nadia@gigafibre.ca"%']]);
    expect(ticketFilters({ ...DEFAULT_TICKET_FILTERS, scope: 'unassigned', closed: true }, 'x', NOW)).toEqual([['_assign', 'not like', '%@%']]);
    expect(ticketFilters({ ...DEFAULT_TICKET_FILTERS, due: true, closed: true }, 'x', NOW)).toEqual([['resolution_by', '<', '2026-11-18 11:00:00']]);
    expect(dueHorizon(NOW)).toBe('2026-11-18 11:00:00');
  });

  it('searches number, subject and client, without the user’s wildcards', () => {
    expect(ticketSearchFilters('  ')).toEqual([]);
    expect(ticketSearchFilters('50%_off')).toEqual([
      ['name', 'like', '%50  off%'],
      ['subject', 'like', '%50  off%'],
      ['customer', 'like', '%50  off%'],
    ]);
    expect(ticketOrderBy('due')).toBe('resolution_by asc');
  });
});
