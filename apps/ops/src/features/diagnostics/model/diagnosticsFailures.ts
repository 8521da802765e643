// What went wrong, in the terms a CSR acts on: the lookup's failures and a task's outcome.
import type { DeviceTaskResult } from '@gigafibre/contracts';
import { isApiError } from '@/shared/http';

export type LookupFailure = 'not-found' | 'invalid' | 'timeout' | 'hub-error' | 'network' | 'forbidden' | 'session-expired' | 'unknown';

/** The lookup's failure kind; each has its own message and a retry. */
export function lookupFailure(error: unknown): LookupFailure {
  if (!isApiError(error)) return 'unknown';
  switch (error.code) {
    case 'not-found':
      return 'not-found';
    case 'validation':
      return 'invalid';
    case 'timeout':
      return 'timeout';
    case 'unavailable':
      // The BFF's own deadline on the hub (504 upstream_timeout) is a timeout too.
      return error.details.error === 'upstream_timeout' || error.status === 504 ? 'timeout' : 'hub-error';
    case 'server':
    case 'bad-response':
    case 'rate-limited':
      return 'hub-error';
    case 'network':
      return 'network';
    case 'forbidden':
      return 'forbidden';
    case 'session-expired':
      return 'session-expired';
    default:
      return 'unknown';
  }
}

/** How a task ended, in GenieACS's terms (or why it could not be asked for). */
export type TaskOutcome =
  | { kind: 'done' }
  | { kind: 'queued' }
  | { kind: 'failed'; reason: TaskFailureReason; status: number };

export type TaskFailureReason = 'not-found' | 'timeout' | 'hub-error' | 'rate-limited' | 'network' | 'forbidden' | 'session-expired' | 'refused' | 'unknown';

export function taskOutcome(result: DeviceTaskResult): TaskOutcome {
  return result.status === 'done' ? { kind: 'done' } : { kind: 'queued' };
}

export function taskFailure(error: unknown): TaskOutcome {
  if (!isApiError(error)) return { kind: 'failed', reason: 'unknown', status: 0 };
  // The BFF limits device tasks per user (a stuck retry loop must not reboot a modem 100 times).
  if (error.code === 'rate-limited') return { kind: 'failed', reason: 'rate-limited', status: error.status };
  const kind = lookupFailure(error);
  const reason = kind === 'invalid' ? 'refused' : kind;
  return { kind: 'failed', reason, status: error.status };
}
