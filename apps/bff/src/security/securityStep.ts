// The security steps of the pipeline (app.ts): headers on every answer, then, on proxied calls
// the policy allowed, the per-user rate limit and the body checks, in that order (a refused
// request costs no body read).
import type { ServerResponse } from 'node:http';
import type { Upstream } from '@gigafibre/capabilities';
import type { BffRequest } from '../bffRequest';
import type { BffConfig } from '../config';
import { HttpError } from '../errors';
import { actorOf, type Identity } from '../identity/identity';
import type { Logger } from '../logging/logger';
import type { OpsPath } from '../policy/normalizePath';
import { RateLimiter, rateBucketOf } from './rateLimit';
import { bodyKindOf, checkRequestBody } from './requestBody';
import { applyHeaders, createSecurityHeaders, type SecurityHeaders } from './securityHeaders';

/** Segments of `/ops/api/<upstream>` before the upstream's own path. */
const MOUNT = 3;
// An encoded CR or LF in a query would be decoded by an upstream into its own logs or headers
// (NUL is already refused by the path check); no query of the app carries one.
const QUERY_LINE_BREAK = /%0[ad]/i;
// Headers some frameworks read as "treat this POST as a DELETE": the policy judged the real method.
const METHOD_OVERRIDES = ['x-http-method-override', 'x-http-method', 'x-method-override'] as const;

export interface SecurityStep {
  readonly headers: SecurityHeaders;
  /**
   * First thing for every request: sets the security headers, and refuses (400) an HTTP/1.1
   * request without Host (Node's own refusal has no body: see hardenServer.ts).
   */
  start(req: BffRequest, res: ServerResponse): void;
  /**
   * Query and method-override checks (400), rate limit (429), then body checks (400/413/415) of
   * an authorized proxied call; returns the
   * body to send upstream when it was read in full, `undefined` to stream the request as is.
   */
  admit(req: BffRequest, res: ServerResponse, upstream: Upstream, path: OpsPath, identity: Identity): undefined | Promise<Buffer>;
}

export interface SecurityStepOptions {
  /** Clock of the rate limiter (tests). */
  now?: () => number;
}

export function createSecurityStep(config: BffConfig, log: Logger, options: SecurityStepOptions = {}): SecurityStep {
  const headers = createSecurityHeaders({ tileUrl: config.client.map.tileUrl, staticDir: config.staticDir });
  const limiter = new RateLimiter(config.security.rates, options.now);

  return {
    headers,
    start(req, res) {
      applyHeaders(res, (req.url ?? '/').startsWith('/ops/api/') ? headers.api : headers.document);
      if (req.headers.host === undefined && req.httpVersion === '1.1') {
        throw new HttpError(400, 'bad_request', 'Requête HTTP/1.1 sans en-tête Host.', { reason: 'missing_host' });
      }
    },
    admit(req, res, upstream, path, identity) {
      const method = req.method ?? 'GET';
      if (path.search.length > 1 && QUERY_LINE_BREAK.test(path.search)) {
        throw new HttpError(400, 'bad_query', 'Requête refusée : saut de ligne encodé (%0D, %0A) dans les paramètres.', { reason: 'encoded_line_break' });
      }
      for (const name of METHOD_OVERRIDES) {
        if (req.headers[name] !== undefined) {
          throw new HttpError(400, 'bad_request', `Requête refusée : en-tête « ${name} » interdit (la méthode HTTP est celle de la requête).`, { reason: 'method_override' });
        }
      }
      const bucket = method === 'POST' ? rateBucketOf(upstream, method, path.segments.slice(MOUNT)) : undefined;
      if (bucket !== undefined) {
        const who = actorOf(identity);
        const retryAfterS = limiter.take(bucket, who);
        if (retryAfterS > 0) {
          const rate = limiter.rate(bucket);
          log.warn({ requestId: req.requestId, audit: true, event: 'rate_limited', who, limit: bucket, rate, retryAfterS, method, path: path.raw }, 'rate limited');
          res.setHeader('Retry-After', String(retryAfterS));
          throw new HttpError(429, 'rate_limited', `Trop de demandes : réessayez dans ${retryAfterS} s.`, { limit: bucket, retryAfterSeconds: retryAfterS });
        }
      }
      const rest = path.segments.slice(MOUNT);
      return checkRequestBody(req, bodyKindOf(upstream, upstream === 'erp' ? ['api', ...rest] : rest), config.security);
    },
  };
}
