// The only module in the app that calls fetch (enforced by eslint). Every call goes to the BFF under
// /ops/api, never follows the outpost's redirects, has a deadline, and fails with one ApiError.
import { ApiError } from './ApiError';
import { errorFromResponse, errorFromThrown, sessionExpiredError, technicalMessage } from './errorMapping';
import { ReadCache } from './readCache';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  method?: HttpMethod;
  query?: QueryParams;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (multipart uploads, images). */
  body?: FormData | Blob | URLSearchParams | string;
  headers?: Record<string, string>;
  /** Deadline for the whole call; default `DEFAULT_TIMEOUT_MS`. */
  timeoutMs?: number;
  /** The caller's own cancellation (leaving a page, a newer search). */
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key` so a replay after a lost answer creates nothing twice. */
  idempotencyKey?: string;
  /** How to read a successful answer; default JSON. */
  as?: 'json' | 'text' | 'blob' | 'none';
  /**
   * Also show a failure as the app-wide toast. Off by default: every screen shows its own failures
   * where they happened (ErrorState, a banner, a form message). Set it for a call whose caller shows
   * nothing itself. An expired session is reported either way (the sign-in dialog).
   */
  toast?: boolean;
  /** GET only: keep the answer this long (ms). In-flight GETs are always shared. */
  cacheMs?: number;
}

/** Hooks the app installs once (boot/http.ts): where failures are shown to the user. */
export interface HttpHandlers {
  /** 401 or the outpost's redirect: the session is gone. Called for every such failure. */
  sessionExpired(error: ApiError): void;
  /** A failure whose caller asked for the app-wide toast (`toast: true`). */
  failed(error: ApiError, request: { method: HttpMethod; path: string }): void;
}

/** The BFF's API prefix (same origin as the SPA, which it serves at /ops/). */
export const API_BASE = '/ops/api';
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Header the BFF requires on every mutation (CSRF defence). */
export const CSRF_HEADER = { name: 'X-Requested-With', value: 'gigafibre-ops' } as const;

let handlers: HttpHandlers | null = null;
const reads = new ReadCache();

/** Installs the app-wide failure handlers (once, at boot; tests may call it again). */
export function setHttpHandlers(next: HttpHandlers | null): void {
  handlers = next;
}

/** Drops cached reads whose URL starts with `/ops/api` + `prefix` (e.g. `/erp/resource/Customer`). */
export function invalidateReads(prefix = ''): void {
  reads.invalidate(`${API_BASE}${prefix}`);
}

/** `/ops/api` + path + query string; arrays repeat the key, null/undefined are left out. */
export function apiUrl(path: string, query: QueryParams = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
    else params.append(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isMutation(method: HttpMethod): boolean {
  return method !== 'GET';
}

function buildInit(method: HttpMethod, options: RequestOptions, signal: AbortSignal): RequestInit {
  const headers = new Headers({ Accept: 'application/json', ...options.headers });
  if (isMutation(method)) headers.set(CSRF_HEADER.name, CSRF_HEADER.value);
  if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    // FormData sets its own multipart boundary; a Blob carries its own type.
    body = options.body;
  }
  return { method, headers, body, signal, redirect: 'manual', credentials: 'same-origin', cache: 'no-store' };
}

/** Aborts on the caller's signal or after `timeoutMs`, remembering which one happened. */
function deadline(timeoutMs: number, callerSignal?: AbortSignal) {
  const controller = new AbortController();
  let reason: 'timeout' | 'aborted' | null = null;
  const onAbort = () => {
    reason ??= 'aborted';
    controller.abort();
  };
  if (callerSignal?.aborted) onAbort();
  else callerSignal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    reason ??= 'timeout';
    controller.abort();
  }, timeoutMs);
  return {
    signal: controller.signal,
    reason: () => reason,
    /** Stops the deadline but keeps the caller's cancellation (streams). */
    stopDeadline() {
      clearTimeout(timer);
    },
    done() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onAbort);
    },
  };
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The response is the edge sending us to sign in (never data). */
function isSignInRedirect(res: Response): boolean {
  return res.type === 'opaqueredirect' || res.status === 401 || (res.status >= 300 && res.status < 400);
}

async function send<T>(method: HttpMethod, path: string, options: RequestOptions): Promise<T> {
  const timer = deadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.signal);
  try {
    const res = await fetch(apiUrl(path, options.query), buildInit(method, options, timer.signal));
    if (isSignInRedirect(res)) throw sessionExpiredError();
    const requestId = res.headers.get('x-request-id');
    if (!res.ok) throw errorFromResponse(res.status, await readBody(res), requestId, res.headers.get('retry-after'));
    const as = options.as ?? 'json';
    if (as === 'none' || res.status === 204) return undefined as T;
    if (as === 'blob') return (await res.blob()) as T;
    if (as === 'text') return (await res.text()) as T;
    const body = await readBody(res);
    if (typeof body === 'string') {
      throw new ApiError({ status: res.status, code: 'bad-response', message: technicalMessage('bad-response', res.status), requestId });
    }
    return body as T;
  } catch (thrown) {
    throw errorFromThrown(thrown, timer.reason());
  } finally {
    timer.done();
  }
}

function report(error: unknown, method: HttpMethod, path: string, toast: boolean | undefined): void {
  if (!(error instanceof ApiError) || !handlers) return;
  if (error.code === 'session-expired') handlers.sessionExpired(error);
  else if (toast === true && error.code !== 'aborted') handlers.failed(error, { method, path });
}

/**
 * One call to the BFF. Resolves with the parsed answer; rejects with an ApiError (also reported to
 * the app-wide handlers). Concurrent identical GETs share one request.
 */
export function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const run = () => send<T>(method, path, options);
  // A caller-owned signal would cancel everyone sharing the request: only share unsignalled GETs.
  const shareable = method === 'GET' && !options.signal && (options.as ?? 'json') === 'json';
  const promise = shareable ? reads.get<T>(apiUrl(path, options.query), options.cacheMs ?? 0, run) : run();
  return promise.catch((error: unknown) => {
    report(error, method, path, options.toast);
    throw error;
  });
}

/**
 * Opens a long-lived streaming GET (server-sent events). No deadline once the headers arrived;
 * `connectTimeoutMs` bounds the wait for them. Failures are ApiErrors but are not reported: the
 * caller (the live-events store) decides what to show.
 */
export async function openStream(
  path: string,
  options: { headers?: Record<string, string>; signal?: AbortSignal; connectTimeoutMs?: number } = {},
): Promise<Response> {
  const timer = deadline(options.connectTimeoutMs ?? DEFAULT_TIMEOUT_MS, options.signal);
  try {
    const res = await fetch(apiUrl(path), {
      headers: { Accept: 'text/event-stream', ...options.headers },
      redirect: 'manual',
      credentials: 'same-origin',
      cache: 'no-store',
      signal: timer.signal,
    });
    if (isSignInRedirect(res)) throw sessionExpiredError();
    if (!res.ok) throw errorFromResponse(res.status, await readBody(res), res.headers.get('x-request-id'));
    if (!res.body) throw new ApiError({ status: res.status, code: 'bad-response', message: technicalMessage('bad-response', res.status) });
    return res;
  } catch (thrown) {
    const error = errorFromThrown(thrown, timer.reason());
    if (error.code === 'session-expired') handlers?.sessionExpired(error);
    throw error;
  } finally {
    // Headers are in: from here the stream lives until the caller aborts it.
    timer.stopDeadline();
  }
}
