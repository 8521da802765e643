import http from 'node:http';
import https from 'node:https';
import type { ServerResponse } from 'node:http';
import { createProxyMiddleware, proxyEventsPlugin, type Plugin } from 'http-proxy-middleware';
import type { BffRequest } from '../bffRequest';
import type { UpstreamConfig } from '../config';
import { sendError } from '../errors';
import type { Logger } from '../logging/logger';
import { OpenStreams, prepareEventStream } from './eventStream';
import { upstreamAuthFailure, upstreamFailure, UpstreamTimeoutError } from './upstreamErrors';
import { prepareUpstreamHeaders, refusedServiceToken, scrubUpstreamHeaders } from './upstreamHeaders';

/** `request`: ordinary calls, with an idle timeout; `stream`: server-sent events, never timed out once open. */
export type ProxyKind = 'request' | 'stream';

export interface UpstreamProxy {
  /** Sends `req` (its `url` already the upstream path) to the upstream and streams the answer back. */
  forward(req: BffRequest, res: ServerResponse): void;
  /** Event streams currently open (always 0 for `request` proxies). */
  readonly openStreams: OpenStreams;
  /** Ends open streams and destroys upstream connections, in use or idle. */
  close(): void;
}

/**
 * A proxy to one upstream (http-proxy-middleware). Expects `req.url` to hold the upstream path
 * (set by the policy step) and an identified user.
 */
export function createUpstreamProxy(upstream: UpstreamConfig, kind: ProxyKind, timeoutMs: number, log: Logger): UpstreamProxy {
  const Agent = upstream.url.startsWith('https:') ? https.Agent : http.Agent;
  // Our own agent: the library's shared default caps at 256 sockets, which silently stalls the
  // 257th event stream. Streams get no cap; ordinary calls a generous pool. A pooled socket idle
  // for 4 s is dropped before a typical upstream's 5 s keep-alive timeout can close it under us.
  const agent = new Agent({ keepAlive: true, maxSockets: kind === 'stream' ? Infinity : 256, maxFreeSockets: 64, timeout: 4000 });
  const openStreams = new OpenStreams();

  const proxy = createProxyMiddleware<BffRequest, ServerResponse>({
    // A URL object, parsed once (a string target is parsed again on every request).
    target: new URL(upstream.url),
    changeOrigin: true,
    agent,
    xfwd: false,
    // The default plugins log and build a URL on every response; errors and streams are handled
    // below, so only the plugin that wires `on` is kept.
    ejectPlugins: true,
    plugins: [proxyEventsPlugin as unknown as Plugin<BffRequest, ServerResponse>],
    // The service token is injected here and nowhere else.
    headers: { authorization: upstream.authorization },
    on: {
      proxyReq(proxyReq) {
        const timeout = () => proxyReq.destroy(new UpstreamTimeoutError(timeoutMs));
        if (kind === 'request') {
          proxyReq.setTimeout(timeoutMs, timeout);
        } else {
          // A stream may stay quiet for hours once open; only its opening is bounded.
          const timer = setTimeout(timeout, timeoutMs);
          proxyReq.once('response', () => clearTimeout(timer));
          proxyReq.once('close', () => clearTimeout(timer));
        }
      },
      proxyRes(proxyRes, req, res) {
        if (refusedServiceToken(proxyRes)) {
          log.error({ requestId: req.requestId, upstream: upstream.name, status: proxyRes.statusCode }, 'upstream refused the service token');
          proxyRes.resume();
          sendError(upstreamAuthFailure(upstream.name, proxyRes.statusCode ?? 0), req, res, log);
          return;
        }
        scrubUpstreamHeaders(proxyRes.headers, upstream.secrets);
        if (kind === 'stream') {
          prepareEventStream(proxyRes, res);
          openStreams.add(res, proxyRes);
        }
      },
      error(err, req, res) {
        if (!('writeHead' in res)) return; // no WebSocket upgrades are proxied
        sendError(upstreamFailure(err, upstream.name), req, res, log);
      },
    },
  });

  return {
    forward(req, res) {
      prepareUpstreamHeaders(req);
      void proxy(req, res, (err?: unknown) => sendError(err ?? new Error('proxy did not handle the request'), req, res, log));
    },
    openStreams,
    close: () => {
      openStreams.endAll();
      agent.destroy();
    },
  };
}
