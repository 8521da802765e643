import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BffRequest } from '../bffRequest';
import type { UpstreamConfig } from '../config';
import { HttpError, sendError } from '../errors';
import type { Logger } from '../logging/logger';
import { OpenStreams, prepareEventStream } from './eventStream';
import { upstreamAuthFailure, upstreamFailure, UpstreamTimeoutError } from './upstreamErrors';
import { actorOf, type Identity } from '../identity/identity';
import { browserResponseHeaders, refusedServiceToken, upstreamRequestHeaders } from './upstreamHeaders';

/** `request`: ordinary calls, with an idle timeout; `stream`: server-sent events, never timed out once open. */
export type ProxyKind = 'request' | 'stream';

/** How a proxy behaves beyond its upstream. */
export interface ProxyOptions {
  /** Upstream silence after which a call fails (a stream: only until it opens). */
  timeoutMs: number;
  /** Streams: most open at once (0: no cap); past it the browser gets 503 at once, never a hang. */
  maxStreams?: number;
  /** Streams: the `retry:` hint (ms) sent when a shutdown ends them. */
  retryMs?: number;
}

export interface UpstreamProxy {
  /**
   * Sends `req` (its `url` already the upstream path) to the upstream and streams the answer back.
   * `body`: the request body already read and checked (security/requestBody.ts), sent instead of `req`.
   */
  forward(req: BffRequest, res: ServerResponse, body?: Buffer): void;
  /** Event streams currently open or opening (always 0 for `request` proxies). */
  readonly openStreams: OpenStreams;
  /** Ends open streams and destroys upstream connections, in use or idle. */
  close(): void;
}

/** Seconds a browser refused for too many streams is asked to wait. */
const STREAMS_FULL_RETRY_AFTER_S = 10;

/**
 * A streaming reverse proxy to one upstream on node:http: the request body and the answer are
 * streamed, never buffered. Expects `req.url` to hold the upstream path (set by the policy step)
 * and an identified user. (http-proxy-middleware did the same job for ~60 µs more CPU per request:
 * see the README.)
 */
export function createUpstreamProxy(upstream: UpstreamConfig, kind: ProxyKind, options: ProxyOptions, log: Logger): UpstreamProxy {
  const { timeoutMs, maxStreams = 0, retryMs = 1000 } = options;
  const target = new URL(upstream.url);
  const basePath = target.pathname === '/' ? '' : target.pathname;
  const send = target.protocol === 'https:' ? https.request : http.request;
  const Agent = target.protocol === 'https:' ? https.Agent : http.Agent;
  // Our own agent: a shared default would cap at a few hundred sockets and silently stall the
  // next event stream. Streams get no socket cap (MAX_EVENT_STREAMS is the explicit, loud one);
  // ordinary calls a generous pool. A pooled socket idle for 4 s is dropped before a typical
  // upstream's 5 s keep-alive timeout can close it under us.
  const agent = new Agent({ keepAlive: true, maxSockets: kind === 'stream' ? Infinity : 256, maxFreeSockets: 64, timeout: 4000 });
  const openStreams = new OpenStreams(retryMs);

  const fail = (err: unknown, req: BffRequest, res: ServerResponse) => {
    if (res.destroyed || res.writableEnded) return; // the client left first: nothing to answer
    sendError(upstreamFailure(err, upstream.name), req, res, log);
  };

  const answer = (proxyRes: IncomingMessage, req: BffRequest, res: ServerResponse) => {
    if (refusedServiceToken(proxyRes)) {
      log.error({ requestId: req.requestId, upstream: upstream.name, status: proxyRes.statusCode }, 'upstream refused the service token');
      proxyRes.resume();
      return sendError(upstreamAuthFailure(upstream.name, proxyRes.statusCode ?? 0), req, res, log);
    }
    const headers = browserResponseHeaders(proxyRes.headers, upstream.secrets);
    if (kind === 'stream') prepareEventStream(headers);
    res.writeHead(proxyRes.statusCode ?? 502, headers);
    // An upstream that dies mid-answer: cut the client too, so it sees a broken answer, not a short one.
    proxyRes.on('error', () => res.destroy());
    proxyRes.on('close', () => {
      if (!proxyRes.complete && !res.writableEnded) res.destroy();
    });
    if (kind === 'stream') {
      // Stream headers go out at once, so the browser's EventSource opens before the first event.
      res.flushHeaders();
      log.debug({ requestId: req.requestId, open: openStreams.size }, 'event stream opened');
      return openStreams.relay(res, proxyRes);
    }
    proxyRes.pipe(res);
  };

  const attempt = (req: BffRequest, res: ServerResponse, headers: string[], bodyless: boolean, mayRetry: boolean, body?: Buffer): void => {
    const proxyReq = send({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: req.method,
      path: basePath + (req.url ?? '/'),
      headers,
      agent,
    });
    const timeout = () => proxyReq.destroy(new UpstreamTimeoutError(timeoutMs));
    if (kind === 'request') {
      proxyReq.setTimeout(timeoutMs, timeout);
    } else {
      // A stream may stay quiet for hours once open; only its opening is bounded.
      const timer = setTimeout(timeout, timeoutMs);
      proxyReq.once('response', () => clearTimeout(timer));
      proxyReq.once('close', () => clearTimeout(timer));
    }
    proxyReq.on('response', (proxyRes) => answer(proxyRes, req, res));
    proxyReq.on('error', (err: NodeJS.ErrnoException) => {
      // A pooled connection the upstream closed just as we reused it: nothing was processed, so a
      // request without a body is safely sent again, once, on a fresh connection.
      if (mayRetry && bodyless && proxyReq.reusedSocket && err.code === 'ECONNRESET' && !res.headersSent && !res.destroyed) {
        return attempt(req, res, headers, bodyless, false);
      }
      fail(err, req, res);
    });
    // The client went away (closed tab, lost network): release the upstream at once.
    res.on('close', () => {
      if (!res.writableFinished) proxyReq.destroy();
    });
    if (bodyless) {
      proxyReq.end();
    } else if (body !== undefined) {
      proxyReq.end(body);
    } else {
      req.on('error', () => proxyReq.destroy());
      req.pipe(proxyReq);
    }
  };

  return {
    forward(req, res, body) {
      if (kind === 'stream') {
        if (openStreams.closing) {
          // Reached this replica on a kept-alive connection after the drain began: go elsewhere.
          res.setHeader('Retry-After', '1');
          return sendError(new HttpError(503, 'draining', 'Serveur en arrêt : reconnexion à un autre serveur.'), req, res, log);
        }
        if (maxStreams > 0 && openStreams.size >= maxStreams) {
          log.warn({ requestId: req.requestId, open: openStreams.size, max: maxStreams }, 'event stream refused: MAX_EVENT_STREAMS reached');
          res.setHeader('Retry-After', String(STREAMS_FULL_RETRY_AFTER_S));
          return sendError(new HttpError(503, 'too_many_streams', 'Trop de flux d’événements ouverts sur ce serveur ; nouvel essai sous peu.', { max: maxStreams }), req, res, log);
        }
        openStreams.reserve(res);
      }
      // A body read in full by the BFF is sent with its exact length, whatever framing the client used.
      const headers = upstreamRequestHeaders(req.headers, upstream, target.host, req.requestId, actorOf(req.identity as Identity), body?.length);
      const bodyless = body === undefined && (req.method === 'GET' || req.method === 'HEAD') && req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined;
      attempt(req, res, headers, bodyless, true, body);
    },
    openStreams,
    close: () => {
      openStreams.endAll();
      agent.destroy();
    },
  };
}
