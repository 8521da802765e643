// One customer's SMS thread as the panel shows it: the hub's messages (pages read newest first,
// then live `message` events) and this device's texts still waiting for the hub, oldest first.
import type { Message, MessageStatus } from '@gigafibre/contracts';
import type { SmsOutboxRecord } from './smsOutboxRecord';

export interface ThreadItem {
  /** The message's SID, or the waiting record's idempotency key. */
  key: string;
  direction: 'in' | 'out';
  body: string;
  /** ISO 8601. */
  at: string;
  /** The sender's name (staff); null for the customer and automatic texts. */
  by: string | null;
  /** Twilio's status; `waiting` and `refused` are this device's records the hub has not taken. */
  status: MessageStatus | 'waiting' | 'refused';
  errorCode: number | null;
  /** The hub's reason for a refused record. */
  reason: string | null;
  template: string | null;
  /** The customer's number (theirs: `from` inbound, `to` outbound). */
  number: string;
}

/** Adds or replaces `message` (by SID) in a newest-first list; a stale update (older `date_updated`) is ignored. */
export function upsertMessage(list: readonly Message[], message: Message): Message[] {
  const i = list.findIndex((m) => m.sid === message.sid);
  if (i >= 0) {
    const current = list[i] as Message;
    if (current.date_updated > message.date_updated) return [...list];
    const next = [...list];
    next[i] = message;
    return next;
  }
  const next = [...list, message];
  return next.sort((a, b) => (a.date_created < b.date_created ? 1 : a.date_created > b.date_created ? -1 : 0));
}

export function messageItem(m: Message): ThreadItem {
  const inbound = m.direction === 'inbound';
  return {
    key: m.sid,
    direction: inbound ? 'in' : 'out',
    body: m.body,
    at: m.date_created,
    by: m.sent_by?.name ?? null,
    status: m.status,
    errorCode: m.error_code,
    reason: null,
    template: m.template,
    number: inbound ? m.from : m.to,
  };
}

/**
 * Whether the hub already shows `record`: a message sent under its idempotency key. The hub's answer
 * removes the record, but its live event may come first (the answer was slow or lost).
 */
function alreadyShown(record: SmsOutboxRecord, messages: readonly Message[]): boolean {
  return messages.some((m) => m.idempotency_key === record.key);
}

export function recordItem(r: SmsOutboxRecord, byName: string | null): ThreadItem {
  return { key: r.key, direction: 'out', body: r.body, at: new Date(r.createdAt).toISOString(), by: byName, status: r.state, errorCode: null, reason: r.state === 'refused' ? r.reason : null, template: r.template, number: r.to };
}

/** The thread, oldest first: the hub's messages and this customer's waiting records not yet among them. */
export function buildThread(messages: readonly Message[], records: readonly SmsOutboxRecord[], customer: string, byName: (email: string) => string | null = () => null): ThreadItem[] {
  const items = messages.map(messageItem);
  for (const r of records) if (r.customer === customer && !alreadyShown(r, messages)) items.push(recordItem(r, byName(r.user)));
  return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** Statuses the panel words as on their way (no tick yet). */
export const IN_FLIGHT: readonly ThreadItem['status'][] = ['accepted', 'queued', 'sending', 'waiting', 'receiving'];
