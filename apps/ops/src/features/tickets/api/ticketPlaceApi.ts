// What the ticket page shows beside the ticket: the client's service locations and equipment
// (for « Diagnostiquer » and for booking), and the visits booked from the ticket.
import type { DispatchJob, ServiceEquipment, ServiceLocation } from '@gigafibre/contracts';
import { erpList } from '@/shared/http';
import { insertDoc } from '@/shared/documents';

export type PlaceLocation = Pick<ServiceLocation, 'name' | 'address_line' | 'city' | 'postal_code'>;
export type PlaceEquipment = Pick<ServiceEquipment, 'name' | 'service_location' | 'equipment_type' | 'model' | 'serial_no' | 'status'>;

/** A client has a few places and a handful of devices each: one page is all of them. */
const PLACE_LIMIT = 100;

export async function fetchClientPlaces(customer: string, signal?: AbortSignal): Promise<{ locations: PlaceLocation[]; equipment: PlaceEquipment[] }> {
  const [locations, equipment] = await Promise.all([
    erpList('Service Location', { fields: ['name', 'address_line', 'city', 'postal_code'], filters: [['customer', '=', customer]], orderBy: 'name asc', limit: PLACE_LIMIT, signal }),
    erpList('Service Equipment', { fields: ['name', 'service_location', 'equipment_type', 'model', 'serial_no', 'status'], filters: [['customer', '=', customer]], orderBy: 'name asc', limit: PLACE_LIMIT, signal }),
  ]);
  return { locations, equipment };
}

export const VISIT_FIELDS = ['name', 'status', 'job_type', 'scheduled_date', 'start_time', 'requested_date', 'technician', 'service_location', 'modified'] as const;
export type VisitRow = Pick<DispatchJob, (typeof VISIT_FIELDS)[number]>;

/** A new visit: a Dispatch Job in the dispatchers' queue. */
export function bookVisit(job: Partial<DispatchJob>, idempotencyKey: string): Promise<DispatchJob> {
  return insertDoc('Dispatch Job', job, { idempotencyKey });
}
