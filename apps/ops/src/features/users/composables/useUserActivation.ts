// Deactivate / reactivate a user, each after a confirmation that says what it does.
import { ref } from 'vue';
import { useQuasar } from 'quasar';
import { useI18n } from 'vue-i18n';
import type { AuthUser } from '@gigafibre/contracts';
import { groupLabel } from '@/i18n/labels';
import { useApiErrorText } from '@/shared/ui';
import { updateUser } from '../api/usersApi';

export function useUserActivation(onChanged: (user: AuthUser) => void) {
  const $q = useQuasar();
  const { t } = useI18n();
  const describe = useApiErrorText();
  /** pk of the user being changed (its button shows a spinner). */
  const busy = ref<number | null>(null);

  function confirm(user: AuthUser): Promise<boolean> {
    const deactivating = user.is_active;
    const name = user.name;
    return new Promise((resolve) => {
      $q.dialog({
        title: deactivating ? t('users.confirm.deactivateTitle', { name }) : t('users.confirm.reactivateTitle', { name }),
        message: deactivating
          ? t('users.confirm.deactivateMessage', { name })
          : t('users.confirm.reactivateMessage', { name, groups: user.groups.map(groupLabel).join(', ') || t('users.noGroup') }),
        focus: 'cancel',
        ok: { label: deactivating ? t('users.confirm.deactivate') : t('users.confirm.reactivate'), color: deactivating ? 'negative' : 'primary', unelevated: true },
        cancel: { label: t('users.confirm.cancel'), flat: true, color: 'primary' },
      })
        .onOk(() => resolve(true))
        .onCancel(() => resolve(false));
    });
  }

  /** Asks, then flips `is_active`; true when the change was made. */
  async function toggle(user: AuthUser): Promise<boolean> {
    if (busy.value !== null || !(await confirm(user))) return false;
    busy.value = user.pk;
    try {
      const updated = await updateUser(user.pk, { is_active: !user.is_active });
      onChanged(updated);
      $q.notify({ type: 'positive', message: updated.is_active ? t('users.confirm.reactivated', { name: updated.name }) : t('users.confirm.deactivated', { name: updated.name }) });
      return true;
    } catch (error) {
      const text = describe(error);
      $q.notify({ type: 'negative', message: t('users.edit.failed', { message: text.message }), caption: text.reference || undefined });
      return false;
    } finally {
      busy.value = null;
    }
  }

  return { toggle, busy };
}
