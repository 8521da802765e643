// A record for a job that was reassigned or cancelled while the technician was offline: it could
// not be applied, dispatch has been told (a Comment on the job), and it stays in the queue for
// the technician to read and remove. No Vue, no network.
import type { LateItemReason } from '@gigafibre/contracts';

/** The queue code stored on such a record (describeRecordError says it in the UI language). */
export const JOB_GONE_CODES: Readonly<Record<LateItemReason, string>> = { reassigned: 'job-reassigned', cancelled: 'job-cancelled' };

export class JobGone extends Error {
  constructor(
    readonly reason: LateItemReason,
    readonly job: string,
  ) {
    super(reason === 'reassigned' ? `Intervention ${job} réassignée : envoi transmis à la répartition.` : `Intervention ${job} annulée : envoi transmis à la répartition.`);
    this.name = 'JobGone';
  }
}

/** The reason behind a stored queue code, or null for any other failure. */
export function jobGoneReason(code: string): LateItemReason | null {
  return code === JOB_GONE_CODES.reassigned ? 'reassigned' : code === JOB_GONE_CODES.cancelled ? 'cancelled' : null;
}
