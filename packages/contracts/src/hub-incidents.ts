// Outage incidents: the hub receives Uptime-Kuma's webhook notifications (as Uptime-Kuma 2.x sends
// them: server/notification-providers/webhook.js posts `{ heartbeat, monitor, msg }` as JSON, the
// heartbeat from server/model/heartbeat.js toJSONAsync, the monitor from server/model/monitor.js
// toJSON), maps the monitor to a network element (OLT, PON port, zone) through a mapping it keeps,
// opens / updates / resolves one incident per element, and relays each change on `/events` as
// `event: incident`. Affected customers are the ones whose ONT hangs off the element.
import { z } from 'zod';

/** Uptime-Kuma's heartbeat statuses (src/util.ts: DOWN 0, UP 1, PENDING 2, MAINTENANCE 3). */
export const UPTIME_KUMA_STATUS = { down: 0, up: 1, pending: 2, maintenance: 3 } as const;

/** One of Uptime-Kuma's heartbeat statuses. */
export type UptimeKumaStatus = (typeof UPTIME_KUMA_STATUS)[keyof typeof UPTIME_KUMA_STATUS];

/**
 * The header carrying the webhook's shared secret. Production sets it in the Uptime-Kuma
 * notification (type Webhook, Request Body « application/json »), field « Additional Headers »:
 * `{"X-Gigafibre-Webhook-Secret": "<UPTIME_KUMA_WEBHOOK_SECRET>"}`; the hub compares it in
 * constant time. The webhook is posted to the hub directly, never through the BFF.
 */
export const UPTIME_KUMA_SECRET_HEADER = 'x-gigafibre-webhook-secret';

// Built on first use, not at import: a top-level zod call would pull zod into the SPA's first load
// (the SPA imports this package's index; only the hub validates notifications).
function buildWebhookSchema() {
  // A monitor tag as Uptime-Kuma sends it (monitor_tag joined with tag).
  const tag = z.looseObject({
    tag_id: z.number().int().optional(),
    monitor_id: z.number().int().optional(),
    name: z.string().max(255),
    value: z.string().max(255).nullable().optional(),
    color: z.string().max(64).optional(),
  });
  // The heartbeat (more fields ride along: ping, duration, timezone, localDateTime…).
  const heartbeat = z.looseObject({
    monitorID: z.number().int().positive(),
    status: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    // UTC, `YYYY-MM-DD HH:mm:ss.SSS` (R.isoDateTimeMillis(dayjs.utc())).
    time: z.string().min(10).max(40),
    msg: z.string().max(4000),
    important: z.boolean().optional(),
  });
  // The monitor (only what the hub reads is checked; the rest rides along).
  const monitor = z.looseObject({
    id: z.number().int().positive(),
    name: z.string().min(1).max(255),
    url: z.string().max(2048).nullable().optional(),
    hostname: z.string().max(255).nullable().optional(),
    tags: z.array(tag).max(100).optional(),
  });
  // Uptime-Kuma's « Test » button posts heartbeat and monitor as null.
  return z.object({ heartbeat: heartbeat.nullable(), monitor: monitor.nullable(), msg: z.string().max(4000) });
}
let webhookSchema: ReturnType<typeof buildWebhookSchema> | undefined;

/**
 * `POST /webhooks/uptime-kuma` body schema (`{ heartbeat, monitor, msg }`); Uptime-Kuma's « Test »
 * button posts heartbeat and monitor as null, which the hub answers 200 without changing anything.
 */
export function uptimeKumaWebhookSchema(): ReturnType<typeof buildWebhookSchema> {
  return (webhookSchema ??= buildWebhookSchema());
}

/** `POST /webhooks/uptime-kuma` body, as Uptime-Kuma posts it. */
export type UptimeKumaWebhook = z.infer<ReturnType<typeof uptimeKumaWebhookSchema>>;

/** `POST /webhooks/uptime-kuma` answer (200): what the hub did with the notification. */
export interface UptimeKumaWebhookResult {
  outcome: 'opened' | 'reopened' | 'updated' | 'resolved' | 'ignored';
  /** The incident touched, when there is one. */
  incident: string | null;
  /** Why nothing changed (`ignored`): a test, an unmapped monitor, an up with nothing open… */
  reason?: string;
}

/** Kinds of network element a monitor watches. */
export type NetworkElementKind = 'olt' | 'pon' | 'zone';

/** A network element: zones hold OLTs, OLTs hold PON ports, ONTs hang off a PON port. */
export interface NetworkElement {
  /** `OLT-LAV-01`, `OLT-LAV-01/1/3`, `ZONE-LAV`. */
  id: string;
  kind: NetworkElementKind;
  /** Human name, « OLT Laval 01 », « OLT Laval 01 · PON 1/3 », « Zone Laval ». */
  name: string;
  /** The OLT of a PON port, the zone of an OLT; null for a zone. */
  parent: string | null;
  /** The zone it belongs to (itself for a zone). */
  zone: string;
}

/** The hub's monitor → element mapping (one row per Uptime-Kuma monitor it knows). */
export interface MonitorMapping {
  monitor_id: number;
  element: string;
}

/** `GET /network/monitors` answer (hub token only; the BFF proxies no such route). */
export interface MonitorMappingList {
  data: { monitor_id: number; element: NetworkElement }[];
}

/** An incident's state. */
export type IncidentStatus = 'open' | 'resolved';

/** What one change did to an incident. */
export type IncidentChangeKind = 'opened' | 'down' | 'pending' | 'maintenance' | 'resolved' | 'reopened';

/** One entry of an incident's timeline. */
export interface IncidentChange {
  /** ISO 8601 (the heartbeat's time). */
  at: string;
  kind: IncidentChangeKind;
  /** The heartbeat status that caused it. */
  monitor_status: UptimeKumaStatus;
  message: string;
}

/** An incident (`GET /incidents` rows). */
export interface Incident {
  /** `INC-000001`. */
  id: string;
  element: NetworkElement;
  monitor: { id: number; name: string };
  status: IncidentStatus;
  /** ISO 8601. */
  opened_at: string;
  resolved_at: string | null;
  /** The last heartbeat message. */
  last_message: string;
  /** Active customers whose ONT hangs off the element (counted when opened or reopened). */
  affected_count: number;
  updated_at: string;
}

/** `GET /incidents/:id` answer. */
export interface IncidentDetail extends Incident {
  /** Oldest first. */
  timeline: IncidentChange[];
}

/** `GET /incidents?status=open|resolved|all&limit=` answer (newest first; default open, limit ≤ 200). */
export interface IncidentList {
  data: Incident[];
}

/** One affected customer at one service location. */
export interface AffectedCustomer {
  customer: string;
  customer_name: string;
  service_location: string;
  address_line: string;
  city: string | null;
  /** The PON port the location's ONT hangs off. */
  pon: string;
  /** The client's mobile as ERPNext holds it (any format), for the outage text. */
  mobile_no: string | null;
  /** The client's language (`fr`, `en`…), for the outage text. */
  language: string | null;
}

/** `GET /incidents/:id/affected?limit=&cursor=` answer (by service location; limit ≤ 500, default 100). */
export interface AffectedPage {
  data: AffectedCustomer[];
  /** Pass as `cursor` for the next page; null on the last. */
  next_cursor: string | null;
  total: number;
}

/**
 * `GET /incidents/affected-index` answer: for every open incident, the customers and service
 * locations it touches, so a screen can tell « is this client affected » without a call per row.
 */
export interface AffectedIndex {
  data: { incident: string; customers: string[]; service_locations: string[] }[];
}

/** `event: incident` on the hub's `/events` stream: the incident after the change, and the change. */
export interface IncidentEvent {
  incident: Incident;
  change: IncidentChange;
}

/**
 * A down on an element whose incident was resolved less than this long ago reopens the same
 * incident (a flapping monitor keeps one incident and a timeline, not a flood).
 */
export const INCIDENT_REOPEN_WINDOW_MS = 10 * 60_000;

/** `Message.template` of the outage texts (POST /messages). */
export const OUTAGE_SMS_TEMPLATE = 'outage_notice';

/** The outage text, by language: no variables (nothing about the network a client cannot use). */
export const OUTAGE_SMS: Readonly<Record<'fr-CA' | 'en-CA', string>> = {
  'fr-CA': 'Gigafibre : une panne touche présentement le service Internet de votre secteur. Nos équipes y travaillent; inutile de redémarrer votre équipement. Nous vous aviserons du rétablissement.',
  'en-CA': 'Gigafibre: an outage is currently affecting Internet service in your area. Our teams are on it; there is no need to restart your equipment. We will let you know once it is restored.',
};

/** The Idempotency-Key of one client's outage text: the hub sends it at most once per incident. */
export function outageNotifyKey(incident: string, customer: string): string {
  return `incident:${incident}:${customer}`;
}
