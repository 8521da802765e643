// « Planifier une visite »: the form's defaults from the ticket, its checks (each error next to its
// field), and the Dispatch Job it becomes: Unscheduled, in the dispatchers' queue, linked to the
// ticket and the client. The dispatcher assigns it; nothing here picks a technician.
import { addDays, JOB_TYPES, PRIORITIES, SKILLS, VISIT_WINDOWS, type DispatchJob, type JobType, type Priority, type Skill, type VisitWindow } from '@gigafibre/contracts';

export interface VisitForm {
  job_type: JobType;
  service_location: string | null;
  duration_minutes: number;
  required_skill: Skill | null;
  priority: Priority;
  requested_date: string;
  requested_window: VisitWindow;
  notes: string;
}

export const MAX_VISIT_NOTES = 2000;
export const DEFAULT_DURATION: Record<JobType, number> = { Installation: 120, Repair: 60, Relocation: 150 };

/** The skill a ticket's type usually needs. */
const SKILL_OF_TYPE: Record<string, Skill> = { 'Wi-Fi': 'Wi-Fi/Mesh', Technique: 'Fibre Splicing', Installation: 'Installation' };

/** The form's starting values for a ticket (or a client file: no ticket). */
export function visitDefaults(ticket: { subject?: string | null; priority?: string | null; issue_type?: string | null } | null, locations: readonly string[], today: string): VisitForm {
  const priority = (PRIORITIES as readonly string[]).includes(ticket?.priority ?? '') ? (ticket?.priority as Priority) : 'Medium';
  const type: JobType = ticket?.issue_type === 'Installation' ? 'Installation' : 'Repair';
  return {
    job_type: type,
    service_location: locations.length === 1 ? (locations[0] as string) : null,
    duration_minutes: DEFAULT_DURATION[type],
    required_skill: SKILL_OF_TYPE[ticket?.issue_type ?? ''] ?? null,
    priority,
    requested_date: addDays(today, 1),
    requested_window: 'Any',
    notes: ticket?.subject ?? '',
  };
}

export type VisitField = 'service_location' | 'duration_minutes' | 'requested_date' | 'notes';
/** Error keys (messages under tickets.booking.errors) per field. */
export type VisitErrors = Partial<Record<VisitField, 'location' | 'duration' | 'day' | 'notes'>>;

/** What is wrong with the form, field by field (empty: it may be sent). */
export function validateVisit(form: VisitForm, locations: readonly string[], today: string): VisitErrors {
  const errors: VisitErrors = {};
  if (!form.service_location || !locations.includes(form.service_location)) errors.service_location = 'location';
  if (!Number.isInteger(form.duration_minutes) || form.duration_minutes < 5 || form.duration_minutes > 720) errors.duration_minutes = 'duration';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.requested_date) || form.requested_date < today) errors.requested_date = 'day';
  if (form.notes.length > MAX_VISIT_NOTES) errors.notes = 'notes';
  if (!(JOB_TYPES as readonly string[]).includes(form.job_type) || (form.required_skill && !(SKILLS as readonly string[]).includes(form.required_skill)) || !(VISIT_WINDOWS as readonly string[]).includes(form.requested_window)) {
    throw new RangeError('visit form holds a value its selects never offer');
  }
  return errors;
}

/** The new Dispatch Job's fields (the write grant `visits.book` allows exactly these keys). */
export function visitJob(form: VisitForm, customer: string, issue: string | null): Partial<DispatchJob> {
  if (!form.service_location) throw new RangeError('visitJob: validate the form first (no service location)');
  return {
    job_type: form.job_type,
    status: 'Unscheduled',
    customer,
    service_location: form.service_location,
    duration_minutes: form.duration_minutes,
    required_skill: form.required_skill,
    priority: form.priority,
    requested_date: form.requested_date,
    requested_window: form.requested_window,
    notes: form.notes.trim() || null,
    ...(issue ? { issue } : {}),
  };
}
