// How each kind of record reaches the server. Every call carries the record id as
// Idempotency-Key and an 8-second deadline; a failure is an ApiError the state machine classifies.
import type { ServiceEquipment, VisionEquipment } from '@gigafibre/contracts';
import { montrealToday } from '@gigafibre/contracts';
import { ApiError, erpUploadFile, isApiError, type CallOptions } from '@/shared/http';
import { createEquipment, findEquipmentBySerial, getJob, readEquipmentLabel, setJobStatus, updateEquipment } from '../api/scanApi';
import { SCAN_SEND_TIMEOUT_MS } from '../model/scanQueueMachine';
import type { LinkEquipmentPayload, ScanQueueRecord } from '../model/scanQueueRecord';

/** Sends one record; resolves on the server's acknowledgement (with the OCR answer for OCR). */
export async function sendScanRecord(record: ScanQueueRecord): Promise<VisionEquipment | undefined> {
  const call: CallOptions = { idempotencyKey: record.id, timeoutMs: SCAN_SEND_TIMEOUT_MS };
  switch (record.kind) {
    case 'link-equipment':
      await linkEquipment(requireJob(record), record.payload, call);
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

/**
 * Creates the Service Equipment at the job's location; when the serial already exists at this
 * client (another of their locations, an earlier job), links that one instead; a unit registered at
 * another client is refused (never moved across clients by a technician). A replay after a lost
 * answer is answered from the Idempotency-Key (create) or finds the equipment already linked (link).
 */
async function linkEquipment(job: string, p: LinkEquipmentPayload, call: CallOptions): Promise<void> {
  const read: CallOptions = { timeoutMs: call.timeoutMs };
  const location = p.serviceLocation ?? (await getJob(job, read)).service_location;
  const installed_on = montrealToday();
  const details: Partial<ServiceEquipment> = {
    equipment_type: p.equipmentType,
    ...(p.mac ? { mac_address: p.mac } : {}),
    ...(p.model ? { model: p.model } : {}),
    ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
  };
  try {
    await createEquipment({ service_location: location, serial_no: p.serial, status: 'Active', installed_on, dispatch_job: job, ...details }, call);
    return;
  } catch (error) {
    if (!isApiError(error) || error.code !== 'conflict') throw error;
  }
  // Found only among the technician's own jobs' equipment (the BFF scopes the search); a unit
  // registered at another client (theirs or not) is not theirs to move: the BFF would refuse it too.
  const existing = await findEquipmentBySerial(p.serial, read);
  if (!existing || existing.customer !== (await getJob(job, read)).customer) {
    const reason = `Le numéro de série ${p.serial} appartient à un équipement d’un autre client : la répartition doit d’abord le retirer de ce dossier.`;
    // Given as the refusal's reason (what the BFF would answer): the queue shows it instead of the generic conflict.
    throw new ApiError({ status: 409, code: 'conflict', message: reason, serverMessages: [reason] });
  }
  if (existing.service_location === location && existing.dispatch_job === job && existing.status === 'Active') return;
  // Moving it: ERPNext sets the customer from the location (a technician never writes it).
  await updateEquipment(existing.name, { service_location: location, dispatch_job: job, status: 'Active', installed_on, ...details }, read);
}
