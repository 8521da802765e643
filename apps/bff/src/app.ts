// The BFF, read top to bottom as its pipeline:
//   request id + security headers → path check → identity → CSRF → route policy → rate limit +
//   body checks → access (ERP rows, fields, size) → proxy (service tokens injected there only)
// The API (/ops/api/*) runs these steps as plain functions on node:http; everything else (SPA
// files, health probes, redirects) is an Express app, the "shell". Why the API skips Express: it
// cost ~100 µs of CPU per proxied request here, a third of the BFF's budget (see README).
// No body parser anywhere: the proxies stream request bodies straight through.
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { PolicyMatcher } from '@gigafibre/capabilities';
import { guardEarlyAnswers } from '@gigafibre/keepalive';
import { createAccessStep, type AccessStepOptions } from './access/accessStep';
import type { BffRequest } from './bffRequest';
import type { BffConfig } from './config';
import { checkCsrf } from './csrf/checkCsrf';
import { HttpError, sendError } from './errors';
import type { AppState } from './health/healthRoutes';
import { createEventStreamRoute } from './events/eventStreamRoute';
import { createIdentify, type IdentityStepOptions } from './identity/identify';
import { sendMe } from './identity/sendMe';
import { sendJson } from './respond';
import { createLogger, type Logger } from './logging/logger';
import { startRequest } from './logging/requestContext';
import { authorize } from './policy/authorize';
import { checkHubMessagesQuery } from './policy/hubMessages';
import { normalizePath, type OpsPath } from './policy/normalizePath';
import { createUpstreamProxy } from './proxy/upstreamProxy';
import { hardenServer } from './security/hardenServer';
import { createSecurityStep, type SecurityStepOptions } from './security/securityStep';
import { createShell } from './shell';

/** What a caller may supply instead of the defaults (tests: a log sink, a clock). */
export interface AppDeps {
  logger?: Logger;
  state?: AppState;
  identity?: IdentityStepOptions;
  security?: SecurityStepOptions;
  /** The access step's clocks and cache settings (tests). */
  access?: AccessStepOptions;
}

/** The request listener plus what its owner needs at shutdown. */
export interface BffApp extends RequestListener {
  /** Ends open event streams between two events (browsers reconnect); other requests go on. */
  endStreams(): void;
  /** Browser event streams open or opening, and the catch-up streams held to the hub for them. */
  eventStreams(): { browsers: number; catchUps: number };
  /** Ends streams and destroys every upstream connection, in use or idle. */
  closeUpstreams(): void;
  /** Makes the answers Node gives by itself (malformed requests, CONNECT) JSON with security headers. */
  harden(server: Server): void;
}

export function createApp(config: BffConfig, deps: AppDeps = {}): BffApp {
  const log = deps.logger ?? createLogger(config.logLevel);
  const state = deps.state ?? { draining: false };
  const identify = createIdentify(config.identity, config.groupMap, deps.identity);
  const matcher = new PolicyMatcher();
  const erp = createUpstreamProxy(config.erp, config.upstreamTimeoutMs, log);
  const hub = createUpstreamProxy(config.hub, config.upstreamTimeoutMs, log);
  // Browser event streams share one hub subscription per replica (events/eventHub.ts).
  const events = createEventStreamRoute(config, log);
  state.events = () => events.hub.health();
  const shell = createShell(config, state, log);
  const security = createSecurityStep(config, log, deps.security);
  const access = createAccessStep(config, log, deps.access);

  async function api(req: BffRequest, res: ServerResponse, path: OpsPath): Promise<void> {
    const identity = await identify(req); // 401
    req.identity = identity;
    checkCsrf(req, config.publicOrigins); // 403
    const method = req.method ?? 'GET';
    const [, , area, name] = path.segments; // ['ops', 'api', area, …]
    if (area === 'me' && path.segments.length === 3 && (method === 'GET' || method === 'HEAD')) {
      return sendMe(res, identity);
    }
    if (area === 'config' && path.segments.length === 3 && (method === 'GET' || method === 'HEAD')) {
      return sendJson(res, 200, config.client);
    }
    if (area === 'erp' || area === 'hub') {
      const query = new URLSearchParams(path.search);
      const target = authorize(area, matcher, method, path, identity, query); // 403, deny by default
      req.url = target.url;
      const body = security.admit(req, res, area, path, identity); // 429, 400/413/415
      if (area === 'hub') {
        checkHubMessagesQuery(method, target.segments, query); // 400: one customer, a capped page
        if (name === 'events' && path.segments.length === 4) return events.forward(req, res); // 503, 502/504
        return body === undefined ? hub.forward(req, res) : hub.forward(req, res, await body); // 502/504
      }
      const sent = body === undefined ? undefined : await body;
      // Rows, fields and size (403, 400, 429); may answer at once for a user with no rows.
      const outcome = await access.check(req, target.segments, target.url, query, identity, sent);
      if (outcome.answer !== undefined) return sendJson(res, 200, outcome.answer);
      req.url = outcome.url;
      return erp.forward(req, res, sent, outcome.transform); // 502/504
    }
    throw new HttpError(404, 'not_found', 'Point d’accès inconnu.');
  }

  const app = (incoming: IncomingMessage, res: ServerResponse): void => {
    const req = incoming as BffRequest;
    // Any answer given before the body is read (a refusal, a 404, an upstream's early answer)
    // drains it or closes the connection cleanly: a proxy's pooled connection stays usable.
    guardEarlyAnswers(req, res);
    try {
      startRequest(req, res, log);
      security.start(req, res); // 400 without Host
      const path = normalizePath(req.url ?? '/'); // 400
      req.opsPath = path;
      if (path.segments[0] !== 'ops' || path.segments[1] !== 'api') return void shell(req, res);
      if (path.trailingSlash) throw new HttpError(400, 'bad_path', 'Chemin refusé : « / » final interdit.', { reason: 'trailing_slash' });
      api(req, res, path).catch((err: unknown) => sendError(err, req, res, log));
    } catch (err) {
      sendError(err, req, res, log);
    }
  };

  return Object.assign(app, {
    endStreams: () => events.hub.endAll(),
    eventStreams: () => ({ browsers: events.hub.size, catchUps: events.hub.catchUpStreams }),
    closeUpstreams: () => {
      events.hub.close();
      for (const proxy of [erp, hub]) proxy.close();
      access.close();
    },
    harden: (server: Server) => hardenServer(server, security.headers.api, log),
  });
}
