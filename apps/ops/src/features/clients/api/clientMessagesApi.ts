// The customer's SMS thread and sends, through the BFF to targo-hub (packages/contracts hub-messages).
import { MESSAGE_PAGE_DEFAULT, type Message, type MessagePage, type NumberOptState } from '@gigafibre/contracts';
import { hubGet, hubPost } from '@/shared/http';
import type { SmsOutboxRecord } from '../model/smsOutboxRecord';

/** Messages on the panel's first screen and per « plus anciens »: a 5,000-message thread opens as fast as a short one. */
export const THREAD_PAGE = MESSAGE_PAGE_DEFAULT;

/** One page of `customer`'s thread, newest first; `before` is the previous page's `next_before`. */
export function fetchThreadPage(customer: string, before: string | null, signal?: AbortSignal): Promise<MessagePage> {
  return hubGet('/messages', { customer, limit: THREAD_PAGE, ...(before ? { before } : {}) }, { signal });
}

/** Whether `number` (E.164) may be texted. */
export function fetchOptState(number: string, signal?: AbortSignal): Promise<NumberOptState> {
  return hubGet('/messages/opt-out', { number }, { signal });
}

/** Sends a kept record; its key makes any replay the same message. A short deadline: the outbox retries. */
export function sendRecord(record: SmsOutboxRecord): Promise<Message> {
  return hubPost('/messages', { customer: record.customer, to: record.to, body: record.body, template: record.template }, { idempotencyKey: record.key, timeoutMs: 10_000 });
}
