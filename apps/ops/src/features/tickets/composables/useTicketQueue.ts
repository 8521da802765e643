// The queue: the first page of tickets for the filters and the count of each quick filter, both
// through the document cache, so a ticket someone else changes (or assigns, or replies to) moves
// without a reload. « Due within the hour » moves with the clock: the horizon is the minute.
import { computed, type Ref } from 'vue';
import type { DocChangeEvent } from '@gigafibre/contracts';
import { useDocQuery } from '@/shared/documents';
import { fetchQueueCounts, fetchQueuePage, TICKET_PAGE_SIZE } from '../api/ticketQueueApi';
import { ticketFiltersToQuery, type TicketQueueFilters } from '../model/ticketQueueFilters';

/** What changes the queue: a ticket, or an assignment (ToDo) or reply (Communication) on one. */
const concernsQueue = (event: DocChangeEvent) => event.doctype === 'Issue' || ((event.doctype === 'ToDo' || event.doctype === 'Communication') && (event.refs ?? []).some((r) => r.doctype === 'Issue'));

export function useTicketQueue(filters: Ref<TicketQueueFilters>, user: Ref<string>, now: Ref<number>) {
  const minute = computed(() => Math.floor(now.value / 60_000) * 60_000);
  const page = useDocQuery(
    () => ['tickets', 'queue', user.value, minute.value, JSON.stringify(ticketFiltersToQuery(filters.value))],
    (signal) => fetchQueuePage(filters.value, user.value, minute.value, TICKET_PAGE_SIZE, signal),
    { on: concernsQueue, settleMs: 150 },
  );
  const counts = useDocQuery(() => ['tickets', 'counts', user.value, minute.value], (signal) => fetchQueueCounts(user.value, minute.value, signal), { on: concernsQueue, settleMs: 300 });
  return { page, counts, pageSize: TICKET_PAGE_SIZE };
}
