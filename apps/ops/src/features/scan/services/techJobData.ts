// What the technician's pages show, assembled from ERPNext, and kept on the device: when the
// network is gone (a basement), the last copy is shown instead of an error.
import type { JobStatus, JobType } from '@gigafibre/contracts';
import { montrealToday } from '@gigafibre/contracts';
import { isApiError } from '@/shared/http';
import { findTechnician, getCustomers, getJob, getLocations, listEquipmentAt, listJobFiles, listJobsOfDay, type EquipmentRow, type JobFileRow } from '../api/scanApi';
import { createTechJobCache, type TechJobCache } from './scanStorage';

export interface TechJobPlace {
  location: string;
  address: string;
  city: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  accessNotes: string | null;
}

export interface TechJobSummary {
  name: string;
  status: JobStatus;
  jobType: JobType;
  priority: string | null;
  /** `HH:mm:ss`, Toronto wall time. */
  startTime: string | null;
  scheduledDate: string | null;
  durationMinutes: number;
  notes: string | null;
  customer: string;
  customerName: string;
  place: TechJobPlace;
}

export interface TechJobList {
  /** Null: the signed-in user is not a Technician in ERPNext. */
  technician: { name: string; technicianName: string } | null;
  date: string;
  jobs: TechJobSummary[];
  /** Set when this is the copy kept on the device (the network failed): when it was saved. */
  savedAt: number | null;
}

/** What the close-out recorded on the job (Montréal wall times, `YYYY-MM-DD HH:mm:ss`). */
export interface TechJobCloseout {
  enRouteAt: string | null;
  arrivedAt: string | null;
  closedAt: string | null;
  failureReason: string | null;
  failureDetails: string | null;
  completionNotes: string | null;
  checklistDone: string[];
}

export interface TechJobDetail extends TechJobSummary {
  phone: string | null;
  closeout: TechJobCloseout;
  /** Photos and signature already in ERPNext. */
  files: JobFileRow[];
  equipment: EquipmentRow[];
  savedAt: number | null;
}

let cache: TechJobCache | null = null;
const deviceCache = () => (cache ??= createTechJobCache());

/** Failures where the last copy is better than an error: no network, no answer, upstream down. */
function isOffline(error: unknown): boolean {
  return isApiError(error) && ['network', 'timeout', 'unavailable'].includes(error.code);
}

/** Loads and keeps a copy; without network, answers the kept copy (if `usable`) with its date. */
async function withDeviceCopy<T extends { savedAt: number | null }>(key: string, load: () => Promise<T>, usable: (copy: T) => boolean = () => true): Promise<T> {
  try {
    const fresh = await load();
    void deviceCache().write(key, { ...fresh, savedAt: null });
    return fresh;
  } catch (error) {
    if (!isOffline(error)) throw error;
    const copy = await deviceCache().read<T>(key);
    if (!copy || !usable(copy.value)) throw error;
    return { ...copy.value, savedAt: copy.savedAt };
  }
}

type LocationRow = Awaited<ReturnType<typeof getLocations>>[number];
function placeOf(location: string, row: LocationRow | undefined): TechJobPlace {
  return {
    location,
    address: row?.address_line ?? location,
    city: row?.city ?? null,
    postalCode: row?.postal_code ?? null,
    latitude: row?.latitude ?? null,
    longitude: row?.longitude ?? null,
    accessNotes: row?.access_notes ?? null,
  };
}

/** The signed-in technician's jobs of one Montréal day (today by default). */
export function loadJobsOfDay(email: string, date: string = montrealToday(), signal?: AbortSignal): Promise<TechJobList> {
  // Today's copy keeps the key it always had (a copy saved by the previous version still serves).
  const key = date === montrealToday() ? `jobs:${email}` : `jobs:${email}:${date}`;
  return withDeviceCopy(
    key,
    async () => {
      const technician = await findTechnician(email, signal);
      if (!technician) return { technician: null, date, jobs: [], savedAt: null };
      const rows = await listJobsOfDay(technician.name, date, signal);
      const [customers, locations] = await Promise.all([
        rows.length ? getCustomers([...new Set(rows.map((r) => r.customer))], signal) : [],
        rows.length ? getLocations([...new Set(rows.map((r) => r.service_location))], signal) : [],
      ]);
      const jobs = rows.map(
        (r): TechJobSummary => ({
          name: r.name,
          status: r.status,
          jobType: r.job_type,
          priority: r.priority,
          startTime: r.start_time,
          scheduledDate: r.scheduled_date,
          durationMinutes: r.duration_minutes,
          notes: r.notes,
          customer: r.customer,
          customerName: customers.find((c) => c.name === r.customer)?.customer_name ?? r.customer,
          place: placeOf(r.service_location, locations.find((l) => l.name === r.service_location)),
        }),
      );
      return { technician: { name: technician.name, technicianName: technician.technician_name }, date, jobs, savedAt: null };
    },
    // Another day's copy would send the technician to the wrong houses.
    (copy) => copy.date === date,
  );
}

function checklistIds(raw: string | null): string[] {
  try {
    const list: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function closeoutOf(doc: Awaited<ReturnType<typeof getJob>>): TechJobCloseout {
  return {
    enRouteAt: doc.en_route_at,
    arrivedAt: doc.arrived_at,
    closedAt: doc.closed_at,
    failureReason: doc.failure_reason,
    failureDetails: doc.failure_details,
    completionNotes: doc.completion_notes,
    checklistDone: checklistIds(doc.checklist_done),
  };
}

/** One job with its client, place and the equipment there. */
export function loadJobDetail(job: string, signal?: AbortSignal): Promise<TechJobDetail> {
  return withDeviceCopy(`job:${job}`, async () => {
    const doc = await getJob(job, { signal });
    const [customers, locations, equipment, files] = await Promise.all([
      getCustomers([doc.customer], signal),
      getLocations([doc.service_location], signal),
      listEquipmentAt(doc.service_location, signal),
      listJobFiles(job, signal),
    ]);
    const customer = customers[0];
    return {
      name: doc.name,
      status: doc.status,
      jobType: doc.job_type,
      priority: doc.priority,
      startTime: doc.start_time,
      scheduledDate: doc.scheduled_date,
      durationMinutes: doc.duration_minutes,
      notes: doc.notes,
      customer: doc.customer,
      customerName: customer?.customer_name ?? doc.customer,
      phone: customer?.mobile_no ?? null,
      place: placeOf(doc.service_location, locations[0]),
      equipment,
      closeout: closeoutOf(doc),
      files,
      savedAt: null,
    };
    // A copy kept before close-outs were recorded lacks them: not shown rather than shown half.
  }, (copy) => copy.closeout !== undefined);
}
