// The queue's state machine, as pure functions of (record, event, time): what a send's outcome
// does to a record. The flusher applies them; nothing here touches IndexedDB or the network.
import type { VisionEquipment } from '@gigafibre/contracts';
import { isApiError } from '@/shared/http';
import { backoffDelay } from '@/shared/live/backoff';
import { JOB_GONE_CODES, JobGone } from './jobGone';
import type { ScanQueueRecord, ScanRecordBody, ScanRecordError } from './scanQueueRecord';

/** First retry after about 2 s, doubling up to 5 minutes (half fixed, half random). */
export const SCAN_RETRY_BACKOFF = { baseMs: 2_000, maxMs: 5 * 60_000 } as const;
/** Each send's deadline. */
export const SCAN_SEND_TIMEOUT_MS = 8_000;

/**
 * The longest wait a `Retry-After` can impose: a longer one is more likely a misconfigured server
 * than a real answer, and the record is asked again after it anyway (a new 429 says wait again).
 */
export const SCAN_MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * - retry: timeout, network error, 5xx — keep it, try again after a backoff
 * - rate-limited: 429 — keep it, and wait what the server asked (`Retry-After`) even when forced
 * - session: the session expired — keep it, try again once signed in again
 * - refuse: the server refused this record (4xx, 413 too large and 415 wrong type included) — set
 *   aside with its reason for the technician to fix and resend, or discard
 */
export type FailureClass = 'retry' | 'rate-limited' | 'session' | 'refuse';

export function classifyFailure(error: unknown): FailureClass {
  if (isApiError(error)) {
    if (error.code === 'session-expired') return 'session';
    if (error.code === 'rate-limited') return 'rate-limited';
    // Sending the same bytes again cannot succeed: the technician must change something.
    if (error.status === 413 || error.status === 415) return 'refuse';
    // `aborted`: the page went away mid-send; the server may or may not have it (the key says).
    return error.retryable || error.code === 'aborted' ? 'retry' : 'refuse';
  }
  // Not an answer from the server (a bug, storage refusing a Blob…): shown, never dropped.
  return 'refuse';
}

/** The failure as stored on the record (and shown in the queue). */
export function describeFailure(error: unknown, now: number): ScanRecordError {
  if (isApiError(error)) {
    return {
      code: error.code,
      status: error.status,
      message: error.serverMessages.length > 0 ? error.serverMessages.join(' ') : error.message,
      serverMessages: error.serverMessages,
      requestId: error.requestId,
      at: now,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof JobGone) return { code: JOB_GONE_CODES[error.reason], status: 0, message, serverMessages: [], requestId: null, at: now };
  return { code: 'client', status: 0, message, serverMessages: [], requestId: null, at: now };
}

/** The delay before the `attempts`-th send is tried again. */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  return backoffDelay(Math.max(0, attempts - 1), { ...SCAN_RETRY_BACKOFF, random });
}

/** The last send met a 429: the record waits out the server's delay, whoever asks. */
export function isRateLimited(record: ScanQueueRecord): boolean {
  return record.lastError?.code === 'rate-limited';
}

/**
 * Due now? Pending, and past its backoff unless the technician (or the network coming back)
 * forces it; never before the end of a wait the server asked for (429 `Retry-After`).
 */
export function isDue(record: ScanQueueRecord, now: number, force: boolean): boolean {
  return record.state === 'pending' && (record.nextAttemptAt <= now || (force && !isRateLimited(record)));
}

/**
 * The wait before the next try after a transient failure: the backoff, or what the server asked
 * (`Retry-After`) when longer, plus up to a second at random so records throttled together do
 * not all come back in the same instant.
 */
export function failureDelay(error: unknown, attempts: number, random: () => number = Math.random): number {
  const backoff = retryDelay(attempts, random);
  const asked = isApiError(error) ? error.retryAfterMs : null;
  if (asked === null) return backoff;
  const wait = Math.min(asked, SCAN_MAX_RETRY_AFTER_MS);
  // A 429 waits what the server said (not more: it knows when its window reopens).
  if (isApiError(error) && error.code === 'rate-limited') return wait + Math.round(random() * Math.min(1_000, wait / 10));
  return Math.max(backoff, wait);
}

export function markSending(record: ScanQueueRecord, now: number): ScanQueueRecord {
  return { ...record, state: 'sending', attempts: record.attempts + 1, updatedAt: now };
}

/** What a failed send does to the record. */
export function afterFailure(record: ScanQueueRecord, error: unknown, now: number, random: () => number = Math.random): ScanQueueRecord {
  const lastError = describeFailure(error, now);
  const failure = classifyFailure(error);
  if (failure === 'refuse') return { ...record, state: 'refused', lastError, updatedAt: now, nextAttemptAt: 0 };
  // An expired session is not the record's fault: no growing backoff, it goes as soon as signed in.
  const nextAttemptAt = failure === 'session' ? now : now + failureDelay(error, record.attempts, random);
  return { ...record, state: 'pending', lastError, updatedAt: now, nextAttemptAt };
}

/**
 * What the server's acknowledgement does: the record is done and leaves the queue, except an OCR
 * answer, which waits for the technician to confirm it.
 */
export function afterAck(record: ScanQueueRecord, result: VisionEquipment | undefined, now: number): ScanQueueRecord | null {
  if (record.kind === 'ocr') {
    return { ...record, state: 'to-confirm', result: result ?? { serial: null, mac: null, model: null, manufacturer: null, barcodes: [] }, lastError: null, updatedAt: now };
  }
  return null;
}

/**
 * « Renvoyer »: a refused record (fixed or not) goes back in line, keeping its id: the server
 * stored nothing for a refused request, so the same Idempotency-Key is safe with a new body.
 */
export function resendRecord(record: ScanQueueRecord, now: number, body?: ScanRecordBody): ScanQueueRecord {
  return { ...record, ...(body ?? {}), state: 'pending', attempts: 0, nextAttemptAt: 0, lastError: null, updatedAt: now } as ScanQueueRecord;
}
