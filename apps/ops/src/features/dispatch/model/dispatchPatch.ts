// The PUT bodies the board sends for a move, and what the job looks like once the server agrees.
// Every body carries the `modified` the dispatcher saw: ERPNext refuses it (TimestampMismatchError)
// when someone saved the job in between, so a drop never overwrites a change it did not see.
import type { DispatchJob } from '@gigafibre/contracts';
import { formatWireTime, parseTime } from './dispatchTime';
import type { BoardJob, SlotTarget } from './dispatchTypes';

export type JobPatch = { -readonly [K in 'technician' | 'scheduled_date' | 'start_time' | 'status' | 'no_sms']?: DispatchJob[K] } & { modified: string };

/** Assign to a technician at a day and time (from the queue, or moving between rows/times). */
export function assignPatch(job: BoardJob, target: SlotTarget): JobPatch {
  const patch: JobPatch = {
    technician: target.technician,
    scheduled_date: target.date,
    start_time: formatWireTime(target.start),
    modified: job.modified,
  };
  // Assigning from the queue schedules the job (the server would do it too; say it explicitly).
  if (job.status === 'Unscheduled') patch.status = 'Scheduled';
  return patch;
}

/** Back to the queue: no technician, no date, no time. */
export function unassignPatch(job: BoardJob): JobPatch {
  return { technician: null, scheduled_date: null, start_time: null, status: 'Unscheduled', modified: job.modified };
}

/** True when the target is where the job already is (nothing to send). */
export function isSamePlace(job: BoardJob, target: SlotTarget | 'queue'): boolean {
  if (target === 'queue') return job.status === 'Unscheduled' && job.technician === null;
  return job.technician === target.technician && job.scheduled_date === target.date && parseTime(job.start_time) === target.start;
}

/** The job as the board shows it while the server has not answered yet. */
export function applyPatch(job: BoardJob, patch: JobPatch): BoardJob {
  const { modified: _seen, ...fields } = patch;
  return { ...job, ...fields };
}
