// The BFF as one Express app, read top to bottom as its pipeline:
//   request id → path check → identity → CSRF → policy → proxy (service tokens injected there only)
// plus the SPA's static files, /ops/api/me and the health probes. No body parser anywhere: the
// proxies stream request bodies straight through.
import { PolicyMatcher } from '@gigafibre/capabilities';
import express, { type Express } from 'express';
import type { BffConfig } from './config';
import { csrfGuard } from './csrf/csrfGuard';
import { errorHandler, HttpError } from './errors';
import { healthRoutes, type AppState } from './health/healthRoutes';
import { createIdentify, identityStep, type IdentityStepOptions } from './identity/identityStep';
import { meRoute } from './identity/meRoute';
import { createLogger, type Logger } from './logging/logger';
import { requestContext } from './logging/requestContext';
import { pathGuard } from './policy/pathGuard';
import { policyGuard } from './policy/policyGuard';
import { createUpstreamProxy } from './proxy/upstreamProxy';
import { spaStatic } from './static/spaStatic';

/** What a caller may supply instead of the defaults (tests: a log sink, a clock). */
export interface AppDeps {
  logger?: Logger;
  state?: AppState;
  identity?: IdentityStepOptions;
}

/** The app plus what its owner needs at shutdown. */
export interface BffApp extends Express {
  /** Ends open event streams between two events (browsers reconnect); other requests go on. */
  endStreams(): void;
  /** Ends streams and destroys every upstream connection, in use or idle. */
  closeUpstreams(): void;
}

export function createApp(config: BffConfig, deps: AppDeps = {}): BffApp {
  const log = deps.logger ?? createLogger(config.logLevel);
  const state = deps.state ?? { draining: false };
  const matcher = new PolicyMatcher();
  const timeout = config.upstreamTimeoutMs;
  const erp = createUpstreamProxy(config.erp, 'request', timeout, log);
  const hub = createUpstreamProxy(config.hub, 'request', timeout, log);
  const events = createUpstreamProxy(config.hub, 'stream', timeout, log);

  const app = express() as BffApp;
  app.disable('x-powered-by');
  app.set('etag', false); // API answers are never cached; static files keep their own ETag
  app.set('case sensitive routing', true);
  app.set('strict routing', true);

  app.use(requestContext(log), pathGuard);

  // The API, first: it is where the traffic is.
  app.use('/ops/api', identityStep(createIdentify(config.identity, config.groupMap, deps.identity)), csrfGuard(config.publicOrigins));
  app.get('/ops/api/me', meRoute);
  app.use('/ops/api/erp', policyGuard('erp', matcher), erp.handler);
  app.get('/ops/api/hub/events', policyGuard('hub', matcher), events.handler);
  app.use('/ops/api/hub', policyGuard('hub', matcher), hub.handler);
  app.use('/ops/api', () => {
    throw new HttpError(404, 'not_found', 'Point d’accès inconnu.');
  });

  healthRoutes(app, config, state, log);
  app.get(['/', '/ops'], (_req, res) => res.redirect(302, '/ops/'));
  app.use('/ops', spaStatic(config.staticDir, log));
  app.use(() => {
    throw new HttpError(404, 'not_found', 'Page introuvable.');
  });
  app.use(errorHandler(log));

  app.endStreams = () => events.openStreams.endAll();
  app.closeUpstreams = () => {
    for (const proxy of [events, erp, hub]) proxy.close();
  };
  return app;
}
