// Search and filters of the users list, done in the browser: a staff list is small (tens to a few
// hundred) and is loaded whole, so every keystroke answers at once without a request.
import { DEFAULT_GROUPS } from '@gigafibre/capabilities';
import type { AuthUser } from '@gigafibre/contracts';

export type StatusFilter = 'all' | 'active' | 'inactive';

export interface UsersFilter {
  search: string;
  /** Only members of this group; null for every group. */
  group: string | null;
  status: StatusFilter;
}

export const NO_FILTER: UsersFilter = { search: '', group: null, status: 'all' };

/** Lower-case, without accents: « Chloé » and « chloe » match. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/**
 * The users matching `filter`. Every word of the search must appear in the name, e-mail, username
 * or a group's readable name (`groupLabel`), in any order.
 */
export function filterUsers(users: readonly AuthUser[], filter: UsersFilter, groupLabel: (group: string) => string = (g) => g): AuthUser[] {
  const words = foldForSearch(filter.search).split(/\s+/).filter(Boolean);
  return users.filter((user) => {
    if (filter.group !== null && !user.groups.includes(filter.group)) return false;
    if (filter.status === 'active' && !user.is_active) return false;
    if (filter.status === 'inactive' && user.is_active) return false;
    if (words.length === 0) return true;
    const haystack = foldForSearch([user.name, user.email, user.username, ...user.groups.map(groupLabel)].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

/** True when a filter narrows the list (the empty state then offers to clear it). */
export function isFiltered(filter: UsersFilter): boolean {
  return filter.search.trim() !== '' || filter.group !== null || filter.status !== 'all';
}

/** The groups to filter by: the known ones, then any other group a user holds. */
export function groupFilterOptions(users: readonly AuthUser[]): string[] {
  const groups = [...DEFAULT_GROUPS];
  for (const user of users) for (const group of user.groups) if (!groups.includes(group)) groups.push(group);
  return groups;
}
