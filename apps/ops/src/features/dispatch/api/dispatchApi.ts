// The dispatch board's calls, typed, over the app's one HTTP client (through the BFF).
import { type DispatchJob, type JobStatus, type ServiceEquipment, type TraccarDevice, type TraccarPosition, type Version } from '@gigafibre/contracts';
import { callDocMethod, insertDoc, saveDoc } from '@/shared/documents';
import { erpGet, erpList, erpListAll, hubGet, request, type CallOptions } from '@/shared/http';
import type { JobPatch } from '../model/dispatchPatch';
import { addDays } from '@gigafibre/contracts';
import {
  ABSENCE_FIELDS,
  CUSTOMER_FIELDS,
  JOB_FIELDS,
  LOCATION_FIELDS,
  TECHNICIAN_FIELDS,
  type BoardAbsence,
  type BoardCustomer,
  type BoardJob,
  type BoardLocation,
  type BoardTechnician,
} from '../model/dispatchTypes';

/** How far back and ahead of the board's day the queue looks at requested dates. */
export const QUEUE_WINDOW_DAYS = { before: 30, after: 14 } as const;
/** Names per `in` filter: keeps each GET's URL well under proxies' header limits. */
const NAMES_PER_REQUEST = 150;
/**
 * Most jobs of one day, or of the queue, the board loads (pages of LIST_LIMITS.maxPage, 500: a day
 * of 40 technicians is ~150 jobs, the dense bench day 800).
 */
const DAY_MAX_JOBS = 5000;
/** Technicians on the board (40 today, one row each). */
const MAX_TECHNICIANS = 1000;
/** Absences touching one day: a few per technician at most. */
const DAY_MAX_ABSENCES = 2000;

export const listTechnicians = (signal?: AbortSignal) =>
  erpListAll(
    'Technician',
    { fields: TECHNICIAN_FIELDS, filters: [['status', '=', 'Active']], orderBy: 'technician_name asc, name asc', signal },
    MAX_TECHNICIANS,
  ) as Promise<BoardTechnician[]>;

/** Every job scheduled on `date` (any status: the day's history stays visible). */
export const listDayJobs = (date: string, signal?: AbortSignal) =>
  erpListAll('Dispatch Job', { fields: JOB_FIELDS, filters: [['scheduled_date', '=', date]], signal }, DAY_MAX_JOBS) as Promise<BoardJob[]>;

/** The Technician Absences touching `date` (started before the next midnight, ending after this one). */
export const listDayAbsences = (date: string, signal?: AbortSignal) =>
  erpListAll(
    'Technician Absence',
    {
      fields: ABSENCE_FIELDS,
      filters: [
        ['from_datetime', '<', `${addDays(date, 1)} 00:00:00`],
        ['to_datetime', '>', `${date} 00:00:00`],
      ],
      orderBy: 'from_datetime asc, name asc',
      signal,
    },
    DAY_MAX_ABSENCES,
  ) as Promise<BoardAbsence[]>;

/** Adds an absence (dispatch.assign); the ERP refuses one whose end does not follow its start. */
export const createAbsence = async (body: Omit<BoardAbsence, 'name'>): Promise<BoardAbsence> => {
  const saved = await insertDoc('Technician Absence', body, { timeoutMs: 10_000 });
  return { name: saved.name, technician: saved.technician, from_datetime: saved.from_datetime, to_datetime: saved.to_datetime, reason_type: saved.reason_type, note: saved.note };
};

/** The queue around `date`: unassigned jobs requested from a month before to two weeks after. */
export const listQueueJobs = (date: string, signal?: AbortSignal) =>
  erpListAll(
    'Dispatch Job',
    {
      fields: JOB_FIELDS,
      filters: [
        ['status', '=', 'Unscheduled'],
        ['requested_date', 'between', [addDays(date, -QUEUE_WINDOW_DAYS.before), addDays(date, QUEUE_WINDOW_DAYS.after)]],
      ],
      signal,
      },
    DAY_MAX_JOBS,
  ) as Promise<BoardJob[]>;

/** The current version of a few jobs (after live events). Missing names were deleted. */
export const listJobsByName = (names: readonly string[], signal?: AbortSignal) =>
  inChunks(names, (chunk) => erpList('Dispatch Job', { fields: JOB_FIELDS, filters: [['name', 'in', chunk]], limit: chunk.length, signal })) as Promise<BoardJob[]>;

async function inChunks<T>(names: readonly string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < names.length; i += NAMES_PER_REQUEST) chunks.push(names.slice(i, i + NAMES_PER_REQUEST));
  return (await Promise.all(chunks.map(load))).flat();
}

export const listCustomers = (names: readonly string[], signal?: AbortSignal) =>
  inChunks(names, (chunk) =>
    erpList('Customer', { fields: CUSTOMER_FIELDS, filters: [['name', 'in', chunk]], limit: chunk.length, signal }),
  ) as Promise<BoardCustomer[]>;

export const listLocations = (names: readonly string[], signal?: AbortSignal) =>
  inChunks(names, (chunk) =>
    erpList('Service Location', { fields: LOCATION_FIELDS, filters: [['name', 'in', chunk]], limit: chunk.length, signal }),
  ) as Promise<BoardLocation[]>;

/**
 * Moves a job (PUT, partial, with the `modified` seen: stale → 417 TimestampMismatchError), through
 * the document cache: every cached view of the job takes the server's answer.
 */
export const updateJob = (name: string, patch: JobPatch) => {
  const { modified, ...fields } = patch;
  return saveDoc('Dispatch Job', name, fields as Partial<DispatchJob>, { modified, timeoutMs: 10_000 });
};

/** The app's method answers the job as a single read does; the cache completes and keeps it. */
export const setJobStatus = (job: string, status: JobStatus) =>
  callDocMethod('Dispatch Job', 'gigafibre.ops.set_job_status', { job, status }, { timeoutMs: 10_000 });

export const getJob = (name: string, options: CallOptions = {}) => erpGet('Dispatch Job', name, options);
export const getCustomer = (name: string, options: CallOptions = {}) => erpGet('Customer', name, options);
export const getLocation = (name: string, options: CallOptions = {}) => erpGet('Service Location', name, options);

/** Equipment at one location (an ONT, a router, a few mesh nodes). */
const EQUIPMENT_PAGE = 50;
/** A job's change history (a few status changes and moves). */
const VERSIONS_PAGE = 200;

export const listEquipment = (location: string, signal?: AbortSignal) =>
  erpList('Service Equipment', {
    fields: ['name', 'equipment_type', 'manufacturer', 'model', 'serial_no', 'mac_address', 'status'],
    filters: [['service_location', '=', location]],
    orderBy: 'equipment_type asc',
    limit: EQUIPMENT_PAGE,
    signal,
  }) as Promise<Pick<ServiceEquipment, 'name' | 'equipment_type' | 'manufacturer' | 'model' | 'serial_no' | 'mac_address' | 'status'>[]>;

/** The job's change history (Frappe "Track Changes"), oldest first. */
export const listJobVersions = (job: string, signal?: AbortSignal) =>
  erpList('Version', {
    fields: ['name', 'owner', 'creation', 'data'],
    filters: [
      ['ref_doctype', '=', 'Dispatch Job'],
      ['docname', '=', job],
    ],
    orderBy: 'creation asc',
    limit: VERSIONS_PAGE,
    signal,
  }) as Promise<Pick<Version, 'name' | 'owner' | 'creation' | 'data'>[]>;

/** What the BFF tells the SPA about the map (`OPS_MAP_TILE_URL`; null locally). */
export interface MapConfig {
  tileUrl: string | null;
  attribution: string | null;
}

export const getMapConfig = async (): Promise<MapConfig> =>
  (await request<{ map: MapConfig }>('/config', { cacheMs: 5 * 60_000, timeoutMs: 8_000 })).map;

export const listTraccarDevices = () => hubGet('/traccar/devices', {}, { timeoutMs: 8_000, cacheMs: 60_000 }) as Promise<TraccarDevice[]>;

/** Latest fix of one device (Traccar takes exactly one deviceId per request). */
export const getLatestPosition = (deviceId: number, signal?: AbortSignal) =>
  hubGet('/traccar/positions', { deviceId }, { timeoutMs: 8_000, signal }) as Promise<TraccarPosition[]>;
