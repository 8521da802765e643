// The users page's data: the whole staff list (loaded once, reloaded after each change) and the
// search and filters applied to it in the browser.
import { computed, reactive } from 'vue';
import type { AuthUser } from '@gigafibre/contracts';
import { groupLabel } from '@/i18n/labels';
import { useAsyncData } from '@/shared/ui';
import { listUsers } from '../api/usersApi';
import { filterUsers, groupFilterOptions, isFiltered, NO_FILTER, type UsersFilter } from '../model/usersFilter';

export function useUsersList() {
  const { data, error, loading, reload } = useAsyncData((signal) => listUsers(signal));
  const filter = reactive<UsersFilter>({ ...NO_FILTER });

  const all = computed<readonly AuthUser[]>(() => data.value ?? []);
  const visible = computed(() => filterUsers(all.value, filter, groupLabel));
  const groupOptions = computed(() => groupFilterOptions(all.value));
  const filtered = computed(() => isFiltered(filter));

  /** Shows a user as the hub just returned it, before the list is read again. */
  function replace(user: AuthUser): void {
    if (data.value) data.value = data.value.map((u) => (u.pk === user.pk ? user : u));
  }

  function clearFilters(): void {
    Object.assign(filter, NO_FILTER);
  }

  return { all, visible, groupOptions, filter, filtered, error, loading, reload, replace, clearFilters };
}
