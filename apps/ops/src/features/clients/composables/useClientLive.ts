// Live updates of one client's file: a change anyone makes to the client or to a document that
// points at it (a note, a ticket, a job, a payment, an invoice…) reloads the sections showing it.
import { reactive } from 'vue';
import type { DocChangeEvent } from '@gigafibre/contracts';
import { useLiveEvents } from '@/shared/live';

export type ClientSectionName = 'header' | 'balance' | 'locations' | 'subscriptions' | 'invoices' | 'tickets' | 'jobs' | 'timeline';

/** Which sections show each doctype. */
export const SECTIONS_BY_DOCTYPE: Readonly<Record<string, readonly ClientSectionName[]>> = {
  Customer: ['header'],
  Comment: ['timeline'],
  Issue: ['tickets', 'timeline'],
  'Dispatch Job': ['jobs', 'timeline'],
  'Payment Entry': ['timeline', 'invoices', 'balance'],
  'Sales Invoice': ['invoices', 'balance'],
  Subscription: ['subscriptions'],
  'Service Location': ['locations'],
  'Service Equipment': ['locations'],
};

const ALL: ClientSectionName[] = ['header', 'balance', 'locations', 'subscriptions', 'invoices', 'tickets', 'jobs', 'timeline'];

/** The sections an event concerns (pure, for tests). */
export function sectionsFor(event: Pick<DocChangeEvent, 'doctype'>): readonly ClientSectionName[] {
  return SECTIONS_BY_DOCTYPE[event.doctype] ?? [];
}

/**
 * A counter per section, bumped when the section should reload; sections watch theirs. After the
 * stream comes back from a cut (events may be lost), everything reloads.
 */
export function useClientLive(customer: string) {
  const tokens = reactive(Object.fromEntries(ALL.map((s) => [s, 0])) as Record<ClientSectionName, number>);
  const bump = (sections: readonly ClientSectionName[]) => sections.forEach((s) => tokens[s]++);
  useLiveEvents({ doctype: Object.keys(SECTIONS_BY_DOCTYPE), ref: { doctype: 'Customer', name: customer } }, (event) => bump(sectionsFor(event)), {
    onResumed: () => bump(ALL),
  });
  return { tokens, bump };
}
