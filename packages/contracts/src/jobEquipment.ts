// Linking scanned equipment to a Dispatch Job, as the Gigafibre ERPNext app must implement it: one
// whitelisted method, atomic and idempotent by key, like `gigafibre.ops.set_job_status`
// (jobCloseout.ts). It replaces the phone's own transaction (read the job, create, on a duplicate
// search the serial, read the job again, update: up to five round trips, only the create
// idempotent).
//
// `gigafibre.ops.link_job_equipment` (POST, JSON body, `Idempotency-Key` header):
//   job            Dispatch Job name (a technician: one of their own jobs)
//   serial_no      the unit's serial number (Service Equipment.serial_no is unique)
//   equipment_type one of EQUIPMENT_TYPES
//   mac_address, model, manufacturer   optional, as read on the label
// In one transaction, at the job's service location:
//   - no Service Equipment with this serial: insert one {service_location, serial_no, status
//     Active, installed_on (Montréal today), dispatch_job, equipment_type, mac_address, model,
//     manufacturer} — the same document the phone's POST wrote (ERPNext sets `customer` from the
//     location);
//   - one at this client (any of their locations, an earlier job): update it with
//     {service_location, dispatch_job, status Active, installed_on, the label's details} — the same
//     fields the phone's PUT wrote; already Active at this location for this job: no write at all;
//   - one at another client: DuplicateEntryError (HTTP 409) naming the serial; a technician never
//     moves equipment across clients (dispatch removes it from the other file first).
// Answers the Service Equipment (as_dict). A replay under the same Idempotency-Key answers the
// stored result; the same call without a key, after success, changes nothing (third case above).
import type { EquipmentType } from './doctypeOptions';

export const LINK_JOB_EQUIPMENT_METHOD = 'gigafibre.ops.link_job_equipment';

/** The arguments of `gigafibre.ops.link_job_equipment`. */
export type LinkJobEquipmentArgs = {
  job: string;
  serial_no: string;
  equipment_type: EquipmentType;
  mac_address?: string;
  model?: string;
  manufacturer?: string;
};

/** The arguments the BFF lets through (anything else: 400 naming the key). */
export const LINK_JOB_EQUIPMENT_ARGS = ['job', 'serial_no', 'equipment_type', 'mac_address', 'model', 'manufacturer'] as const;

/** The refusal when the serial belongs to another client's equipment (the phone shows it as is). */
export function otherClientSerialMessage(serial: string): string {
  return `Le numéro de série ${serial} appartient à un équipement d’un autre client : la répartition doit d’abord le retirer de ce dossier.`;
}
