// The technician's close-out of a Dispatch Job, as the Gigafibre ERPNext app must implement it:
// one whitelisted method per action, atomic and idempotent by key.
//
// `gigafibre.ops.set_job_status` (POST, JSON body, `Idempotency-Key` header):
//   job             Dispatch Job name
//   status          the next status (JOB_TRANSITIONS); the same status again is a no-op
//   at              when the technician tapped it (ISO 8601 with zone, taken on the phone: a step
//                   queued offline keeps its real time); stored in Montréal wall time on the
//                   step's field (STEP_TIME_FIELDS); absent → the server's now. Not in the future
//                   (AT_MAX_SKEW_MS of clock skew tolerated), not older than AT_MAX_AGE_MS.
//   reason          Not Completed only, required: one of FAILURE_REASONS
//   reason_details  Not Completed: free text, required when the reason is « Other »
//   notes           Completed / Not Completed: the completion notes (≤ NOTES_MAX characters)
//   checklist       Completed: the ids of the job type's checklist items done (JSON list); every
//                   `required` item must be in it
// The status, its time, the reason, the notes and the checklist are written in one save (one
// Version, one doc_change): either all of it or nothing. A replay under the same Idempotency-Key
// answers the stored result; the same call without a key, after success, is a harmless no-op.
//
// Photos and the signature go through Frappe's own `upload_file` (attached to the job, private);
// the signature's file name starts with SIGNATURE_FILE_PREFIX, and a job type in
// SIGNATURE_JOB_TYPES cannot be Completed before one is attached.
//
// Checklists live here rather than in an ERP doctype: the server validates the ids the phone sends
// and the phone renders them offline, so both must agree on the same version at once; they change
// with a release of the app, like the statuses. A manager-editable « Job Checklist » doctype is the
// next step if operations want to edit them without a release.
import type { JobStatus, JobType } from './doctypeOptions';

/** Why a job could not be completed (the pick list; « Other » asks for details). */
export const FAILURE_REASONS = ['Customer Absent', 'No Access', 'Missing Equipment', 'Technical Problem', 'Customer Refused', 'Other'] as const;
/** A reason a job could not be completed. */
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** The statuses a technician sets from the phone. */
export type FieldStatus = Extract<JobStatus, 'En Route' | 'In Progress' | 'Completed' | 'Not Completed'>;

/** The Dispatch Job field holding each step's time. */
export const STEP_TIME_FIELDS: Readonly<Record<FieldStatus, 'en_route_at' | 'arrived_at' | 'closed_at'>> = {
  'En Route': 'en_route_at',
  'In Progress': 'arrived_at',
  Completed: 'closed_at',
  'Not Completed': 'closed_at',
};

/** Clock skew tolerated on `at` (a phone a little ahead). */
export const AT_MAX_SKEW_MS = 5 * 60 * 1000;
/** Oldest `at` accepted: a week (the technician's window), so a stale queue still lands. */
export const AT_MAX_AGE_MS = 8 * 24 * 3600 * 1000;
/** Longest completion notes and failure details. */
export const NOTES_MAX = 4000;

/** One item of a job type's checklist. */
export interface ChecklistItem {
  readonly id: string;
  readonly required: boolean;
}

/** Per job type: what the technician ticks before « Terminée » (labels in the SPA's i18n by id). */
export const JOB_CHECKLISTS: Readonly<Record<JobType, readonly ChecklistItem[]>> = {
  Installation: [
    { id: 'ont-light', required: true },
    { id: 'speed-test', required: true },
    { id: 'wifi-shown', required: false },
    { id: 'site-clean', required: true },
  ],
  Repair: [
    { id: 'fault-found', required: true },
    { id: 'speed-test', required: true },
  ],
  Relocation: [
    { id: 'old-removed', required: true },
    { id: 'ont-light', required: true },
    { id: 'speed-test', required: true },
  ],
};

/** Job types the customer signs at completion. */
export const SIGNATURE_JOB_TYPES: readonly JobType[] = ['Installation', 'Relocation'];

/** File name prefix of the customer's signature (`signature-DJ-000123.png`). */
export const SIGNATURE_FILE_PREFIX = 'signature-';

/** The arguments of `gigafibre.ops.set_job_status`. */
export type SetJobStatusArgs = {
  job: string;
  status: JobStatus;
  at?: string;
  reason?: FailureReason;
  reason_details?: string;
  notes?: string;
  checklist?: string[];
};

/** The arguments the BFF lets through (anything else: 400 naming the key). */
export const SET_JOB_STATUS_ARGS = ['job', 'status', 'at', 'reason', 'reason_details', 'notes', 'checklist'] as const;

/** True for one of the failure reasons. */
export function isFailureReason(value: unknown): value is FailureReason {
  return typeof value === 'string' && (FAILURE_REASONS as readonly string[]).includes(value);
}

/** True when the job type asks for the customer's signature. */
export function needsSignature(jobType: string): boolean {
  return (SIGNATURE_JOB_TYPES as readonly string[]).includes(jobType);
}

/** The checklist of a job type (none for an unknown one). */
export function checklistOf(jobType: string): readonly ChecklistItem[] {
  return Object.hasOwn(JOB_CHECKLISTS, jobType) ? JOB_CHECKLISTS[jobType as JobType] : [];
}

/**
 * What is wrong with a close-out's details for this job type, in French, or null. The standin's
 * method and the phone's forms check the same rules (the phone before queueing, so a record is
 * not refused later for what it could have said at once).
 */
export function closeoutProblem(jobType: string, args: Omit<SetJobStatusArgs, 'job'>): string | null {
  const closing = args.status === 'Completed' || args.status === 'Not Completed';
  if (!closing && (args.notes !== undefined || args.checklist !== undefined)) return 'Les notes et la liste de vérification accompagnent seulement la fin de l’intervention';
  if (args.status !== 'Not Completed' && (args.reason !== undefined || args.reason_details !== undefined)) return 'Une raison accompagne seulement une intervention non complétée';
  if ((args.notes?.length ?? 0) > NOTES_MAX || (args.reason_details?.length ?? 0) > NOTES_MAX) return `Texte trop long (${NOTES_MAX} caractères au plus)`;
  if (args.status === 'Not Completed') {
    if (!isFailureReason(args.reason)) return `Raison requise (une de : ${FAILURE_REASONS.join(', ')})`;
    if (args.reason === 'Other' && !args.reason_details?.trim()) return 'Précisez la raison « Autre »';
  }
  if (args.status === 'Completed') {
    const done = new Set(args.checklist ?? []);
    const items = checklistOf(jobType);
    const unknown = [...done].find((id) => !items.some((i) => i.id === id));
    if (unknown !== undefined) return `Élément de liste de vérification inconnu : ${unknown}`;
    const missing = items.filter((i) => i.required && !done.has(i.id)).map((i) => i.id);
    if (missing.length > 0) return `Liste de vérification incomplète : ${missing.join(', ')}`;
  }
  return null;
}
