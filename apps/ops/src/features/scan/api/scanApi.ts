// The scan feature's calls to the BFF: the technician's jobs, equipment at a service location,
// linking equipment, job status and label OCR. The queue shows send failures itself (no
// toast) and queue sends carry the record id as Idempotency-Key and an 8-second deadline.
import { LINK_JOB_EQUIPMENT_METHOD, REPORT_LATE_ITEM_METHOD, type ReportLateItemArgs, type DispatchJob, type ErpFile, type LinkJobEquipmentArgs, type ServiceEquipment, type SetJobStatusArgs, type VisionEquipment } from '@gigafibre/contracts';
import type { JobStatusPayload, LinkEquipmentPayload } from '../model/scanQueueRecord';
import { callMethod, erpGet, erpList, hubPost, type CallOptions } from '@/shared/http';

export const JOB_SUMMARY_FIELDS = [
  'name',
  'status',
  'job_type',
  'priority',
  'customer',
  'service_location',
  'scheduled_date',
  'start_time',
  'duration_minutes',
  'notes',
] as const;
export type JobSummaryRow = Pick<DispatchJob, (typeof JOB_SUMMARY_FIELDS)[number]>;

/** The Technician record of a signed-in user (Technician.user = their e-mail), or null. */
export async function findTechnician(email: string, signal?: AbortSignal): Promise<{ name: string; technician_name: string } | null> {
  // ERPNext's User ids are lower-case e-mails; Authentik keeps the case the user typed.
  const rows = await erpList('Technician', { fields: ['name', 'technician_name'], filters: [['user', '=', email.toLowerCase()]], limit: 1, signal });
  return rows[0] ?? null;
}

/** A technician's jobs on one day, in order of start time. */
export function listJobsOfDay(technician: string, date: string, signal?: AbortSignal): Promise<JobSummaryRow[]> {
  return erpList('Dispatch Job', {
    fields: JOB_SUMMARY_FIELDS,
    filters: [
      ['technician', '=', technician],
      ['scheduled_date', '=', date],
      ['status', '!=', 'Cancelled'],
    ],
    orderBy: 'start_time asc',
    limit: DAY_JOBS_PAGE,
    signal,
  });
}

export const getJob = (job: string, options: CallOptions = {}) => erpGet('Dispatch Job', job, options);

const JOB_FILE_FIELDS = ['name', 'file_name', 'file_url', 'creation'] as const;
export type JobFileRow = Pick<ErpFile, (typeof JOB_FILE_FIELDS)[number]>;

/** The photos and signature attached to a job (private files, read back through the BFF). */
export function listJobFiles(job: string, signal?: AbortSignal): Promise<JobFileRow[]> {
  return erpList('File', {
    fields: [...JOB_FILE_FIELDS],
    filters: [
      ['attached_to_doctype', '=', 'Dispatch Job'],
      ['attached_to_name', '=', job],
    ],
    orderBy: 'creation asc',
    limit: 100,
    signal,
  });
}

/** Customers by name (one request for a day's jobs): what a technician may know of them, no e-mail. */
export function getCustomers(names: readonly string[], signal?: AbortSignal) {
  return erpList('Customer', {
    fields: ['name', 'customer_name', 'mobile_no'],
    filters: [['name', 'in', [...names]]],
    limit: names.length,
    signal,
  });
}

/** Service locations by name. */
export function getLocations(names: readonly string[], signal?: AbortSignal) {
  return erpList('Service Location', {
    fields: ['name', 'address_line', 'city', 'postal_code', 'latitude', 'longitude', 'access_notes'],
    filters: [['name', 'in', [...names]]],
    limit: names.length,
    signal,
  });
}

/** A technician's jobs of one day (five or six; far fewer than a page). */
const DAY_JOBS_PAGE = 100;
/** Equipment at one location (an ONT, a router, a few mesh nodes). */
const EQUIPMENT_PAGE = 50;

export const EQUIPMENT_FIELDS = ['name', 'equipment_type', 'manufacturer', 'model', 'serial_no', 'mac_address', 'status', 'dispatch_job', 'service_location'] as const;
export type EquipmentRow = Pick<ServiceEquipment, (typeof EQUIPMENT_FIELDS)[number]>;

/** The equipment at a service location (active first). */
export function listEquipmentAt(location: string, signal?: AbortSignal): Promise<EquipmentRow[]> {
  return erpList('Service Equipment', {
    fields: EQUIPMENT_FIELDS,
    filters: [['service_location', '=', location]],
    orderBy: 'status asc, equipment_type asc',
    limit: EQUIPMENT_PAGE,
    signal,
  });
}

/**
 * `gigafibre.ops.link_job_equipment`: the scanned unit linked to the job's location in one call
 * (created, or moved within the job's client; contract: jobEquipment.ts in @gigafibre/contracts).
 * The Idempotency-Key replays; the same link again changes nothing.
 */
export function linkJobEquipment(job: string, p: LinkEquipmentPayload, options: CallOptions): Promise<unknown> {
  const args: LinkJobEquipmentArgs = {
    job,
    serial_no: p.serial,
    equipment_type: p.equipmentType,
    ...(p.mac ? { mac_address: p.mac } : {}),
    ...(p.model ? { model: p.model } : {}),
    ...(p.manufacturer ? { manufacturer: p.manufacturer } : {}),
  };
  return callMethod(LINK_JOB_EQUIPMENT_METHOD, args, { invalidates: ['Service Equipment'], ...options });
}

/**
 * `gigafibre.ops.set_job_status`: one close-out step in one call (contract: jobCloseout.ts in
 * @gigafibre/contracts); the same status again is a no-op and the Idempotency-Key replays.
 */
export function setJobStatus(job: string, step: JobStatusPayload, options: CallOptions): Promise<unknown> {
  const args: SetJobStatusArgs = {
    job,
    status: step.status,
    ...(step.at ? { at: step.at } : {}),
    ...(step.reason ? { reason: step.reason } : {}),
    ...(step.reasonDetails ? { reason_details: step.reasonDetails } : {}),
    ...(step.notes !== undefined ? { notes: step.notes } : {}),
    ...(step.checklist ? { checklist: step.checklist } : {}),
  };
  return callMethod('gigafibre.ops.set_job_status', args, { invalidates: ['Dispatch Job'], ...options });
}

/** `gigafibre.ops.report_late_item`: dispatch told of an item for a job no longer the technician's (jobLateItem.ts). */
export function reportLateItem(args: ReportLateItemArgs, options: CallOptions): Promise<unknown> {
  return callMethod(REPORT_LATE_ITEM_METHOD, args, options);
}

/** The hub's OCR of an equipment label (multipart `image`). */
export function readEquipmentLabel(image: Blob, fileName: string, options: CallOptions): Promise<VisionEquipment> {
  const form = new FormData();
  form.append('image', image, fileName);
  return hubPost('/vision/equipment', form, options);
}
