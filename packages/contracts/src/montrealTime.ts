// Montréal's wall clock, the one every side of the product reads « today » and « now » from:
// ERPNext stores dates and times as naive Montréal wall time (System Settings time zone
// America/Toronto, which Montréal follows), dispatchers plan in it, and a machine or browser in
// another zone (CI runs in UTC) must not see another day. Calendar-date arithmetic needs no zone.

/** The IANA zone of Montréal's clocks (Montréal follows Toronto's rules). */
export const MONTREAL_TIME_ZONE = 'America/Toronto';

/** Minutes in an ordinary day (the spring change has 1380, the autumn one 1500). */
export const MINUTES_PER_DAY = 24 * 60;

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: MONTREAL_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Where an instant falls on Montréal's wall clock. */
export interface WallClock {
  /** `YYYY-MM-DD`. */
  date: string;
  /** `HH:mm:ss`. */
  time: string;
  /** Minutes since local midnight, seconds included as a fraction. */
  minutes: number;
}

/** Montréal's wall-clock date and time at `instant` (a Date or ms since the epoch). */
export function montrealWallClock(instant: Date | number): WallClock {
  const p: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(typeof instant === 'number' ? new Date(instant) : instant)) p[part.type] = part.value;
  const time = `${p.hour}:${p.minute}:${p.second}`;
  return { date: `${p.year}-${p.month}-${p.day}`, time, minutes: Number(p.hour) * 60 + Number(p.minute) + Number(p.second) / 60 };
}

/** Today's date in Montréal, `YYYY-MM-DD`, whatever the machine's or the browser's zone. */
export function montrealToday(now: Date | number = Date.now()): string {
  return montrealWallClock(now).date;
}

/** Offset (ms) to add to an instant to read Montréal's wall time as if it were UTC. */
function offsetAt(instantMs: number): number {
  const wall = montrealWallClock(instantMs);
  const [y, m, d] = splitDate(wall.date);
  return Date.UTC(y, m - 1, d) + Math.round(wall.minutes * 60) * 1000 - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant (ms) at which Montréal's wall clock reads `minutes` after midnight on `date`.
 * A time skipped by the spring change (02:30 on 2026-03-08) is read with the offset in force
 * before it, i.e. one hour later (03:30 EDT); a time that happens twice in the autumn (01:30 on
 * 2026-11-01) is its first occurrence (EDT).
 */
export function montrealInstant(date: string, minutes = 0): number {
  const [y, m, d] = splitDate(date);
  const asUtc = Date.UTC(y, m - 1, d) + minutes * 60_000;
  // The offset a few hours before is the one in force before any change that day.
  const before = offsetAt(asUtc - 6 * 3_600_000);
  const guess = asUtc - before;
  const after = offsetAt(guess);
  if (after === before) return guess;
  // The clocks changed in between: the wall time exists with the new offset, or it was skipped
  // (spring gap) and `guess` is already the same reading one hour later.
  const withNewOffset = asUtc - after;
  return offsetAt(withNewOffset) === after ? withNewOffset : guess;
}

/** Length of a Montréal day in minutes: 1380 on the spring change, 1500 on the autumn one. */
export function dayLengthMinutes(date: string): number {
  return Math.round((montrealInstant(addDays(date, 1)) - montrealInstant(date)) / 60_000);
}

/** True when the clocks change on `date` in Montréal. */
export function isDstChangeDay(date: string): boolean {
  return dayLengthMinutes(date) !== MINUTES_PER_DAY;
}

function splitDate(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const [y, m, d] = splitDate(value);
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === value;
}

const addDaysMemo = new Map<string, string>();

/** `date` plus `days` calendar days (no time zone involved; memoised: the seed calls it millions of times). */
export function addDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  let out = addDaysMemo.get(key);
  if (out === undefined) {
    const [y, m, d] = splitDate(date);
    out = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
    if (addDaysMemo.size > 50_000) addDaysMemo.clear();
    addDaysMemo.set(key, out);
  }
  return out;
}

/** Day of the week of a calendar date, 0 = Sunday. */
export function dayOfWeek(date: string): number {
  const [y, m, d] = splitDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Minutes since midnight of `HH:mm[:ss]` (no validation: see the SPA's parseTime for input). */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** `HH:mm:ss` of whole minutes since midnight, as Frappe's Time fields hold it. */
export function timeOf(minutes: number): string {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
}

/** Frappe's timestamp format, `YYYY-MM-DD HH:mm:ss.ffffff`, in Montréal wall time. */
export function frappeTimestamp(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const { date, time } = montrealWallClock(ms);
  return `${date} ${time}.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}000`;
}

const FRAPPE_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?$/;

/**
 * Reads Frappe's naive `YYYY-MM-DD[ HH:mm[:ss[.ffffff]]]` (Montréal wall time) as an instant.
 * A string with an explicit zone (`Z`, `+02:00`) is read as such. Null when unreadable.
 */
export function parseFrappeDatetime(value: string): Date | null {
  const m = FRAPPE_DATETIME.exec(value.trim());
  if (!m) {
    const parsed = new Date(value);
    return /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) && !Number.isNaN(parsed.getTime()) ? parsed : null;
  }
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0'] = m;
  const date = `${y}-${mo}-${d}`;
  if (!isIsoDate(date) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const seconds = Number(s) + Number(frac.padEnd(3, '0').slice(0, 3)) / 1000;
  return new Date(montrealInstant(date, Number(h) * 60 + Number(mi)) + seconds * 1000);
}
