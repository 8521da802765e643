// The « en route » text: the hub watches the change log (the same one its /events stream relays)
// for Dispatch Jobs turning `En Route` and texts the customer the technician's first name and an
// arrival window (enRouteEta.ts). The idempotency key `en-route:<job>:<en_route_at>` makes it once
// per transition: the status written twice, or two hub processes watching the same log, send one
// text (the key is unique in sms_messages); a later new transition (a new en_route_at) sends again.
import {
  etaWindow,
  firstName,
  formatEtaWindow,
  parseFrappeDatetime,
  renderSmsTemplate,
  smsLanguage,
  toE164,
  type DocChangeEvent,
} from '@gigafibre/contracts';
import { createHash } from 'node:crypto';
import type { EventLog } from '../../db/events';
import type { Db } from '../../db/open';
import type { Logger } from '../../log';
import { HubError } from '../errors';
import type { Messaging } from './messaging';

interface JobRow {
  name: string;
  status: string;
  customer: string;
  technician: string | null;
  en_route_at: string | null;
  no_sms: number | null;
  latitude: number | null;
  longitude: number | null;
  customer_name: string;
  language: string | null;
  mobile_no: string | null;
  technician_name: string | null;
}

/** A point for a zero-length trip (no fix, no coordinates). */
const NOWHERE = { latitude: 0, longitude: 0 };

/** Where the technician is (their last Traccar fix), when known. */
export type PositionOf = (technician: string) => { latitude: number; longitude: number } | null;

export interface EnRouteOptions {
  db: Db;
  log: EventLog;
  messaging: Messaging;
  positionOf: PositionOf;
  now: () => Date;
  logger: Pick<Logger, 'warn' | 'info'>;
  /** Also read the log this often (another process may write it); null when every writer is in-process. */
  pollMs: number | null;
}

/** What happened to one job's « en route » text (for tests and logs). */
export type EnRouteOutcome = 'sent' | 'already_sent' | 'not_en_route' | 'no_sms' | 'opted_out' | 'no_number' | 'refused';

export class EnRouteTexts {
  private lastSeen: number;
  private readonly jobStmt;
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private scheduled = false;

  constructor(private readonly opts: EnRouteOptions) {
    this.lastSeen = opts.log.lastId(); // history was texted (or not) before this process
    this.jobStmt = opts.db.prepare(
      `SELECT j.name, j.status, j.customer, j.technician, j.en_route_at, j.no_sms, l.latitude, l.longitude,
         c.customer_name, c.language, c.mobile_no, t.technician_name
       FROM "tabDispatch Job" j JOIN "tabCustomer" c ON c.name = j.customer
       LEFT JOIN "tabService Location" l ON l.name = j.service_location
       LEFT JOIN "tabTechnician" t ON t.name = j.technician
       WHERE j.name = ?`,
    );
  }

  start(): void {
    this.unsubscribe = this.opts.log.onAppend(() => this.schedule());
    if (this.opts.pollMs !== null) {
      this.timer = setInterval(() => this.drain(), this.opts.pollMs);
      this.timer.unref();
    }
  }

  close(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  /** Reads the log past what was seen and texts every job that turned En Route. */
  drain(): void {
    for (;;) {
      const events = this.opts.log.since(this.lastSeen, 500);
      if (events.length === 0) return;
      this.lastSeen = events[events.length - 1]?.id ?? this.lastSeen;
      for (const e of events) if (e.type === 'doc_change' && turnsEnRoute(e.data)) this.textFor(e.data.name);
    }
  }

  /** Texts the job's customer if it is En Route now; says what it did. */
  textFor(job: string): EnRouteOutcome {
    const j = this.jobStmt.get(job) as JobRow | undefined;
    if (!j || j.status !== 'En Route' || !j.en_route_at) return 'not_en_route';
    if (j.no_sms) return 'no_sms';
    const to = toE164(j.mobile_no ?? '');
    if (!to) return 'no_number';
    if (this.opts.messaging.store.optState(to).opted_out) return 'opted_out';
    const language = smsLanguage(j.language);
    const departure = parseFrappeDatetime(j.en_route_at)?.getTime() ?? this.opts.now().getTime();
    const site = j.latitude !== null && j.longitude !== null ? { latitude: j.latitude, longitude: j.longitude } : null;
    // No fix or no coordinates: the window starts at departure (better late than a wrong promise of « soon »).
    const from = (j.technician && this.opts.positionOf(j.technician)) || site;
    const window = formatEtaWindow(site && from ? etaWindow(departure, from, site) : etaWindow(departure, NOWHERE, NOWHERE), language);
    const body = renderSmsTemplate('en_route', language, {
      client_first_name: firstName(j.customer_name),
      technician_first_name: firstName(j.technician_name) || (language === 'fr-CA' ? 'Le technicien' : 'The technician'),
      window,
    });
    const key = `en-route:${j.name}:${j.en_route_at}`;
    try {
      const { created } = this.opts.messaging.send({
        customer: j.customer,
        to,
        body,
        template: 'en_route',
        job: j.name,
        sentBy: null,
        idempotencyKey: key,
        // The key alone decides: two replicas may word the window a minute apart.
        fingerprint: createHash('sha256').update(key).digest('hex'),
      });
      return created ? 'sent' : 'already_sent';
    } catch (err) {
      if (!(err instanceof HubError)) throw err;
      this.opts.logger.warn('en route text refused', { job, error: err.message });
      return err.reason?.code === 'opted_out' ? 'opted_out' : 'refused';
    }
  }
}

function turnsEnRoute(e: DocChangeEvent): boolean {
  return e.doctype === 'Dispatch Job' && e.action !== 'delete' && (e.changed.includes('en_route_at') || e.changed.includes('status'));
}
