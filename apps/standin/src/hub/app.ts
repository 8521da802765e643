// The targo-hub stand-in: devices (GenieACS), Traccar, vision, Authentik users, SSE, Twilio SMS, incidents (Uptime-Kuma).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TWILIO_INBOUND_PATH } from '@gigafibre/contracts';
import type { EventLog } from '../db/events';
import type { IdempotencyStore } from '../db/idempotency';
import type { Db } from '../db/open';
import type { DocStore } from '../erp/docs/store';
import { sendJson } from '../http/respond';
import { Router, splitUrl } from '../http/router';
import type { AppHandler } from '../http/service';
import { checkBearer } from './auth';
import { deviceTask, lookupDevice } from './devices/routes';
import { DeviceStore } from './devices/store';
import { HubError, sendHubError } from './errors';
import type { EventBroadcaster } from './events/broadcaster';
import { IncidentRoutes } from './incidents/routes';
import { IncidentStore } from './incidents/store';
import type { Logger } from '../log';
import { EnRouteTexts } from './messages/enRoute';
import { inboundWebhook } from './messages/inbound';
import { Messaging } from './messages/messaging';
import { MessageRoutes } from './messages/routes';
import { TraccarService } from './traccar/routes';
import { UserRoutes } from './users/routes';
import { AuthUserStore } from './users/store';
import { visionRoute } from './vision/routes';

export interface HubDeps {
  db: Db;
  docs: DocStore;
  idempotency: IdempotencyStore;
  events: EventBroadcaster;
  token: string;
  now: () => Date;
  /** Uptime-Kuma's webhook secret (its own header, not the hub's bearer token). */
  webhookSecret: string;
  /** The change log (the « en route » watcher reads it; messages are appended to it). */
  log: EventLog;
  /** Read the log this often too (the ERP writes it from another process); null when in-process. */
  pollMs: number | null;
  twilio: { authToken: string; number: string; stepMs: number };
  logger: Logger;
}

/** The hub's request handler, and what to stop at shutdown (SMS lifecycle timers, the watcher). */
export interface Hub {
  handler: AppHandler;
  close(): void;
}

function lastEventId(req: IncomingMessage, query: URLSearchParams): number | null {
  const raw = req.headers['last-event-id'] ?? query.get('lastEventId') ?? undefined;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

export function createHub(deps: HubDeps): Hub {
  const devices = new DeviceStore(deps.db, deps.now);
  const traccar = new TraccarService(deps.db, deps.now);
  const messaging = new Messaging({ db: deps.db, events: deps.log, now: deps.now, number: deps.twilio.number, stepMs: deps.twilio.stepMs });
  const messages = new MessageRoutes(messaging);
  const inbound = inboundWebhook(messaging, deps.twilio.authToken, deps.twilio.number);
  const enRoute = new EnRouteTexts({
    db: deps.db,
    log: deps.log,
    messaging,
    positionOf: (t) => traccar.lastPosition(t),
    now: deps.now,
    logger: deps.logger,
    pollMs: deps.pollMs,
  });
  messaging.resume();
  enRoute.start();
  const users = new UserRoutes(deps.db, new AuthUserStore(deps.db), deps.docs, deps.now);
  const incidents = new IncidentRoutes(new IncidentStore(deps.db, deps.log), deps.webhookSecret, deps.logger);
  const started = Date.now();
  const router = new Router()
    .on('GET', '/incidents', incidents.list)
    // Before `/incidents/:id`: the router takes the first route that matches.
    .on('GET', '/incidents/affected-index', incidents.affectedIndex)
    .on('GET', '/incidents/:id', incidents.get)
    .on('GET', '/incidents/:id/affected', incidents.affected)
    .on('GET', '/network/monitors', incidents.monitors)
    .on('GET', '/devices/lookup', lookupDevice(devices, deps.now))
    .on('POST', '/devices/:id/tasks', deviceTask(devices, deps.docs))
    .on('GET', '/traccar/devices', traccar.devices)
    .on('GET', '/traccar/positions', traccar.positions)
    .on('POST', '/vision/barcodes', visionRoute('barcodes', deps.idempotency))
    .on('POST', '/vision/equipment', visionRoute('equipment', deps.idempotency))
    .on('POST', '/vision/invoice', visionRoute('invoice', deps.idempotency))
    .on('GET', '/auth/users', users.list)
    .on('POST', '/auth/users', users.invite)
    .on('PATCH', '/auth/users/:pk', users.update)
    .on('POST', '/messages', messages.send)
    .on('GET', '/messages', messages.thread)
    .on('GET', '/messages/opt-out', messages.optState)
    .on('GET', '/events', ({ req, res, query }) => deps.events.attach(req, res, lastEventId(req, query)));

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const { path, query } = splitUrl(req.url);
    try {
      if (path === '/health') {
        return sendJson(res, 200, { status: 'ok', service: 'targo-hub (standin)', uptimeSeconds: Math.round((Date.now() - started) / 1000), streams: deps.events.size });
      }
      // Uptime-Kuma posts here directly with its own secret; it holds no hub token.
      if (path === '/webhooks/uptime-kuma') {
        if (req.method !== 'POST') return sendJson(res, 405, { error: `Méthode ${req.method ?? ''} non permise sur ${path}` }, { Allow: 'POST' });
        return await incidents.webhook({ req, res, path, query, params: {} });
      }
      // Twilio calls with its signature, not our bearer token (checked there).
      if (path === TWILIO_INBOUND_PATH) return await inbound(req, res);
      checkBearer(req, deps.token);
      const match = router.match(req.method ?? 'GET', path);
      if (match.kind === 'none') throw new HubError(404, `Route inconnue : ${req.method ?? 'GET'} ${path}`);
      if (match.kind === 'method') {
        return sendJson(res, 405, { error: `Méthode ${req.method ?? ''} non permise sur ${path}` }, { Allow: match.allow.join(', ') });
      }
      await match.handler({ req, res, path, query, params: match.params });
    } catch (err) {
      if (err instanceof HubError) return sendHubError(res, err);
      throw err;
    }
  };
  return {
    handler,
    close: () => {
      enRoute.close();
      messaging.close();
    },
  };
}
