// Whether an event on the hub's stream is a customer's text the signed-in user should hear about:
// an inbound message, first seen (`created`), routed to a customer. Whether they are the assignee
// of that customer's open ticket is asked of ERPNext afterwards (ticketSmsNoticeApi).
import type { MessageEvent } from '@gigafibre/contracts';

export interface InboundSmsNotice {
  customer: string;
  sid: string;
  body: string;
}

export function inboundNotice(data: unknown): InboundSmsNotice | null {
  const e = data as Partial<MessageEvent> | null;
  if (typeof e !== 'object' || e === null || e.action !== 'created' || typeof e.message !== 'object' || e.message === null) return null;
  const m = e.message;
  const customer = e.customer ?? m.customer;
  if (m.direction !== 'inbound' || !customer || typeof m.sid !== 'string') return null;
  return { customer, sid: m.sid, body: typeof m.body === 'string' ? m.body : '' };
}

/** A text short enough for a toast: the first 120 characters, on one line. */
export function noticeExcerpt(body: string, max = 120): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
