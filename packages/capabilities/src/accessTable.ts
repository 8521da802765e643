// Least privilege behind the BFF's all-powerful ERPNext token: for each doctype, which rows and
// fields each capability may read, which keys it may write, and how a technician's own rows are
// found. The BFF enforces it (apps/bff/src/access/), the route policy is derived from it, and
// README.md says how a feature adds a doctype or a grant. Anything not granted here is refused.
import type { DoctypeAccess, MethodAccess, UploadAccess } from './access';

/** Page sizes: every list is capped (0, "all", is refused), and big lists of personal data are audited. */
export const LIST_LIMITS = {
  /** Most rows one list request may ask for (`limit_page_length`); the SPA never needs more. */
  maxPage: 500,
  /** Lists of a `personal` doctype asking for more rows than this are written to the audit log. */
  auditAbove: 100,
} as const;

/**
 * A technician's window: the Dispatch Jobs assigned to them from a week ago (a job to finish, a
 * scan queued offline) to two weeks ahead (the days they plan), Montréal days, inclusive.
 */
export const TECHNICIAN_WINDOW = { field: 'scheduled_date', daysBefore: 7, daysAfter: 14 } as const;

const JOB_LINKS = { service_location: 'Service Location', dispatch_job: 'Dispatch Job' } as const;
/** What booking a visit writes: the job's kind, place, length, skill, priority, preferred day and window, notes, its ticket. */
const VISIT_KEYS = ['job_type', 'status', 'customer', 'service_location', 'duration_minutes', 'required_skill', 'priority', 'requested_date', 'requested_window', 'notes', 'issue'];
/** What booking proposals read of the days' jobs (visits.book): who is busy when, and where. */
const PROPOSAL_JOB_FIELDS = ['technician', 'scheduled_date', 'start_time', 'duration_minutes', 'status', 'service_location'];
/** The keys a CSR changes on a ticket (`customer` never: a ticket does not move to another client). */
const TICKET_KEYS = ['subject', 'priority', 'description', 'status', 'issue_type'];
const FILE_FIELDS = ['file_name', 'file_url', 'is_private', 'file_size', 'file_type', 'attached_to_doctype', 'attached_to_name', 'creation', 'owner'];
/** A Technician Absence as the board reads and a dispatcher writes it (ABSENCE_WRITE_FIELDS in @gigafibre/contracts). */
const ABSENCE_KEYS = ['technician', 'from_datetime', 'to_datetime', 'reason_type', 'note'];
/** ABSENCE_TYPES in @gigafibre/contracts (the BFF's access table spec checks they agree). */
const ABSENCE_REASONS = ['Vacation', 'Training', 'Sick Day', 'Unavailable'];
const EQUIPMENT_KEYS = ['service_location', 'serial_no', 'equipment_type', 'manufacturer', 'model', 'mac_address', 'status', 'installed_on', 'dispatch_job'];

/** The access table: one entry per doctype the ops app may touch. */
export const DOCTYPE_ACCESS: Readonly<Record<string, DoctypeAccess>> = {
  'Dispatch Job': {
    own: { field: 'technician', is: 'technician', window: TECHNICIAN_WINDOW },
    customer: 'customer',
    read: [
      { by: 'clients.view', rows: 'all', fields: '*' },
      { by: 'dispatch.view', rows: 'all', fields: '*' },
      { by: 'scan.use', rows: 'own', fields: '*' },
      // Booking proposals: who is busy when and where, nothing about the client or the work.
      { by: 'visits.book', rows: 'all', fields: PROPOSAL_JOB_FIELDS },
    ],
    write: [
      {
        method: 'PUT',
        by: 'dispatch.assign',
        rows: 'all',
        fields: ['technician', 'scheduled_date', 'start_time', 'duration_minutes', 'priority', 'notes', 'status', 'no_sms'],
        // Other statuses go through gigafibre.ops.set_job_status, which checks the transition.
        values: { status: ['Unscheduled', 'Scheduled'] },
      },
      { method: 'PUT', by: 'scan.use', rows: 'own', fields: ['notes'] },
      // « Planifier une visite »: a new job waits in the dispatchers' queue; they assign it.
      {
        method: 'POST',
        by: 'visits.book',
        rows: 'all',
        fields: VISIT_KEYS,
        values: { status: ['Unscheduled'] },
        links: { customer: 'Customer', service_location: 'Service Location', issue: 'Issue' },
        sameCustomer: true,
      },
    ],
  },
  Customer: {
    own: { field: 'name', in: { doctype: 'Dispatch Job', field: 'customer' } },
    customer: 'name',
    personal: true,
    read: [
      { by: 'clients.view', rows: 'all', fields: '*' },
      { by: 'dispatch.view', rows: 'all', fields: ['customer_name', 'customer_type', 'mobile_no', 'email_id', 'territory', 'language'] },
      // A technician calls the client; never their e-mail, account status or anything billing.
      { by: 'scan.use', rows: 'own', fields: ['customer_name', 'customer_type', 'mobile_no', 'language'] },
    ],
  },
  'Service Location': {
    own: { field: 'name', in: { doctype: 'Dispatch Job', field: 'service_location' } },
    customer: 'customer',
    personal: true,
    read: [
      { by: 'clients.view', rows: 'all', fields: '*' },
      { by: 'dispatch.view', rows: 'all', fields: '*' },
      {
        by: 'scan.use',
        rows: 'own',
        fields: ['customer', 'address_line', 'city', 'postal_code', 'territory', 'latitude', 'longitude', 'status', 'access_notes'],
      },
      // Booking proposals: the distance from a technician's previous job, never whose place it is.
      { by: 'visits.book', rows: 'all', fields: ['latitude', 'longitude'] },
    ],
  },
  'Service Equipment': {
    own: { field: 'service_location', in: { doctype: 'Service Location', field: 'name' } },
    customer: 'customer',
    read: [
      { by: 'clients.view', rows: 'all', fields: '*' },
      { by: 'dispatch.view', rows: 'all', fields: '*' },
      { by: 'scan.use', rows: 'own', fields: '*' },
    ],
    write: [
      // `customer` is never written: ERPNext derives it from the location.
      { method: 'POST', by: 'scan.use', rows: 'own', fields: EQUIPMENT_KEYS, links: JOB_LINKS, sameCustomer: true },
      { method: 'PUT', by: 'scan.use', rows: 'own', fields: EQUIPMENT_KEYS, links: JOB_LINKS, sameCustomer: true },
    ],
  },
  Subscription: { customer: 'customer', personal: true, read: [{ by: 'clients.view', rows: 'all', fields: '*' }] },
  'Sales Invoice': { customer: 'customer', personal: true, read: [{ by: 'clients.view', rows: 'all', fields: '*' }] },
  'Payment Entry': { customer: 'party', personal: true, read: [{ by: 'clients.view', rows: 'all', fields: '*' }] },
  Issue: {
    customer: 'customer',
    personal: true,
    read: [
      { by: 'clients.view', rows: 'all', fields: '*' },
      { by: 'tickets.view', rows: 'all', fields: '*' },
    ],
    write: [
      { method: 'POST', by: 'clients.edit', rows: 'all', fields: ['customer', 'subject', 'priority', 'description', 'status', 'issue_type'], values: { status: ['Open'] } },
      { method: 'POST', by: 'tickets.work', rows: 'all', fields: ['customer', ...TICKET_KEYS], values: { status: ['Open'] } },
      // No `customer`: a ticket never moves to another client. The SLA fields are ERPNext's to set.
      { method: 'PUT', by: 'clients.edit', rows: 'all', fields: ['subject', 'priority', 'description', 'status', 'issue_type', 'resolution_date'] },
      { method: 'PUT', by: 'tickets.work', rows: 'all', fields: TICKET_KEYS },
    ],
  },
  // Replies to the customer (Sent). Internal notes are Comments, kept apart as Frappe does.
  Communication: {
    reference: { doctype: 'reference_doctype', name: 'reference_name' },
    personal: true,
    read: [
      { by: 'tickets.view', rows: 'all', fields: '*', references: ['Issue'] },
      { by: 'clients.view', rows: 'all', fields: '*', references: ['Issue'] },
    ],
    write: [
      {
        method: 'POST',
        by: 'tickets.work',
        rows: 'all',
        // The sender comes from X-Ops-User (never `sender`), and only replies sent by staff.
        fields: ['communication_type', 'communication_medium', 'sent_or_received', 'subject', 'content', 'recipients', 'reference_doctype', 'reference_name'],
        values: { communication_type: ['Communication'], sent_or_received: ['Sent'], communication_medium: ['Email', 'Phone', 'SMS'] },
        references: ['Issue'],
      },
    ],
  },
  // Assignments: written only through frappe.desk.form.assign_to (METHOD_ACCESS), read to show who holds a ticket.
  ToDo: {
    reference: { doctype: 'reference_type', name: 'reference_name' },
    read: [
      { by: 'tickets.view', rows: 'all', fields: ['status', 'allocated_to', 'assigned_by', 'reference_type', 'reference_name', 'date', 'description'], references: ['Issue'] },
    ],
  },
  Comment: {
    reference: { doctype: 'reference_doctype', name: 'reference_name' },
    personal: true,
    read: [
      // A job's comments: what technicians recorded offline for a job reassigned or cancelled
      // meanwhile (the job's drawer; a user holding both capabilities is served by the first grant).
      { by: 'clients.view', rows: 'all', fields: '*', references: ['Customer', 'Issue', 'Dispatch Job'] },
      { by: 'dispatch.view', rows: 'all', fields: '*', references: ['Customer', 'Dispatch Job'] },
      { by: 'tickets.view', rows: 'all', fields: '*', references: ['Issue'] },
    ],
    write: [
      // The author comes from X-Ops-User (never comment_email/comment_by), and only plain notes.
      {
        method: 'POST',
        by: 'clients.edit',
        rows: 'all',
        fields: ['comment_type', 'reference_doctype', 'reference_name', 'content'],
        values: { comment_type: ['Comment'] },
        references: ['Customer'],
      },
      // A ticket's internal note (never sent to the customer).
      {
        method: 'POST',
        by: 'tickets.work',
        rows: 'all',
        fields: ['comment_type', 'reference_doctype', 'reference_name', 'content'],
        values: { comment_type: ['Comment'] },
        references: ['Issue'],
      },
    ],
  },
  Version: {
    // A Version holds the old and new values of the fields it changed.
    reference: { doctype: 'ref_doctype', name: 'docname', carriesValues: true },
    read: [
      // Service Equipment: a scan linking a device to a job (the client's history).
      { by: 'clients.view', rows: 'all', fields: '*', references: ['Issue', 'Dispatch Job', 'Service Equipment'] },
      { by: 'dispatch.view', rows: 'all', fields: '*', references: ['Dispatch Job'] },
    ],
  },
  File: {
    // A job's photos and signature: read by whoever may read the job (a technician: their own jobs).
    reference: { doctype: 'attached_to_doctype', name: 'attached_to_name' },
    personal: true,
    read: [
      { by: 'clients.view', rows: 'all', fields: FILE_FIELDS, references: ['Dispatch Job'] },
      { by: 'dispatch.view', rows: 'all', fields: FILE_FIELDS, references: ['Dispatch Job'] },
      { by: 'scan.use', rows: 'all', fields: FILE_FIELDS, references: ['Dispatch Job'] },
    ],
  },
  Technician: {
    own: { field: 'name', is: 'technician' },
    read: [
      { by: 'dispatch.view', rows: 'all', fields: '*' },
      { by: 'scan.use', rows: 'own', fields: ['technician_name', 'user'] },
      // The client's history names the technician who did something (never TECH-029 or their e-mail).
      { by: 'clients.view', rows: 'all', fields: ['technician_name', 'user'] },
      // Booking proposals: who has the skill and works when (never their phone, e-mail or position).
      { by: 'visits.book', rows: 'all', fields: ['technician_name', 'skills', 'shift_start', 'shift_end', 'status'] },
    ],
  },
  // Technicians' time off and unavailable blocks: the board draws them and warns before booking into
  // one; a dispatcher adds one (never edits another's, never deletes: a mistake is a new record).
  'Technician Absence': {
    read: [{ by: 'dispatch.view', rows: 'all', fields: ABSENCE_KEYS }],
    write: [
      { method: 'POST', by: 'dispatch.assign', rows: 'all', fields: ABSENCE_KEYS, values: { reason_type: ABSENCE_REASONS }, links: { technician: 'Technician' } },
    ],
  },
  Tag: {
    read: [
      { by: 'clients.view', rows: 'all', fields: '*' },
      { by: 'dispatch.view', rows: 'all', fields: '*' },
    ],
  },
  User: {
    personal: true,
    read: [
      { by: 'users.manage', rows: 'all', fields: '*' },
      // Names on tickets and timelines (« Nadia Bouchard », never an e-mail) and whom to assign.
      { by: 'tickets.view', rows: 'all', fields: ['full_name', 'enabled', 'user_type'] },
      { by: 'clients.view', rows: 'all', fields: ['full_name'] },
    ],
  },
};

/** Whitelisted ERPNext methods that change one document. */
export const METHOD_ACCESS: Readonly<Record<string, MethodAccess>> = {
  // Frappe's assignment API (frappe/desk/form/assign_to.py): ToDo documents and the ticket's `_assign`.
  'frappe.desk.form.assign_to.add': {
    http: 'POST',
    args: ['doctype', 'name', 'assign_to', 'description'],
    document: { doctype: 'Issue', arg: 'name' },
    grants: [{ by: 'tickets.work', rows: 'all', values: { doctype: ['Issue'] } }],
  },
  'frappe.desk.form.assign_to.remove': {
    http: 'POST',
    args: ['doctype', 'name', 'assign_to'],
    document: { doctype: 'Issue', arg: 'name' },
    grants: [{ by: 'tickets.work', rows: 'all', values: { doctype: ['Issue'] } }],
  },
  'gigafibre.ops.set_job_status': {
    http: 'POST',
    // SET_JOB_STATUS_ARGS in @gigafibre/contracts (jobCloseout.ts); the BFF's access suite checks they agree.
    args: ['job', 'status', 'at', 'reason', 'reason_details', 'notes', 'checklist'],
    document: { doctype: 'Dispatch Job', arg: 'job' },
    grants: [
      { by: 'dispatch.assign', rows: 'all' },
      // A technician moves their own job forward; cancelling is the dispatcher's.
      { by: 'scan.use', rows: 'own', values: { status: ['En Route', 'In Progress', 'Completed', 'Not Completed'] } },
    ],
  },
  'gigafibre.ops.link_job_equipment': {
    http: 'POST',
    // LINK_JOB_EQUIPMENT_ARGS in @gigafibre/contracts (jobEquipment.ts); the BFF's access suite checks they agree.
    args: ['job', 'serial_no', 'equipment_type', 'mac_address', 'model', 'manufacturer'],
    document: { doctype: 'Dispatch Job', arg: 'job' },
    // A technician links equipment on their own jobs only; the method keeps it within the job's client.
    grants: [{ by: 'scan.use', rows: 'own' }],
  },
  'gigafibre.ops.report_late_item': {
    http: 'POST',
    // REPORT_LATE_ITEM_ARGS in @gigafibre/contracts (jobLateItem.ts). The job is no longer the
    // technician's: the check is on their own Technician record; the method writes only a Comment,
    // whose answer the BFF cuts to the Technician grant's fields (the phone needs only the 200).
    args: ['technician', 'job', 'kind', 'summary', 'recorded_at'],
    document: { doctype: 'Technician', arg: 'technician' },
    grants: [{ by: 'scan.use', rows: 'own' }],
  },
};

/** Frappe's upload API, per doctype files are attached to (photos and signatures of a job). */
export const UPLOAD_ACCESS: Readonly<Record<string, UploadAccess>> = {
  'Dispatch Job': { grants: [{ by: 'scan.use', rows: 'own' }], types: ['image/jpeg', 'image/png'] },
};
