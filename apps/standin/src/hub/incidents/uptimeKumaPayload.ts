// Builds a notification as Uptime-Kuma's webhook provider posts it (server/notification-providers/
// webhook.js: `{ heartbeat, monitor, msg }`), for tests, the e2e story and the bench.
import type { UptimeKumaStatus, UptimeKumaWebhook } from '@gigafibre/contracts';

/** Uptime-Kuma's UTC SQL datetime (`R.isoDateTimeMillis(dayjs.utc())`): `2026-12-07 15:40:00.123`. */
export function uptimeKumaTime(at: Date): string {
  return at.toISOString().replace('T', ' ').replace('Z', '');
}

/** A down (0) / up (1) / pending (2) / maintenance (3) notification for a monitor, as sent. */
export function uptimeKumaNotification(monitor: { id: number; name: string; hostname?: string }, status: UptimeKumaStatus, at: Date, beatMsg: string): UptimeKumaWebhook {
  const text = status === 1 ? '✅ Up' : '🔴 Down';
  return {
    heartbeat: {
      monitorID: monitor.id,
      status,
      time: uptimeKumaTime(at),
      msg: beatMsg,
      ping: null,
      important: true,
      duration: 60,
      retries: 0,
      timezone: 'America/Toronto',
      timezoneOffset: '-05:00',
      localDateTime: uptimeKumaTime(new Date(at.getTime() - 5 * 3600_000)).slice(0, 19),
    },
    monitor: {
      id: monitor.id,
      name: monitor.name,
      description: null,
      pathName: monitor.name,
      type: 'ping',
      hostname: monitor.hostname ?? '10.20.0.1',
      url: 'https://',
      interval: 60,
      maxretries: 1,
      active: true,
      tags: [{ tag_id: 1, monitor_id: monitor.id, value: '', name: 'olt', color: '#2563EB' }],
    },
    msg: `[${monitor.name}] [${text}] ${beatMsg}`,
  };
}
