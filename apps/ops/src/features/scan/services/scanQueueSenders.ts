// How each kind of record reaches the server. Every call carries the record id as
// Idempotency-Key and an 8-second deadline; a failure is an ApiError the state machine classifies.
import type { LateItemReason, VisionEquipment } from '@gigafibre/contracts';
import { ApiError, erpUploadFile, isApiError, type CallOptions } from '@/shared/http';
import { findTechnician, getJob, linkJobEquipment, readEquipmentLabel, reportLateItem, setJobStatus } from '../api/scanApi';
import { JobGone } from '../model/jobGone';
import { lateItemKind, lateItemSummary } from '../model/lateItemSummary';
import { classifyFailure, SCAN_SEND_TIMEOUT_MS } from '../model/scanQueueMachine';
import { linkKeyOf, type ScanQueueRecord } from '../model/scanQueueRecord';

/**
 * Sends one record; resolves on the server's acknowledgement (with the OCR answer for OCR). A job
 * record refused because the job was reassigned or cancelled meanwhile is handed to dispatch and
 * kept, refused, with a JobGone saying so.
 */
export async function sendScanRecord(record: ScanQueueRecord): Promise<VisionEquipment | undefined> {
  try {
    return await send(record);
  } catch (error) {
    const reason = await jobGoneAfter(record, error);
    if (!reason) throw error;
    try {
      await handOver(record, reason);
    } catch (reportError) {
      // Dispatch could not take it (refused): the record keeps its own refusal. Anything transient
      // (network, 5xx, session) keeps it pending, to hand over on the next pass.
      throw classifyFailure(reportError) === 'refuse' ? error : reportError;
    }
    throw new JobGone(reason, record.job as string);
  }
}

/** Refusals a reassigned (403: no longer theirs, from the BFF or ERPNext) or cancelled (417: no such step) job answers. */
const JOB_GONE_STATUSES = [403, 417];

/** Why the record's job can no longer take it, read from the job itself; null when it still can. */
async function jobGoneAfter(record: ScanQueueRecord, error: unknown): Promise<LateItemReason | null> {
  if (!record.job || !lateItemKind(record) || !isApiError(error) || !JOB_GONE_STATUSES.includes(error.status)) return null;
  const read: CallOptions = { timeoutMs: SCAN_SEND_TIMEOUT_MS };
  try {
    const [technician, job] = await Promise.all([findTechnician(record.user), getJob(record.job, read)]);
    if (job.status === 'Cancelled') return 'cancelled';
    // Still readable (the BFF's scope of their jobs may lag a moment) but someone else's now.
    return technician && job.technician !== technician.name ? 'reassigned' : null;
  } catch (readError) {
    // The BFF no longer shows the technician this job: it was given to someone else.
    if (isApiError(readError) && readError.status === 403) return 'reassigned';
    throw readError;
  }
}

/** Tells dispatch: a Comment on the job, under a key of its own (a replay writes it once). */
async function handOver(record: ScanQueueRecord, reason: LateItemReason): Promise<void> {
  const call: CallOptions = { idempotencyKey: `${record.id}:late`, timeoutMs: SCAN_SEND_TIMEOUT_MS };
  const technician = await findTechnician(record.user);
  const kind = lateItemKind(record);
  if (!technician || !kind) throw new ApiError({ status: 0, code: 'validation', message: `Intervention ${record.job ?? ''} ${reason === 'reassigned' ? 'réassignée' : 'annulée'}.` });
  await reportLateItem({ technician: technician.name, job: record.job as string, kind, summary: lateItemSummary(record), recorded_at: new Date(record.createdAt).toISOString() }, call);
}

async function send(record: ScanQueueRecord): Promise<VisionEquipment | undefined> {
  const call: CallOptions = { idempotencyKey: record.id, timeoutMs: SCAN_SEND_TIMEOUT_MS };
  switch (record.kind) {
    case 'link-equipment':
      // One call, whatever the record's age: a record queued by an older app (which ran the link
      // itself in up to five calls) carries the same payload and goes the same way. Its key is
      // derived, not the record id: that app may already have used the id on its POST, and a key
      // reused for another request is refused; the method itself changes nothing when the unit
      // is already linked, so a link half-done by the old app completes without a duplicate.
      await linkJobEquipment(requireJob(record), record.payload, { ...call, idempotencyKey: linkKeyOf(record) });
      return undefined;
    case 'job-status':
      await setJobStatus(requireJob(record), record.payload, call);
      return undefined;
    case 'job-file':
      await erpUploadFile({ doctype: 'Dispatch Job', name: requireJob(record) }, record.payload.image, record.payload.fileName, call);
      return undefined;
    case 'ocr':
      return readEquipmentLabel(record.payload.image, record.payload.fileName, call);
  }
}

function requireJob(record: ScanQueueRecord): string {
  if (!record.job) throw new ApiError({ status: 0, code: 'validation', message: 'Aucune intervention associée à cet envoi.' });
  return record.job;
}
