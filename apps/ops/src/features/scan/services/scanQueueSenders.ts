// How each kind of record reaches the server. Every call carries the record id as
// Idempotency-Key and an 8-second deadline; a failure is an ApiError the state machine classifies.
import type { VisionEquipment } from '@gigafibre/contracts';
import { ApiError, erpUploadFile, type CallOptions } from '@/shared/http';
import { linkJobEquipment, readEquipmentLabel, setJobStatus } from '../api/scanApi';
import { SCAN_SEND_TIMEOUT_MS } from '../model/scanQueueMachine';
import type { ScanQueueRecord } from '../model/scanQueueRecord';

/** Sends one record; resolves on the server's acknowledgement (with the OCR answer for OCR). */
export async function sendScanRecord(record: ScanQueueRecord): Promise<VisionEquipment | undefined> {
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

/** The Idempotency-Key of a link: the record's id with a suffix of its own. */
export function linkKeyOf(record: ScanQueueRecord): string {
  return `${record.id}:link`;
}

function requireJob(record: ScanQueueRecord): string {
  if (!record.job) throw new ApiError({ status: 0, code: 'validation', message: 'Aucune intervention associée à cet envoi.' });
  return record.job;
}
