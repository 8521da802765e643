import type { Upstream } from '@gigafibre/capabilities';
import { HttpError } from '../errors';

/** Raised by the proxy when an upstream stays silent longer than UPSTREAM_TIMEOUT_MS. */
export class UpstreamTimeoutError extends Error {
  readonly code = 'UPSTREAM_TIMEOUT';
  constructor(readonly timeoutMs: number) {
    super(`upstream silent for ${timeoutMs} ms`);
  }
}

// Node's errno codes, and undici's own (its `SocketError` is a connection closed or reset under it).
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'HPE_INVALID_CONSTANT', 'HPE_INVALID_STATUS', 'UND_ERR_SOCKET']);
const TIMEOUT = new Set(['UPSTREAM_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

const codeOf = (err: unknown): unknown => (err as { code?: unknown } | null)?.code;

/** The connection was closed or reset before any answer: a bodyless request may be sent again. */
export function isResetBeforeAnswer(err: unknown): boolean {
  const code = codeOf(err);
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}

const NAMES: Record<Upstream, string> = { erp: 'ERPNext', hub: 'targo-hub' };

/** A failed upstream exchange → the 502/504 JSON the browser gets (`{ error, upstream, requestId }`). */
export function upstreamFailure(err: unknown, upstream: Upstream): HttpError {
  const code = codeOf(err);
  const name = NAMES[upstream];
  if (typeof code === 'string' && TIMEOUT.has(code)) {
    return new HttpError(504, 'upstream_timeout', `${name} n’a pas répondu à temps.`, { upstream }, { cause: err });
  }
  if (typeof code === 'string' && UNREACHABLE.has(code)) {
    return new HttpError(502, 'upstream_unavailable', `${name} est injoignable.`, { upstream }, { cause: err });
  }
  if (typeof code === 'string' && RESET.has(code)) {
    return new HttpError(502, 'upstream_reset', `${name} a interrompu la connexion.`, { upstream }, { cause: err });
  }
  return new HttpError(502, 'upstream_error', `Échec de l’échange avec ${name}.`, { upstream }, { cause: err });
}

/** An upstream refused the BFF's own service token: a configuration fault, not the user's session. */
export function upstreamAuthFailure(upstream: Upstream, status: number): HttpError {
  return new HttpError(502, 'upstream_auth', `${NAMES[upstream]} a refusé le jeton de service du BFF.`, { upstream, upstreamStatus: status });
}
