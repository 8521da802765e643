// Working a ticket: status and priority saved with the `modified` the user saw (ERPNext refuses a
// stale one: the user is told in French and the new state is read), assign and unassign through
// Frappe's assign_to API. One change at a time; the document cache shows every answer.
import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useQuasar } from 'quasar';
import type { FullDoc, IssueStatus, Priority } from '@gigafibre/contracts';
import { isApiError } from '@/shared/http';
import { useApiErrorText } from '@/shared/ui';
import { assignTicket, saveTicket, unassignTicket } from '../api/ticketApi';

export function useTicketWork(issue: Ref<FullDoc<'Issue'> | undefined>, reload: () => Promise<void>) {
  const { t } = useI18n();
  const $q = useQuasar();
  const describe = useApiErrorText();
  const busy = ref(false);
  /** Shown above the ticket when a save was refused because someone else changed it. */
  const stale = ref(false);
  /** A refusal about one field (an unknown priority…), shown next to it. */
  const fieldError = ref<{ field: 'status' | 'priority'; message: string } | null>(null);

  async function run(action: () => Promise<unknown>, field?: 'status' | 'priority'): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    stale.value = false;
    fieldError.value = null;
    try {
      await action();
      $q.notify({ type: 'positive', message: t('tickets.ticket.saved'), timeout: 1500 });
    } catch (error) {
      if (isApiError(error) && error.details.exc_type === 'TimestampMismatchError') {
        stale.value = true;
        await reload();
      } else if (field && isApiError(error) && error.code === 'validation') {
        fieldError.value = { field, message: describe(error).message };
      } else {
        $q.notify({ type: 'negative', message: describe(error).message });
      }
    } finally {
      busy.value = false;
    }
  }

  const current = () => issue.value as FullDoc<'Issue'>;
  return {
    busy,
    stale,
    fieldError,
    setStatus: (status: IssueStatus) => run(() => saveTicket(current().name, { status }, current().modified), 'status'),
    setPriority: (priority: Priority) => run(() => saveTicket(current().name, { priority }, current().modified), 'priority'),
    assign: (user: string) => run(async () => (await assignTicket(current().name, user), reload())),
    unassign: (user: string) => run(async () => (await unassignTicket(current().name, user), reload())),
  };
}
