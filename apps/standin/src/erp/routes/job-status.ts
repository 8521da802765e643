// `gigafibre.ops.set_job_status`: a technician (or dispatcher) moves a Dispatch Job along its lifecycle.
import { canTransition, JOB_STATUSES, type JobStatus } from '@gigafibre/contracts';
import type { Row } from '../docs/hooks';
import type { DocStore } from '../docs/store';
import { FrappeError, notFound, validationError } from '../errors';

const FRENCH: Record<JobStatus, string> = {
  Unscheduled: 'à planifier',
  Scheduled: 'planifiée',
  'En Route': 'en route',
  'In Progress': 'en cours',
  Completed: 'terminée',
  Cancelled: 'annulée',
};

/** Applies a status change for `user`; a technician may only move their own jobs. */
export function setJobStatus(store: DocStore, params: Record<string, unknown>, user: string | null): Row {
  const { job, status } = params;
  if (typeof job !== 'string' || job === '') throw new FrappeError('MandatoryError', 'Paramètre job requis');
  if (typeof status !== 'string' || !(JOB_STATUSES as readonly string[]).includes(status)) {
    throw validationError(`Statut inconnu : ${String(status)} (attendu : ${JOB_STATUSES.join(', ')})`);
  }
  const doc = store.get('Dispatch Job', job);
  if (!doc) throw notFound('Dispatch Job', job);
  if (user) {
    const tech = store.db.prepare('SELECT name FROM "tabTechnician" WHERE user = ?').get(user) as { name: string } | undefined;
    if (tech && doc.technician !== tech.name) {
      throw new FrappeError('PermissionError', `L’intervention ${job} est assignée à un autre technicien`);
    }
  }
  const from = doc.status as JobStatus;
  const to = status as JobStatus;
  if (!canTransition(from, to)) {
    throw validationError(`Changement de statut impossible : ${FRENCH[from]} → ${FRENCH[to]} (intervention ${job})`);
  }
  return from === to ? doc : store.update('Dispatch Job', job, { status: to }, user);
}
