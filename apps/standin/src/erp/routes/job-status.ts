// `gigafibre.ops.set_job_status`: a technician (or dispatcher) moves a Dispatch Job along its
// lifecycle, with the step's time and, at close-out, the reason, notes and checklist: one save
// (the contract: packages/contracts/src/jobCloseout.ts).
import {
  AT_MAX_AGE_MS,
  AT_MAX_SKEW_MS,
  canTransition,
  closeoutProblem,
  frappeTimestamp,
  JOB_STATUSES,
  needsSignature,
  SIGNATURE_FILE_PREFIX,
  STEP_TIME_FIELDS,
  type FieldStatus,
  type JobStatus,
  type SetJobStatusArgs,
} from '@gigafibre/contracts';
import type { Row } from '../docs/hooks';
import type { DocStore } from '../docs/store';
import { FrappeError, notFound, validationError } from '../errors';

const FRENCH: Record<JobStatus, string> = {
  Unscheduled: 'à planifier',
  Scheduled: 'planifiée',
  'En Route': 'en route',
  'In Progress': 'en cours',
  Completed: 'terminée',
  'Not Completed': 'non complétée',
  Cancelled: 'annulée',
};

function optionalText(params: Record<string, unknown>, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationError(`Paramètre ${key} : texte attendu`);
  return value;
}

/** `checklist`: a JSON list of ids (or the list itself, from a JSON body). */
function checklistParam(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  let list: unknown = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value) as unknown;
    } catch {
      throw validationError('Paramètre checklist : liste JSON attendue');
    }
  }
  if (!Array.isArray(list) || list.some((id) => typeof id !== 'string')) throw validationError('Paramètre checklist : liste de textes attendue');
  return list as string[];
}

/** The step's instant: `at` (ISO with a zone) within the accepted window, or now. */
function stepInstant(at: string | undefined, now: Date): Date {
  if (at === undefined) return now;
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(at) ? new Date(at) : new Date(NaN);
  if (Number.isNaN(instant.getTime())) throw validationError(`Paramètre at invalide : ${at} (ISO 8601 avec fuseau attendu)`);
  if (instant.getTime() > now.getTime() + AT_MAX_SKEW_MS) throw validationError('Paramètre at dans le futur : vérifiez l’heure de l’appareil');
  if (instant.getTime() < now.getTime() - AT_MAX_AGE_MS) throw validationError('Paramètre at trop ancien');
  return instant;
}

function hasSignature(store: DocStore, job: string): boolean {
  const row = store.db
    .prepare(`SELECT 1 FROM "tabFile" WHERE attached_to_doctype = 'Dispatch Job' AND attached_to_name = ? AND file_name LIKE ? LIMIT 1`)
    .get(job, `${SIGNATURE_FILE_PREFIX}%`);
  return row !== undefined;
}

/** Applies a status change for `user`; a technician may only move their own jobs. */
export function setJobStatus(store: DocStore, params: Record<string, unknown>, user: string | null, now: Date): Row {
  const { job, status } = params;
  if (typeof job !== 'string' || job === '') throw new FrappeError('MandatoryError', 'Paramètre job requis');
  if (typeof status !== 'string' || !(JOB_STATUSES as readonly string[]).includes(status)) {
    throw validationError(`Statut inconnu : ${String(status)} (attendu : ${JOB_STATUSES.join(', ')})`);
  }
  const args: Omit<SetJobStatusArgs, 'job'> = {
    status: status as JobStatus,
    at: optionalText(params, 'at'),
    reason: optionalText(params, 'reason') as SetJobStatusArgs['reason'],
    reason_details: optionalText(params, 'reason_details'),
    notes: optionalText(params, 'notes'),
    checklist: checklistParam(params.checklist),
  };
  const doc = store.get('Dispatch Job', job);
  if (!doc) throw notFound('Dispatch Job', job);
  if (user) {
    const tech = store.db.prepare('SELECT name FROM "tabTechnician" WHERE user = ?').get(user) as { name: string } | undefined;
    if (tech && doc.technician !== tech.name) {
      throw new FrappeError('PermissionError', `L’intervention ${job} est assignée à un autre technicien`);
    }
  }
  const from = doc.status as JobStatus;
  const to = args.status;
  if (!canTransition(from, to)) {
    throw validationError(`Changement de statut impossible : ${FRENCH[from]} → ${FRENCH[to]} (intervention ${job})`);
  }
  if (from === to) return doc;
  const problem = closeoutProblem(String(doc.job_type), args);
  if (problem) throw validationError(`${problem} (intervention ${job})`);
  if (to === 'Completed' && needsSignature(String(doc.job_type)) && !hasSignature(store, job)) {
    throw validationError(`La signature du client est requise pour terminer l’intervention ${job}`);
  }
  const patch: Record<string, unknown> = { status: to };
  const timeField = (STEP_TIME_FIELDS as Partial<Record<JobStatus, string>>)[to as FieldStatus];
  if (timeField) patch[timeField] = frappeTimestamp(stepInstant(args.at, now)).slice(0, 19);
  if (to === 'Not Completed') Object.assign(patch, { failure_reason: args.reason, failure_details: args.reason_details?.trim() || null });
  if (args.notes !== undefined) patch.completion_notes = args.notes.trim() || null;
  if (args.checklist !== undefined) patch.checklist_done = JSON.stringify(args.checklist);
  return store.update('Dispatch Job', job, patch, user);
}
