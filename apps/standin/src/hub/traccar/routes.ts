// `GET /traccar/devices` and `GET /traccar/positions?deviceId=N` (one device per request, like
// Traccar): positions follow each technician's jobs of the day (recomputed as jobs move).
import type { Region, TraccarDevice, TraccarPosition } from '@gigafibre/contracts';
import type { Db } from '../../db/open';
import { sendJson } from '../../http/respond';
import type { Ctx } from '../../http/router';
import { DEPOTS } from '../../seed/places';
import { minutesOf, montrealInstant, montrealWallClock } from '@gigafibre/contracts';
import { HubError } from '../errors';
import { positionAt, type Stop } from './route-plan';

interface DeviceRow {
  id: number;
  name: string;
  unique_id: string;
  technician: string;
  territory: string | null;
  shift_start: string | null;
  shift_end: string | null;
}

/** Fixes every 30 s. */
const FIX_SECONDS = 30;

export class TraccarService {
  private readonly devicesStmt;
  private readonly deviceStmt;
  private readonly stopsStmt;
  private readonly byTechnician;

  constructor(
    db: Db,
    private readonly now: () => Date,
  ) {
    const select = `SELECT d.id, d.name, d.unique_id, d.technician, t.territory, t.shift_start, t.shift_end
      FROM traccar_devices d JOIN "tabTechnician" t ON t.name = d.technician`;
    this.devicesStmt = db.prepare(`${select} ORDER BY d.id`);
    this.deviceStmt = db.prepare(`${select} WHERE d.id = ?`);
    this.byTechnician = db.prepare(`${select} WHERE d.technician = ? ORDER BY d.id LIMIT 1`);
    this.stopsStmt = db.prepare(
      `SELECT j.start_time, j.duration_minutes, l.latitude AS lat, l.longitude AS lon
       FROM "tabDispatch Job" j JOIN "tabService Location" l ON l.name = j.service_location
       WHERE j.technician = ? AND j.scheduled_date = ? AND j.status != 'Cancelled' AND j.start_time IS NOT NULL
         AND l.latitude IS NOT NULL ORDER BY j.start_time`,
    );
  }

  devices = ({ res }: Ctx): void => {
    const now = this.now();
    const minute = this.minuteOf(now);
    const out: TraccarDevice[] = (this.devicesStmt.all() as DeviceRow[]).map((d) => {
      const onShift = this.onShift(d, minute);
      return {
        id: d.id,
        name: d.name,
        uniqueId: d.unique_id,
        status: onShift ? 'online' : 'offline',
        lastUpdate: new Date(this.lastFix(now, d, minute)).toISOString(),
      };
    });
    sendJson(res, 200, out);
  };

  positions = ({ res, query }: Ctx): void => {
    const ids = query.getAll('deviceId');
    if (ids.length !== 1 || !/^\d+$/.test(ids[0] ?? '')) throw new HubError(400, 'Un seul deviceId numérique est requis');
    const d = this.deviceStmt.get(Number(ids[0])) as DeviceRow | undefined;
    if (!d) throw new HubError(404, `Appareil Traccar introuvable : ${ids[0] as string}`);
    const now = this.now();
    const from = query.get('from');
    const to = query.get('to');
    if (from || to) {
      const a = Date.parse(from ?? '');
      const b = Date.parse(to ?? '');
      if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) throw new HubError(400, 'from et to doivent être des dates ISO 8601 (from ≤ to)');
      const step = Math.max(60_000, Math.ceil((b - a) / 1440));
      const out: TraccarPosition[] = [];
      for (let t = a; t <= Math.min(b, now.getTime()); t += step) out.push(this.position(d, new Date(t)));
      return sendJson(res, 200, out);
    }
    sendJson(res, 200, [this.position(d, new Date(this.lastFix(now, d, this.minuteOf(now))))]);
  };

  /** The technician's last Traccar fix now, or null when they have no unit. */
  lastPosition(technician: string): { latitude: number; longitude: number } | null {
    const d = this.byTechnician.get(technician) as DeviceRow | undefined;
    if (!d) return null;
    const now = this.now();
    return this.position(d, new Date(this.lastFix(now, d, this.minuteOf(now))));
  }

  private minuteOf(at: Date): number {
    const { time } = montrealWallClock(at);
    return minutesOf(time) + at.getSeconds() / 60;
  }

  private onShift(d: DeviceRow, minute: number): boolean {
    return minute >= minutesOf(d.shift_start ?? '07:00') - 30 && minute <= minutesOf(d.shift_end ?? '16:00') + 30;
  }

  /** Off shift the unit reports once, at the end of the shift (or the previous evening). */
  private lastFix(now: Date, d: DeviceRow, minute: number): number {
    const fix = Math.floor(now.getTime() / (FIX_SECONDS * 1000)) * FIX_SECONDS * 1000;
    if (this.onShift(d, minute)) return fix;
    const { date } = montrealWallClock(now);
    const end = montrealInstant(date, minutesOf(d.shift_end ?? '16:00:00')) + 30 * 60_000;
    return end <= now.getTime() ? end : end - 86_400_000;
  }

  private position(d: DeviceRow, at: Date): TraccarPosition & Record<string, unknown> {
    const { date } = montrealWallClock(at);
    const stops: Stop[] = (this.stopsStmt.all(d.technician, date) as { start_time: string; duration_minutes: number; lat: number; lon: number }[]).map((s) => ({
      lat: s.lat,
      lon: s.lon,
      start: minutesOf(s.start_time),
      end: minutesOf(s.start_time) + s.duration_minutes,
    }));
    const depot = DEPOTS[(d.territory ?? 'Montréal') as Region] ?? DEPOTS['Montréal'];
    const fix = positionAt(depot, stops, minutesOf(d.shift_start ?? '07:00'), this.minuteOf(at));
    const iso = at.toISOString();
    return {
      id: d.id * 10_000_000 + Math.floor(at.getTime() / (FIX_SECONDS * 1000)) % 10_000_000,
      deviceId: d.id,
      protocol: 'osmand',
      deviceTime: iso,
      fixTime: iso,
      serverTime: iso,
      valid: true,
      latitude: Math.round(fix.lat * 1e6) / 1e6,
      longitude: Math.round(fix.lon * 1e6) / 1e6,
      altitude: 45,
      speed: fix.speed,
      course: fix.course,
      accuracy: 8,
      attributes: { motion: fix.moving, ignition: fix.moving },
    };
  }
}
