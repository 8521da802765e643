// Incidents in SQLite: one per network element at a time, opened by a down, resolved by an up,
// reopened by a down soon after (a flapping monitor), each change on the timeline and the event log.
import {
  INCIDENT_REOPEN_WINDOW_MS,
  type AffectedCustomer,
  type AffectedIndex,
  type AffectedPage,
  type Incident,
  type IncidentChange,
  type IncidentChangeKind,
  type IncidentDetail,
  type IncidentStatus,
  type NetworkElement,
  type UptimeKumaStatus,
  type UptimeKumaWebhookResult,
} from '@gigafibre/contracts';
import type { EventLog } from '../../db/events';
import type { Db } from '../../db/open';

interface IncidentRow {
  id: string;
  element: string;
  monitor_id: number;
  monitor_name: string;
  status: IncidentStatus;
  opened_at: string;
  resolved_at: string | null;
  last_message: string;
  affected_count: number;
  updated_at: string;
}

/** One notification, once validated: which monitor, what it says, when. */
export interface MonitorBeat {
  monitorId: number;
  monitorName: string;
  status: UptimeKumaStatus;
  message: string;
  /** ISO 8601. */
  at: string;
}

// Active ONTs on the given PON ports, one row per service location, with the client.
const AFFECTED_FROM = `FROM net_onts n
  JOIN "tabService Equipment" e ON e.serial_no = n.serial AND e.equipment_type = 'ONT' AND e.status = 'Active'
  JOIN "tabService Location" l ON l.name = e.service_location
  JOIN tabCustomer c ON c.name = l.customer AND c.disabled = 0 AND COALESCE(c.custom_account_status, 'Active') != 'Terminated'
  WHERE n.pon IN (SELECT value FROM json_each(?))`;

export class IncidentStore {
  constructor(
    private readonly db: Db,
    private readonly log: EventLog,
  ) {}

  element(id: string): NetworkElement | undefined {
    return this.db.prepare('SELECT id, kind, name, parent, zone FROM net_elements WHERE id = ?').get(id) as NetworkElement | undefined;
  }

  /** The element a monitor watches (the hub's mapping). */
  elementOfMonitor(monitorId: number): NetworkElement | undefined {
    const row = this.db.prepare('SELECT element FROM net_monitors WHERE monitor_id = ?').get(monitorId) as { element: string } | undefined;
    return row ? this.element(row.element) : undefined;
  }

  /** The monitor → element mapping the hub keeps, by monitor id. */
  monitors(): { monitor_id: number; element: NetworkElement }[] {
    const rows = this.db.prepare('SELECT m.monitor_id, e.id, e.kind, e.name, e.parent, e.zone FROM net_monitors m JOIN net_elements e ON e.id = m.element ORDER BY m.monitor_id').all() as (NetworkElement & { monitor_id: number })[];
    return rows.map(({ monitor_id, ...element }) => ({ monitor_id, element }));
  }

  /** The PON ports under an element (itself for a port). */
  ponsUnder(element: NetworkElement): string[] {
    if (element.kind === 'pon') return [element.id];
    const sql =
      element.kind === 'olt'
        ? `SELECT id FROM net_elements WHERE parent = ? AND kind = 'pon'`
        : `SELECT p.id FROM net_elements p JOIN net_elements o ON o.id = p.parent WHERE o.parent = ? AND p.kind = 'pon'`;
    return (this.db.prepare(sql).all(element.id) as { id: string }[]).map((r) => r.id);
  }

  /** Takes who an incident touches now (on open and reopen): later pages read this snapshot. */
  private snapshotAffected(incident: string, element: NetworkElement): number {
    this.db.prepare('DELETE FROM incident_affected WHERE incident = ?').run(incident);
    this.db
      .prepare(`INSERT INTO incident_affected (incident, service_location, customer, pon) SELECT ?, l.name, MIN(l.customer), MIN(n.pon) ${AFFECTED_FROM} GROUP BY l.name`)
      .run(incident, JSON.stringify(this.ponsUnder(element)));
    return (this.db.prepare('SELECT COUNT(DISTINCT customer) AS n FROM incident_affected WHERE incident = ?').get(incident) as { n: number }).n;
  }

  /** A page of an incident's affected service locations, by location name after `cursor`. */
  affectedPage(incident: string, limit: number, cursor: string | null): AffectedPage {
    const rows = this.db
      .prepare(
        `SELECT a.service_location, a.customer, c.customer_name, l.address_line, l.city, a.pon, c.mobile_no, c.language
         FROM incident_affected a JOIN "tabService Location" l ON l.name = a.service_location JOIN tabCustomer c ON c.name = a.customer
         WHERE a.incident = ? AND a.service_location > ? ORDER BY a.service_location LIMIT ?`,
      )
      .all(incident, cursor ?? '', limit + 1) as AffectedCustomer[];
    const total = (this.db.prepare('SELECT COUNT(*) AS n FROM incident_affected WHERE incident = ?').get(incident) as { n: number }).n;
    const more = rows.length > limit;
    const data = more ? rows.slice(0, limit) : rows;
    return { data, next_cursor: more ? (data[data.length - 1]?.service_location ?? null) : null, total };
  }

  /** Customers and locations of every open incident. */
  affectedIndex(): AffectedIndex {
    const open = this.db.prepare(`SELECT id FROM incidents WHERE status = 'open' ORDER BY opened_at`).all() as { id: string }[];
    const rows = this.db.prepare('SELECT customer, service_location FROM incident_affected WHERE incident = ?');
    const data = open.map(({ id }) => {
      const touched = rows.all(id) as { customer: string; service_location: string }[];
      return { incident: id, customers: [...new Set(touched.map((r) => r.customer))], service_locations: touched.map((r) => r.service_location) };
    });
    return { data };
  }

  list(status: IncidentStatus | 'all', limit: number): Incident[] {
    const rows = (
      status === 'all'
        ? this.db.prepare('SELECT * FROM incidents ORDER BY opened_at DESC, id DESC LIMIT ?').all(limit)
        : this.db.prepare('SELECT * FROM incidents WHERE status = ? ORDER BY opened_at DESC, id DESC LIMIT ?').all(status, limit)
    ) as IncidentRow[];
    return rows.map((r) => this.toIncident(r));
  }

  get(id: string): IncidentDetail | undefined {
    const row = this.db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
    if (!row) return undefined;
    const timeline = this.db.prepare('SELECT at, kind, monitor_status, message FROM incident_changes WHERE incident = ? ORDER BY id').all(id) as IncidentChange[];
    return { ...this.toIncident(row), timeline };
  }

  /**
   * Applies one notification to the element's incident. Down: opens one, or reopens the one resolved
   * less than INCIDENT_REOPEN_WINDOW_MS ago, or notes a repeat on the open one. Up: resolves.
   * Pending and maintenance: noted on an open incident, never open one.
   */
  apply(element: NetworkElement, beat: MonitorBeat): UptimeKumaWebhookResult {
    const result = this.db.transaction((): UptimeKumaWebhookResult => {
      const open = this.db.prepare(`SELECT * FROM incidents WHERE element = ? AND status = 'open' ORDER BY opened_at DESC LIMIT 1`).get(element.id) as IncidentRow | undefined;
      if (beat.status === 0) {
        if (open) return this.change(open.id, 'down', beat, {}, 'updated');
        const recent = this.db
          .prepare(`SELECT * FROM incidents WHERE element = ? AND status = 'resolved' AND resolved_at >= ? ORDER BY resolved_at DESC LIMIT 1`)
          .get(element.id, new Date(Date.parse(beat.at) - INCIDENT_REOPEN_WINDOW_MS).toISOString()) as IncidentRow | undefined;
        if (recent) return this.change(recent.id, 'reopened', beat, { status: 'open', resolved_at: null, affected_count: this.snapshotAffected(recent.id, element) }, 'reopened');
        const id = `INC-${String((this.db.prepare('SELECT COUNT(*) AS n FROM incidents').get() as { n: number }).n + 1).padStart(6, '0')}`;
        this.db
          .prepare(
            `INSERT INTO incidents (id, element, monitor_id, monitor_name, status, opened_at, resolved_at, last_message, affected_count, updated_at)
             VALUES (?, ?, ?, ?, 'open', ?, NULL, ?, ?, ?)`,
          )
          .run(id, element.id, beat.monitorId, beat.monitorName, beat.at, beat.message, 0, beat.at);
        this.db.prepare('UPDATE incidents SET affected_count = ? WHERE id = ?').run(this.snapshotAffected(id, element), id);
        return this.change(id, 'opened', beat, {}, 'opened');
      }
      if (!open) return { outcome: 'ignored', incident: null, reason: 'aucun incident ouvert sur cet élément' };
      if (beat.status === 1) return this.change(open.id, 'resolved', beat, { status: 'resolved', resolved_at: beat.at }, 'resolved');
      return this.change(open.id, beat.status === 2 ? 'pending' : 'maintenance', beat, {}, 'updated');
    })();
    this.log.flush();
    return result;
  }

  private change(
    id: string,
    kind: IncidentChangeKind,
    beat: MonitorBeat,
    set: { status?: IncidentStatus; resolved_at?: string | null; affected_count?: number },
    outcome: UptimeKumaWebhookResult['outcome'],
  ): UptimeKumaWebhookResult {
    const cols = { ...set, last_message: beat.message, updated_at: beat.at };
    const keys = Object.keys(cols);
    this.db.prepare(`UPDATE incidents SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(cols), id);
    const change: IncidentChange = { at: beat.at, kind, monitor_status: beat.status, message: beat.message };
    this.db.prepare('INSERT INTO incident_changes (incident, at, kind, monitor_status, message) VALUES (?, ?, ?, ?, ?)').run(id, change.at, kind, beat.status, beat.message);
    const row = this.db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow;
    this.log.appendTyped('incident', { incident: this.toIncident(row), change }, change.at);
    return { outcome, incident: id };
  }

  private toIncident(row: IncidentRow): Incident {
    const element = this.element(row.element) ?? { id: row.element, kind: 'pon', name: row.element, parent: null, zone: row.element };
    return {
      id: row.id,
      element,
      monitor: { id: row.monitor_id, name: row.monitor_name },
      status: row.status,
      opened_at: row.opened_at,
      resolved_at: row.resolved_at,
      last_message: row.last_message,
      affected_count: row.affected_count,
      updated_at: row.updated_at,
    };
  }
}
