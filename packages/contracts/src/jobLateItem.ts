// What a technician recorded offline for a job that, meanwhile, was given to someone else or
// cancelled: never lost. The phone hands it to dispatch with `gigafibre.ops.report_late_item`, which
// the Gigafibre ERPNext app must implement:
//
// `gigafibre.ops.report_late_item` (POST, JSON body, `Idempotency-Key` header):
//   technician   the caller's own Technician (the BFF checks it is theirs: the job no longer is)
//   job          the Dispatch Job the item was for
//   kind         LATE_ITEM_KINDS: a status step, an equipment link, a photo or the signature
//   summary      what it was, in French, as the phone describes it (≤ LATE_ITEM_SUMMARY_MAX)
//   recorded_at  when the technician recorded it (ISO 8601 with zone)
// Only when the job is Cancelled or assigned to another technician (otherwise 417: send it the
// normal way). Adds a Comment on the job, `LATE_ITEM_PREFIX …`, that dispatch reads in the job's
// drawer; the item's own data (a photo's bytes) stays on the phone until the technician removes it.
// A replay under the same Idempotency-Key answers the stored result.

export const REPORT_LATE_ITEM_METHOD = 'gigafibre.ops.report_late_item';

export const LATE_ITEM_KINDS = ['job-status', 'link-equipment', 'job-file'] as const;
export type LateItemKind = (typeof LATE_ITEM_KINDS)[number];

/** Longest summary the phone sends. */
export const LATE_ITEM_SUMMARY_MAX = 500;

/** How the Comment's content starts: the drawer lists these as the technician's late items. */
export const LATE_ITEM_PREFIX = 'Envoi du technicien reçu hors délai';

export type ReportLateItemArgs = {
  technician: string;
  job: string;
  kind: LateItemKind;
  summary: string;
  recorded_at: string;
};

/** The arguments the BFF lets through (anything else: 400 naming the key). */
export const REPORT_LATE_ITEM_ARGS = ['technician', 'job', 'kind', 'summary', 'recorded_at'] as const;

/** Why the item could not be applied: the job was given to another technician, or cancelled. */
export type LateItemReason = 'reassigned' | 'cancelled';
