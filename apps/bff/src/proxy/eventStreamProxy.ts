import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BffRequest } from '../bffRequest';
import type { UpstreamConfig } from '../config';
import { HttpError, sendError } from '../errors';
import { actorOf, type Identity } from '../identity/identity';
import type { Logger } from '../logging/logger';
import { OpenStreams, prepareEventStream } from './eventStream';
import { upstreamAuthFailure, upstreamFailure, UpstreamTimeoutError } from './upstreamErrors';
import { browserResponseHeaders, refusedServiceToken, upstreamRequestHeaders } from './upstreamHeaders';

export interface EventStreamProxyOptions {
  /** How long the upstream may take to open a stream; once open, a stream may stay quiet for hours. */
  timeoutMs: number;
  /** Most streams open at once (0: no cap); past it the browser gets 503 at once, never a hang. */
  maxStreams: number;
  /** The `retry:` hint (ms) sent when a shutdown ends the streams. */
  retryMs: number;
}

export interface EventStreamProxy {
  /** Opens the browser's stream to the upstream's (`req.url` already the upstream path). */
  forward(req: BffRequest, res: ServerResponse): void;
  /** The streams open or opening. */
  readonly openStreams: OpenStreams;
  /** Ends the streams and destroys every upstream connection. */
  close(): void;
}

/** Seconds a browser refused for too many streams is asked to wait. */
const STREAMS_FULL_RETRY_AFTER_S = 10;

/**
 * Server-sent events from one upstream, on node:http: one upstream connection per browser stream,
 * relayed chunk by chunk (never buffered), released the moment the browser leaves.
 */
export function createEventStreamProxy(upstream: UpstreamConfig, options: EventStreamProxyOptions, log: Logger): EventStreamProxy {
  const { timeoutMs, maxStreams, retryMs } = options;
  const target = new URL(upstream.url);
  const basePath = target.pathname === '/' ? '' : target.pathname;
  const send = target.protocol === 'https:' ? https.request : http.request;
  const Agent = target.protocol === 'https:' ? https.Agent : http.Agent;
  // Our own agent without a socket cap: a shared default stops at a few hundred sockets and the
  // next stream silently hangs. MAX_EVENT_STREAMS is the explicit, loud cap.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 64, timeout: 4000 });
  const openStreams = new OpenStreams(retryMs);

  const refuse = (req: BffRequest, res: ServerResponse, retryAfterS: number, error: HttpError) => {
    res.setHeader('Retry-After', String(retryAfterS));
    sendError(error, req, res, log);
  };

  const answer = (proxyRes: IncomingMessage, req: BffRequest, res: ServerResponse) => {
    if (refusedServiceToken(proxyRes.statusCode ?? 0)) {
      log.error({ requestId: req.requestId, upstream: upstream.name, status: proxyRes.statusCode }, 'upstream refused the service token');
      proxyRes.resume();
      return sendError(upstreamAuthFailure(upstream.name, proxyRes.statusCode ?? 0), req, res, log);
    }
    const headers = browserResponseHeaders(proxyRes.headers, upstream.secrets);
    prepareEventStream(headers);
    res.writeHead(proxyRes.statusCode ?? 502, headers);
    // Headers go out at once, so the browser's EventSource opens before the first event.
    res.flushHeaders();
    // An upstream that dies mid-stream: cut the browser too, so it reconnects.
    proxyRes.on('error', () => res.destroy());
    proxyRes.on('close', () => {
      if (!proxyRes.complete && !res.writableEnded) res.destroy();
    });
    log.debug({ requestId: req.requestId, open: openStreams.size }, 'event stream opened');
    openStreams.relay(res, proxyRes);
  };

  return {
    forward(req, res) {
      if (openStreams.closing) {
        // Reached this replica on a kept-alive connection after the drain began: go elsewhere.
        return refuse(req, res, 1, new HttpError(503, 'draining', 'Serveur en arrêt : reconnexion à un autre serveur.'));
      }
      if (maxStreams > 0 && openStreams.size >= maxStreams) {
        log.warn({ requestId: req.requestId, open: openStreams.size, max: maxStreams }, 'event stream refused: MAX_EVENT_STREAMS reached');
        const message = 'Trop de flux d’événements ouverts sur ce serveur ; nouvel essai sous peu.';
        return refuse(req, res, STREAMS_FULL_RETRY_AFTER_S, new HttpError(503, 'too_many_streams', message, { max: maxStreams }));
      }
      openStreams.reserve(res);
      const proxyReq = send({
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: basePath + (req.url ?? '/'),
        headers: upstreamRequestHeaders(req.headers, upstream, target.host, req.requestId, actorOf(req.identity as Identity)),
        agent,
      });
      // Only the opening is bounded.
      const timer = setTimeout(() => proxyReq.destroy(new UpstreamTimeoutError(timeoutMs)), timeoutMs);
      proxyReq.once('response', () => clearTimeout(timer));
      proxyReq.once('close', () => clearTimeout(timer));
      proxyReq.on('response', (proxyRes) => answer(proxyRes, req, res));
      proxyReq.on('error', (err) => {
        if (!res.destroyed && !res.writableEnded) sendError(upstreamFailure(err, upstream.name), req, res, log);
      });
      // The browser went away (closed tab, lost network): release the upstream at once.
      res.on('close', () => {
        if (!res.writableFinished) proxyReq.destroy();
      });
      proxyReq.end();
    },
    openStreams,
    close: () => {
      openStreams.endAll();
      agent.destroy();
    },
  };
}
