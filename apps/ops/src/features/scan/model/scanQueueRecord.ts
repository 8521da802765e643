// The scan queue's record: one thing the technician did that the server has not acknowledged yet.
// Stored in IndexedDB as is (Blobs included), so it carries a schema version. No Vue, no '@/'
// imports: the bench builds records with these same functions.
import type { EquipmentType, FailureReason, FieldStatus, VisionEquipment } from '@gigafibre/contracts';

/** Bump when the stored shape changes, and teach `readStoredRecord` the old one. */
export const SCAN_QUEUE_SCHEMA_VERSION = 1;

/** Where the records live (IndexedDB database and object store, via idb-keyval). */
export const SCAN_QUEUE_IDB = { database: 'gigafibre-ops-scan-queue', store: 'records' } as const;

/**
 * - pending: waiting to be sent (or to be sent again after `nextAttemptAt`)
 * - sending: on its way (in memory only: a record found in this state was interrupted → pending)
 * - refused: the server said no (4xx); waits for the technician to fix and resend, or discard
 * - to-confirm: an OCR answer the technician must confirm before it is used
 */
export type ScanRecordState = 'pending' | 'sending' | 'refused' | 'to-confirm';

/** Link a serial/MAC to the job's service location as Service Equipment (create or link). */
export interface LinkEquipmentPayload {
  serial: string;
  mac: string | null;
  equipmentType: EquipmentType;
  model: string | null;
  manufacturer: string | null;
  /** Known when the job was loaded; otherwise read from the job when sending. */
  serviceLocation: string | null;
  source: 'camera' | 'manual' | 'photo';
}

/**
 * One close-out step (gigafibre.ops.set_job_status, one call): en route → sur place → terminée or
 * non complétée, with the moment it was tapped and, at the end, the notes, checklist and reason.
 */
export interface JobStatusPayload {
  status: FieldStatus;
  /** ISO instant of the tap (absent on records queued before steps were timed: the server's now). */
  at?: string;
  reason?: FailureReason;
  reasonDetails?: string;
  notes?: string;
  /** Checklist item ids done (JOB_CHECKLISTS). */
  checklist?: string[];
}

/** A label photo for the hub's OCR (`/vision/equipment`). */
export interface OcrPayload {
  image: Blob;
  fileName: string;
}

/**
 * A photo or the customer's signature for the job: already resized and re-encoded on the phone
 * (no EXIF, no GPS), sent through Frappe's upload_file, private, attached to the job.
 */
export interface JobFilePayload {
  image: Blob;
  fileName: string;
  role: 'photo' | 'signature';
}

/** The last failure, as the technician will read it. */
export interface ScanRecordError {
  /** ApiError code (`timeout`, `validation`, …) or `client` for a failure before the network. */
  code: string;
  status: number;
  /** French, or the server's own words. */
  message: string;
  serverMessages: string[];
  requestId: string | null;
  at: number;
}

export type ScanRecordBody =
  | { kind: 'link-equipment'; payload: LinkEquipmentPayload }
  | { kind: 'job-status'; payload: JobStatusPayload }
  | { kind: 'job-file'; payload: JobFilePayload }
  | { kind: 'ocr'; payload: OcrPayload; result?: VisionEquipment };

export type ScanRecordKind = ScanRecordBody['kind'];

interface ScanRecordMeta {
  v: typeof SCAN_QUEUE_SCHEMA_VERSION;
  /** UUID, also the `Idempotency-Key` of every send (a replay after a lost answer creates nothing twice). */
  id: string;
  /** Order of creation (FIFO replay); ties broken by id. */
  seq: number;
  /** Who queued it: only their session sends it. */
  user: string;
  job: string | null;
  createdAt: number;
  updatedAt: number;
  /** Sends tried so far. */
  attempts: number;
  lastError: ScanRecordError | null;
  state: ScanRecordState;
  /** Not sent again before this time (backoff); 0 = as soon as possible. */
  nextAttemptAt: number;
}

export type ScanQueueRecord = ScanRecordMeta & ScanRecordBody;

let lastSeq = 0;
/** Increasing within a tab even when two records share a millisecond. */
function nextSeq(now: number): number {
  lastSeq = Math.max(lastSeq + 1, now * 1000);
  return lastSeq;
}

/** A random UUID v4 (crypto.randomUUID needs a secure context; the fallback does not). */
export function newRecordId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new pending record. */
export function newScanRecord(body: ScanRecordBody, meta: { user: string; job: string | null; now?: number; id?: string }): ScanQueueRecord {
  const now = meta.now ?? Date.now();
  return {
    ...body,
    v: SCAN_QUEUE_SCHEMA_VERSION,
    id: meta.id ?? newRecordId(),
    seq: nextSeq(now),
    user: meta.user,
    job: meta.job,
    createdAt: now,
    updatedAt: now,
    attempts: 0,
    lastError: null,
    state: 'pending',
    nextAttemptAt: 0,
  };
}

/** Replay order: creation order. */
export function compareRecords(a: ScanQueueRecord, b: ScanQueueRecord): number {
  return a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Records whose order matters to each other share a chain: the same equipment, the same job's
 * status. A refused record holds back the later records of its chain only.
 */
export function chainOf(record: ScanQueueRecord): string {
  if (record.kind === 'link-equipment') return `equipment:${record.payload.serial}`;
  if (record.kind === 'job-status') return `job-status:${record.job ?? ''}`;
  // The signature goes before « terminée » (ERPNext refuses a signed job type's completion without
  // it): the same chain as the job's status. Photos travel on their own.
  if (record.kind === 'job-file') return record.payload.role === 'signature' ? `job-status:${record.job ?? ''}` : `job-file:${record.id}`;
  return `ocr:${record.id}`;
}

const STATES: readonly string[] = ['pending', 'sending', 'refused', 'to-confirm'];
const KINDS: readonly string[] = ['link-equipment', 'job-status', 'job-file', 'ocr'];

/**
 * A record as read back from IndexedDB: the current shape, or null when it is not one this
 * version understands (kept in the database untouched, never deleted: a newer tab may know it).
 */
export function readStoredRecord(raw: unknown): ScanQueueRecord | null {
  if (raw === null || typeof raw !== 'object') return null;
  const r = raw as Partial<ScanQueueRecord> & { v?: unknown };
  if (r.v !== SCAN_QUEUE_SCHEMA_VERSION) return null;
  if (typeof r.id !== 'string' || typeof r.seq !== 'number' || typeof r.kind !== 'string' || !KINDS.includes(r.kind)) return null;
  if (typeof r.state !== 'string' || !STATES.includes(r.state) || typeof r.payload !== 'object' || r.payload === null) return null;
  const record = raw as ScanQueueRecord;
  // A send interrupted by a closed tab or a crash: try it again (same Idempotency-Key).
  return record.state === 'sending' ? { ...record, state: 'pending' } : record;
}

/** The Idempotency-Key of a link: the record's id with a suffix of its own (the bench counts sends by it). */
export function linkKeyOf(record: ScanQueueRecord): string {
  return `${record.id}:link`;
}
