import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorCode } from '@/shared/http';
import { lookupFailure, taskFailure, taskOutcome } from './diagnosticsFailures';

const apiError = (status: number, code: ApiErrorCode, details: Record<string, unknown> = {}) => new ApiError({ status, code, message: 'x', details });

describe('lookup failures', () => {
  it('gives each failure its own kind', () => {
    expect(lookupFailure(apiError(404, 'not-found'))).toBe('not-found');
    expect(lookupFailure(apiError(400, 'validation'))).toBe('invalid');
    expect(lookupFailure(apiError(0, 'timeout'))).toBe('timeout');
    expect(lookupFailure(apiError(504, 'unavailable', { error: 'upstream_timeout' }))).toBe('timeout');
    expect(lookupFailure(apiError(502, 'unavailable'))).toBe('hub-error');
    expect(lookupFailure(apiError(503, 'unavailable'))).toBe('hub-error');
    expect(lookupFailure(apiError(500, 'server'))).toBe('hub-error');
    expect(lookupFailure(apiError(0, 'network'))).toBe('network');
    expect(lookupFailure(apiError(403, 'forbidden'))).toBe('forbidden');
    expect(lookupFailure(apiError(401, 'session-expired'))).toBe('session-expired');
    expect(lookupFailure(new Error('boom'))).toBe('unknown');
  });
});

describe('task outcomes', () => {
  it('follow GenieACS: 200 done, 202 queued', () => {
    const task = { _id: 'a', name: 'reboot' as const, device: 'd', timestamp: '2025-11-26T19:05:00Z' };
    expect(taskOutcome({ status: 'done', task })).toEqual({ kind: 'done' });
    expect(taskOutcome({ status: 'queued', task })).toEqual({ kind: 'queued' });
  });

  it('explain why a task failed', () => {
    expect(taskFailure(apiError(404, 'not-found'))).toEqual({ kind: 'failed', reason: 'not-found', status: 404 });
    expect(taskFailure(apiError(429, 'rate-limited'))).toEqual({ kind: 'failed', reason: 'rate-limited', status: 429 });
    expect(taskFailure(apiError(400, 'validation'))).toEqual({ kind: 'failed', reason: 'refused', status: 400 });
    expect(taskFailure(apiError(503, 'unavailable'))).toEqual({ kind: 'failed', reason: 'hub-error', status: 503 });
    expect(taskFailure(apiError(0, 'timeout'))).toEqual({ kind: 'failed', reason: 'timeout', status: 0 });
    expect(taskFailure('?')).toEqual({ kind: 'failed', reason: 'unknown', status: 0 });
  });
});
