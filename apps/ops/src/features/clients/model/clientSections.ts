// Which live changes each section of a client's file shows: a change anyone makes to the client or
// to a document that points at it (a note, a ticket, a job, a payment, an invoice…) reaches the
// sections showing that doctype. The sections read through the document cache, which refetches
// them on these changes and after the stream comes back from a cut.
import type { DocChangeEvent } from '@gigafibre/contracts';
import { matchesFilter, type LiveEventFilter } from '@/shared/live/liveEventFilter';

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
  'Service Equipment': ['locations', 'timeline'],
};

/** The sections an event concerns. */
export function sectionsFor(event: Pick<DocChangeEvent, 'doctype'>): readonly ClientSectionName[] {
  return SECTIONS_BY_DOCTYPE[event.doctype] ?? [];
}

/** The live changes that concern `section` of `customer`'s file. */
export function sectionFilter(section: ClientSectionName, customer: string): LiveEventFilter {
  const doctypes = Object.keys(SECTIONS_BY_DOCTYPE).filter((d) => sectionsFor({ doctype: d }).includes(section));
  return { doctype: doctypes, ref: { doctype: 'Customer', name: customer } };
}

/** For `useDocQuery`'s `on`: whether `event` concerns `section` of the client `customer()` names now. */
export function concernsSection(section: ClientSectionName, customer: () => string): (event: DocChangeEvent) => boolean {
  return (event) => matchesFilter(sectionFilter(section, customer()), event);
}
