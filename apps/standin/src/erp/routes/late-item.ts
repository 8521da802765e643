// `gigafibre.ops.report_late_item`: an item a technician recorded offline for a job that was
// reassigned or cancelled meanwhile, written as a Comment on the job for dispatch (the contract:
// packages/contracts/src/jobLateItem.ts).
import { LATE_ITEM_KINDS, LATE_ITEM_PREFIX, LATE_ITEM_SUMMARY_MAX, frappeTimestamp } from '@gigafibre/contracts';
import type { Row } from '../docs/hooks';
import type { DocStore } from '../docs/store';
import { FrappeError, notFound, validationError } from '../errors';

/** The job was this technician's before: a Version (Track Changes) moved it away from them. */
function wasTheirs(store: DocStore, job: string, technician: string): boolean {
  const rows = store.db.prepare(`SELECT data FROM tabVersion WHERE ref_doctype = 'Dispatch Job' AND docname = ?`).all(job) as { data: string }[];
  return rows.some((r) => {
    try {
      const changed = (JSON.parse(r.data) as { changed?: unknown[][] }).changed ?? [];
      return changed.some((c) => c[0] === 'technician' && c[1] === technician);
    } catch {
      return false;
    }
  });
}

function required(params: Record<string, unknown>, key: string): string {
  const value = params[key];
  if (value === undefined || value === null || value === '') throw new FrappeError('MandatoryError', `Paramètre ${key} requis`);
  if (typeof value !== 'string') throw new FrappeError('FrappeTypeError', `Paramètre ${key} : texte attendu`);
  return value.trim();
}

export function reportLateItem(store: DocStore, params: Record<string, unknown>, user: string | null): Row {
  const technician = required(params, 'technician');
  const jobName = required(params, 'job');
  const kind = required(params, 'kind');
  const summary = required(params, 'summary');
  const recordedAt = new Date(required(params, 'recorded_at'));
  if (!(LATE_ITEM_KINDS as readonly string[]).includes(kind)) throw validationError(`Type d’envoi inconnu : ${kind}`);
  if (summary.length > LATE_ITEM_SUMMARY_MAX) throw validationError(`Résumé trop long (${LATE_ITEM_SUMMARY_MAX} caractères au plus)`);
  if (Number.isNaN(recordedAt.getTime())) throw validationError('Paramètre recorded_at invalide (ISO 8601 attendu)');
  const tech = store.get('Technician', technician);
  if (!tech) throw notFound('Technician', technician);
  if (user && tech.user !== user) throw new FrappeError('PermissionError', 'Vous ne pouvez déclarer que vos propres envois');
  const job = store.get('Dispatch Job', jobName);
  if (!job) throw notFound('Dispatch Job', jobName);
  const reassigned = job.technician !== technician;
  // Never a door to comment on any job: only one that was theirs (reassigned) or is theirs and cancelled.
  if (reassigned && !wasTheirs(store, jobName, technician)) throw new FrappeError('PermissionError', `L’intervention ${jobName} ne vous a jamais été assignée`);
  if (!reassigned && job.status !== 'Cancelled') throw validationError(`L’intervention ${jobName} vous est toujours assignée : envoyez l’élément normalement`);
  const why = reassigned ? 'intervention réassignée' : 'intervention annulée';
  const when = frappeTimestamp(recordedAt).slice(0, 16);
  const content = `${LATE_ITEM_PREFIX} (${why}) — ${String(tech.technician_name ?? technician)}, enregistré le ${when} : ${summary}`;
  return store.insert('Comment', { comment_type: 'Comment', reference_doctype: 'Dispatch Job', reference_name: jobName, content }, user);
}
