// The SLA countdown of a ticket: which deadline it works against (first response, then
// resolution; nextSlaDeadline in contracts, the rule ERPNext's fields follow), how long is left,
// and its tone: « en retard » once passed, a warning within the hour.
import { nextSlaDeadline, parseFrappeDatetime, type SlaFields } from '@gigafibre/contracts';

export type SlaTone = 'overdue' | 'soon' | 'ok';

export interface SlaCountdown {
  kind: 'response' | 'resolution';
  /** The deadline (an instant). */
  dueMs: number;
  /** Minutes left (negative: minutes late), rounded toward the deadline. */
  minutes: number;
  tone: SlaTone;
}

/** The countdown at `nowMs`, or null when no deadline runs (resolved, closed, no SLA). */
export function slaCountdown(issue: SlaFields & { status?: string | null; response_by?: string | null }, nowMs: number): SlaCountdown | null {
  const next = nextSlaDeadline(issue);
  const due = next && parseFrappeDatetime(next.due);
  if (!next || !due) return null;
  const dueMs = due.getTime();
  const minutes = dueMs >= nowMs ? Math.ceil((dueMs - nowMs) / 60_000) : -Math.ceil((nowMs - dueMs) / 60_000);
  return { kind: next.kind, dueMs, minutes, tone: dueMs <= nowMs ? 'overdue' : minutes <= 60 ? 'soon' : 'ok' };
}

/** « 2 h 05 », « 45 min », « 3 j 4 h »: a duration in minutes, for the countdown. */
export function durationParts(minutes: number): { days: number; hours: number; mins: number } {
  const m = Math.abs(minutes);
  return { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), mins: m % 60 };
}
