// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { customerFilters, filtersFromQuery, filtersToQuery, hasFilters, NO_FILTERS } from './clientListFilters';
import { deleteView, MAX_SAVED_VIEWS, readSavedViews, saveView } from './savedViews';

describe('list filters', () => {
  it('round-trip through the URL query and ignore unknown values', () => {
    const filters = { status: 'Suspended', region: 'Laval', unpaid: true } as const;
    expect(filtersToQuery(filters)).toEqual({ status: 'Suspended', region: 'Laval', unpaid: '1' });
    expect(filtersFromQuery(filtersToQuery(filters))).toEqual(filters);
    expect(filtersFromQuery({ status: 'Deleted', region: ['Rive-Sud'], unpaid: 'yes' })).toEqual({ status: null, region: 'Rive-Sud', unpaid: false });
    expect(filtersToQuery(NO_FILTERS)).toEqual({});
    expect(hasFilters(NO_FILTERS)).toBe(false);
  });

  it('make Customer filters for status and region', () => {
    expect(customerFilters({ status: 'Active', region: 'Montréal', unpaid: true })).toEqual([
      ['custom_account_status', '=', 'Active'],
      ['territory', '=', 'Montréal'],
    ]);
    expect(customerFilters(NO_FILTERS)).toEqual([]);
  });
});

describe('saved views', () => {
  beforeEach(() => localStorage.clear());
  const user = 'support@gigafibre.ca';

  it('are kept per user, replaced by name, deleted by id', () => {
    saveView(user, '  Suspendus Laval ', { status: 'Suspended', region: 'Laval', unpaid: false }, 'v1');
    saveView(user, 'Impayés', { ...NO_FILTERS, unpaid: true }, 'v2');
    saveView(user, 'suspendus laval', { status: 'Suspended', region: 'Laval', unpaid: true }, 'v3');
    expect(readSavedViews(user)).toEqual([
      { id: 'v1', name: 'suspendus laval', filters: { status: 'Suspended', region: 'Laval', unpaid: true } },
      { id: 'v2', name: 'Impayés', filters: { ...NO_FILTERS, unpaid: true } },
    ]);
    expect(readSavedViews('dispatch@gigafibre.ca')).toEqual([]);
    expect(deleteView(user, 'v1').map((v) => v.id)).toEqual(['v2']);
  });

  it('refuse an empty name or one view too many, and survive damaged storage', () => {
    expect(() => saveView(user, '   ', NO_FILTERS)).toThrow('empty-name');
    for (let i = 0; i < MAX_SAVED_VIEWS; i++) saveView(user, `Vue ${i}`, NO_FILTERS);
    expect(() => saveView(user, 'Encore une', NO_FILTERS)).toThrow('too-many');
    localStorage.setItem(`ops.clients.views.v1.${user}`, 'not json');
    expect(readSavedViews(user)).toEqual([]);
  });
});
