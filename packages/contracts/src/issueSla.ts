// The service level agreement of Gigafibre's tickets, and ERPNext's rules for an Issue's SLA fields
// (erpnext/support/doctype/service_level_agreement/service_level_agreement.py: set_response_by,
// set_resolution_by, update_agreement_status with apply_sla_for_resolution). Shared by the standin
// (which plays ERPNext's controller) and the SPA (the countdown), so both read a deadline one way.
import type { AgreementStatus, IssueStatus, Priority } from './doctypes';
import { frappeTimestamp, parseFrappeDatetime } from './montrealTime';

/** The name of the one SLA the standin applies (ERPNext: the default Service Level Agreement). */
export const DEFAULT_SLA = 'Soutien résidentiel';

/**
 * Response and resolution times per priority, in hours of the calendar. ERPNext counts them in
 * the SLA's working hours and holiday list; Gigafibre's support line runs every day, so the
 * standin counts plain hours (a deliberate simplification, said in apps/standin/README.md).
 */
export const SLA_HOURS: Readonly<Record<Priority, { response: number; resolution: number }>> = {
  Urgent: { response: 1, resolution: 4 },
  High: { response: 2, resolution: 8 },
  Medium: { response: 4, resolution: 24 },
  Low: { response: 8, resolution: 72 },
};

/** Statuses in which the SLA no longer runs. */
export const CLOSED_ISSUE_STATUSES: readonly IssueStatus[] = ['Resolved', 'Closed'];

function priorityOf(value: unknown): Priority {
  return typeof value === 'string' && Object.hasOwn(SLA_HOURS, value) ? (value as Priority) : 'Medium';
}

/** `response_by` and `resolution_by` for a ticket opened at `start` (a Frappe datetime) with `priority`. */
export function slaDeadlines(start: string, priority: unknown): { response_by: string; resolution_by: string } {
  const at = (parseFrappeDatetime(start) ?? new Date(0)).getTime();
  const hours = SLA_HOURS[priorityOf(priority)];
  const stamp = (h: number) => frappeTimestamp(at + h * 3_600_000);
  return { response_by: stamp(hours.response), resolution_by: stamp(hours.resolution) };
}

/** The SLA fields update_agreement_status reads. */
export interface SlaFields {
  first_responded_on?: string | null;
  resolution_date?: string | null;
  resolution_by?: string | null;
}

/** ERPNext's update_agreement_status (SLA applied for resolution): what `agreement_status` becomes. */
export function agreementStatus(doc: SlaFields): AgreementStatus {
  if (!doc.first_responded_on) return 'First Response Due';
  if (!doc.resolution_date) return 'Resolution Due';
  const resolved = parseFrappeDatetime(doc.resolution_date)?.getTime() ?? 0;
  const due = parseFrappeDatetime(doc.resolution_by ?? '')?.getTime() ?? Number.POSITIVE_INFINITY;
  return resolved <= due ? 'Fulfilled' : 'Failed';
}

/** The deadline a ticket is working against now: the first response until there is one, then the resolution; none once resolved. */
export function nextSlaDeadline(doc: SlaFields & { status?: string | null; response_by?: string | null }): { kind: 'response' | 'resolution'; due: string } | null {
  if (doc.status && (CLOSED_ISSUE_STATUSES as readonly string[]).includes(doc.status)) return null;
  if (!doc.first_responded_on && doc.response_by) return { kind: 'response', due: doc.response_by };
  return doc.resolution_by ? { kind: 'resolution', due: doc.resolution_by } : null;
}
