import { describe, expect, it } from 'vitest';
import type { AuthUser } from '@gigafibre/contracts';
import { filterUsers, foldForSearch, groupFilterOptions, isFiltered, NO_FILTER } from './usersFilter';

const user = (pk: number, name: string, email: string, groups: string[], is_active = true): AuthUser => ({
  pk,
  username: email.split('@')[0] as string,
  email,
  name,
  groups,
  is_active,
  created: '2025-01-01T12:00:00.000Z',
  last_login: null,
});

const USERS = [
  user(1, 'Isabelle Gauthier', 'admin@gigafibre.ca', ['ops-admin']),
  user(2, 'Chloé Bergeron', 'dispatch2@gigafibre.ca', ['ops-dispatch']),
  user(3, 'Martin Lavoie', 'dispatch@gigafibre.ca', ['ops-dispatch', 'ops-support'], false),
  user(4, 'Jean-François Roy', 'tech@gigafibre.ca', ['ops-tech', 'gitea-users']),
];
const LABELS: Record<string, string> = { 'ops-dispatch': 'Répartition', 'ops-tech': 'Techniciens' };
const label = (g: string) => LABELS[g] ?? g;
const names = (list: AuthUser[]) => list.map((u) => u.pk);

describe('filterUsers', () => {
  it('keeps everyone without a filter', () => {
    expect(names(filterUsers(USERS, NO_FILTER))).toEqual([1, 2, 3, 4]);
  });

  it('searches name, e-mail and username, accents and case aside, every word in any order', () => {
    expect(names(filterUsers(USERS, { ...NO_FILTER, search: 'chloe' }))).toEqual([2]);
    expect(names(filterUsers(USERS, { ...NO_FILTER, search: 'FRANCOIS' }))).toEqual([4]);
    expect(names(filterUsers(USERS, { ...NO_FILTER, search: 'dispatch' }))).toEqual([2, 3]);
    expect(names(filterUsers(USERS, { ...NO_FILTER, search: '  lavoie   martin ' }))).toEqual([3]);
    expect(names(filterUsers(USERS, { ...NO_FILTER, search: 'personne' }))).toEqual([]);
  });

  it('matches readable group names too', () => {
    expect(names(filterUsers(USERS, { ...NO_FILTER, search: 'repartition' }, label))).toEqual([2, 3]);
    expect(names(filterUsers(USERS, { ...NO_FILTER, search: 'technicien' }, label))).toEqual([4]);
  });

  it('filters by group and by status, combined with the search', () => {
    expect(names(filterUsers(USERS, { ...NO_FILTER, group: 'ops-dispatch' }))).toEqual([2, 3]);
    expect(names(filterUsers(USERS, { ...NO_FILTER, status: 'inactive' }))).toEqual([3]);
    expect(names(filterUsers(USERS, { ...NO_FILTER, status: 'active', group: 'ops-dispatch' }))).toEqual([2]);
    expect(names(filterUsers(USERS, { search: 'chloe', group: 'ops-admin', status: 'all' }))).toEqual([]);
  });
});

describe('helpers', () => {
  it('folds accents and case', () => {
    expect(foldForSearch('Éloïse CÔTÉ')).toBe('eloise cote');
  });

  it('knows when the list is narrowed', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, search: '  ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, search: 'a' })).toBe(true);
    expect(isFiltered({ ...NO_FILTER, group: 'ops-tech' })).toBe(true);
    expect(isFiltered({ ...NO_FILTER, status: 'active' })).toBe(true);
  });

  it('offers the known groups, then the others users hold', () => {
    expect(groupFilterOptions(USERS)).toEqual(['ops-admin', 'authentik Admins', 'ops-dispatch', 'ops-support', 'ops-tech', 'ops-noc', 'gitea-users']);
  });
});
