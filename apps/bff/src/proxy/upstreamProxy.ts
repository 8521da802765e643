import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { BffRequest } from '../bffRequest';
import type { UpstreamConfig } from '../config';
import { sendError } from '../errors';
import type { Logger } from '../logging/logger';
import { OpenStreams, prepareEventStream } from './eventStream';
import { upstreamAuthFailure, upstreamFailure, UpstreamTimeoutError } from './upstreamErrors';
import { actorOf, type Identity } from '../identity/identity';
import { browserResponseHeaders, refusedServiceToken, upstreamRequestHeaders } from './upstreamHeaders';

/** `request`: ordinary calls, with an idle timeout; `stream`: server-sent events, never timed out once open. */
export type ProxyKind = 'request' | 'stream';

export interface UpstreamProxy {
  /**
   * Sends `req` (its `url` already the upstream path) to the upstream and streams the answer back.
   * `body`: the request body already read and checked (security/requestBody.ts), sent instead of `req`.
   */
  forward(req: BffRequest, res: ServerResponse, body?: Buffer): void;
  /** Event streams currently open (always 0 for `request` proxies). */
  readonly openStreams: OpenStreams;
  /** Ends open streams and destroys upstream connections, in use or idle. */
  close(): void;
}

/**
 * A streaming reverse proxy to one upstream on node:http: the request body and the answer are
 * piped, never buffered. Expects `req.url` to hold the upstream path (set by the policy step) and
 * an identified user. (http-proxy-middleware did the same job for ~60 µs more CPU per request:
 * see the README.)
 */
export function createUpstreamProxy(upstream: UpstreamConfig, kind: ProxyKind, timeoutMs: number, log: Logger): UpstreamProxy {
  const target = new URL(upstream.url);
  const basePath = target.pathname === '/' ? '' : target.pathname;
  const send = target.protocol === 'https:' ? https.request : http.request;
  const Agent = target.protocol === 'https:' ? https.Agent : http.Agent;
  // Our own agent: a shared default would cap at a few hundred sockets and silently stall the
  // next event stream. Streams get no cap; ordinary calls a generous pool. A pooled socket idle
  // for 4 s is dropped before a typical upstream's 5 s keep-alive timeout can close it under us.
  const agent = new Agent({ keepAlive: true, maxSockets: kind === 'stream' ? Infinity : 256, maxFreeSockets: 64, timeout: 4000 });
  const openStreams = new OpenStreams();

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
    if (kind === 'stream') {
      prepareEventStream(headers);
      openStreams.add(res, proxyRes);
    }
    res.writeHead(proxyRes.statusCode ?? 502, headers);
    // Stream headers go out at once, so the browser's EventSource opens before the first event.
    if (kind === 'stream') res.flushHeaders();
    // An upstream that dies mid-answer: cut the client too, so it sees a broken answer, not a short one.
    proxyRes.on('error', () => res.destroy());
    proxyRes.on('close', () => {
      if (!proxyRes.complete && !res.writableEnded) res.destroy();
    });
    proxyRes.pipe(res);
  };

  const attempt = (req: BffRequest, res: ServerResponse, headers: OutgoingHttpHeaders, bodyless: boolean, mayRetry: boolean, body?: Buffer): void => {
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
      const headers = upstreamRequestHeaders(req.headers, upstream, target.host, req.requestId, actorOf(req.identity as Identity));
      if (body !== undefined) {
        // Read in full by the BFF: sent with its exact length, whatever framing the client used.
        headers['content-length'] = String(body.length);
        delete headers['transfer-encoding'];
      }
      const bodyless = (req.method === 'GET' || req.method === 'HEAD') && headers['content-length'] === undefined && headers['transfer-encoding'] === undefined;
      attempt(req, res, headers, bodyless, true, body);
    },
    openStreams,
    close: () => {
      openStreams.endAll();
      agent.destroy();
    },
  };
}
