// Local time in America/Toronto, as ERPNext stores it, and plain calendar-date arithmetic.

/** The server's time zone (ERPNext System Settings). */
export const TIME_ZONE = 'America/Toronto';

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Wall-clock parts of `date` in Toronto. */
export interface LocalParts {
  date: string; // YYYY-MM-DD
  time: string; // HH:mm:ss
}

/** `date` as Toronto wall-clock date and time. */
export function torontoParts(date: Date): LocalParts {
  const p: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(date)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

/** Frappe's timestamp format, `YYYY-MM-DD HH:mm:ss.SSSSSS`, in Toronto time. */
export function frappeTimestamp(date: Date): string {
  const { date: d, time } = torontoParts(date);
  return `${d} ${time}.${String(date.getMilliseconds()).padStart(3, '0')}000`;
}

/** Today's date in Toronto. */
export function torontoToday(now: Date): string {
  return torontoParts(now).date;
}

const addDaysCache = new Map<string, string>();

/** `isoDate` plus `days` calendar days (memoised: the seed calls it a few million times). */
export function addDays(isoDate: string, days: number): string {
  const key = `${isoDate}|${days}`;
  let out = addDaysCache.get(key);
  if (out === undefined) {
    const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
    out = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
    if (addDaysCache.size > 50_000) addDaysCache.clear();
    addDaysCache.set(key, out);
  }
  return out;
}

/** Day of week of a calendar date, 0 = Sunday. */
export function dayOfWeek(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The instant at which Toronto's wall clock reads `isoDate time` (DST-aware). */
export function torontoInstant(isoDate: string, time = '00:00:00'): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = time.split(':').map(Number) as [number, number, number?];
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss ?? 0);
  let guess = wall;
  // Two passes settle the offset, including across a DST change.
  for (let i = 0; i < 2; i++) {
    const p = torontoParts(new Date(guess));
    const [py, pm, pd] = p.date.split('-').map(Number) as [number, number, number];
    const [ph, pmin, ps] = p.time.split(':').map(Number) as [number, number, number];
    guess += wall - Date.UTC(py, pm - 1, pd, ph, pmin, ps);
  }
  return new Date(guess);
}

/** Minutes since midnight of `HH:mm[:ss]`. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** `HH:mm:ss` of minutes since midnight. */
export function timeOf(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`;
}
