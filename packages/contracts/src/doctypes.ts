import type { DoctypeSpec, DocOf, DocReadValuesOf, TableFieldOf } from './doctype-spec';
import { FAILURE_REASONS } from './jobCloseout';
import { FRAPPE_CORE_DOCTYPES } from './frappeCoreDoctypes';
import { ABSENCE_TYPES } from './technicianAbsence';
import { SKILLS, JOB_STATUSES, PRIORITIES, ISSUE_STATUSES, AGREEMENT_STATUSES, VISIT_WINDOWS, JOB_TYPES, EQUIPMENT_TYPES } from './doctypeOptions';

export * from './doctypeOptions';

/**
 * The doctypes the ops app reads and writes. Standard ERPNext doctypes keep ERPNext's field
 * names; custom fields on them carry Frappe's `custom_` prefix; our custom doctypes' Link
 * fields are named after what they point to.
 */
export const DOCTYPES = {
  Customer: {
    naming: 'CUST-',
    digits: 5,
    fields: {
      customer_name: { type: 'Data', reqd: true },
      customer_type: { type: 'Select', options: ['Company', 'Individual'], reqd: true },
      /** Link to Customer Group (not modelled by the standin) */
      customer_group: { type: 'Data' },
      /** Link to Territory: one of REGIONS */
      territory: { type: 'Data' },
      mobile_no: { type: 'Data' },
      email_id: { type: 'Data' },
      language: { type: 'Data' },
      disabled: { type: 'Check' },
      custom_account_status: { type: 'Select', options: ['Active', 'Suspended', 'Terminated'] },
      /** Digits of mobile_no without the leading 1 (`5145550142`), kept by the gigafibre app on save: phone search */
      custom_phone_digits: { type: 'Data' },
      /** ERPNext’s child table of credit limits per company */
      credit_limits: { type: 'Table', options: 'Customer Credit Limit' },
    },
  },
  /** ERPNext's child doctype of Customer.credit_limits. */
  'Customer Credit Limit': {
    naming: 'hash',
    istable: true,
    fields: {
      /** Link to Company (not modelled by the standin) */
      company: { type: 'Data', reqd: true },
      credit_limit: { type: 'Currency' },
      bypass_credit_limit_check: { type: 'Check' },
    },
  },
  'Service Location': {
    naming: 'LOC-',
    digits: 6,
    fields: {
      customer: { type: 'Link', options: 'Customer', reqd: true },
      address_line: { type: 'Data', reqd: true },
      city: { type: 'Data' },
      /** Canadian format, `H2X 1Y4` */
      postal_code: { type: 'Data' },
      territory: { type: 'Data' },
      latitude: { type: 'Float' },
      longitude: { type: 'Float' },
      status: { type: 'Select', options: ['Active', 'Inactive'] },
      access_notes: { type: 'Text' },
    },
  },
  'Service Equipment': {
    naming: 'EQ-',
    digits: 6,
    // Track Changes: a scan linking a device to a job is a Version the client's history shows.
    trackChanges: true,
    fields: {
      service_location: { type: 'Link', options: 'Service Location', reqd: true },
      customer: { type: 'Link', options: 'Customer' },
      equipment_type: { type: 'Select', options: EQUIPMENT_TYPES, reqd: true },
      manufacturer: { type: 'Data' },
      model: { type: 'Data' },
      serial_no: { type: 'Data', reqd: true, unique: true },
      /** Upper-case, colon-separated: `AA:BB:CC:DD:EE:FF` */
      mac_address: { type: 'Data' },
      status: { type: 'Select', options: ['Active', 'In Stock', 'Returned', 'Faulty'] },
      installed_on: { type: 'Date' },
      /** The job that installed or linked it */
      dispatch_job: { type: 'Link', options: 'Dispatch Job' },
    },
  },
  Subscription: {
    naming: 'SUB-',
    digits: 6,
    fields: {
      customer: { type: 'Link', options: 'Customer', reqd: true },
      service_location: { type: 'Link', options: 'Service Location' },
      plan_name: { type: 'Data', reqd: true },
      monthly_price: { type: 'Currency' },
      status: { type: 'Select', options: ['Active', 'Suspended', 'Cancelled'] },
      start_date: { type: 'Date' },
      end_date: { type: 'Date' },
    },
  },
  'Sales Invoice': {
    naming: 'ACC-SINV-',
    digits: 6,
    fields: {
      customer: { type: 'Link', options: 'Customer', reqd: true },
      customer_name: { type: 'Data' },
      posting_date: { type: 'Date', reqd: true },
      due_date: { type: 'Date' },
      grand_total: { type: 'Currency' },
      outstanding_amount: { type: 'Currency' },
      currency: { type: 'Data' },
      status: { type: 'Select', options: ['Draft', 'Unpaid', 'Overdue', 'Partly Paid', 'Paid', 'Cancelled'] },
    },
  },
  'Payment Entry': {
    naming: 'ACC-PAY-',
    digits: 6,
    fields: {
      party_type: { type: 'Data' },
      party: { type: 'Link', options: 'Customer', reqd: true },
      posting_date: { type: 'Date', reqd: true },
      paid_amount: { type: 'Currency' },
      mode_of_payment: { type: 'Data' },
      /** Simplified: ERPNext keeps references in a child table */
      reference_name: { type: 'Link', options: 'Sales Invoice' },
    },
  },
  Issue: {
    naming: 'ISS-',
    digits: 6,
    trackChanges: true,
    fields: {
      subject: { type: 'Data', reqd: true },
      status: { type: 'Select', options: ISSUE_STATUSES },
      /** Link to Issue Priority: Low, Medium, High, Urgent */
      priority: { type: 'Data' },
      issue_type: { type: 'Data' },
      customer: { type: 'Link', options: 'Customer' },
      raised_by: { type: 'Data' },
      opening_date: { type: 'Date' },
      opening_time: { type: 'Time' },
      resolution_date: { type: 'Datetime' },
      description: { type: 'Text' },
      /** Link to Service Level Agreement (not modelled: its name) */
      service_level_agreement: { type: 'Data' },
      /** First response due (SLA), set on insert and on a priority change */
      response_by: { type: 'Datetime' },
      /** Resolution due (SLA) */
      resolution_by: { type: 'Datetime' },
      agreement_status: { type: 'Select', options: AGREEMENT_STATUSES },
      /** Set by the first Sent Communication (frappe communication.py) */
      first_responded_on: { type: 'Datetime' },
      /** Frappe’s standard column: JSON list of assignees’ e-mails, kept by ToDo (todo.py update_in_reference) */
      _assign: { type: 'Text' },
    },
  },
  'Dispatch Job': {
    naming: 'DJ-',
    digits: 6,
    trackChanges: true,
    fields: {
      job_type: { type: 'Select', options: JOB_TYPES, reqd: true },
      status: { type: 'Select', options: JOB_STATUSES, reqd: true },
      priority: { type: 'Select', options: PRIORITIES },
      customer: { type: 'Link', options: 'Customer', reqd: true },
      service_location: { type: 'Link', options: 'Service Location', reqd: true },
      technician: { type: 'Link', options: 'Technician' },
      territory: { type: 'Data' },
      required_skill: { type: 'Select', options: SKILLS },
      /** The day the customer asked for */
      requested_date: { type: 'Date', reqd: true },
      scheduled_date: { type: 'Date' },
      /** Local time (America/Toronto), `HH:mm:ss` */
      start_time: { type: 'Time' },
      duration_minutes: { type: 'Int', reqd: true },
      notes: { type: 'Text' },
      /** The customer’s preferred part of the day */
      requested_window: { type: 'Select', options: VISIT_WINDOWS },
      /** The ticket the visit was booked from */
      issue: { type: 'Link', options: 'Issue' },
      /** When the technician left for the job (set_job_status `at`) */
      en_route_at: { type: 'Datetime' },
      /** When the technician arrived (status In Progress) */
      arrived_at: { type: 'Datetime' },
      /** When the job was Completed or Not Completed */
      closed_at: { type: 'Datetime' },
      /** Why it was Not Completed */
      failure_reason: { type: 'Select', options: FAILURE_REASONS },
      failure_details: { type: 'Text' },
      /** The technician’s notes at close-out */
      completion_notes: { type: 'Text' },
      /** JSON list of the JOB_CHECKLISTS item ids done */
      checklist_done: { type: 'Text' },
      /** Send the customer no automatic text for this job (e.g. the « en route » text) */
      no_sms: { type: 'Check' },
    },
  },
  Technician: {
    naming: 'TECH-',
    digits: 3,
    fields: {
      technician_name: { type: 'Data', reqd: true },
      /** The technician’s sign-in email */
      user: { type: 'Link', options: 'User' },
      territory: { type: 'Data' },
      /** Comma-separated SKILLS */
      skills: { type: 'Data' },
      shift_start: { type: 'Time' },
      shift_end: { type: 'Time' },
      phone: { type: 'Data' },
      status: { type: 'Select', options: ['Active', 'Inactive'] },
      traccar_device_id: { type: 'Int' },
    },
  },
  /** A technician's time off or unavailable block; why not HR's Leave Application: technicianAbsence.ts. */
  'Technician Absence': {
    naming: 'ABS-',
    digits: 6,
    fields: {
      technician: { type: 'Link', options: 'Technician', reqd: true },
      /** Montréal wall time, included */
      from_datetime: { type: 'Datetime', reqd: true },
      /** Montréal wall time, excluded */
      to_datetime: { type: 'Datetime', reqd: true },
      reason_type: { type: 'Select', options: ABSENCE_TYPES, reqd: true },
      note: { type: 'Text' },
    },
  },
  Tag: {
    naming: 'prompt',
    fields: {
      description: { type: 'Data' },
      color: { type: 'Data' },
    },
  },
  // Frappe's own: User, Comment, ToDo, Communication, File, Version.
  ...FRAPPE_CORE_DOCTYPES,
} as const satisfies Record<string, DoctypeSpec>;

/** A doctype the ops app knows. */
export type Doctype = keyof typeof DOCTYPES;

/**
 * A document of doctype `D` with every value field, null when empty: a list row with
 * `fields=["*"]`, or a single read passed through `completeDoc`.
 */
export type Doc<D extends Doctype> = DocOf<(typeof DOCTYPES)[D]>;

type Spec<D extends Doctype> = (typeof DOCTYPES)[D];
type ChildOf<D extends Doctype, K extends keyof Spec<D>['fields']> = Spec<D>['fields'][K] extends { options: infer C extends Doctype } ? C : never;

/**
 * Doctype `D` as a single read answers it (GET, and POST/PUT answers): empty fields left out,
 * `doctype` added, each Table field a list of its child rows (read the same way).
 */
export type DocRead<D extends Doctype> = DocReadValuesOf<Spec<D>> & { doctype: D } & {
  [K in TableFieldOf<Spec<D>>]: DocRead<ChildOf<D, K>>[];
};

/** A single read with its empty fields back as null (see `completeDoc`), child rows likewise. */
export type FullDoc<D extends Doctype> = Doc<D> & { doctype: D } & { [K in TableFieldOf<Spec<D>>]: FullDoc<ChildOf<D, K>>[] };

/** True when `value` names a doctype the ops app knows. */
export function isDoctype(value: string): value is Doctype {
  return Object.hasOwn(DOCTYPES, value);
}

export type Customer = Doc<'Customer'>;
export type CustomerCreditLimit = Doc<'Customer Credit Limit'>;
export type ServiceLocation = Doc<'Service Location'>;
export type ServiceEquipment = Doc<'Service Equipment'>;
export type Subscription = Doc<'Subscription'>;
export type SalesInvoice = Doc<'Sales Invoice'>;
export type PaymentEntry = Doc<'Payment Entry'>;
export type Issue = Doc<'Issue'>;
export type DispatchJob = Doc<'Dispatch Job'>;
export type Technician = Doc<'Technician'>;
export type Tag = Doc<'Tag'>;
export type TechnicianAbsence = Doc<'Technician Absence'>;
export type ErpUser = Doc<'User'>;
export type Comment = Doc<'Comment'>;
export type Version = Doc<'Version'>;
export type ToDo = Doc<'ToDo'>;
export type Communication = Doc<'Communication'>;
export type ErpFile = Doc<'File'>;
