// The edit dialog's state: a user's name and groups, checked before sending only what changed.
import { computed, reactive, ref } from 'vue';
import { capabilitiesFor } from '@gigafibre/capabilities';
import type { AuthUser, UpdateUserRequest } from '@gigafibre/contracts';
import { useApiErrorText } from '@/shared/ui';
import { updateUser } from '../api/usersApi';
import { offeredGroups } from '../model/groupDescriptions';
import { useGroupMap } from './useGroupMap';
import { normaliseName, validateEdit } from '../model/inviteValidation';

/** The PATCH body for what changed between `user` and the form; null when nothing did. */
export function editPatch(user: AuthUser, form: { name: string; groups: readonly string[] }): UpdateUserRequest | null {
  const patch: UpdateUserRequest = {};
  const name = normaliseName(form.name);
  if (name !== user.name) patch.name = name;
  const sameGroups = form.groups.length === user.groups.length && form.groups.every((g) => user.groups.includes(g));
  if (!sameGroups) patch.groups = [...form.groups];
  return Object.keys(patch).length > 0 ? patch : null;
}

export function useEditUser(user: AuthUser, options: { isSelf: boolean; onSaved: (user: AuthUser) => void }) {
  const map = useGroupMap();
  const describeError = useApiErrorText();
  const groups = computed(() => offeredGroups(user.groups, map.value));
  // Kept in the order offered, whatever order the hub stored them in.
  const form = reactive({ name: user.name, groups: groups.value.filter((g) => user.groups.includes(g)) });
  const attempted = ref(false);
  const saving = ref(false);
  const failure = ref<string | null>(null);

  const errors = computed(() => (attempted.value ? validateEdit(form, groups.value) : {}));
  const losesOwnAccess = computed(() => options.isSelf && !capabilitiesFor(form.groups, map.value).includes('users.manage'));
  const patch = computed(() => editPatch(user, form));

  /** Saves; resolves with the first field to fix, or null. */
  async function save(): Promise<'name' | 'groups' | null> {
    if (saving.value) return null;
    attempted.value = true;
    const invalid = (['name', 'groups'] as const).find((f) => errors.value[f] !== undefined);
    if (invalid) return invalid;
    if (!patch.value) return null;
    saving.value = true;
    failure.value = null;
    try {
      options.onSaved(await updateUser(user.pk, patch.value));
    } catch (error) {
      failure.value = describeError(error).message;
    } finally {
      saving.value = false;
    }
    return null;
  }

  return { groups, form, errors, saving, failure, losesOwnAccess, patch, save };
}
