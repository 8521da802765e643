// The one error type every network call in the app rejects with (ARCHITECTURE convention 2).
import type { Capability } from '@gigafibre/capabilities';

/** What went wrong, independent of the wording. UI text is chosen from this code. */
export type ApiErrorCode =
  | 'session-expired' // 401 or the outpost's redirect to sign-in
  | 'forbidden' // 403: a capability is missing (details in `missing`) or the server said no
  | 'not-found' // 404
  | 'conflict' // 409 (duplicate, already taken)
  | 'validation' // 400, 417, 422: the server refused the input
  | 'rate-limited' // 429
  | 'timeout' // no answer before the deadline
  | 'network' // no answer at all (offline, DNS, reset)
  | 'unavailable' // 502, 503, 504: an upstream is down or slow
  | 'server' // any other 5xx
  | 'aborted' // the caller cancelled
  | 'bad-response' // the answer could not be read (not JSON when JSON was expected)
  | 'unknown';

export interface ApiErrorInit {
  status: number;
  code: ApiErrorCode;
  message: string;
  /** Messages written by the server for people (Frappe `_server_messages`, BFF `error`). */
  serverMessages?: string[];
  /** Capabilities the BFF said were missing (403). */
  missing?: Capability[];
  /** Frappe `exc_type`, BFF `upstream`, … whatever helps a developer. */
  details?: Record<string, unknown>;
  requestId?: string | null;
  /** How long the server asked us to wait before trying again (`Retry-After`), in ms. */
  retryAfterMs?: number | null;
  cause?: unknown;
}

/**
 * A failed call. `message` is for logs: the server's own words, or a technical line. The UI never
 * shows it as such: it words the failure from `code` (and `serverMessages`) through i18n.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly serverMessages: string[];
  readonly missing: Capability[];
  readonly details: Record<string, unknown>;
  readonly requestId: string | null;
  readonly retryAfterMs: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.serverMessages = init.serverMessages ?? [];
    this.missing = init.missing ?? [];
    this.details = init.details ?? {};
    this.requestId = init.requestId ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /** Worth trying again later without changing anything (the scan queue keeps these). */
  get retryable(): boolean {
    return ['session-expired', 'timeout', 'network', 'unavailable', 'server', 'rate-limited'].includes(this.code);
  }
}

/** True for an ApiError (also across module copies in tests). */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError || (value instanceof Error && value.name === 'ApiError' && 'code' in value);
}
