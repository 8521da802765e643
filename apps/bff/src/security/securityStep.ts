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

export interface SecurityStep {
  readonly headers: SecurityHeaders;
  /** Sets the security headers; first thing for every request. */
  setHeaders(url: string, res: ServerResponse): void;
  /**
   * Rate limit (429) then body checks (400/413/415) of an authorized proxied call; returns the
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
    setHeaders(url, res) {
      applyHeaders(res, url.startsWith('/ops/api/') ? headers.api : headers.document);
    },
    admit(req, res, upstream, path, identity) {
      const method = req.method ?? 'GET';
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
      return checkRequestBody(req, res, bodyKindOf(upstream, path.segments[MOUNT]), config.security);
    },
  };
}
