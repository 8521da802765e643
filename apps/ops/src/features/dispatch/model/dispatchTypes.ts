// What the board holds: the few fields of each doctype it reads, and the shapes its pure
// functions exchange.
import type { Customer, DispatchJob, ServiceLocation, Technician, TechnicianAbsence } from '@gigafibre/contracts';

export const JOB_FIELDS = [
  'name',
  'modified',
  'job_type',
  'status',
  'priority',
  'customer',
  'service_location',
  'technician',
  'territory',
  'required_skill',
  'requested_date',
  'scheduled_date',
  'start_time',
  'duration_minutes',
  'notes',
  'no_sms',
  '_user_tags',
] as const satisfies readonly (keyof DispatchJob)[];

/** A Dispatch Job as the board loads it. */
export type BoardJob = Pick<DispatchJob, (typeof JOB_FIELDS)[number]>;

export const TECHNICIAN_FIELDS = [
  'name',
  'technician_name',
  'territory',
  'skills',
  'shift_start',
  'shift_end',
  'phone',
  'status',
  'traccar_device_id',
] as const satisfies readonly (keyof Technician)[];

export type BoardTechnician = Pick<Technician, (typeof TECHNICIAN_FIELDS)[number]>;

export const CUSTOMER_FIELDS = ['name', 'customer_name', 'customer_type', 'mobile_no', 'email_id'] as const satisfies readonly (keyof Customer)[];
export type BoardCustomer = Pick<Customer, (typeof CUSTOMER_FIELDS)[number]>;

export const LOCATION_FIELDS = ['name', 'address_line', 'city', 'postal_code', 'latitude', 'longitude', 'access_notes'] as const satisfies readonly (keyof ServiceLocation)[];
export type BoardLocation = Pick<ServiceLocation, (typeof LOCATION_FIELDS)[number]>;

export const ABSENCE_FIELDS = ['name', 'technician', 'from_datetime', 'to_datetime', 'reason_type', 'note'] as const satisfies readonly (keyof TechnicianAbsence)[];
/** A Technician Absence as the board loads it. */
export type BoardAbsence = Pick<TechnicianAbsence, (typeof ABSENCE_FIELDS)[number]>;

/** The part of an absence on the board's day, in wall-clock minutes (see absenceMinutesOn). */
export interface AbsenceBlock {
  name: string;
  technician: string;
  start: number;
  end: number;
  reason: string;
  note: string | null;
}

/** A technician with the text fields the rules need already parsed. */
export interface TechProfile {
  name: string;
  skills: readonly string[];
  /** Minutes since midnight; null when the technician has no shift on file. */
  shiftStart: number | null;
  shiftEnd: number | null;
}

/** A job placed on the board: wall-clock minutes on its scheduled date. */
export interface Placement {
  job: string;
  technician: string;
  start: number;
  end: number;
  requiredSkill: string | null;
  status: string;
}

/** Where a job goes: a technician, a day and a start time (minutes since midnight). */
export interface SlotTarget {
  technician: string;
  date: string;
  start: number;
}

/**
 * The technician's Traccar device, or null. An Int field is never null in Frappe (stored
 * `not null default 0`), so a technician without a device has 0, not null.
 */
export function traccarDevice(tech: Pick<BoardTechnician, 'traccar_device_id'>): number | null {
  const id = tech.traccar_device_id;
  return typeof id === 'number' && id > 0 ? id : null;
}

/** The board's fields of a full document (a PUT's answer). */
export function toBoardJob(doc: DispatchJob): BoardJob {
  const out = {} as Record<string, unknown>;
  for (const field of JOB_FIELDS) out[field] = doc[field];
  return out as BoardJob;
}
