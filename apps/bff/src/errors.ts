// One error type and one error handler for the whole BFF: every refusal and failure reaches the
// browser as JSON `{ error, message, requestId, …details }`, never with internals.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from './logging/logger';
import { sendJson } from './respond';

/** An error the client may see: status, a stable machine code, a French message, optional details. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HttpError';
  }
}

/** Errors thrown by Express or its helpers that carry a 4xx status (`send`'s malformed URI…). */
function clientStatusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown; statusCode?: unknown } | null)?.status ?? (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/** Turns anything thrown into the HttpError the client will see. */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  const status = clientStatusOf(err);
  if (status !== undefined) return new HttpError(status, 'bad_request', 'Requête refusée.');
  return new HttpError(500, 'internal', 'Erreur interne du BFF.', {}, { cause: err });
}

/**
 * Answers `err` on `res`: the one place that shapes error responses, used by the API pipeline,
 * the proxies' events and the Express error middleware alike.
 */
export function sendError(err: unknown, req: IncomingMessage & { requestId?: string; opsPath?: { raw: string } }, res: ServerResponse, log: Logger): void {
  const httpError = toHttpError(err);
  const requestId = req.requestId;
  // The path the browser asked for (the proxy rewrites req.url to the upstream's).
  const path = req.opsPath?.raw ?? (req.url ?? '').split('?', 1)[0];
  if (httpError.status >= 500) {
    log.error({ requestId, err: httpError.cause ?? httpError, status: httpError.status, code: httpError.code, method: req.method, path }, httpError.message);
  } else if (httpError.status === 401 || httpError.status === 403) {
    // Behind the edge neither should happen to a normal user: worth seeing.
    log.warn({ requestId, status: httpError.status, code: httpError.code, reason: httpError.details.reason, method: req.method, path }, 'refused');
  }
  if (res.headersSent) {
    // Too late for a JSON answer (a stream was under way): cut the connection so the client notices.
    res.destroy();
    return;
  }
  // A refusal that says when to come back says it the HTTP way too.
  const retryAfter = httpError.details.retryAfterSeconds;
  if (httpError.status === 429 && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  sendJson(res, httpError.status, { error: httpError.code, message: httpError.message, requestId, ...httpError.details });
}

/** The Express error middleware (last in the chain). */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => sendError(err, req, res, log);
}
