// The Dispatch Job lifecycle: which status may follow which. The Gigafibre app's
// `gigafibre.ops.set_job_status` enforces it (the standin plays it), and the SPA offers only these
// moves, so the rule lives here once.
import type { JobStatus } from './doctypes';
import { JOB_STATUSES } from './doctypes';

/** Allowed next statuses per current status (setting the current status again is a no-op, so replays are harmless). */
export const JOB_TRANSITIONS: Readonly<Record<JobStatus, readonly JobStatus[]>> = {
  Unscheduled: ['Cancelled'],
  Scheduled: ['En Route', 'In Progress', 'Cancelled'],
  'En Route': ['In Progress', 'Not Completed', 'Scheduled', 'Cancelled'],
  'In Progress': ['Completed', 'Not Completed', 'En Route'],
  Completed: [],
  // Closed with a failure (its reason on the job): dispatch books a new visit.
  'Not Completed': [],
  Cancelled: [],
};

/** True for one of the Dispatch Job statuses. */
export function isJobStatus(value: unknown): value is JobStatus {
  return typeof value === 'string' && (JOB_STATUSES as readonly string[]).includes(value);
}

/** True when a job may go from `from` to `to` (the same status again included). */
export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return from === to || JOB_TRANSITIONS[from].includes(to);
}

/** The statuses a job in `status` may move to; none for an unknown status. */
export function nextJobStatuses(status: string): readonly JobStatus[] {
  return isJobStatus(status) ? JOB_TRANSITIONS[status] : [];
}

/** A closed job (Completed, Not Completed, Cancelled): no status follows it. */
export function isClosedJobStatus(status: string): boolean {
  return isJobStatus(status) && JOB_TRANSITIONS[status].length === 0;
}
