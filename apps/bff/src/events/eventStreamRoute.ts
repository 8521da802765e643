// `GET /ops/api/hub/events` after identity and policy (identity only): refuses what this replica
// cannot take — draining, or MAX_EVENT_STREAMS reached: 503 at once, never a hang — reads the
// browser's Last-Event-ID and hands the stream to the replica's event hub.
import type { ServerResponse } from 'node:http';
import type { BffRequest } from '../bffRequest';
import type { BffConfig } from '../config';
import { HttpError, sendError } from '../errors';
import type { Logger } from '../logging/logger';
import { EVENT_STREAM_HEADERS } from './browserStream';
import { EventHub } from './eventHub';
import { createHubEndpoint } from './hubStream';

/** Seconds a browser refused for too many streams is asked to wait. */
const STREAMS_FULL_RETRY_AFTER_S = 10;
/** Longest Last-Event-ID taken (the hub's ids are a few digits). */
const MAX_LAST_EVENT_ID = 256;
/** Printable ASCII only: the id may be sent on to the hub as a header (a catch-up). */
const LAST_EVENT_ID = /^[\x20-\x7e]+$/;
/** Largest block taken from the hub (a change event is well under 64 kB). */
const MAX_BLOCK_CHARS = 1024 * 1024;

export interface EventStreamRoute {
  /** Opens the browser's stream (`req.url` is the upstream path, `/events[?lastEventId=…]`). */
  forward(req: BffRequest, res: ServerResponse): void;
  readonly hub: EventHub;
}

/** The browser's resume point: the Last-Event-ID header, or `?lastEventId=` (as the hub reads it). */
export function lastEventIdOf(req: BffRequest): string | undefined {
  const header = req.headers['last-event-id'];
  const query = req.url?.includes('?') ? new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1)).get('lastEventId') : null;
  const id = (typeof header === 'string' ? header : (query ?? '')).trim();
  if (id === '') return undefined;
  if (id.length > MAX_LAST_EVENT_ID || !LAST_EVENT_ID.test(id)) {
    throw new HttpError(400, 'bad_last_event_id', 'Last-Event-ID refusé : trop long ou invalide.', { max: MAX_LAST_EVENT_ID });
  }
  return id;
}

export function createEventStreamRoute(config: BffConfig, log: Logger): EventStreamRoute {
  const endpoint = createHubEndpoint(config.hub, { timeoutMs: config.upstreamTimeoutMs, maxBlockChars: MAX_BLOCK_CHARS, stallMs: config.events.hubStallMs });
  const hub = new EventHub({
    endpoint,
    replay: { maxEvents: config.events.replayEvents, maxAgeMs: config.events.replayMaxAgeMs },
    backlogBytes: config.events.backlogBytes,
    retryMs: config.streamRetryMs,
    log,
  });
  const maxStreams = config.maxEventStreams;

  const refuse = (req: BffRequest, res: ServerResponse, retryAfterS: number, error: HttpError) => {
    res.setHeader('Retry-After', String(retryAfterS));
    sendError(error, req, res, log);
  };

  return {
    hub,
    forward(req, res) {
      if (hub.closing) {
        // Reached this replica on a kept-alive connection after the drain began: go elsewhere.
        return refuse(req, res, 1, new HttpError(503, 'draining', 'Serveur en arrêt : reconnexion à un autre serveur.'));
      }
      if (maxStreams > 0 && hub.size >= maxStreams) {
        log.warn({ requestId: req.requestId, open: hub.size, max: maxStreams }, 'event stream refused: MAX_EVENT_STREAMS reached');
        const message = 'Trop de flux d’événements ouverts sur ce serveur ; nouvel essai sous peu.';
        return refuse(req, res, STREAMS_FULL_RETRY_AFTER_S, new HttpError(503, 'too_many_streams', message, { max: maxStreams }));
      }
      const lastEventId = lastEventIdOf(req); // 400
      if (req.method === 'HEAD') {
        res.writeHead(200, EVENT_STREAM_HEADERS);
        return void res.end();
      }
      // The connection now carries a stream for hours: no Nagle delay on small events.
      req.socket.setNoDelay(true);
      hub.serve(hub.createStream(req, res), lastEventId);
    },
  };
}
