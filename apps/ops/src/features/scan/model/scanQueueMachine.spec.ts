import { describe, expect, it } from 'vitest';
import { ApiError } from '@/shared/http';
import { afterAck, afterFailure, classifyFailure, failureDelay, isDue, markSending, resendRecord, retryDelay, SCAN_MAX_RETRY_AFTER_MS } from './scanQueueMachine';
import { chainOf, newScanRecord, readStoredRecord, SCAN_QUEUE_SCHEMA_VERSION, type ScanQueueRecord } from './scanQueueRecord';

const T0 = 1_750_000_000_000;
const link = (serial = 'ALCLB2C4D601') =>
  newScanRecord(
    { kind: 'link-equipment', payload: { serial, mac: null, equipmentType: 'ONT', model: null, manufacturer: null, serviceLocation: 'LOC-000005', source: 'manual' } },
    { user: 'tech@gigafibre.ca', job: 'DJ-000005', now: T0 },
  );
const apiError = (status: number, code: ApiError['code'], serverMessages: string[] = [], retryAfterMs: number | null = null) =>
  new ApiError({ status, code, message: `m-${code}`, serverMessages, retryAfterMs });

describe('a new record', () => {
  it('is versioned, pending, keyed by a UUID, and ordered after the previous one even in the same millisecond', () => {
    const a = link();
    const b = link();
    expect(a).toMatchObject({ v: SCAN_QUEUE_SCHEMA_VERSION, state: 'pending', attempts: 0, lastError: null, nextAttemptAt: 0, createdAt: T0 });
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(b.id).not.toBe(a.id);
  });

  it('chains what must stay in order: the same equipment, the same job’s status', () => {
    const status = newScanRecord({ kind: 'job-status', payload: { status: 'En Route' } }, { user: 'u', job: 'DJ-1' });
    expect(chainOf(link('A'))).toBe(chainOf(link('A')));
    expect(chainOf(link('A'))).not.toBe(chainOf(link('B')));
    expect(chainOf(status)).toBe('job-status:DJ-1');
  });
});

describe('reading stored records', () => {
  it('keeps the current version, resumes an interrupted send, and leaves unknown shapes alone', () => {
    const record = link();
    expect(readStoredRecord(record)).toEqual(record);
    expect(readStoredRecord({ ...record, state: 'sending' })?.state).toBe('pending');
    expect(readStoredRecord({ ...record, v: SCAN_QUEUE_SCHEMA_VERSION + 1 })).toBeNull();
    expect(readStoredRecord({ ...record, kind: 'teleport' })).toBeNull();
    expect(readStoredRecord({ ...record, state: 'lost' })).toBeNull();
    expect(readStoredRecord('nope')).toBeNull();
  });
});

describe('classifying a failed send', () => {
  it('keeps timeouts, network errors and 5xx for a retry; 429 waits for the server; an expired session waits for sign-in', () => {
    expect(classifyFailure(apiError(0, 'timeout'))).toBe('retry');
    expect(classifyFailure(apiError(408, 'timeout'))).toBe('retry');
    expect(classifyFailure(apiError(0, 'network'))).toBe('retry');
    expect(classifyFailure(apiError(0, 'aborted'))).toBe('retry');
    expect(classifyFailure(apiError(502, 'unavailable'))).toBe('retry');
    expect(classifyFailure(apiError(500, 'server'))).toBe('retry');
    expect(classifyFailure(apiError(429, 'rate-limited'))).toBe('rate-limited');
    expect(classifyFailure(apiError(429, 'rate-limited', [], 5_000))).toBe('rate-limited');
    expect(classifyFailure(apiError(401, 'session-expired'))).toBe('session');
  });

  it('refuses on the server’s 4xx answers, 413 (too large) and 415 (wrong type) included, and on errors that are not answers', () => {
    const refusals = [[417, 'validation'], [400, 'validation'], [422, 'validation'], [403, 'forbidden'], [404, 'not-found'], [409, 'conflict'], [413, 'unknown'], [415, 'unknown'], [410, 'unknown']] as const;
    for (const [status, code] of refusals) expect(classifyFailure(apiError(status, code)), `${status}`).toBe('refuse');
    // Whatever code a 413/415 is given, resending the same bytes cannot succeed.
    expect(classifyFailure(apiError(413, 'server'))).toBe('refuse');
    expect(classifyFailure(apiError(415, 'unavailable'))).toBe('refuse');
    expect(classifyFailure(new TypeError('boom'))).toBe('refuse');
  });
});

describe('backoff', () => {
  it('doubles from about 2 s up to 5 minutes, half of it random', () => {
    expect(retryDelay(1, () => 0)).toBe(1_000);
    expect(retryDelay(1, () => 0.999999)).toBe(2_000);
    expect(retryDelay(2, () => 0)).toBe(2_000);
    expect(retryDelay(3, () => 0)).toBe(4_000);
    expect(retryDelay(20, () => 0)).toBe(150_000);
    expect(retryDelay(20, () => 0.999999)).toBe(300_000);
    for (let attempts = 1; attempts < 12; attempts++) expect(retryDelay(attempts + 1, () => 0)).toBeGreaterThanOrEqual(retryDelay(attempts, () => 0));
  });
});

describe('waiting what the server asked (Retry-After)', () => {
  it('a 429 waits its Retry-After (plus at most a second at random), not the backoff', () => {
    expect(failureDelay(apiError(429, 'rate-limited', [], 30_000), 1, () => 0)).toBe(30_000);
    expect(failureDelay(apiError(429, 'rate-limited', [], 30_000), 1, () => 0.999999)).toBe(31_000);
    expect(failureDelay(apiError(429, 'rate-limited', [], 3_000), 12, () => 0)).toBe(3_000); // not the 5-minute backoff
    expect(failureDelay(apiError(429, 'rate-limited', [], 0), 1, () => 0.5)).toBe(0);
    // Without the header: the ordinary backoff.
    expect(failureDelay(apiError(429, 'rate-limited'), 3, () => 0)).toBe(retryDelay(3, () => 0));
    // A date years away is capped: the record is asked again, and a new 429 says wait again.
    expect(failureDelay(apiError(429, 'rate-limited', [], 400 * 86_400_000), 1, () => 0)).toBe(SCAN_MAX_RETRY_AFTER_MS);
  });

  it('another transient failure waits the longer of its backoff and the server’s Retry-After', () => {
    expect(failureDelay(apiError(503, 'unavailable', [], 60_000), 1, () => 0)).toBe(60_000);
    expect(failureDelay(apiError(503, 'unavailable', [], 10), 3, () => 0)).toBe(4_000);
    expect(failureDelay(apiError(0, 'timeout'), 2, () => 0)).toBe(2_000);
  });

  it('after a 429 the record is not due before the wait ends, even when forced; it is not a refusal', () => {
    const sending = markSending(link(), T0);
    const limited = afterFailure(sending, apiError(429, 'rate-limited', ['Trop de demandes : réessayez dans 3 s.'], 3_000), T0 + 100, () => 0);
    expect(limited).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: T0 + 3_100, lastError: { code: 'rate-limited', status: 429 } });
    expect(isDue(limited, T0 + 3_099, true)).toBe(false);
    expect(isDue(limited, T0 + 3_100, false)).toBe(true);
    // Once another answer replaces the 429, « réessayer » skips the backoff again.
    const timedOut = afterFailure(markSending(limited, T0 + 3_100), apiError(0, 'timeout'), T0 + 11_100, () => 0);
    expect(isDue(timedOut, T0 + 11_200, true)).toBe(true);
  });

  it('413 and 415 refuse the record with the server’s words, never dropping it', () => {
    for (const status of [413, 415]) {
      const refused = afterFailure(markSending(link(), T0), apiError(status, 'unknown', ['Corps de requête trop volumineux : au plus 8 Mo.']), T0 + 10);
      expect(refused, String(status)).toMatchObject({ state: 'refused', nextAttemptAt: 0, lastError: { status, message: 'Corps de requête trop volumineux : au plus 8 Mo.' } });
      expect(isDue(refused, T0 + 60_000, true)).toBe(false);
    }
  });
});

describe('transitions', () => {
  it('counts the attempt when sending, and a transient failure schedules the next one', () => {
    const sending = markSending(link(), T0);
    expect(sending).toMatchObject({ state: 'sending', attempts: 1 });
    const failed = afterFailure(sending, apiError(0, 'timeout'), T0 + 8_000, () => 0);
    expect(failed).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: T0 + 8_000 + 1_000 });
    expect(failed.lastError).toMatchObject({ code: 'timeout', message: 'm-timeout', at: T0 + 8_000 });
    expect(isDue(failed, T0 + 8_500, false)).toBe(false);
    expect(isDue(failed, T0 + 8_500, true)).toBe(true);
    expect(isDue(failed, T0 + 9_000, false)).toBe(true);

    const again = afterFailure(markSending(failed, T0 + 9_000), apiError(503, 'unavailable'), T0 + 9_100, () => 0);
    expect(again).toMatchObject({ attempts: 2, nextAttemptAt: T0 + 9_100 + 2_000 });
  });

  it('an expired session keeps the record due at once (no growing backoff)', () => {
    const failed = afterFailure(markSending(link(), T0), apiError(401, 'session-expired'), T0 + 50);
    expect(failed).toMatchObject({ state: 'pending', nextAttemptAt: T0 + 50 });
    expect(failed.lastError?.code).toBe('session-expired');
  });

  it('a refusal keeps the server’s words; resending (fixed or not) puts it back in line with the same id', () => {
    const record = link('ALCL00000001');
    const refused = afterFailure(markSending(record, T0), apiError(417, 'validation', ['Service Location LOC-9 introuvable']), T0 + 10);
    expect(refused).toMatchObject({ state: 'refused', lastError: { code: 'validation', status: 417, message: 'Service Location LOC-9 introuvable' } });
    expect(isDue(refused, T0 + 10_000, true)).toBe(false);

    const fixed = resendRecord(refused, T0 + 20, { kind: 'link-equipment', payload: { ...(record as Extract<ScanQueueRecord, { kind: 'link-equipment' }>).payload, serial: 'ALCL00000002' } });
    expect(fixed).toMatchObject({ id: record.id, seq: record.seq, state: 'pending', attempts: 0, lastError: null, nextAttemptAt: 0 });
    expect(fixed.kind === 'link-equipment' && fixed.payload.serial).toBe('ALCL00000002');
  });

  it('an acknowledgement removes the record, except an OCR answer that waits for confirmation', () => {
    expect(afterAck(markSending(link(), T0), undefined, T0)).toBeNull();
    const ocr = newScanRecord({ kind: 'ocr', payload: { image: new Blob(['x'], { type: 'image/png' }), fileName: 'label.png' } }, { user: 'u', job: 'DJ-1' });
    const answer = { serial: 'ALCLB2C4D601', mac: null, model: 'G-010G-Q', manufacturer: 'Nokia', barcodes: [] };
    expect(afterAck(markSending(ocr, T0), answer, T0 + 5)).toMatchObject({ state: 'to-confirm', result: answer, lastError: null });
  });
});
