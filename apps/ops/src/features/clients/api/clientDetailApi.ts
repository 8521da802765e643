// Reads for the client 360 view (the header's Customer is `useDoc`), one function per section (each section loads, fails and retries
// on its own). No toast: the sections show their own errors.
import type { Doc, Doctype } from '@gigafibre/contracts';
import { callMethod, erpList, type FieldOf } from '@/shared/http';

const byCustomer = (id: string) => [['customer', '=', id]] as [['customer', '=', string]];

type Rows<D extends Doctype, F extends readonly FieldOf<D>[]> = Pick<Doc<D>, F[number]>[];

export interface BalanceDue {
  /** CAD owed over all unpaid invoices. */
  amount: number;
  invoices: number;
}

export async function fetchBalanceDue(id: string, signal?: AbortSignal): Promise<BalanceDue> {
  const [row] = await callMethod<{ amount: number | null; invoices: number }[]>(
    'frappe.client.get_list',
    {
      doctype: 'Sales Invoice',
      fields: ['sum(outstanding_amount) as amount', 'count(name) as invoices'],
      filters: [['customer', '=', id], ['outstanding_amount', '>', 0]],
    },
    { http: 'GET', signal },
  );
  return { amount: row?.amount ?? 0, invoices: row?.invoices ?? 0 };
}

export const LOCATION_FIELDS = ['name', 'address_line', 'city', 'postal_code', 'latitude', 'longitude', 'status', 'access_notes'] as const;
export const EQUIPMENT_FIELDS = ['name', 'service_location', 'equipment_type', 'manufacturer', 'model', 'serial_no', 'mac_address', 'status'] as const;
export type LocationRow = Rows<'Service Location', typeof LOCATION_FIELDS>[number];
export type EquipmentRow = Rows<'Service Equipment', typeof EQUIPMENT_FIELDS>[number];

/** Service locations and the equipment at each (two reads, one section). */
export async function fetchLocations(id: string, signal?: AbortSignal): Promise<{ locations: LocationRow[]; equipment: EquipmentRow[] }> {
  const [locations, equipment] = await Promise.all([
    erpList('Service Location', { fields: LOCATION_FIELDS, filters: byCustomer(id), orderBy: 'creation asc', limit: 50, signal }),
    erpList('Service Equipment', { fields: EQUIPMENT_FIELDS, filters: byCustomer(id), orderBy: 'creation asc', limit: 200, signal }),
  ]);
  return { locations, equipment };
}

export const SUBSCRIPTION_FIELDS = ['name', 'plan_name', 'monthly_price', 'status', 'start_date', 'end_date', 'service_location'] as const;
export type SubscriptionRow = Rows<'Subscription', typeof SUBSCRIPTION_FIELDS>[number];

export function fetchSubscriptions(id: string, signal?: AbortSignal): Promise<SubscriptionRow[]> {
  return erpList('Subscription', { fields: SUBSCRIPTION_FIELDS, filters: byCustomer(id), orderBy: 'start_date desc', limit: 50, signal });
}

export const INVOICE_FIELDS = ['name', 'posting_date', 'due_date', 'grand_total', 'outstanding_amount', 'status'] as const;
export type InvoiceRow = Rows<'Sales Invoice', typeof INVOICE_FIELDS>[number];
/** Invoices shown; the header's balance covers all of them regardless. */
export const INVOICE_LIMIT = 60;

export function fetchInvoices(id: string, signal?: AbortSignal): Promise<InvoiceRow[]> {
  return erpList('Sales Invoice', { fields: INVOICE_FIELDS, filters: byCustomer(id), orderBy: 'posting_date desc', limit: INVOICE_LIMIT, signal });
}

export const TICKET_FIELDS = ['name', 'subject', 'status', 'priority', 'opening_date', 'resolution_date', 'modified'] as const;
export type TicketRow = Rows<'Issue', typeof TICKET_FIELDS>[number];

export function fetchTickets(id: string, signal?: AbortSignal): Promise<TicketRow[]> {
  return erpList('Issue', { fields: TICKET_FIELDS, filters: byCustomer(id), orderBy: 'creation desc', limit: 50, signal });
}

export const JOB_FIELDS = ['name', 'job_type', 'status', 'priority', 'requested_date', 'scheduled_date', 'start_time', 'technician', 'service_location'] as const;
export type JobRow = Rows<'Dispatch Job', typeof JOB_FIELDS>[number];

export function fetchJobs(id: string, signal?: AbortSignal): Promise<JobRow[]> {
  return erpList('Dispatch Job', { fields: JOB_FIELDS, filters: byCustomer(id), orderBy: 'requested_date desc', limit: 100, signal });
}

/** Technician id → name (users who may not read technicians get an empty map). */
export async function fetchTechnicianNames(ids: string[], signal?: AbortSignal): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await erpList('Technician', { fields: ['name', 'technician_name'], filters: [['name', 'in', ids]], limit: ids.length, signal, cacheMs: 60_000 });
  return new Map(rows.map((r) => [r.name, r.technician_name]));
}

/** A technician's user (e-mail) → their name, for what they did themselves (users who may not read technicians get an empty map). */
export async function fetchTechnicianUserNames(users: string[], signal?: AbortSignal): Promise<Map<string, string>> {
  if (users.length === 0) return new Map();
  const rows = await erpList('Technician', { fields: ['name', 'technician_name', 'user'], filters: [['user', 'in', users]], limit: users.length, signal, cacheMs: 60_000 });
  return new Map(rows.flatMap((r): [string, string][] => (r.user ? [[r.user, r.technician_name]] : [])));
}
