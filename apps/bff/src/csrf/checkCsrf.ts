import type { IncomingMessage } from 'node:http';
import { HttpError } from '../errors';
import { isMutating } from '../logging/requestContext';

/** The header the SPA's http client sends on every call; a cross-site form cannot set it. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'gigafibre-ops';

function refuse(reason: string, message: string): HttpError {
  return new HttpError(403, 'csrf', `Requête refusée (protection CSRF) : ${message}`, { reason });
}

/**
 * Throws 403 unless the request may change something: POST/PUT/PATCH/DELETE need `X-Requested-With: gigafibre-ops` and, when the browser sends an
 * `Origin`, one of `publicOrigins` (OPS_PUBLIC_ORIGIN) or, when none is configured, the request's
 * own host.
 */
export function checkCsrf(req: IncomingMessage, publicOrigins?: readonly string[]): void {
  if (!isMutating(req.method ?? '')) return;
  if (req.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
    throw refuse('missing_header', `en-tête « X-Requested-With: ${CSRF_HEADER_VALUE} » absent.`);
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !originAllowed(origin, req.headers.host, publicOrigins)) {
    throw refuse('cross_origin', `origine « ${origin.slice(0, 200)} » non acceptée.`);
  }
}

function originAllowed(origin: string, host: string | undefined, publicOrigins?: readonly string[]): boolean {
  if (publicOrigins) return publicOrigins.includes(origin);
  if (!URL.canParse(origin)) return false; // includes the opaque "null" origin
  const url = new URL(origin);
  return /^https?:$/.test(url.protocol) && host !== undefined && url.host === host.toLowerCase();
}
