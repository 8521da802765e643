// One upstream `GET /events` to the hub with the BFF's service token, read into whole blocks.
// Used for the replica's shared subscription and for the one-off catch-up streams.
import http from 'node:http';
import https from 'node:https';
import type { UpstreamConfig } from '../config';
import { HttpError } from '../errors';
import { upstreamAuthFailure, upstreamFailure, UpstreamTimeoutError } from '../proxy/upstreamErrors';
import { refusedServiceToken } from '../proxy/upstreamHeaders';
import { SseBlockReader, type SseBlock } from './sseBlocks';

/** Where and how the hub's streams are opened (one agent for all of them). */
export interface HubEndpoint {
  readonly upstream: UpstreamConfig;
  /** How long the hub may take to answer; once open, a stream may stay quiet for hours. */
  readonly timeoutMs: number;
  /** Largest block accepted from the hub; past it the stream is treated as broken. */
  readonly maxBlockChars: number;
  /** An open stream silent this long (not even a heartbeat) is presumed dead and dropped. */
  readonly stallMs: number;
  /** `Host` as the hub expects it (a flat header list gets none from Node). */
  readonly host: string;
  request(options: http.RequestOptions): http.ClientRequest;
  /** Destroys every connection to the hub. */
  destroy(): void;
}

export function createHubEndpoint(upstream: UpstreamConfig, limits: Pick<HubEndpoint, 'timeoutMs' | 'maxBlockChars' | 'stallMs'>): HubEndpoint {
  const target = new URL(upstream.url);
  const secure = target.protocol === 'https:';
  const basePath = target.pathname === '/' ? '' : target.pathname;
  // Its own agent, no socket cap: long-lived streams must never queue behind a pool limit.
  const agent = secure ? new https.Agent({ keepAlive: false, maxSockets: Infinity }) : new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const send = secure ? https.request : http.request;
  return {
    upstream,
    ...limits,
    host: target.host,
    request: (options) => send({ protocol: target.protocol, hostname: target.hostname, port: target.port, agent, ...options, path: basePath + (options.path ?? '') }),
    destroy: () => agent.destroy(),
  };
}

export interface HubStreamHandlers {
  /** The hub answered 200 text/event-stream. */
  onOpen(): void;
  /** A whole block after the hub's greeting (events, heartbeats). */
  onBlock(block: SseBlock): void;
  /** The greeting's `retry:` (the hub's advice to its clients). */
  onRetryAdvice?(retryMs: number): void;
  /**
   * Once: the stream failed to open (`failure` is what a waiting browser should be answered),
   * or it ended or broke after opening (`failure` undefined). Not called after `close()`.
   */
  onClose(failure: HttpError | undefined, opened: boolean): void;
}

export interface HubStream {
  /** Stops reading from the hub (TCP pushes back on it); blocks of the chunk in hand still come. */
  pause(): void;
  resume(): void;
  /** Closes the stream (no `onClose` follows). */
  close(): void;
}

const notAnEventStream = (status: number, type: string | undefined) =>
  new HttpError(502, 'upstream_error', 'targo-hub a répondu autre chose qu’un flux d’événements.', { upstream: 'hub', upstreamStatus: status, contentType: type ?? null });

/** Opens `GET /events` (resuming after `lastEventId` when given). */
export function openHubStream(endpoint: HubEndpoint, options: { lastEventId?: string; requestId: string }, handlers: HubStreamHandlers): HubStream {
  let finished = false;
  let opened = false;
  let response: http.IncomingMessage | undefined;
  const finish = (failure: HttpError | undefined) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    req.destroy();
    handlers.onClose(failure, opened);
  };
  const headers = ['host', endpoint.host, 'authorization', endpoint.upstream.authorization, 'accept', 'text/event-stream', 'cache-control', 'no-cache', 'x-request-id', options.requestId];
  if (options.lastEventId !== undefined) headers.push('last-event-id', options.lastEventId);
  const req = endpoint.request({ method: 'GET', path: '/events', headers });
  const timer = setTimeout(() => req.destroy(new UpstreamTimeoutError(endpoint.timeoutMs)), endpoint.timeoutMs);

  req.on('response', (res) => {
    clearTimeout(timer);
    const status = res.statusCode ?? 0;
    const type = res.headers['content-type'];
    if (status !== 200 || !type?.startsWith('text/event-stream')) {
      res.resume();
      return finish(refusedServiceToken(status) ? upstreamAuthFailure('hub', status) : notAnEventStream(status, type));
    }
    opened = true;
    response = res;
    const reader = new SseBlockReader(endpoint.maxBlockChars);
    let greeted = false;
    res.on('data', (chunk: Buffer) => {
      let blocks: SseBlock[];
      try {
        blocks = reader.push(chunk);
      } catch {
        return finish(undefined); // a runaway block: drop the stream, it will be resumed
      }
      for (const block of blocks) {
        if (finished) return; // a handler closed it (a catch-up that caught up)
        if (!greeted) {
          greeted = true;
          // The hub's greeting (`retry:` + `: connected`) is for its own client: the BFF greets browsers itself.
          if (!block.isEvent) {
            if (block.retryMs !== undefined) handlers.onRetryAdvice?.(block.retryMs);
            continue;
          }
        }
        handlers.onBlock(block);
      }
    });
    // A hub that stops writing (a stuck process, a half-open connection) must not look alive.
    // (A stream paused that long for a browser that reads nothing is dropped the same way.)
    res.socket.setTimeout(endpoint.stallMs, () => finish(undefined));
    res.on('close', () => finish(undefined));
    res.on('error', () => finish(undefined));
    handlers.onOpen();
  });
  req.on('error', (err) => finish(opened ? undefined : upstreamFailure(err, 'hub')));
  req.end();
  return {
    pause: () => response?.pause(),
    resume: () => response?.resume(),
    close: () => {
      finished = true;
      clearTimeout(timer);
      req.destroy();
    },
  };
}
