// The client's texts in their timeline: the SMS thread the file already read (the hub's, newest
// first) merged with the ERPNext history, newest first, as buildTimeline orders it.
import { frappeTimestamp, type Message } from '@gigafibre/contracts';
import type { TimelineEntry } from './buildTimeline';

/** Frappe timestamps are Montréal wall time (`2026-12-07 10:05:00.000000`), the hub's ISO UTC: both sort as wall time. */
const wallTime = (iso: string) => frappeTimestamp(new Date(iso));

export function withMessages(entries: readonly TimelineEntry[], messages: readonly Message[]): TimelineEntry[] {
  const texts = messages.map(
    (m): TimelineEntry => ({
      kind: 'sms',
      id: m.sid,
      at: wallTime(m.date_created),
      by: m.direction === 'inbound' ? null : (m.sent_by?.name ?? null),
      direction: m.direction === 'inbound' ? 'in' : 'out',
      text: m.body,
      status: m.status,
      errorCode: m.error_code,
    }),
  );
  if (texts.length === 0) return [...entries];
  return [...entries, ...texts].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
}
