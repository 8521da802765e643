// The staff's names by e-mail (ERPNext Users), for assignment and history: a person is always
// shown by name. One cached list, shared by every component of the feature.
import { computed } from 'vue';
import { useDocList } from '@/shared/documents';

/** Staff accounts read at most (Gigafibre has a few hundred). */
const STAFF_LIMIT = 500;

export function useStaffNames() {
  const users = useDocList('User', () => ({
    fields: ['name', 'full_name', 'enabled', 'user_type'],
    filters: [['enabled', '=', 1], ['user_type', '=', 'System User']],
    orderBy: 'full_name asc',
    limit: STAFF_LIMIT,
  }));
  const names = computed(() => new Map((users.data.value ?? []).map((u) => [u.name, u.full_name ?? u.name])));
  const options = computed(() => (users.data.value ?? []).map((u) => ({ value: u.name, label: u.full_name ?? u.name })));
  return { names, options, state: users };
}
