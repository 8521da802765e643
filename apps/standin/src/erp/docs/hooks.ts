// What the Gigafibre custom app (and ERPNext's controllers) do on save, per doctype.
import { absenceDatesError, agreementStatus, CLOSED_ISSUE_STATUSES, DEFAULT_SLA, isClosedJobStatus, PRIORITIES, slaDeadlines, type Doctype } from '@gigafibre/contracts';
import { FrappeError, validationError } from '../errors';
import type { Stored } from './coerce';

/** A document as stored: column → value. */
export type Row = Record<string, Stored>;

/** What a hook may look up. */
export interface HookContext {
  user: string;
  today: string;
  /** Frappe's now_datetime() as stored: Montréal wall time, `YYYY-MM-DD HH:mm:ss.ffffff`. */
  now: string;
  get(doctype: Doctype, name: string): Row | undefined;
}

type Hook = (doc: Row, old: Row | undefined, ctx: HookContext) => void;

/** `5145550142` from any North-American format (`+1 (514) 555-0142` …); null when not a phone number. */
export function phoneDigits(phone: string | null): string | null {
  if (!phone) return null;
  let digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  return digits.length >= 7 ? digits : null;
}

/** `AA:BB:CC:DD:EE:FF` from any separator; throws when it is not a MAC address. */
export function normaliseMac(mac: string): string {
  const hex = mac.replace(/[^0-9a-f]/gi, '');
  if (hex.length !== 12 || /[^0-9a-f:.\-\s]/i.test(mac)) throw validationError(`Adresse MAC invalide : ${mac}`);
  return hex.toUpperCase().match(/../g)!.join(':');
}

const ACTIVE_STATUSES = new Set(['Scheduled', 'En Route', 'In Progress']);

const dispatchJob: Hook = (doc, old) => {
  const assigned = doc.technician !== null && doc.scheduled_date !== null && doc.start_time !== null;
  if (old && isClosedJobStatus(String(old.status))) {
    for (const f of ['technician', 'scheduled_date', 'start_time', 'duration_minutes'] as const) {
      if (doc[f] !== old[f]) throw validationError(`L’intervention ${String(old.name)} est ${old.status === 'Completed' ? 'terminée' : 'annulée'} : elle ne peut plus être déplacée`);
    }
  }
  // Assigning from the queue schedules the job; taking it back to the queue unschedules it.
  if (doc.status === 'Unscheduled' && assigned) doc.status = 'Scheduled';
  if (doc.status === 'Scheduled' && doc.technician === null) {
    doc.status = 'Unscheduled';
    doc.start_time = null;
  }
  if (ACTIVE_STATUSES.has(String(doc.status)) && !assigned) {
    throw new FrappeError('MandatoryError', 'Une intervention planifiée doit avoir un technicien, une date et une heure de début');
  }
  const duration = Number(doc.duration_minutes);
  if (!(duration >= 5 && duration <= 720)) throw validationError('La durée doit être entre 5 et 720 minutes');
};

const CLOSED = CLOSED_ISSUE_STATUSES as readonly unknown[];

/**
 * ERPNext's Issue controller and SLA (issue.py validate; service_level_agreement.py apply →
 * process_sla): the SLA's deadlines from the opening and priority (again when the priority
 * changes), the resolution date stamped on resolving and cleared on reopening
 * (reset_resolution_metrics), then update_agreement_status.
 */
function issueSla(doc: Row, old: Row | undefined, ctx: HookContext): void {
  doc.service_level_agreement ??= DEFAULT_SLA;
  if (!old || old.priority !== doc.priority || doc.resolution_by === null) {
    Object.assign(doc, slaDeadlines(old ? String(old.creation) : ctx.now, doc.priority));
  }
  if (CLOSED.includes(doc.status) && doc.resolution_date === null) doc.resolution_date = ctx.now;
  if (!CLOSED.includes(doc.status) && old && CLOSED.includes(old.status)) doc.resolution_date = null;
  doc.agreement_status = agreementStatus({
    first_responded_on: doc.first_responded_on as string | null,
    resolution_date: doc.resolution_date as string | null,
    resolution_by: doc.resolution_by as string | null,
  });
}

const HOOKS: Partial<Record<Doctype, Hook>> = {
  Customer: (doc) => {
    doc.custom_phone_digits = phoneDigits(doc.mobile_no as string | null);
    doc.disabled ??= 0;
    doc.custom_account_status ??= 'Active';
  },
  'Service Equipment': (doc, _old, ctx) => {
    if (typeof doc.mac_address === 'string') doc.mac_address = normaliseMac(doc.mac_address);
    if (typeof doc.serial_no === 'string') doc.serial_no = doc.serial_no.trim().toUpperCase();
    if (doc.customer === null && typeof doc.service_location === 'string') {
      doc.customer = ctx.get('Service Location', doc.service_location)?.customer ?? null;
    }
    doc.status ??= 'Active';
  },
  'Dispatch Job': (doc, old, ctx) => {
    if (doc.territory === null && typeof doc.service_location === 'string') {
      doc.territory = ctx.get('Service Location', doc.service_location)?.territory ?? null;
    }
    dispatchJob(doc, old, ctx);
  },
  // The Gigafibre app's controller (a custom doctype: contracts' technicianAbsence.ts), in the manner
  // of HR's Leave Application validate_dates (« To date cannot be before from date »).
  'Technician Absence': (doc) => {
    const error = absenceDatesError(doc.from_datetime as string | null, doc.to_datetime as string | null);
    if (error) throw validationError(error);
  },
  'Sales Invoice': (doc, _old, ctx) => {
    if (doc.customer_name === null && typeof doc.customer === 'string') {
      doc.customer_name = ctx.get('Customer', doc.customer)?.customer_name ?? null;
    }
    doc.currency ??= 'CAD';
  },
  Issue: (doc, old, ctx) => {
    doc.status ??= 'Open';
    doc.priority ??= 'Medium';
    doc.opening_date ??= ctx.today;
    doc.raised_by ??= ctx.user;
    // `priority` is a Link to Issue Priority: an unknown one is a LinkValidationError.
    if (!(PRIORITIES as readonly unknown[]).includes(doc.priority)) {
      throw new FrappeError('LinkValidationError', `Impossible de trouver Issue Priority : ${String(doc.priority)} (priority)`);
    }
    issueSla(doc, old, ctx);
  },
  Comment: (doc, _old, ctx) => {
    doc.comment_email ??= ctx.user;
    doc.comment_by ??= (ctx.get('User', String(doc.comment_email))?.full_name as string | undefined) ?? String(doc.comment_email);
  },
  ToDo: (doc, _old, ctx) => {
    doc.date ??= ctx.today;
    doc.assigned_by ??= ctx.user;
  },
  // communication.py validate / set_status / set_sender_full_name.
  Communication: (doc, old, ctx) => {
    doc.sender ??= ctx.user;
    doc.sender_full_name ??= (ctx.get('User', String(doc.sender))?.full_name as string | undefined) ?? null;
    doc.communication_date ??= ctx.now;
    if (!old) doc.status = doc.reference_doctype && doc.reference_name ? 'Linked' : doc.communication_type === 'Communication' ? 'Open' : 'Closed';
  },
  User: (doc) => {
    doc.enabled ??= 1;
    doc.user_type ??= 'System User';
    doc.full_name ??= doc.first_name ?? null;
  },
};

/** Runs the doctype's save hook (mutates `doc`, throws FrappeError on invalid data). */
export function runSaveHook(doctype: Doctype, doc: Row, old: Row | undefined, ctx: HookContext): void {
  HOOKS[doctype]?.(doc, old, ctx);
}
