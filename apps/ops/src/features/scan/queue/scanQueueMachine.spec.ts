import { describe, expect, it } from 'vitest';
import { ApiError } from '@/shared/http';
import { afterAck, afterFailure, classifyFailure, isDue, markSending, resendRecord, retryDelay } from './scanQueueMachine';
import { chainOf, newScanRecord, readStoredRecord, SCAN_QUEUE_SCHEMA_VERSION, type ScanQueueRecord } from './scanQueueRecord';

const T0 = 1_750_000_000_000;
const link = (serial = 'ALCLB2C4D601') =>
  newScanRecord(
    { kind: 'link-equipment', payload: { serial, mac: null, equipmentType: 'ONT', model: null, manufacturer: null, serviceLocation: 'LOC-000005', source: 'manual' } },
    { user: 'tech@gigafibre.ca', job: 'DJ-000005', now: T0 },
  );
const apiError = (status: number, code: ApiError['code'], serverMessages: string[] = []) => new ApiError({ status, code, message: `m-${code}`, serverMessages });

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
  it('keeps timeouts, network errors, 5xx and 429 for a retry; an expired session waits for sign-in', () => {
    expect(classifyFailure(apiError(0, 'timeout'))).toBe('retry');
    expect(classifyFailure(apiError(0, 'network'))).toBe('retry');
    expect(classifyFailure(apiError(0, 'aborted'))).toBe('retry');
    expect(classifyFailure(apiError(502, 'unavailable'))).toBe('retry');
    expect(classifyFailure(apiError(500, 'server'))).toBe('retry');
    expect(classifyFailure(apiError(429, 'rate-limited'))).toBe('retry');
    expect(classifyFailure(apiError(401, 'session-expired'))).toBe('session');
  });

  it('refuses on the server’s 4xx answers and on errors that are not answers', () => {
    for (const [status, code] of [[417, 'validation'], [400, 'validation'], [422, 'validation'], [403, 'forbidden'], [404, 'not-found'], [409, 'conflict'], [413, 'unknown']] as const) {
      expect(classifyFailure(apiError(status, code)), `${status}`).toBe('refuse');
    }
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
