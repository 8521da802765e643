import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { BffRequest } from '../bffRequest';
import { actorOf } from '../identity/identity';
import type { Logger } from './logger';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True for methods that change something (audited, CSRF-checked). */
export function isMutating(method: string): boolean {
  return MUTATING.has(method);
}

/**
 * First step of the pipeline: a request id (the edge's when it is sane, else a new one) echoed in
 * `X-Request-Id` and carried by every log line about the request, and when the response is done
 * one line: an `audit` line (who, method, path, status, duration) for each mutating request, a
 * debug line for the rest.
 */
export function startRequest(req: BffRequest, res: ServerResponse, log: Logger): void {
  const incoming = req.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.requestId = requestId;
  res.setHeader('X-Request-Id', requestId);
  const method = req.method ?? '';
  // Reads are only logged at debug level: skip the bookkeeping when that line would be dropped.
  if (!isMutating(method) && !log.isLevelEnabled('debug')) return;
  const started = process.hrtime.bigint();
  res.once('close', () => {
    const line = {
      who: req.identity ? actorOf(req.identity) : null,
      method,
      path: req.opsPath?.raw ?? (req.url ?? '').split('?', 1)[0],
      status: res.statusCode,
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      ...(!res.writableFinished && { aborted: true }),
    };
    if (isMutating(method)) log.info({ requestId, audit: true, ...line }, 'audit');
    else log.debug({ requestId, ...line }, 'request');
  });
}
