// Turns whatever came back (status, Frappe or BFF JSON body, thrown fetch error) into one ApiError.
import { isCapability, type Capability } from '@gigafibre/capabilities';
import { frappeMessages, type FrappeError } from '@gigafibre/contracts';
import { ApiError, type ApiErrorCode } from './ApiError';

/**
 * The message of an error the server did not word: a developer's line for logs (`not-found (HTTP 404)`).
 * People never read it: the UI words an ApiError from its `code` through i18n (`useApiErrorText`,
 * the `http.errors.*` texts), so this layer holds no UI text.
 */
export function technicalMessage(code: ApiErrorCode, status: number): string {
  return status > 0 ? `${code} (HTTP ${status})` : code;
}

export function codeForStatus(status: number): ApiErrorCode {
  if (status === 401) return 'session-expired';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 417 || status === 422) return 'validation';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status >= 500) return 'server';
  return 'unknown';
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Strips the HTML Frappe sometimes puts in messages (`<b>`, `<br>`), keeping the words. */
function plain(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads the human messages of an error body: Frappe's `_server_messages`, or the BFF's `error`/`message`. */
export function serverMessagesOf(body: unknown): string[] {
  const record = asRecord(body);
  const frappe = frappeMessages(record as Partial<FrappeError>).map(plain).filter(Boolean);
  if (frappe.length > 0) return frappe;
  for (const key of ['message', 'error']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return [plain(value)];
  }
  return [];
}

/** Capabilities named by the BFF's 403 body (`missing: [...]`, or a single `capability`). */
export function missingCapabilitiesOf(body: unknown): Capability[] {
  const record = asRecord(body);
  const raw = Array.isArray(record.missing) ? record.missing : record.capability !== undefined ? [record.capability] : [];
  return raw.filter(isCapability);
}

/**
 * `Retry-After` (RFC 9110 §10.2.3: delay-seconds or an HTTP date) as a delay in ms from `now`;
 * null when absent or unreadable (the caller then uses its own backoff).
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its month (Date.parse alone would read "-5" as the year 5 BC).
  const at = /[a-z]{3}/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The ApiError for an HTTP answer that is not a success (`retryAfter`: its `Retry-After` header). */
export function errorFromResponse(status: number, body: unknown, requestId: string | null, retryAfter: string | null = null): ApiError {
  const code = codeForStatus(status);
  const serverMessages = code === 'session-expired' ? [] : serverMessagesOf(body);
  const record = asRecord(body);
  const details: Record<string, unknown> = {};
  for (const key of ['exc_type', 'upstream', 'error', 'code', 'reason']) if (record[key] !== undefined) details[key] = record[key];
  return new ApiError({
    status,
    code,
    message: serverMessages.length > 0 ? serverMessages.join(' ') : technicalMessage(code, status),
    serverMessages,
    missing: status === 403 ? missingCapabilitiesOf(body) : [],
    details,
    requestId: requestId ?? (typeof record.requestId === 'string' ? record.requestId : null),
    retryAfterMs: parseRetryAfter(retryAfter),
  });
}

/** The outpost's 302 to its sign-in page, seen through `redirect: 'manual'`. */
export function sessionExpiredError(): ApiError {
  return new ApiError({ status: 401, code: 'session-expired', message: technicalMessage('session-expired', 401) });
}

/** The ApiError for something thrown by fetch or while reading the body. */
export function errorFromThrown(thrown: unknown, reason: 'timeout' | 'aborted' | null): ApiError {
  if (thrown instanceof ApiError) return thrown;
  const code: ApiErrorCode = reason ?? 'network';
  return new ApiError({ status: 0, code, message: technicalMessage(code, 0), cause: thrown });
}
