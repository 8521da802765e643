// Durations as a CSR says them: « hors ligne depuis 3 h », « en service depuis 4 j 2 h ».

/** A duration split for display; the message chosen depends on `kind`. */
export type DurationParts =
  | { kind: 'lessThanMinute' }
  | { kind: 'minutes'; m: number }
  | { kind: 'hours'; h: number }
  | { kind: 'hoursMinutes'; h: number; m: number }
  | { kind: 'days'; d: number }
  | { kind: 'daysHours'; d: number; h: number };

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Elapsed time in one unit, rounded down (how long a device has been silent): minutes under an
 * hour, hours under two days, then days.
 */
export function elapsedParts(seconds: number): DurationParts {
  const s = Math.max(0, Math.floor(seconds));
  if (s < MINUTE) return { kind: 'lessThanMinute' };
  if (s < HOUR) return { kind: 'minutes', m: Math.floor(s / MINUTE) };
  if (s < 2 * DAY) return { kind: 'hours', h: Math.floor(s / HOUR) };
  return { kind: 'days', d: Math.floor(s / DAY) };
}

/** An uptime in its two largest units, rounded down: « 12 min », « 4 h 12 min », « 3 j 4 h ». */
export function uptimeParts(seconds: number): DurationParts {
  const s = Math.max(0, Math.floor(seconds));
  if (s < MINUTE) return { kind: 'lessThanMinute' };
  if (s < HOUR) return { kind: 'minutes', m: Math.floor(s / MINUTE) };
  if (s < DAY) return { kind: 'hoursMinutes', h: Math.floor(s / HOUR), m: Math.floor((s % HOUR) / MINUTE) };
  return { kind: 'daysHours', d: Math.floor(s / DAY), h: Math.floor((s % DAY) / HOUR) };
}
