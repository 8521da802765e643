// `POST /webhooks/uptime-kuma` (Uptime-Kuma's webhook, its own secret, never through the BFF) and
// `GET /incidents`, `/incidents/:id`, `/incidents/:id/affected`, `/incidents/affected-index`, and
// `GET /network/monitors` (the mapping; hub token only, not proxied by the BFF).
import { timingSafeEqual } from 'node:crypto';
import { UPTIME_KUMA_SECRET_HEADER, uptimeKumaWebhookSchema, type IncidentList, type UptimeKumaWebhookResult } from '@gigafibre/contracts';
import { BodyTooLargeError, readBody } from '../../http/body';
import { sendJson } from '../../http/respond';
import type { Ctx } from '../../http/router';
import type { Logger } from '../../log';
import { HubError } from '../errors';
import type { IncidentStore } from './store';

/** Uptime-Kuma's JSON body is a few kB (the monitor's settings ride along). */
const MAX_WEBHOOK_BYTES = 256 * 1024;
const MAX_AFFECTED_PAGE = 500;

/** `2026-12-07 15:40:00.123` (Uptime-Kuma's UTC SQL datetime) or ISO 8601 → ISO 8601; null when unreadable. */
export function heartbeatTime(time: string): string | null {
  const sql = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)(Z|[+-]\d{2}:?\d{2})?$/.exec(time.trim());
  if (!sql) return null;
  const ms = Date.parse(`${sql[1]}T${sql[2]}${sql[3] ?? 'Z'}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Zod's issue codes in French (the field is named by the issue's path). */
const FRENCH_ISSUES: Record<string, string> = {
  invalid_type: 'type inattendu',
  invalid_value: 'valeur non permise',
  invalid_union: 'valeur non permise',
  too_big: 'trop grand ou trop long',
  too_small: 'trop petit ou trop court',
  unrecognized_keys: 'champ inconnu',
};

function sameSecret(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented.trim());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function limitOf(raw: string | null, fallback: number, max: number): number {
  if (raw === null) return fallback;
  if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw new HubError(400, `limit invalide : entier de 1 à ${max} attendu`);
  return Number(raw);
}

export class IncidentRoutes {
  constructor(
    private readonly store: IncidentStore,
    private readonly secret: string,
    private readonly log: Logger,
  ) {}

  /** Every refusal is logged: a misconfigured Uptime-Kuma shows up in the hub's log, not only in its own. */
  private refuse(ctx: Ctx, status: number, message: string, issues?: Record<string, string[]>): never {
    this.log.warn('uptime-kuma webhook refused', { status, reason: message, issues, from: ctx.req.socket.remoteAddress });
    throw new HubError(status, message, issues);
  }

  webhook = async (ctx: Ctx): Promise<void> => {
    if (!sameSecret(ctx.req.headers[UPTIME_KUMA_SECRET_HEADER], this.secret)) {
      this.refuse(ctx, 401, `Secret du webhook absent ou invalide (en-tête ${UPTIME_KUMA_SECRET_HEADER})`);
    }
    if (!/^application\/json\b/i.test(ctx.req.headers['content-type'] ?? '')) {
      this.refuse(ctx, 415, 'Corps JSON attendu (Uptime-Kuma : corps de requête « application/json »)');
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(ctx.req, MAX_WEBHOOK_BYTES)).toString('utf8'));
    } catch (err) {
      if (err instanceof BodyTooLargeError) this.refuse(ctx, 413, 'Notification trop volumineuse');
      this.refuse(ctx, 400, 'Corps JSON invalide');
    }
    const parsed = uptimeKumaWebhookSchema().safeParse(body);
    if (!parsed.success) {
      const issues: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (issues[issue.path.join('.') || 'corps'] ??= []).push(FRENCH_ISSUES[issue.code] ?? 'valeur invalide');
      this.refuse(ctx, 400, 'Notification Uptime-Kuma invalide', issues);
    }
    const { heartbeat, monitor, msg } = parsed.data;
    let result: UptimeKumaWebhookResult;
    if (!heartbeat || !monitor) {
      // Uptime-Kuma's « Test » button: no monitor, no heartbeat.
      result = { outcome: 'ignored', incident: null, reason: 'notification de test' };
    } else {
      const at = heartbeatTime(heartbeat.time);
      if (!at) this.refuse(ctx, 400, 'Notification Uptime-Kuma invalide', { 'heartbeat.time': ['date illisible'] });
      if (heartbeat.monitorID !== monitor.id) this.refuse(ctx, 400, 'Notification Uptime-Kuma invalide', { 'heartbeat.monitorID': ['ne correspond pas à monitor.id'] });
      const element = this.store.elementOfMonitor(monitor.id);
      if (!element) {
        this.log.warn('uptime-kuma webhook: monitor not mapped to a network element', { monitor: monitor.id, name: monitor.name });
        result = { outcome: 'ignored', incident: null, reason: `moniteur ${monitor.id} non associé à un élément du réseau` };
      } else {
        result = this.store.apply(element, { monitorId: monitor.id, monitorName: monitor.name, status: heartbeat.status, message: heartbeat.msg || msg, at });
      }
    }
    sendJson(ctx.res, 200, result);
  };

  list = ({ res, query }: Ctx): void => {
    const status = query.get('status') ?? 'open';
    if (status !== 'open' && status !== 'resolved' && status !== 'all') throw new HubError(400, 'status invalide : open, resolved ou all');
    const body: IncidentList = { data: this.store.list(status, limitOf(query.get('limit'), 50, 200)) };
    sendJson(res, 200, body);
  };

  get = ({ res, params }: Ctx): void => {
    const incident = this.store.get(params.id ?? '');
    if (!incident) throw new HubError(404, `Incident introuvable : ${params.id ?? ''}`);
    sendJson(res, 200, incident);
  };

  affected = ({ res, params, query }: Ctx): void => {
    const incident = this.store.get(params.id ?? '');
    if (!incident) throw new HubError(404, `Incident introuvable : ${params.id ?? ''}`);
    const cursor = query.get('cursor');
    if (cursor !== null && !/^[A-Za-z0-9-]{1,40}$/.test(cursor)) throw new HubError(400, 'cursor invalide');
    sendJson(res, 200, this.store.affectedPage(incident.id, limitOf(query.get('limit'), 100, MAX_AFFECTED_PAGE), cursor));
  };

  monitors = ({ res }: Ctx): void => {
    sendJson(res, 200, { data: this.store.monitors() });
  };

  affectedIndex = ({ res }: Ctx): void => {
    sendJson(res, 200, this.store.affectedIndex());
  };
}
