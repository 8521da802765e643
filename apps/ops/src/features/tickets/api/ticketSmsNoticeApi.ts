// Which of a client's open tickets the signed-in user is assigned to (Frappe's `_assign`).
import { erpList } from '@/shared/http';
import { ACTIVE_ISSUE_STATUSES } from '../model/ticketQueueFilters';

/** The user's active tickets for `customer` (name and subject), newest first. */
export function fetchMyOpenTickets(customer: string, user: string, signal?: AbortSignal) {
  return erpList('Issue', {
    fields: ['name', 'subject', 'customer'],
    filters: [
      ['customer', '=', customer],
      ['status', 'in', [...ACTIVE_ISSUE_STATUSES]],
      // `_assign` is a JSON list of e-mails: the quoted e-mail matches one entry, never a prefix.
      ['_assign', 'like', `%${JSON.stringify(user)}%`],
    ],
    orderBy: 'opening_date desc',
    limit: 5,
    signal,
  });
}
